"""Notice contents as staff may read them outside the PDF: the applicant masked like everywhere else (§5.5)."""

from __future__ import annotations

from typing import Any

from tongban.cases.choices import ApplicantKind
from tongban.cases.models import Notice
from tongban.core.masking import mask_id_number, mask_name

# Keys of Notice.content that name the applicant (the notice is addressed to them).
APPLICANT_KEYS = ("applicant",)


def masked_notice_content(notice: Notice) -> dict[str, Any]:
    """``notice.content`` with the applicant's name masked (``王**``) for a natural person; an enterprise's name
    is public and stays. Use it wherever staff see notice contents as data (the staff API, staff pages)."""
    content = dict(notice.content or {})
    if notice.case.applicant_kind == ApplicantKind.ENTERPRISE:
        return content
    for key in APPLICANT_KEYS:
        if content.get(key):
            content[key] = mask_name(str(content[key]))
    if content.get("applicant_id_number"):
        content["applicant_id_number"] = mask_id_number(str(content["applicant_id_number"]))
    return content
