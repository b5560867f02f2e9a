"""Working-day arithmetic against the seeded 2024–2026 notices."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tongban.core.calendar import (
    CalendarYearMissing,
    add_working_days,
    entered_years,
    is_working_day,
    working_days_between,
)
from tongban.core.choices import HolidayKind
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


def test_a_year_without_data_is_an_explicit_error_naming_it() -> None:
    with pytest.raises(CalendarYearMissing) as excinfo:
        add_working_days(date(2026, 12, 30), 5)
    assert excinfo.value.code == "CALENDAR_YEAR_MISSING"
    assert "2027" in str(excinfo.value.message)
    with pytest.raises(CalendarYearMissing):
        is_working_day(date(2027, 3, 1))
    with pytest.raises(CalendarYearMissing):
        working_days_between(date(2023, 12, 1), date(2024, 1, 5))


def test_entering_a_new_year_makes_it_usable_at_once() -> None:
    with pytest.raises(CalendarYearMissing):
        is_working_day(date(2027, 1, 4))
    CalendarYear.objects.create(year=2027, source="测试通知")
    Holiday.objects.create(date=date(2027, 1, 4), kind=HolidayKind.HOLIDAY, name="测试假日")
    assert is_working_day(date(2027, 1, 4)) is False
    assert is_working_day(date(2027, 1, 5)) is True


def test_an_admin_edit_invalidates_the_cache() -> None:
    assert is_working_day(date(2025, 6, 3)) is True
    Holiday.objects.create(date=date(2025, 6, 3), kind=HolidayKind.HOLIDAY, name="测试")
    assert is_working_day(date(2025, 6, 3)) is False
    Holiday.objects.filter(date=date(2025, 6, 3)).delete()
    assert is_working_day(date(2025, 6, 3)) is True


def test_removing_a_year_makes_it_missing_again() -> None:
    assert is_working_day(date(2024, 3, 1)) is True
    CalendarYear.objects.filter(year=2024).delete()
    with pytest.raises(CalendarYearMissing):
        is_working_day(date(2024, 3, 1))


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
