"""Working-day arithmetic (工作日计算) from the platform's own ``Holiday`` table (ARCHITECTURE §5.2, ADR 0002).

A working day is Monday–Friday and not a listed holiday, or a listed adjusted workday (调休上班日). Periods follow
行政许可法 §82 and the civil-law rule that the start day is not counted (期间开始之日不计算在内). A year without a
:class:`~tongban.core.models.CalendarYear` row is an explicit error, never a weekend-only guess.

This module is on the case engine's hot path, so each process caches the listed days of every entered year.
The cache is dropped when a ``Holiday`` or ``CalendarYear`` row is saved or deleted in this process (signals,
used only for that) and otherwise expires after :data:`CACHE_SECONDS`, so an admin edit reaches the other
worker processes within minutes. While a calendar change is uncommitted the cache is bypassed, so a rolled-back
edit never lingers.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tongban.core.choices import HolidayKind
from tongban.core.errors import CALENDAR_YEAR_MISSING, DomainError

CACHE_SECONDS = 300


class CalendarYearMissing(DomainError):
    """Working days were asked for a year whose holiday notice has not been entered (code ``CALENDAR_YEAR_MISSING``)."""

    def __init__(self, year: int) -> None:
        message = _(
            "尚未录入%(year)s年的节假日安排，无法计算工作日。请系统管理员按国务院办公厅的放假通知录入。"
        ) % {"year": year}
        super().__init__(
            CALENDAR_YEAR_MISSING.code, message, status=CALENDAR_YEAR_MISSING.status, fields={"year": year}
        )
        self.year = year


@dataclass(frozen=True)
class _YearDays:
    holidays: frozenset[date]
    workdays: frozenset[date]


class _Cache:
    """Per-process cache of every entered year's listed days."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.years: dict[int, _YearDays] | None = None
        self.loaded_at = 0.0
        self.dirty = False  # a calendar change is inside a transaction that has not ended yet

    def clear(self) -> None:
        with self.lock:
            self.years = None


_cache = _Cache()


def _load_years() -> dict[int, _YearDays]:
    from tongban.core.models import CalendarYear, Holiday

    entered = set(CalendarYear.objects.values_list("year", flat=True))
    holidays: dict[int, set[date]] = {year: set() for year in entered}
    workdays: dict[int, set[date]] = {year: set() for year in entered}
    for day, kind in Holiday.objects.values_list("date", "kind"):
        if day.year not in entered:
            continue
        (workdays if kind == HolidayKind.ADJUSTED_WORKDAY else holidays)[day.year].add(day)
    return {year: _YearDays(frozenset(holidays[year]), frozenset(workdays[year])) for year in entered}


def _years() -> dict[int, _YearDays]:
    if _cache.dirty:
        if transaction.get_connection().in_atomic_block:
            return _load_years()
        _cache.dirty = False
        _cache.clear()
    years = _cache.years
    if years is None or time.monotonic() - _cache.loaded_at > CACHE_SECONDS:
        years = _load_years()
        with _cache.lock:
            _cache.years = years
            _cache.loaded_at = time.monotonic()
    return years


def _year_days(year: int, years: dict[int, _YearDays]) -> _YearDays:
    try:
        return years[year]
    except KeyError:
        raise CalendarYearMissing(year) from None


def _is_working(day: date, years: dict[int, _YearDays]) -> bool:
    listed = _year_days(day.year, years)
    if day in listed.workdays:
        return True
    if day in listed.holidays:
        return False
    return day.weekday() < 5


def is_working_day(day: date) -> bool:
    """True when ``day`` is a working day; raises :class:`CalendarYearMissing` for a year without data."""
    return _is_working(day, _years())


def add_working_days(start: date, n: int) -> date:
    """The date on which a period of ``n`` working days that starts on ``start`` ends.

    The start day is not counted: ``add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)``. ``n == 0``
    returns ``start`` unchanged; ``n`` must not be negative. Raises :class:`CalendarYearMissing` when the
    period runs into a year without data.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    years = _years()
    day = start
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if _is_working(day, years):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """The number of working days after ``start`` up to and including ``end``; 0 when ``end <= start``."""
    years = _years()
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if _is_working(day, years):
            count += 1
    return count


def entered_years() -> list[int]:
    """The years whose holiday notice has been entered, ascending."""
    return sorted(_years())


def clear_calendar_cache(**_kwargs: Any) -> None:
    """Drop the cached calendar; connected to ``Holiday``/``CalendarYear`` save and delete (cache only)."""
    _cache.clear()
    if transaction.get_connection().in_atomic_block:
        _cache.dirty = True
        transaction.on_commit(_end_dirty)


def _end_dirty() -> None:
    _cache.dirty = False
    _cache.clear()


def seed_calendar(*, using: str = "default", **_kwargs: Any) -> None:
    """Insert the seeded 2024–2026 notices when the calendar tables are empty.

    Connected to ``post_migrate`` so the seed survives a test-database flush; it never touches a calendar that
    already holds data, so administrators' edits are kept.
    """
    from django.db import connections

    from tongban.core.calendar_data import NOTICES, seed_days
    from tongban.core.models import CalendarYear, Holiday

    tables = connections[using].introspection.table_names()
    if CalendarYear._meta.db_table not in tables or Holiday._meta.db_table not in tables:
        return  # core is migrated backwards or not yet at all
    if CalendarYear.objects.using(using).exists() or Holiday.objects.using(using).exists():
        return
    Holiday.objects.using(using).bulk_create(
        Holiday(date=day.date, kind=day.kind, name=day.name, source=day.source) for day in seed_days()
    )
    CalendarYear.objects.using(using).bulk_create(
        CalendarYear(year=year, source=source) for year, source in NOTICES.items()
    )
    clear_calendar_cache()
