"""The case clock: working-day deadlines derived from recorded stop intervals (ARCHITECTURE §5.2, ADR 0007).

Nothing here is a mutable counter. The deadline is always recomputed from the acceptance date, the time limit,
approved extensions and the :class:`~tongban.cases.models.ClockInterval` rows:

* acceptance limit: ``add_working_days(submitted_on, acceptance_days + stopped days of corrections before
  acceptance)``;
* case deadline: ``add_working_days(accepted_on, time_limit_days + approved extension days + stopped days of
  intervals after acceptance)``.

A stop from day *a* to day *b* stops ``working_days_between(a, b)`` days: the day it starts still counts as run,
the working days after it up to and including the day it ends do not (行政许可法 §45 and §82 count only working
days). While a stop is open the clock is frozen at its start: remaining days and the warning level are those of
the day the clock stopped.

Warning rule (documented in ADR 0007): ``red`` once today is after the deadline; ``yellow`` when at most 2 working
days or at most 20% of the limit remain; otherwise ``green``; ``none`` when no clock runs.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from tongban.cases.choices import CaseState, ClockIntervalKind, ExtensionState, WarningLevel
from tongban.cases.transitions import ACCEPTANCE_CLOCK, REVIEW
from tongban.core.calendar import add_working_days, is_provisional_span, working_days_between

DEFAULT_TIME_LIMIT_DAYS = 20  # 行政许可法 §42, when a guide names no limit
YELLOW_DAYS = 2
YELLOW_SHARE = 0.2


def local_day(moment: datetime | None = None) -> date:
    """The calendar day of ``moment`` (default: now) in Asia/Shanghai."""
    return timezone.localdate(moment or timezone.now())


def _intervals(case: Any) -> list[Any]:
    return list(case.clock_intervals.all())


def _stopped_days(intervals: list[Any], *, frozen_open: bool, today: date) -> int:
    total = 0
    for interval in intervals:
        start = local_day(interval.started_at)
        if interval.ended_at is not None:
            end = local_day(interval.ended_at)
        elif frozen_open:
            end = start  # the clock is frozen at the start of an open stop
        else:
            end = today
        total += working_days_between(start, end)
    return total


def _before_acceptance(case: Any, interval: Any) -> bool:
    return case.accepted_at is None or interval.started_at < case.accepted_at


def time_limit_for(version: Any) -> int:
    """The case time limit in working days: the promised limit, else the legal one, else 20 (§42).

    A promise of 0 working days is a real promise (当场办结, 即办件), not a missing one: the deadline is the day of
    acceptance.
    """
    for days in (version.promised_days, version.legal_days):
        if days is not None:
            return int(days)
    return DEFAULT_TIME_LIMIT_DAYS


def is_immediate(version: Any) -> bool:
    """True for an item promised to be finished on the spot (承诺时限 0, 当场办结): a 即办件."""
    return version.promised_days == 0


def compute_acceptance_deadline(case: Any, today: date | None = None) -> date | None:
    """The last day for acceptance (受理期限), extended by correction stops before acceptance."""
    if case.submitted_at is None:
        return None
    today = today or local_day()
    stops = [
        i for i in _intervals(case) if i.kind == ClockIntervalKind.CORRECTION and _before_acceptance(case, i)
    ]
    days = case.version.acceptance_days + _stopped_days(stops, frozen_open=True, today=today)
    return add_working_days(local_day(case.submitted_at), days)


def approved_extension_days(case: Any) -> int:
    """The working days added by approved extensions (延期)."""
    return sum(e.days for e in case.extensions.all() if e.state == ExtensionState.APPROVED)


def compute_deadline(case: Any, today: date | None = None) -> date | None:
    """The case deadline (办结期限) from acceptance, extensions and stop intervals after acceptance."""
    if case.accepted_at is None or case.time_limit_days is None:
        return None
    today = today or local_day()
    stops = [i for i in _intervals(case) if not _before_acceptance(case, i)]
    days = (
        case.time_limit_days
        + approved_extension_days(case)
        + _stopped_days(stops, frozen_open=True, today=today)
    )
    return add_working_days(local_day(case.accepted_at), days)


def span_is_provisional(start: date | None, end: date | None) -> bool:
    """Whether a deadline ``end`` counted from ``start`` runs through a year without an entered holiday notice
    (statutory holidays only, ADR 0002): then it is shown as "（暂按法定节日计算）" and may move when the notice
    is entered."""
    return start is not None and end is not None and is_provisional_span(start, end)


def acceptance_deadline_provisional(case: Any) -> bool:
    """Whether the stored 受理期限 was computed through a provisional year."""
    start = local_day(case.submitted_at) if case.submitted_at else None
    return span_is_provisional(start, case.acceptance_deadline)


def deadline_provisional(case: Any) -> bool:
    """Whether the stored 办结期限 was computed through a provisional year."""
    start = local_day(case.accepted_at) if case.accepted_at else None
    return span_is_provisional(start, case.deadline)


def compute_supplement_deadline(case: Any) -> date | None:
    """The 容缺 supplement deadline recounted from acceptance (``None`` when the case has none to recount)."""
    if case.accepted_at is None or not case.supplement_days or case.supplement_deadline is None:
        return None
    return add_working_days(local_day(case.accepted_at), case.supplement_days)


def supplement_deadline_provisional(case: Any) -> bool:
    """Whether the stored 容缺 supplement deadline was counted through a provisional year."""
    start = local_day(case.accepted_at) if case.accepted_at else None
    return span_is_provisional(start, case.supplement_deadline)


def _open_stop_day(case: Any) -> date | None:
    for interval in _intervals(case):
        if interval.ended_at is None:
            return local_day(interval.started_at)
    return None


def clock_deadline(case: Any, today: date | None = None) -> tuple[date | None, int | None]:
    """The deadline that currently matters (acceptance or case) and its limit in working days."""
    if case.state in ACCEPTANCE_CLOCK and case.accepted_at is None:
        return compute_acceptance_deadline(case, today), case.version.acceptance_days
    if case.state in REVIEW or (case.state == CaseState.CORRECTION_REQUESTED and case.accepted_at):
        return compute_deadline(case, today), case.time_limit_days
    return None, None


def _signed_working_days(today: date, deadline: date) -> int:
    if today <= deadline:
        return working_days_between(today, deadline)
    return -working_days_between(deadline, today)


def remaining_working_days(case: Any, today: date | None = None) -> int | None:
    """Working days left after ``today`` up to the deadline (negative when overdue); None when no clock runs."""
    today = today or local_day()
    deadline, _limit = clock_deadline(case, today)
    if deadline is None:
        return None
    frozen = _open_stop_day(case)
    return _signed_working_days(min(today, frozen) if frozen else today, deadline)


def warning_level(case: Any, today: date | None = None) -> str:
    """Green / yellow / red / none by the rule in the module docstring."""
    today = today or local_day()
    deadline, limit = clock_deadline(case, today)
    if deadline is None:
        return WarningLevel.NONE
    remaining = remaining_working_days(case, today)
    assert remaining is not None
    if remaining < 0:
        return WarningLevel.RED
    if remaining <= YELLOW_DAYS or (limit and remaining <= limit * YELLOW_SHARE):
        return WarningLevel.YELLOW
    return WarningLevel.GREEN


def is_clock_stopped(case: Any) -> bool:
    """True while a correction or special procedure interval is open."""
    return _open_stop_day(case) is not None
