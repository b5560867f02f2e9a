"""Working-day arithmetic: the seeded 2024–2026 notices, provisional years, the range, the cache."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tongban.core.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    CalendarDateOutOfRange,
    WorkingDayResult,
    add_working_days,
    add_working_days_info,
    entered_years,
    is_provisional_span,
    is_provisional_year,
    is_working_day,
    next_year_warning,
    provisional_years,
    statutory_days,
    working_days_between,
    working_days_between_info,
    year_calendar,
)
from tongban.core.choices import HolidayKind
from tongban.core.errors import DomainError
from tongban.core.models import CalendarYear, Holiday

pytestmark = pytest.mark.django_db

SEEDED_DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 6, 30))
HYPOTHESIS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_every_day_of_2024_to_2026_agrees_with_the_holidays_package() -> None:
    reference = holidays.China(years=[2024, 2025, 2026])
    day = date(2024, 1, 1)
    differences = []
    while day.year < 2027:
        if is_working_day(day) != reference.is_working_day(day):
            differences.append(day)
        day += timedelta(days=1)
    assert differences == []


def test_the_seed_records_names_and_source_notices() -> None:
    new_year = Holiday.objects.get(date=date(2026, 1, 1))
    assert new_year.kind == HolidayKind.HOLIDAY
    assert new_year.name == "元旦"
    assert "gov.cn" in new_year.source
    assert Holiday.objects.get(date=date(2026, 1, 4)).kind == HolidayKind.ADJUSTED_WORKDAY
    assert entered_years() == [2024, 2025, 2026]


def test_the_start_day_is_not_counted_across_national_day() -> None:
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_zero_days_returns_the_start() -> None:
    assert add_working_days(date(2025, 10, 1), 0) == date(2025, 10, 1)


def test_an_adjusted_weekend_workday_counts() -> None:
    # 2025-09-28 is a Sunday worked before 国庆; 2025-09-26 is a Friday.
    assert is_working_day(date(2025, 9, 28)) is True
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)


def test_the_spring_festival_crossing_in_2026() -> None:
    # 2026-02-13 (Fri): 02-14 (Sat) is a make-up workday, 02-15..02-23 are off, so day 2 is 02-24.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2


def test_twenty_working_days_after_national_day_2026() -> None:
    assert add_working_days(date(2026, 9, 28), 20) == date(2026, 10, 30)
    assert is_working_day(date(2026, 10, 8)) is True


def test_a_period_crossing_into_the_next_seeded_year() -> None:
    # 2024-12-31 (Tue) + 1: 2025-01-01 is 元旦, so the period ends on 01-02.
    assert add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 2)


def test_working_days_between_is_zero_when_end_is_not_after_start() -> None:
    assert working_days_between(date(2025, 5, 6), date(2025, 5, 6)) == 0
    assert working_days_between(date(2025, 5, 6), date(2025, 5, 1)) == 0


def test_a_deadline_reaching_into_a_year_without_a_notice_is_provisional_not_an_error() -> None:
    # The example: 20 working days from 2026-12-20 (Sun) end on 2027-01-18; only 元旦 is off in between.
    assert add_working_days(date(2026, 12, 20), 20) == date(2027, 1, 18)
    assert add_working_days_info(date(2026, 12, 20), 20) == WorkingDayResult(date(2027, 1, 18), True)


def test_a_deadline_inside_entered_years_is_not_provisional() -> None:
    assert add_working_days_info(date(2025, 9, 30), 1) == WorkingDayResult(date(2025, 10, 9), False)
    assert working_days_between_info(date(2024, 12, 31), date(2026, 12, 31)).provisional is False


def test_a_provisional_year_has_the_statutory_days_and_their_weekend_make_up_days() -> None:
    # 2027 under the 2024 revision: 除夕 (Fri 02-05) to 初三 (Mon 02-08); 02-06/07 fall on the weekend, so 02-09 and
    # 02-10 are made up; 劳动节 05-01/02 is Sat/Sun, made up on 05-03/04; 国庆 10-02/03 likewise on 10-04/05.
    off = [date(2027, 1, 1), date(2027, 2, 5), date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 10)]
    off += [date(2027, 4, 5), date(2027, 5, 3), date(2027, 5, 4), date(2027, 6, 9), date(2027, 9, 15)]
    off += [date(2027, 10, 1), date(2027, 10, 4), date(2027, 10, 5)]
    assert [day for day in off if is_working_day(day)] == []
    # Nothing else is off, and no weekend day is worked: the notice's 调休 is the only unknown.
    assert is_working_day(date(2027, 2, 11)) is True
    assert is_working_day(date(2027, 10, 6)) is True
    assert is_working_day(date(2027, 2, 20)) is False
    assert statutory_days(2027)[date(2027, 2, 5)] == "农历除夕"
    assert statutory_days(2027)[date(2027, 2, 9)] == "春节（补假）"


def test_the_2024_revision_applies_from_2025() -> None:
    assert date(2025, 1, 28) in statutory_days(2025)  # 除夕 is statutory from 2025
    assert date(2025, 5, 2) in statutory_days(2025)
    assert date(2024, 2, 9) not in statutory_days(2024)  # 2024: still the 2013 rules, no 除夕
    assert date(2024, 5, 2) not in statutory_days(2024)


def test_provisional_years_follow_the_holidays_package_where_it_knows_no_notice() -> None:
    differences = {}
    for year in range(2027, MAX_YEAR + 1):
        reference = set(holidays.China(years=year))
        ours = set(statutory_days(year))
        if ours != reference:
            differences[year] = sorted(ours ^ reference)
    assert differences == {}


def test_a_provisional_year_ignores_the_packages_copy_of_a_notice() -> None:
    # Remove the 2024 notice: 2024 falls back to the rules, without the 2024 notice that `holidays` also knows.
    Holiday.objects.filter(date__year=2024).delete()
    CalendarYear.objects.filter(year=2024).delete()
    assert is_provisional_year(2024) is True
    assert (
        is_working_day(date(2024, 2, 4)) is False
    )  # a Sunday the notice made a workday: unknown to the rules
    assert is_working_day(date(2024, 2, 15)) is True  # a bridge day off of the notice
    assert is_working_day(date(2024, 2, 13)) is False  # the make-up day for 初一 on Saturday
    assert is_working_day(date(2024, 2, 12)) is False  # 初三


def test_days_listed_for_a_provisional_year_still_win() -> None:
    # A notice that reaches across New Year lists a day of the next year before that year is entered.
    Holiday.objects.create(
        date=date(2027, 1, 2), kind=HolidayKind.ADJUSTED_WORKDAY, name="测试", notice_year=2026
    )
    Holiday.objects.create(date=date(2027, 1, 4), kind=HolidayKind.HOLIDAY, name="测试", notice_year=2026)
    assert is_provisional_year(2027) is True
    assert is_working_day(date(2027, 1, 2)) is True
    assert is_working_day(date(2027, 1, 4)) is False
    assert is_working_day(date(2027, 1, 1)) is False  # the rules still apply to the rest of the year


def test_working_days_are_answered_for_the_whole_range() -> None:
    assert add_working_days(date(MIN_YEAR, 1, 1), 1) == date(2000, 1, 4)  # 2000-01-01 Sat → 01-03 made up
    assert add_working_days_info(date(2100, 12, 1), 20).provisional is True
    assert working_days_between(date(2000, 1, 1), date(2100, 12, 31)) > 25000


@pytest.mark.parametrize(
    ("call", "day"),
    [
        (lambda: add_working_days(date(1999, 12, 31), 1), "1999-12-31"),
        (lambda: add_working_days(date(2100, 12, 30), 5), "2101-01-01"),
        (lambda: is_working_day(date(2101, 1, 3)), "2101-01-03"),
        (lambda: working_days_between(date(1990, 1, 1), date(2024, 1, 1)), "1990-01-01"),
        (lambda: is_provisional_span(date(2026, 1, 1), date(2200, 1, 1)), "2200-01-01"),
    ],
)
def test_a_day_outside_2000_to_2100_is_a_stable_error(call, day) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CalendarDateOutOfRange) as excinfo:
        call()
    assert excinfo.value.code == "CALENDAR_DATE_OUT_OF_RANGE"
    assert excinfo.value.status == 400
    assert excinfo.value.fields == {"date": day}
    assert "2000" in str(excinfo.value.message) and "2100" in str(excinfo.value.message)


def test_provisional_spans_and_years() -> None:
    assert is_provisional_span(date(2026, 12, 1), date(2026, 12, 31)) is False
    assert is_provisional_span(date(2026, 12, 1), date(2027, 1, 5)) is True
    assert is_provisional_span(date(2027, 1, 5), date(2026, 12, 1)) is True  # either order
    assert is_provisional_span(date(2023, 12, 1), date(2024, 1, 5)) is True
    assert provisional_years(range(2023, 2029)) == {2023, 2027, 2028}
    assert provisional_years([]) == set()
    with pytest.raises(DomainError) as excinfo:
        provisional_years([2026, 2101])
    assert (excinfo.value.code, excinfo.value.status, excinfo.value.fields) == (
        "CALENDAR_YEAR_OUT_OF_RANGE",
        400,
        {"year": 2101},
    )


def test_year_calendar_says_where_the_days_come_from() -> None:
    entered = year_calendar(2026)
    assert entered.provisional is False
    assert "2026" in entered.source
    assert entered.workdays[date(2026, 1, 4)] == "元旦调休上班"
    assert len(entered.holidays) == 33
    provisional = year_calendar(2027)
    assert provisional.provisional is True
    assert provisional.workdays == {}
    assert provisional.holidays[date(2027, 10, 4)] == "国庆节（补假）"
    assert "法定" in provisional.source
    with pytest.raises(DomainError):
        year_calendar(1999)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 30), None),  # before 1 October: nothing to say yet
        (date(2026, 10, 1), "2027"),
        (date(2026, 12, 31), "2027"),
        (date(2025, 10, 1), None),  # 2026 is entered
        (date(2027, 3, 1), "2027"),  # this year itself is provisional: warned all year
    ],
)
def test_the_warning_for_administrators(today: date, expected: str | None) -> None:
    warning = next_year_warning(today)
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning


def test_entering_a_new_year_makes_it_usable_at_once() -> None:
    assert is_working_day(date(2027, 1, 4)) is True
    assert is_provisional_year(2027) is True
    CalendarYear.objects.create(year=2027, source="测试通知")
    Holiday.objects.create(date=date(2027, 1, 4), kind=HolidayKind.HOLIDAY, name="测试假日")
    assert is_provisional_year(2027) is False
    assert is_working_day(date(2027, 1, 4)) is False
    assert is_working_day(date(2027, 1, 5)) is True
    assert is_working_day(date(2027, 2, 9)) is True  # an entered year is exactly its listed days


def test_an_admin_edit_invalidates_the_cache() -> None:
    assert is_working_day(date(2025, 6, 3)) is True
    Holiday.objects.create(date=date(2025, 6, 3), kind=HolidayKind.HOLIDAY, name="测试")
    assert is_working_day(date(2025, 6, 3)) is False
    Holiday.objects.filter(date=date(2025, 6, 3)).delete()
    assert is_working_day(date(2025, 6, 3)) is True


def test_removing_a_year_makes_it_provisional_again() -> None:
    assert is_provisional_year(2024) is False
    CalendarYear.objects.filter(year=2024).delete()
    assert is_provisional_year(2024) is True
    assert is_working_day(date(2024, 3, 1)) is True


def test_a_negative_period_is_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2025, 1, 1), -1)


@HYPOTHESIS
@given(start=SEEDED_DAYS, n=st.integers(min_value=0, max_value=120))
def test_adding_then_counting_round_trips(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@HYPOTHESIS
@given(start=SEEDED_DAYS, n=st.integers(min_value=1, max_value=120))
def test_the_result_of_a_positive_period_is_a_working_day(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert end > start
    assert is_working_day(end)


@HYPOTHESIS
@given(
    start=SEEDED_DAYS, a=st.integers(min_value=0, max_value=100), b=st.integers(min_value=0, max_value=100)
)
def test_adding_is_strictly_monotonic(start: date, a: int, b: int) -> None:
    if a < b:
        assert add_working_days(start, a) < add_working_days(start, b)
    elif a == b:
        assert add_working_days(start, a) == add_working_days(start, b)


ANY_DAYS = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 6, 30))


@HYPOTHESIS
@given(start=ANY_DAYS, n=st.integers(min_value=0, max_value=120))
def test_any_day_from_2000_to_2100_round_trips_and_says_whether_it_is_provisional(
    start: date, n: int
) -> None:
    result = add_working_days_info(start, n)
    assert working_days_between(start, result.date) == n
    years = range(start.year, result.date.year + 1)
    assert result.provisional == any(year not in (2024, 2025, 2026) for year in years)


@HYPOTHESIS
@given(start=SEEDED_DAYS, end=SEEDED_DAYS)
def test_counting_matches_the_holidays_package(start: date, end: date) -> None:
    reference = holidays.China(years=[2024, 2025, 2026])
    expected = sum(
        1 for i in range(1, (end - start).days + 1) if reference.is_working_day(start + timedelta(days=i))
    )
    assert working_days_between(start, end) == expected


def test_repeated_calls_are_served_from_the_cache(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    is_working_day(date(2025, 3, 3))
    with django_assert_num_queries(0):
        assert add_working_days(date(2025, 9, 30), 20) == date(2025, 11, 4)
        assert is_working_day(date(2026, 2, 16)) is False


def test_a_rolled_back_edit_does_not_linger() -> None:
    from django.db import transaction

    assert is_working_day(date(2025, 6, 5)) is True

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        Holiday.objects.create(date=date(2025, 6, 5), kind=HolidayKind.HOLIDAY, name="回滚测试")
        assert is_working_day(date(2025, 6, 5)) is False
        raise Abort
    assert not Holiday.objects.filter(date=date(2025, 6, 5)).exists()
    assert is_working_day(date(2025, 6, 5)) is True


def test_a_rolled_back_calendar_change_does_not_leave_the_cache_bypassed(transactional_db) -> None:  # type: ignore[no-untyped-def]
    """A rollback runs no on_commit hook: the next transaction must use the cache again, not reload every time
    (a leaked flag made every later case transaction of the process reload the calendar table)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from tongban.core import calendar
    from tongban.core.models import Holiday

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        Holiday.objects.create(date=date(2031, 5, 2), kind="holiday", name="测试")
        assert calendar._cache.dirty
        raise Rollback
    with transaction.atomic():
        calendar.is_working_day(date(2031, 5, 6))  # loads the table once
        with CaptureQueriesContext(connection) as captured:
            for _ in range(3):
                calendar.is_working_day(date(2031, 5, 6))
    assert len(captured) == 0
    assert not calendar._cache.dirty
