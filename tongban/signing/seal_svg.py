"""The picture of a seal (印模) as SVG: a red ring, the name along the upper arc, a star, the kind below it.

This follows the usual shape of a Chinese official seal (GA 241 describes the physical ones): the issuer's name
runs clockwise along the upper rim, a five-pointed star sits in the centre, and a straight line under the star
names the seal's use (行政审批专用章) when it is a special-purpose seal. Characters are placed one by one on the
arc (not with ``textPath``), so browsers, WeasyPrint and image converters all draw the same picture. The picture
is only what a reader sees; the signature that proves the document is the PAdES signature (``services.sign_pdf``).
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

RED = "#d3202a"
FONT_FAMILY = "'Noto Serif CJK SC', 'Noto Sans CJK SC', 'AR PL UMing CN', 'WenQuanYi Micro Hei', serif"
SIZE = 200
MAX_RING_CHARS = 24


def _star(cx: float, cy: float, outer: float) -> str:
    inner = outer * 0.382  # the regular pentagram's inner radius ratio
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 36)
        points.append(f"{cx + radius * math.cos(angle):.2f},{cy + radius * math.sin(angle):.2f}")
    return f'<polygon points="{" ".join(points)}"/>'


def seal_svg(ring_text: str, *, kind_label: str = "", title: str = "") -> str:
    """The SVG of a round red seal with ``ring_text`` on the rim and ``kind_label`` (may be empty) below the star."""
    text = (ring_text.strip() or "印章")[:MAX_RING_CHARS]
    centre = SIZE / 2
    font_size = 21.0 if len(text) <= 12 else max(14.0, 21.0 - (len(text) - 12) * 0.6)
    radius = 96 - 6 - font_size * 0.75  # the glyphs' centres, inside the ring
    span = min(260.0, (font_size * 1.05) / radius * 180 / math.pi * len(text))  # degrees, centred on the top
    step = span / max(len(text) - 1, 1)
    start = -90 - span / 2 if len(text) > 1 else -90
    glyphs = []
    for i, char in enumerate(text):
        angle = start + i * step
        rad = math.radians(angle)
        x, y = centre + radius * math.cos(rad), centre + radius * math.sin(rad)
        glyphs.append(
            f'<text x="{x:.2f}" y="{y:.2f}" transform="rotate({angle + 90:.2f} {x:.2f} {y:.2f})" '
            f'text-anchor="middle" dominant-baseline="central" font-size="{font_size:.1f}">{escape(char)}</text>'
        )
    label = ""
    if kind_label:
        label_size = 17.0 if len(kind_label) <= 7 else max(11.0, 17.0 - (len(kind_label) - 7) * 1.2)
        label = (
            f'<text x="{centre}" y="{centre + 50}" text-anchor="middle" dominant-baseline="central" '
            f'font-size="{label_size:.1f}">{escape(kind_label)}</text>'
        )
    name = escape(title or (text + kind_label))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}" '
        f'role="img" aria-label={quoteattr(title or (text + kind_label))}>'
        f"<title>{name}</title>"
        f'<g fill="{RED}" stroke="none" font-family={quoteattr(FONT_FAMILY)} font-weight="bold">'
        f'<circle cx="{centre}" cy="{centre}" r="93" fill="none" stroke="{RED}" stroke-width="6"/>'
        f"{''.join(glyphs)}"
        f"{_star(centre, centre - 2, 30)}"
        f"{label}"
        f"</g></svg>"
    )
