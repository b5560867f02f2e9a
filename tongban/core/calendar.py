"""Working-day arithmetic (工作日计算) for every deadline on the platform (ARCHITECTURE §5.2, ADR 0002).

A working day is Monday–Friday and not a holiday, or an adjusted workday (调休上班日). Periods follow 行政许可法
§82 and the civil-law rule that the start day is not counted (期间开始之日不计算在内).

Each year is either **entered** (its State Council notice was entered: the listed ``Holiday`` rows are the whole
truth) or **provisional**. A provisional year is built from the statutory rules of 《全国年节及纪念日放假办法》 as
computed by the maintained ``holidays`` package: the statutory days off of that year (第二条; lunar dates from the
package) plus, for each one that falls on a Saturday or Sunday, a make-up day off on the next working day
(第六条: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假). Only the notice's 调休 (weekend days worked in
exchange for bridge days off) is unknown, so a provisional deadline can only move *later* — by the bridge days —
once the notice is entered. Days listed in the table for a provisional year (a neighbouring notice may list one)
still win over the rules. Working-day maths answers for every day of :data:`MIN_YEAR` … :data:`MAX_YEAR` and
raises :class:`CalendarDateOutOfRange` outside; it never raises for a missing year.

This module is on the case engine's hot path, so each process caches the listed days of the table. The cache is
dropped when a ``Holiday`` or ``CalendarYear`` row is saved or deleted in this process (signals, used only for
that) or when :func:`clear_calendar_cache` is called (bulk writes), and otherwise expires after
:data:`CACHE_SECONDS`, so an admin edit reaches the other worker processes within minutes. While a calendar change
is uncommitted the cache is bypassed, so a rolled-back edit never lingers. Provisional years depend only on the
``holidays`` package and are cached for the life of the process.

Other apps recompute their deadlines when a notice is entered through :func:`register_calendar_listener`; core
imports no other app (the listeners are called by :func:`tongban.core.services.do_enter_calendar_notice`).
"""

from __future__ import annotations

import functools
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tongban.core.choices import HolidayKind
from tongban.core.errors import CALENDAR_DATE_OUT_OF_RANGE, CALENDAR_YEAR_OUT_OF_RANGE, DomainError

CACHE_SECONDS = 300
MIN_YEAR = 2000  # the range the platform answers for; `holidays` computes the lunar dates far beyond it
MAX_YEAR = 2100
WARNING_FROM_MONTH = 10  # from 1 October, administrators are told when next year is still provisional


class CalendarDateOutOfRange(DomainError):
    """Working days were asked for a day outside 2000–2100 (code ``CALENDAR_DATE_OUT_OF_RANGE``, HTTP 400)."""

    def __init__(self, day: date) -> None:
        message = _("只能计算%(min)s年至%(max)s年之间的工作日，%(day)s不在此范围内。") % {
            "min": MIN_YEAR,
            "max": MAX_YEAR,
            "day": day.isoformat(),
        }
        super().__init__(
            CALENDAR_DATE_OUT_OF_RANGE.code,
            message,
            status=CALENDAR_DATE_OUT_OF_RANGE.status,
            fields={"date": day.isoformat()},
        )
        self.day = day


class WorkingDayResult(NamedTuple):
    """The end of a working-day period and whether it was counted through a provisional year."""

    date: date
    provisional: bool


class WorkingDayCount(NamedTuple):
    """A number of working days and whether it was counted through a provisional year."""

    days: int
    provisional: bool


@dataclass(frozen=True)
class YearCalendar:
    """One year as the calendar uses it: the days off, the adjusted workdays, and where they come from.

    ``holidays`` maps each day off to its name (weekends inside an entered holiday range included);
    ``workdays`` maps each adjusted workday to its name. ``provisional`` years have no entered notice; their
    days are the statutory days and weekend make-up days (``source`` then names the rules).
    """

    year: int
    holidays: dict[date, str]
    workdays: dict[date, str]
    provisional: bool
    source: str

    def is_working(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


class CalendarListener(Protocol):
    """Called inside the notice's transaction after year ``year`` was saved; returns how many things it changed."""

    def __call__(self, year: int, *, actor: Any) -> int: ...


@dataclass(frozen=True)
class _YearDays:
    holidays: frozenset[date]
    workdays: frozenset[date]


@dataclass(frozen=True)
class _Table:
    entered: dict[int, _YearDays]  # years with an entered notice
    listed: dict[int, _YearDays]  # listed days of years without one (overrides on top of the rules)
    sources: dict[int, str]


class _Cache:
    """Per-process cache of the listed days of the table."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.table: _Table | None = None
        self.loaded_at = 0.0
        self.dirty = False  # a calendar change is inside a transaction that has not ended yet
        # That transaction: its connection and (weakly) its outermost atomic block. A rollback runs no on_commit
        # hook, so without it a rolled-back change would leave ``dirty`` set and every later read bypassing the
        # cache for the life of the process.
        self.dirty_owner: tuple[Any, weakref.ref[Any]] | None = None

    def dirty_is_stale(self) -> bool:
        """True when the transaction that set ``dirty`` has ended (committed or rolled back)."""
        if self.dirty_owner is None:
            return True
        connection, ref = self.dirty_owner
        block = ref()
        return block is None or not any(b is block for b in connection.atomic_blocks)

    def clear(self) -> None:
        with self.lock:
            self.table = None


_cache = _Cache()
_listeners: list[CalendarListener] = []


# --- The statutory rules (provisional years) ---------------------------------------------------------------------


@functools.cache
def _statutory(year: int) -> dict[date, str]:
    """The statutory days off of ``year`` and their weekend make-up days, from the ``holidays`` package.

    ``holidays.China`` encodes the rules in force in each year (the 2024 revision from 2025 on: 元旦 1, 春节 4
    from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) with its own lunisolar tables, and gives a day that
    falls on Saturday or Sunday a make-up day off on the next weekday that is not already off (its
    ``SAT_SUN_TO_NEXT_WORKDAY`` rule, applied in date order, labelled "（补假）"). It also carries copies of past
    notices ("special holidays"); those are switched off here so that a provisional year is the rules and nothing
    else — a notice reaches the platform only when an administrator enters it.
    """
    import holidays

    rules = holidays.China(language="zh_CN")
    # Drop the package's copies of notices before any year is populated; see the docstring.
    rules.has_special_holidays = False
    rules.weekend_workdays = set()
    _ = date(year, 1, 1) in rules  # populates the year
    return {day: name.replace("; ", "、") for day, name in sorted(rules.items()) if day.year == year}


def statutory_days(year: int) -> dict[date, str]:
    """The statutory days off of ``year`` with their weekend make-up days (the provisional calendar of the year)."""
    _check_year(year)
    return dict(_statutory(year))


# --- The table (entered years) -----------------------------------------------------------------------------------


def _load_table() -> _Table:
    from tongban.core.models import CalendarYear, Holiday

    sources = dict(CalendarYear.objects.values_list("year", "source"))
    holidays: dict[int, set[date]] = defaultdict(set)
    workdays: dict[int, set[date]] = defaultdict(set)
    for day, kind in Holiday.objects.values_list("date", "kind"):
        (workdays if kind == HolidayKind.ADJUSTED_WORKDAY else holidays)[day.year].add(day)

    def days(year: int) -> _YearDays:
        return _YearDays(frozenset(holidays.get(year, ())), frozenset(workdays.get(year, ())))

    with_rows = set(holidays) | set(workdays)
    return _Table(
        entered={year: days(year) for year in sources},
        listed={year: days(year) for year in with_rows - set(sources)},
        sources=sources,
    )


def _table() -> _Table:
    if _cache.dirty:
        if not _cache.dirty_is_stale() and transaction.get_connection().in_atomic_block:
            return _load_table()
        _end_dirty()
    table = _cache.table
    if table is None or time.monotonic() - _cache.loaded_at > CACHE_SECONDS:
        table = _load_table()
        with _cache.lock:
            _cache.table = table
            _cache.loaded_at = time.monotonic()
    return table


class _Days:
    """Answers "is this a working day" for one computation, building each year's sets once."""

    def __init__(self, table: _Table) -> None:
        self.table = table
        self.years: dict[int, _YearDays] = {}

    def year(self, year: int) -> _YearDays:
        found = self.years.get(year)
        if found is None:
            found = self.table.entered.get(year)
            if found is None:
                found = _provisional_days(year, self.table.listed.get(year))
            self.years[year] = found
        return found

    def is_working(self, day: date) -> bool:
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise CalendarDateOutOfRange(day)
        listed = self.year(day.year)
        if day in listed.workdays:
            return True
        if day in listed.holidays:
            return False
        return day.weekday() < 5


@functools.lru_cache(maxsize=256)
def _provisional_days(year: int, listed: _YearDays | None) -> _YearDays:
    rules = frozenset(_statutory(year))
    if listed is None:
        return _YearDays(rules, frozenset())
    return _YearDays((rules | listed.holidays) - listed.workdays, listed.workdays)


def _check_day(day: date) -> None:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CalendarDateOutOfRange(day)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        message = _("年份须在%(min)s年至%(max)s年之间，%(year)s不在此范围内。") % {
            "min": MIN_YEAR,
            "max": MAX_YEAR,
            "year": year,
        }
        raise CALENDAR_YEAR_OUT_OF_RANGE.error(message, fields={"year": year})


# --- Public functions --------------------------------------------------------------------------------------------


def is_working_day(day: date) -> bool:
    """True when ``day`` is a working day (provisional years included); raises outside 2000–2100."""
    return _Days(_table()).is_working(day)


def add_working_days(start: date, n: int) -> date:
    """The date on which a period of ``n`` working days that starts on ``start`` ends.

    The start day is not counted: ``add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)``. ``n == 0``
    returns ``start`` unchanged; ``n`` must not be negative. Years without an entered notice are counted with
    their statutory days (see :func:`add_working_days_info` to learn whether that happened).
    """
    return add_working_days_info(start, n).date


def add_working_days_info(start: date, n: int) -> WorkingDayResult:
    """Like :func:`add_working_days`, also saying whether ``[start, end]`` touches a provisional year."""
    if n < 0:
        raise ValueError("n must not be negative")
    _check_day(start)
    table = _table()
    days = _Days(table)
    day = start
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if days.is_working(day):
            remaining -= 1
    return WorkingDayResult(day, _span_provisional(start, day, table))


def working_days_between(start: date, end: date) -> int:
    """The number of working days after ``start`` up to and including ``end``; 0 when ``end <= start``."""
    return working_days_between_info(start, end).days


def working_days_between_info(start: date, end: date) -> WorkingDayCount:
    """Like :func:`working_days_between`, also saying whether ``[start, end]`` touches a provisional year."""
    _check_day(start)
    _check_day(end)
    table = _table()
    days = _Days(table)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if days.is_working(day):
            count += 1
    return WorkingDayCount(count, _span_provisional(start, end, table))


def _span_provisional(start: date, end: date, table: _Table) -> bool:
    first, last = sorted((start.year, end.year))
    return any(year not in table.entered for year in range(first, last + 1))


def is_provisional_span(start: date, end: date) -> bool:
    """True when any year touched by ``[start, end]`` (in either order) has no entered notice."""
    _check_day(start)
    _check_day(end)
    return _span_provisional(start, end, _table())


def is_provisional_year(year: int) -> bool:
    """True when ``year`` has no entered notice (its working days follow the statutory rules)."""
    _check_year(year)
    return year not in _table().entered


def provisional_years(years: Iterable[int]) -> set[int]:
    """The years among ``years`` that have no entered notice; ``CALENDAR_YEAR_OUT_OF_RANGE`` outside 2000–2100."""
    wanted = set(years)
    for year in wanted:
        _check_year(year)
    entered = _table().entered
    return {year for year in wanted if year not in entered}


def entered_years() -> list[int]:
    """The years whose holiday notice has been entered, ascending."""
    return sorted(_table().entered)


def year_calendar(year: int) -> YearCalendar:
    """The days off and adjusted workdays of ``year`` with their names, and whether the year is provisional."""
    from tongban.core.models import Holiday

    _check_year(year)
    table = _table()
    listed = list(Holiday.objects.filter(date__year=year).values_list("date", "kind", "name"))
    holidays = {day: name for day, kind, name in listed if kind == HolidayKind.HOLIDAY}
    workdays = {day: name for day, kind, name in listed if kind == HolidayKind.ADJUSTED_WORKDAY}
    if year in table.entered:
        return YearCalendar(year, holidays, workdays, provisional=False, source=table.sources[year])
    rules = {day: name for day, name in _statutory(year).items() if day not in workdays}
    return YearCalendar(
        year,
        {**rules, **holidays},
        workdays,
        provisional=True,
        source=gettext("《全国年节及纪念日放假办法》规定的法定节日（暂定，调休上班日未知）"),
    )


def next_year_warning(today: date) -> str | None:
    """The warning for system administrators, or ``None``.

    From 1 October the next year's notice is due: while next year is provisional the text asks for it. A
    provisional current year is warned about all year round.
    """
    this_year = today.year
    if MIN_YEAR <= this_year <= MAX_YEAR and is_provisional_year(this_year):
        return gettext(
            "尚未录入%(year)s年（本年度）的放假通知，本年度的工作日暂按法定节日计算，调休上班日未计入。"
            "请系统管理员尽快录入国务院办公厅的放假通知。"
        ) % {"year": this_year}
    next_year = this_year + 1
    if (
        today.month >= WARNING_FROM_MONTH
        and MIN_YEAR <= next_year <= MAX_YEAR
        and is_provisional_year(next_year)
    ):
        return gettext(
            "尚未录入%(year)s年的放假通知：跨入%(year)s年的期限暂按法定节日计算（调休上班日未知），"
            "录入通知后将自动重新计算。国务院办公厅通知发布后请系统管理员及时录入。"
        ) % {"year": next_year}
    return None


# --- Listeners (dependency inversion: core calls back into the apps that keep deadlines) ------------------------


def register_calendar_listener(callback: CalendarListener) -> None:
    """Register ``callback(year, *, actor) -> int``, called when a year's notice is entered.

    Apps register from ``AppConfig.ready()``; registering the same callback twice has no effect. The callback
    runs inside the notice's transaction, after the year was saved, so it sees the new calendar; an exception
    rolls the whole entry back. It returns how many things it changed; the sum is returned to the administrator
    (``CalendarYear.recomputed`` on the result of ``do_enter_calendar_notice``), each change ledgered by its app.
    """
    if callback not in _listeners:
        _listeners.append(callback)


def unregister_calendar_listener(callback: CalendarListener) -> None:
    """Remove a listener registered with :func:`register_calendar_listener` (tests)."""
    if callback in _listeners:
        _listeners.remove(callback)


def calendar_listeners() -> list[CalendarListener]:
    """The registered listeners, in registration order."""
    return list(_listeners)


# --- Cache invalidation and the seed -----------------------------------------------------------------------------


def clear_calendar_cache(**_kwargs: Any) -> None:
    """Drop the cached calendar; connected to ``Holiday``/``CalendarYear`` save and delete (cache only)."""
    _cache.clear()
    _provisional_days.cache_clear()
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        _cache.dirty = True
        _cache.dirty_owner = (connection, weakref.ref(connection.atomic_blocks[0]))
        transaction.on_commit(_end_dirty)


def _end_dirty() -> None:
    _cache.dirty = False
    _cache.dirty_owner = None
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
        Holiday(date=day.date, kind=day.kind, name=day.name, source=day.source, notice_year=day.date.year)
        for day in seed_days()
    )
    CalendarYear.objects.using(using).bulk_create(
        CalendarYear(year=year, source=source) for year, source in NOTICES.items()
    )
    clear_calendar_cache()
