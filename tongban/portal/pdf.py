"""The printable service guide as PDF: WeasyPrint over a Django template, in a CJK TrueType font.

A published guide version never changes, so the bytes are rendered once per (version, language, demo flag) and
kept as a file under ``MEDIA_ROOT/portal/guide-pdf/``; every web process can reuse them and nothing has to be
invalidated. WenQuanYi Micro Hei and AR PL UMing are TrueType (stack-eval §4): a guide PDF stays in the tens of
kilobytes, where Noto CJK's CFF subsets would be several times larger.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from tongban.portal.context_processors import HOTLINE

if TYPE_CHECKING:
    from tongban.catalog.models import Implementation

CACHE_DIR = "portal/guide-pdf"


def _cache_path(implementation: Implementation) -> Path:
    language = translation.get_language() or settings.LANGUAGE_CODE
    demo = "demo" if settings.TONGBAN_DEMO else "live"
    version = implementation.current_version
    stamp = int(version.published_at.timestamp() * 1_000_000) if version and version.published_at else 0
    # published_at guards against a reused version id after a database reset.
    name = f"{implementation.current_version_id}-{stamp}-{language}-{demo}.pdf"
    return Path(settings.MEDIA_ROOT) / CACHE_DIR / name


def _guide_qr_svg(implementation: Implementation) -> str:
    """An inline SVG QR code of the guide's public address, so a printed guide leads back to the live one."""
    import segno

    url = settings.TONGBAN_BASE_URL.rstrip("/") + reverse("portal:guide", args=[implementation.code])
    return str(segno.make(url, error="m").svg_inline(scale=2, border=1))


def render_guide_html(implementation: Implementation) -> str:
    """The HTML the PDF is made from (exposed for tests and for checking the layout in a browser)."""
    return render_to_string(
        "portal/guide_pdf.html",
        {
            "impl": implementation,
            "version": implementation.current_version,
            "TONGBAN_DEMO": settings.TONGBAN_DEMO,
            "hotline": HOTLINE,
            # segno writes the SVG from the URL bytes alone; nothing user-supplied reaches the markup.
            "qr_svg": mark_safe(_guide_qr_svg(implementation)),
        },
    )


def get_guide_pdf(implementation: Implementation) -> bytes:
    """The guide of the implementation's current published version as PDF bytes, rendered at most once."""
    path = _cache_path(implementation)
    if path.exists():
        return path.read_bytes()
    # Imported here: WeasyPrint loads Pango at import time, which only the PDF view needs.
    from weasyprint import HTML

    data = HTML(string=render_guide_html(implementation), base_url=str(settings.BASE_DIR)).write_pdf()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file and rename so a concurrent reader never sees half a PDF.
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return data
