"""What the public may read about cases: progress by number and query code (办件查询) and 办件公示, without personal data."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tongban.cases import errors
from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.transitions import DECIDED_OR_LATER
from tongban.catalog.queries import disclosed_implementations
from tongban.core.masking import mask_name

PUBLIC_PAGE_SIZE = 20


def _public_result(case: Case) -> str:
    """准予/不予 once decided; nothing otherwise (a refusal to accept is its state, 不予受理, said once)."""
    decision = getattr(case, "decision", None) if case.state in DECIDED_OR_LATER else None
    if decision is not None:
        return str(_("准予")) if decision.approve else str(_("不予"))
    return ""


def get_public_progress(number: str, code: str) -> dict[str, Any]:
    """Public progress of a case by number + query code (办件查询); no personal data. ``CASE_NOT_FOUND`` otherwise."""
    number = str(number or "").strip()
    code = str(code or "").strip().upper()
    if "\x00" in number + code:
        raise errors.CASE_NOT_FOUND.error()
    case = (
        Case.objects.select_related("implementation__item", "department", "decision")
        .filter(number=number)
        .exclude(state=CaseState.DRAFT)
        .first()
        if number and code
        else None
    )
    if case is None or not case.query_code or case.query_code != code:
        raise errors.CASE_NOT_FOUND.error()
    return {
        "number": case.number,
        "item_code": case.implementation.code,
        "item_name": case.implementation.item.name,
        "department": case.department.name,
        "state": case.state,
        "state_label": str(CaseState(case.state).label),
        "result": _public_result(case),
        "submitted_at": case.submitted_at,
        "accepted_at": case.accepted_at,
        "deadline": case.deadline,
        "deadline_provisional": case.deadline_provisional,
        "decided_at": case.decided_at,
        "closed_at": case.closed_at,
    }


MAX_PUBLIC_PAGE = 100_000  # 2,000,000 cases back; deeper history is for supervisors, not the public page


def fetch_public_disclosure(department: Any = None, page: int = 1) -> list[dict[str, Any]]:
    """Recent submitted cases for public disclosure (办件公示) with masked applicant names, 20 per page.

    Only cases of items whose current published version is marked public (``disclose_cases``, decided in the
    catalog): personal matters such as 户口迁移 or 无犯罪记录证明 are never listed (ISSUE 7 §1).

    The page number is clamped: a huge ``?page=`` would otherwise overflow the SQL OFFSET (a 500 on both databases).
    """
    page = min(max(int(page or 1), 1), MAX_PUBLIC_PAGE)
    cases = (
        Case.objects.select_related("implementation__item", "department", "decision")
        .exclude(state=CaseState.DRAFT)
        .filter(number__isnull=False, implementation__in=disclosed_implementations())
        .order_by("-submitted_at", "-id")
    )
    if department is not None:
        cases = cases.filter(department=department)
    start = (page - 1) * PUBLIC_PAGE_SIZE
    return [
        {
            "number": c.number,
            "item_name": c.implementation.item.name,
            "department": c.department.name,
            "applicant": mask_name(c.applicant_name),
            "state": c.state,
            "state_label": str(CaseState(c.state).label),
            "result": _public_result(c),
            "submitted_at": c.submitted_at,
            "closed_at": c.closed_at,
        }
        for c in cases[start : start + PUBLIC_PAGE_SIZE]
    ]
