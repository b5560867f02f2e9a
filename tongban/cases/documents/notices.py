"""PDF rendering of written notices (文书) with WeasyPrint: official-document look, CJK fonts, seal and QR code.

A ``Notice`` row never changes after it is issued, so its PDF is rendered lazily on the first download and cached in
Django storage under ``cases/notices/<notice id>.pdf``; later downloads stream the cached file.
"""

from __future__ import annotations

import base64
import math
from html import escape
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tongban.cases.choices import ApplicantKind
from tongban.core.masking import mask_id_number

NOTICE_TEMPLATES = {
    "receipt": "cases/notices/receipt.html",
    "correction": "cases/notices/correction.html",
    "acceptance": "cases/notices/acceptance.html",
    "not_accepted": "cases/notices/not_accepted.html",
    "decision": "cases/notices/decision.html",
}
GENERIC_TEMPLATE = "cases/notices/generic.html"
REMEDIES = (
    "申请人如对本决定不服，可以自收到本决定书之日起六十日内依法向本级人民政府或者上一级主管部门申请行政复议，"
    "也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。"
)


def seal_svg(department_name: str, *, demo: bool) -> str:
    """A round red seal (公章) as SVG: the department name along the upper rim, a star, and "演示" in demo mode.

    Characters are placed one by one on the arc (rather than with ``textPath``) so every SVG renderer draws the
    same thing. It is an illustration of where the seal goes, not an electronic signature (that is ``signing``).
    """
    size, radius = 200, 78
    centre = size / 2
    name = department_name[:20] or "印章"
    span = min(250.0, 22.0 * len(name))  # degrees the name occupies, centred on the top
    step = span / max(len(name) - 1, 1)
    start = -90 - span / 2
    glyphs = []
    for i, char in enumerate(name):
        angle = start + i * step
        rad = math.radians(angle)
        x, y = centre + radius * math.cos(rad), centre + radius * math.sin(rad)
        glyphs.append(
            f'<text x="{x:.1f}" y="{y:.1f}" transform="rotate({angle + 90:.1f} {x:.1f} {y:.1f})" '
            f'text-anchor="middle" dominant-baseline="central" font-size="19">{escape(char)}</text>'
        )
    star = []
    for i in range(10):
        r = 26 if i % 2 == 0 else 10.5
        a = math.radians(-90 + i * 36)
        star.append(f"{centre + r * math.cos(a):.1f},{centre + 4 + r * math.sin(a):.1f}")
    footer = "演示专用" if demo else "专用章"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        f'<g fill="#d3202a" stroke="none" font-family="AR PL UMing CN, WenQuanYi Micro Hei" font-weight="bold" opacity="0.88">'
        f'<circle cx="{centre}" cy="{centre}" r="96" fill="none" stroke="#d3202a" stroke-width="6"/>'
        f"{''.join(glyphs)}"
        f'<polygon points="{" ".join(star)}"/>'
        f'<text x="{centre}" y="{centre + 56}" text-anchor="middle" font-size="17">{footer}</text>'
        f"</g></svg>"
    )


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def progress_url(case: Any) -> str:
    """Absolute URL of the public progress page for this case, prefilled with its number and query code."""
    query = urlencode({"number": case.number or "", "code": case.query_code or ""})
    return f"{settings.TONGBAN_BASE_URL.rstrip('/')}{reverse('cases:progress')}?{query}"


def qr_svg_uri(url: str) -> str:
    """A QR code (segno) for ``url`` as an SVG data URI."""
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2)


def notice_context(notice: Any) -> dict[str, Any]:
    """Everything the notice templates show, built from the notice row and its case."""
    case = notice.case
    department = notice.department
    content = notice.content or {}
    materials = [m for m in case.materials.all() if m.is_current]
    problems = [
        {"material": str(p.get("material") or p.get("name") or ""), "reason": str(p.get("reason") or "")}
        for p in content.get("problems") or []
        if isinstance(p, dict)
    ] or [{"material": m.name, "reason": m.review_reason} for m in materials if m.review_status == "problem"]
    decision = getattr(case, "decision", None) if notice.kind == "decision" else None
    return {
        "notice": notice,
        "case": case,
        "content": content,
        "department": department,
        "issuer": department.seal_name or department.name,
        "item_name": case.implementation.item.name,
        "applicant_name": case.applicant_name,
        # A credit code is public (国家企业信用信息公示系统); an ID number is masked (ARCHITECTURE §5.5).
        "applicant_id": (
            case.applicant_id_number
            if case.applicant_kind == ApplicantKind.ENTERPRISE
            else mask_id_number(case.applicant_id_number)
        ),
        "applicant_is_enterprise": case.applicant_kind == ApplicantKind.ENTERPRISE,
        "agent_name": case.agent.display_name if case.agent_id else "",
        "materials": materials,
        "problems": problems,
        "decision": decision,
        "remedies": (
            decision.remedies if decision and decision.remedies else content.get("remedies") or REMEDIES
        ),
        "issued_at": timezone.localtime(notice.created_at),
        "seal": _data_uri(seal_svg(department.seal_name or department.name, demo=settings.TONGBAN_DEMO)),
        "qr": qr_svg_uri(progress_url(case)),
        "progress_url": progress_url(case),
        "demo": settings.TONGBAN_DEMO,
    }


def render_notice_pdf(notice: Any) -> bytes:
    """Render one notice to PDF bytes (no caching)."""
    from weasyprint import HTML  # imported lazily: loading Pango costs ~0.3 s and most processes never render

    html = render_to_string(NOTICE_TEMPLATES.get(notice.kind, GENERIC_TEMPLATE), notice_context(notice))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def cached_pdf_name(notice: Any) -> str:
    """Storage name of the cached PDF of ``notice``."""
    return f"cases/notices/{notice.pk}.pdf"


def get_notice_pdf(notice: Any) -> Any:
    """The notice's PDF as an open storage file, rendering and caching it on first use."""
    name = cached_pdf_name(notice)
    if not default_storage.exists(name):
        # Two first downloads at once may both render; the result is the same bytes, and storage keeps one.
        saved = default_storage.save(name, ContentFile(render_notice_pdf(notice)))
        if saved != name:  # another process won the race; use theirs and drop ours
            default_storage.delete(saved)
    return default_storage.open(name, "rb")


def notice_filename(notice: Any) -> str:
    """Download file name: ``<文书名称>-<文书编号>.pdf``."""
    return f"{notice.get_kind_display()}-{notice.number}.pdf"
