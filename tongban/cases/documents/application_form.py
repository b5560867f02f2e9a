"""The application form (申请书/申请表) as a PDF, rendered from a submitted case's online form data.

Materials marked ``generated_from_form`` in the guide ("网上申请时由系统根据在线填报内容自动生成") are not uploaded:
at submission :mod:`tongban.cases.services.generated` renders this document with WeasyPrint, in the notices' type
(CJK TrueType fonts), and stores it as the case's material, so the clerk reviews the same form the applicant filled.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from tongban.cases.documents.notices import progress_url, qr_svg_uri
from tongban.cases.formschema import display_rows

TEMPLATE = "cases/documents/application_form.html"


def application_form_context(case: Any, material: Any) -> dict[str, Any]:
    """Everything the template shows: the case's facts, the form by section, the signed commitment if any."""
    schema = case.version.form_schema or {}
    implementation = case.implementation
    return {
        "case": case,
        "title": material.name,
        "form_title": str(schema.get("title") or ""),
        "item_name": implementation.item.name,
        "implementation_code": implementation.code,
        "department": case.department,
        "applicant_name": case.applicant_name,
        "agent_name": (case.agent.real_name or case.agent.username) if case.agent_id else "",
        "sections": display_rows(schema, case.form_data or {}),
        "submitted_at": timezone.localtime(case.submitted_at) if case.submitted_at else None,
        "channel": case.get_channel_display(),
        "qr": qr_svg_uri(progress_url(case)),
        "demo": settings.TONGBAN_DEMO,
    }


def render_application_form_pdf(case: Any, material: Any) -> bytes:
    """The PDF bytes of ``case``'s submitted form as the catalog ``material`` (number and time assigned)."""
    from weasyprint import HTML  # imported lazily: loading Pango costs ~0.3 s and most processes never render

    html = render_to_string(TEMPLATE, application_form_context(case, material))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
