"""Entering a notice: one transaction that replaces the year, records it in the ledger and calls the listeners."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tongban.core.calendar import (
    WorkingDayResult,
    add_working_days_info,
    calendar_listeners,
    is_provisional_year,
    is_working_day,
    register_calendar_listener,
    unregister_calendar_listener,
)
from tongban.core.calendar_notice import parse_notice
from tongban.core.choices import HolidayKind
from tongban.core.events import CoreLedgerAction
from tongban.core.models import CalendarYear, Holiday, LedgerEntry
from tongban.core.queries import verify_ledger
from tongban.core.services import do_enter_calendar_notice

pytestmark = pytest.mark.django_db

NOTICES = Path(__file__).parent / "notices"


def _notice(name: str) -> str:
    return (NOTICES / name).read_text(encoding="utf-8")


@pytest.fixture
def admin_user() -> Any:
    return get_user_model().objects.create_superuser("cal_admin", "cal_admin@example.invalid", "x-pass-123")


class Recorder:
    """A listener that records its calls and what the calendar said while it ran."""

    def __init__(self, result: int = 0, fail: bool = False) -> None:
        self.calls: list[tuple[int, Any, bool, WorkingDayResult]] = []
        self.result = result
        self.fail = fail

    def __call__(self, year: int, *, actor: Any) -> int:
        seen = add_working_days_info(date(2027, 2, 1), 10)
        self.calls.append((year, actor, is_provisional_year(year), seen))
        if self.fail:
            raise RuntimeError("listener failed")
        return self.result


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    listener = Recorder(result=3)
    register_calendar_listener(listener)
    yield listener
    unregister_calendar_listener(listener)


def test_entering_the_2027_notice_ends_the_provisional_year(admin_user: Any, recorder: Recorder) -> None:
    # Before: 2027 follows the statutory rules; the period runs through 春节 without its 调休 workdays.
    assert add_working_days_info(date(2026, 12, 20), 20) == WorkingDayResult(date(2027, 1, 18), True)
    assert add_working_days_info(date(2027, 2, 1), 10) == WorkingDayResult(date(2027, 2, 19), True)
    year = do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
    assert (year.year, year.entered_by, year.recomputed) == (2027, admin_user, 3)
    assert year.source.startswith("国务院办公厅关于2027年部分节假日安排的通知")
    assert year.entered_at is not None
    assert "一、元旦" in year.notice_text
    # After: the notice's days (2月14日 and 2月20日 are worked) and no longer provisional.
    assert add_working_days_info(date(2026, 12, 20), 20) == WorkingDayResult(date(2027, 1, 18), False)
    assert add_working_days_info(date(2027, 2, 1), 10) == WorkingDayResult(date(2027, 2, 20), False)
    assert Holiday.objects.get(date=date(2027, 2, 14)).kind == HolidayKind.ADJUSTED_WORKDAY
    assert set(Holiday.objects.filter(date__year=2027).values_list("notice_year", flat=True)) == {2027}


def test_the_listener_runs_inside_the_transaction_and_sees_the_new_year(
    admin_user: Any, recorder: Recorder
) -> None:
    do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="测试")
    assert recorder.calls == [(2027, admin_user, False, WorkingDayResult(date(2027, 2, 20), False))]


def test_one_ledger_entry_records_the_year(admin_user: Any) -> None:
    before = LedgerEntry.objects.count()
    do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="测试通知")
    assert LedgerEntry.objects.count() == before + 1
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry is not None
    assert (entry.action, entry.object_type, entry.object_id) == (
        CoreLedgerAction.CALENDAR_NOTICE_ENTERED,
        "core.calendaryear",
        "2027",
    )
    assert entry.actor == admin_user
    assert entry.data["was_provisional"] is True
    assert entry.data["source"] == "测试通知"
    assert "2027-02-14" in entry.data["workdays"]
    assert len(entry.data["holidays"]) == 29
    assert verify_ledger().ok


def test_an_exception_in_a_listener_rolls_everything_back(admin_user: Any) -> None:
    failing = Recorder(fail=True)
    register_calendar_listener(failing)
    before = LedgerEntry.objects.count()
    try:
        with pytest.raises(RuntimeError):
            do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
    finally:
        unregister_calendar_listener(failing)
    assert len(failing.calls) == 1  # it ran, saw the new year, then failed
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not Holiday.objects.filter(date__year=2027).exists()
    assert LedgerEntry.objects.count() == before
    assert is_provisional_year(2027) is True
    assert is_working_day(date(2027, 2, 14)) is False  # the rolled-back workday does not linger in the cache


def test_entering_a_year_again_replaces_its_days(admin_user: Any) -> None:
    do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
    corrected = _notice("2027-test.txt").replace(
        "2月14日（周日）、2月20日（周六）上班", "2月20日（周六）上班"
    )
    do_enter_calendar_notice(parse_notice(corrected), actor=admin_user, source="更正")
    assert not Holiday.objects.filter(date=date(2027, 2, 14)).exists()
    assert is_working_day(date(2027, 2, 14)) is False
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry is not None
    assert entry.data["removed"] == ["2027-02-14"]
    assert entry.data["was_provisional"] is False
    assert "UNBALANCED" in entry.data["flags"]
    assert CalendarYear.objects.get(year=2027).source == "更正"


def test_re_entering_a_seeded_year_gives_the_same_calendar(admin_user: Any) -> None:
    before = list(Holiday.objects.filter(date__year=2026).values_list("date", "kind", "name"))
    do_enter_calendar_notice(parse_notice(_notice("2026.txt")), actor=admin_user, source="")
    after = list(Holiday.objects.filter(date__year=2026).values_list("date", "kind", "name"))
    assert after == before


def test_a_notice_across_new_year_keeps_the_other_notices_days(admin_user: Any) -> None:
    # The 2028 notice lists 2027-12-31 off; entering the 2027 notice again must not delete that day.
    do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
    text_2028 = (
        "国务院办公厅关于2028年部分节假日安排的通知\n一、元旦：2027年12月31日至2028年1月2日放假调休，共3天。"
    )
    do_enter_calendar_notice(parse_notice(text_2028), actor=admin_user, source="")
    assert Holiday.objects.get(date=date(2027, 12, 31)).notice_year == 2028
    do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
    assert Holiday.objects.get(date=date(2027, 12, 31)).notice_year == 2028
    assert is_working_day(date(2027, 12, 31)) is False


def test_registering_a_listener_twice_calls_it_once(admin_user: Any) -> None:
    listener = Recorder()
    register_calendar_listener(listener)
    register_calendar_listener(listener)
    try:
        assert calendar_listeners().count(listener) == 1
        do_enter_calendar_notice(parse_notice(_notice("2027-test.txt")), actor=admin_user, source="")
        assert len(listener.calls) == 1
    finally:
        unregister_calendar_listener(listener)
    assert listener not in calendar_listeners()
