"""Platform-level endpoints of `/api/v1`: the working-day calendar, entering a holiday notice, the ledger check
and the ledger's signed checkpoints.

They live in the API package, which may import every app, so that `core` itself imports no other app.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from tongban.accounts.access import is_staff_user, user_has_role
from tongban.accounts.auth import api_auth
from tongban.accounts.choices import Role
from tongban.core.api_schemas import ErrorSchema
from tongban.core.calendar import (
    add_working_days_info,
    is_provisional_year,
    working_days_between_info,
    year_calendar,
)
from tongban.core.calendar_notice import NoticeFlag, parse_notice, statutory_split
from tongban.core.checkpoints import CHECKPOINT_FORMAT, fetch_checkpoints, verify_checkpoints
from tongban.core.errors import CALENDAR_BAD_DATE, CALENDAR_DAYS_OUT_OF_RANGE, PERMISSION_DENIED
from tongban.core.models import CalendarYear
from tongban.core.queries import verify_ledger
from tongban.core.services import do_enter_calendar_notice

router = Router(tags=["core"])

MAX_DAYS = 1000
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class AddWorkingDaysOut(Schema):
    """The day on which a period of ``days`` working days starting on ``start`` ends (start day not counted).

    ``provisional`` is true when the period touches a year whose holiday notice is not entered yet: such a year
    counts only the statutory holidays (and their weekend make-up days), so the date may still move later.
    """

    start: date
    days: int
    date: date
    provisional: bool


class WorkingDaysBetweenOut(Schema):
    """The number of working days after ``start`` up to and including ``end``; ``provisional`` as above."""

    start: date
    end: date
    working_days: int
    provisional: bool


class CalendarDayOut(Schema):
    """One listed day: a day off or an adjusted workday, with its name."""

    date: date
    name: str


class CalendarYearOut(Schema):
    """One year of the calendar: its days off and adjusted workdays and where they come from.

    A ``provisional`` year has no entered notice: ``holidays`` are the statutory days with their weekend make-up
    days and ``workdays`` is empty (unknown). ``entered_at`` is null unless a notice was entered.
    """

    year: int
    provisional: bool
    source: str
    entered_at: datetime | None
    holidays: list[CalendarDayOut]
    workdays: list[CalendarDayOut]


class NoticeIn(Schema):
    """The text of a State Council holiday notice as published; ``year`` may be omitted when the title is included."""

    text: str = Field(..., max_length=20000)
    year: int | None = None
    source: str = Field("", max_length=200)


class NoticeFlagOut(Schema):
    """Something odd in the notice for the administrator to check (``line`` and ``date`` when it has one)."""

    code: str
    message: str
    line: int | None
    date: date | None


class IgnoredLineOut(Schema):
    """A line of the pasted text that is not an arrangement (salutation, preamble, signature …)."""

    line: int
    text: str


class NoticePreviewOut(Schema):
    """A notice as read, before saving: its days, the statutory days beside them, the flags and ignored lines."""

    year: int
    title: str
    currently_provisional: bool
    holidays: list[CalendarDayOut]
    workdays: list[CalendarDayOut]
    statutory: list[CalendarDayOut]
    flags: list[NoticeFlagOut]
    ignored_lines: list[IgnoredLineOut]


class NoticeEnteredOut(Schema):
    """The year as saved, the flags that were shown, and how many open deadlines the platform recomputed."""

    calendar: CalendarYearOut
    flags: list[NoticeFlagOut]
    recomputed: int


class CheckpointProblemOut(Schema):
    """A signed checkpoint that no longer vouches for the ledger; the rewrite lies in ``first_seq``–``last_seq``."""

    seq: int
    reason: str
    reason_label: str
    first_seq: int
    last_seq: int


class LedgerVerificationOut(Schema):
    """The result of checking the whole hash chain and the signed checkpoints.

    ``ok`` is true only when both hold. ``first_broken_seq`` and ``reason`` describe the chain (null when intact);
    ``checkpoint_problems`` lists each checkpoint that does not match (empty when all do).
    """

    ok: bool
    checked: int
    last_seq: int
    first_broken_seq: int | None
    reason: str | None
    reason_label: str
    checkpoints_checked: int
    checkpoint_problems: list[CheckpointProblemOut]


class LedgerCheckpointOut(Schema):
    """One signed ledger checkpoint: the platform's signature over the hash of entry ``seq``.

    The signature (base64url, no padding; key ``kid`` of ``/api/v1/licenses/jwks.json``, JWS algorithm ``alg``)
    covers the UTF-8 bytes of the JSON object ``{"format", "hash", "platform", "seq", "time"}`` with sorted keys
    and no spaces, ``format`` being ``tongban-ledger-checkpoint/1``.
    """

    seq: int
    hash: str
    time: str
    platform: str
    kid: str
    alg: str
    signature: str


class LedgerCheckpointsOut(Schema):
    """A page of checkpoints, oldest first; ask again with ``after=next_after`` until it is null.

    Keep them: ``tongban ledger verify --checkpoints FILE`` (FILE = this JSON, or a list of such pages) shows
    whether the ledger still agrees with what the platform signed.
    """

    format: str
    items: list[LedgerCheckpointOut]
    next_after: int | None


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
    """The date ``days`` working days after ``start``; the start day is not counted (期间开始之日不计算在内).

    Answers for 2000–2100 whether or not the year's notice is entered (``provisional`` says which); a date outside
    that range is 400 ``CALENDAR_DATE_OUT_OF_RANGE``, a malformed date or day count 422.
    """
    start_date = _parse_date(start, "start")
    if not 0 <= days <= MAX_DAYS:
        raise CALENDAR_DAYS_OUT_OF_RANGE.error(fields={"days": [str(CALENDAR_DAYS_OUT_OF_RANGE.message)]})
    result = add_working_days_info(start_date, days)
    return AddWorkingDaysOut(start=start_date, days=days, date=result.date, provisional=result.provisional)


@router.get(
    "/calendar/working-days-between",
    response={200: WorkingDaysBetweenOut, 400: ErrorSchema, 422: ErrorSchema},
    summary="计算两个日期之间的工作日数（Working days between）",
)
def calendar_working_days_between(request: HttpRequest, start: str, end: str) -> WorkingDaysBetweenOut:
    """Working days after ``start`` up to and including ``end``; 0 when ``end`` is not after ``start``.

    Errors as for ``add-working-days``.
    """
    start_date = _parse_date(start, "start")
    end_date = _parse_date(end, "end")
    result = working_days_between_info(start_date, end_date)
    return WorkingDaysBetweenOut(
        start=start_date, end=end_date, working_days=result.days, provisional=result.provisional
    )


def _year_out(year: int) -> CalendarYearOut:
    calendar = year_calendar(year)
    entered = CalendarYear.objects.filter(year=year).values_list("entered_at", flat=True).first()
    return CalendarYearOut(
        year=year,
        provisional=calendar.provisional,
        source=calendar.source,
        entered_at=entered,
        holidays=[CalendarDayOut(date=day, name=name) for day, name in sorted(calendar.holidays.items())],
        workdays=[CalendarDayOut(date=day, name=name) for day, name in sorted(calendar.workdays.items())],
    )


@router.get(
    "/calendar/years/{year}",
    response={200: CalendarYearOut, 400: ErrorSchema, 422: ErrorSchema},
    summary="某年的节假日与调休安排（A year of the calendar）",
)
def calendar_year(request: HttpRequest, year: int) -> CalendarYearOut:
    """The listed days of ``year`` (2000–2100), whether it is provisional and which notice it comes from.

    A year outside 2000–2100 is 400 ``CALENDAR_YEAR_OUT_OF_RANGE``; a year that is not a number is 422.
    """
    return _year_out(year)


def _require_system_admin(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not (getattr(user, "is_superuser", False) or user_has_role(user, Role.SYSTEM_ADMIN)):
        raise PERMISSION_DENIED.error()
    return user


def _flags_out(flags: tuple[NoticeFlag, ...]) -> list[NoticeFlagOut]:
    return [NoticeFlagOut(code=f.code, message=f.message, line=f.line, date=f.day) for f in flags]


def _days_out(days: dict[date, str]) -> list[CalendarDayOut]:
    return [CalendarDayOut(date=day, name=name) for day, name in sorted(days.items())]


@router.post(
    "/calendar/notices/preview",
    auth=api_auth,
    response={200: NoticePreviewOut, 401: ErrorSchema, 403: ErrorSchema, 400: ErrorSchema, 422: ErrorSchema},
    summary="预览放假通知（Read a holiday notice without saving）",
)
def calendar_notice_preview(request: HttpRequest, payload: NoticeIn) -> NoticePreviewOut:
    """Read the notice and return what saving it would enter, with the flags; nothing is saved.

    System administrators only (403 otherwise). Unreadable text is 422 ``CALENDAR_NOTICE_*`` with ``fields.line``
    naming the line; a year outside 2000–2100 is 400 ``CALENDAR_YEAR_OUT_OF_RANGE``.
    """
    _require_system_admin(request)
    parsed = parse_notice(payload.text, year=payload.year)
    statutory, make_up = statutory_split(parsed.year)
    return NoticePreviewOut(
        year=parsed.year,
        title=parsed.title,
        currently_provisional=is_provisional_year(parsed.year),
        holidays=_days_out(parsed.holidays),
        workdays=_days_out(parsed.workdays),
        statutory=_days_out({**statutory, **make_up}),
        flags=_flags_out(parsed.flags),
        ignored_lines=[IgnoredLineOut(line=line, text=text) for line, text in parsed.ignored_lines],
    )


@router.post(
    "/calendar/notices",
    auth=api_auth,
    response={201: NoticeEnteredOut, 401: ErrorSchema, 403: ErrorSchema, 400: ErrorSchema, 422: ErrorSchema},
    summary="录入放假通知（Enter a holiday notice）",
)
def calendar_notice_enter(request: HttpRequest, payload: NoticeIn) -> tuple[int, NoticeEnteredOut]:
    """Read and save the notice: the year's days are replaced, it stops being provisional, deadlines are recomputed.

    Preview first (``/calendar/notices/preview``); flags never block saving. System administrators only;
    errors as for the preview. Entering the same text again gives the same calendar.
    """
    user = _require_system_admin(request)
    parsed = parse_notice(payload.text, year=payload.year)
    saved = do_enter_calendar_notice(parsed, actor=user, source=payload.source)
    return 201, NoticeEnteredOut(
        calendar=_year_out(saved.year), flags=_flags_out(parsed.flags), recomputed=saved.recomputed
    )


@router.get(
    "/ledger/verify",
    auth=api_auth,
    response={200: LedgerVerificationOut, 401: ErrorSchema, 403: ErrorSchema},
    summary="校验账本哈希链（Verify the ledger）",
)
def ledger_verify(request: HttpRequest) -> LedgerVerificationOut:
    """Recompute the whole hash chain and check the signed checkpoints; supervisors (电子监察人员) and system
    administrators only."""
    user = request.auth  # type: ignore[attr-defined]
    allowed = is_staff_user(user) and (
        user_has_role(user, Role.SUPERVISOR) or user_has_role(user, Role.SYSTEM_ADMIN)
    )
    if not allowed:
        raise PERMISSION_DENIED.error()
    result = verify_ledger()
    checked_points = verify_checkpoints()
    return LedgerVerificationOut(
        ok=result.ok and checked_points.ok,
        checked=result.checked,
        last_seq=result.last_seq,
        first_broken_seq=result.first_broken_seq,
        reason=result.reason.value if result.reason is not None else None,
        reason_label=result.reason_label,
        checkpoints_checked=checked_points.checked,
        checkpoint_problems=[
            CheckpointProblemOut(
                seq=p.checkpoint.seq,
                reason=p.reason.value,
                reason_label=p.reason_label,
                first_seq=p.first_seq,
                last_seq=p.last_seq,
            )
            for p in checked_points.problems
        ],
    )


CHECKPOINT_PAGE_MAX = 1000


@router.get(
    "/ledger/checkpoints",
    response={200: LedgerCheckpointsOut, 422: ErrorSchema},
    summary="账本签名检查点（Signed ledger checkpoints）",
)
def ledger_checkpoints(
    request: HttpRequest,
    after: int = Query(0, ge=0, description="只列出序号大于此值的检查点（checkpoints after this seq）"),
    limit: int = Query(100, ge=1, le=CHECKPOINT_PAGE_MAX, description="每页条数，最多 1000（page size）"),
) -> LedgerCheckpointsOut:
    """The ledger's signed checkpoints after ``after``, oldest first; public, no sign-in.

    Anyone may keep them and later check the ledger against them (ADR 0013); a bad ``after`` or ``limit`` is 422.
    """
    page = fetch_checkpoints(after=after, limit=limit + 1)
    more = len(page) > limit
    page = page[:limit]
    return LedgerCheckpointsOut(
        format=CHECKPOINT_FORMAT,
        items=[LedgerCheckpointOut(**item.as_dict()) for item in page],
        next_after=page[-1].seq if more else None,
    )
