"""Platform-level endpoints of `/api/v1`: public working-day arithmetic and the ledger check for supervisors.

They live in the API package, which may import every app, so that `core` itself imports no other app.
"""

from __future__ import annotations

import re
from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from tongban.accounts.auth import api_auth
from tongban.accounts.choices import Role
from tongban.accounts.permissions import is_staff_user, user_has_role
from tongban.core.api_schemas import ErrorSchema
from tongban.core.calendar import add_working_days, working_days_between
from tongban.core.errors import CALENDAR_BAD_DATE, CALENDAR_DAYS_OUT_OF_RANGE, PERMISSION_DENIED
from tongban.core.queries import verify_ledger

router = Router(tags=["core"])

MAX_DAYS = 1000
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class AddWorkingDaysOut(Schema):
    """The day on which a period of ``days`` working days starting on ``start`` ends (start day not counted)."""

    start: date
    days: int
    date: date


class WorkingDaysBetweenOut(Schema):
    """The number of working days after ``start`` up to and including ``end``."""

    start: date
    end: date
    working_days: int


class LedgerVerificationOut(Schema):
    """The result of checking the whole hash chain; ``first_broken_seq`` and ``reason`` are null when intact."""

    ok: bool
    checked: int
    last_seq: int
    first_broken_seq: int | None
    reason: str | None
    reason_label: str


def _parse_date(value: str, field: str) -> date:
    try:
        if not _DATE_RE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise CALENDAR_BAD_DATE.error(fields={field: [str(CALENDAR_BAD_DATE.message)]}) from None


@router.get(
    "/calendar/add-working-days",
    response={200: AddWorkingDaysOut, 400: ErrorSchema, 422: ErrorSchema},
    summary="计算若干工作日后的日期（Add working days）",
)
def calendar_add_working_days(request: HttpRequest, start: str, days: int) -> AddWorkingDaysOut:
    """The date ``days`` working days after ``start``; the start day is not counted (期间开始之日不计算在内)."""
    start_date = _parse_date(start, "start")
    if not 0 <= days <= MAX_DAYS:
        raise CALENDAR_DAYS_OUT_OF_RANGE.error(fields={"days": [str(CALENDAR_DAYS_OUT_OF_RANGE.message)]})
    return AddWorkingDaysOut(start=start_date, days=days, date=add_working_days(start_date, days))


@router.get(
    "/calendar/working-days-between",
    response={200: WorkingDaysBetweenOut, 400: ErrorSchema, 422: ErrorSchema},
    summary="计算两个日期之间的工作日数（Working days between）",
)
def calendar_working_days_between(request: HttpRequest, start: str, end: str) -> WorkingDaysBetweenOut:
    """Working days after ``start`` up to and including ``end``; 0 when ``end`` is not after ``start``."""
    start_date = _parse_date(start, "start")
    end_date = _parse_date(end, "end")
    return WorkingDaysBetweenOut(
        start=start_date, end=end_date, working_days=working_days_between(start_date, end_date)
    )


@router.get(
    "/ledger/verify",
    auth=api_auth,
    response={200: LedgerVerificationOut, 401: ErrorSchema, 403: ErrorSchema},
    summary="校验账本哈希链（Verify the ledger）",
)
def ledger_verify(request: HttpRequest) -> LedgerVerificationOut:
    """Recompute the whole hash chain; for supervisors (电子监察人员) and system administrators only."""
    user = request.auth  # type: ignore[attr-defined]
    allowed = is_staff_user(user) and (
        user_has_role(user, Role.SUPERVISOR) or user_has_role(user, Role.SYSTEM_ADMIN)
    )
    if not allowed:
        raise PERMISSION_DENIED.error()
    result = verify_ledger()
    return LedgerVerificationOut(
        ok=result.ok,
        checked=result.checked,
        last_seq=result.last_seq,
        first_broken_seq=result.first_broken_seq,
        reason=result.reason.value if result.reason is not None else None,
        reason_label=result.reason_label,
    )
