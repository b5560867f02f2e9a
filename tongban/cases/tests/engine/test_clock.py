"""The case clock across 国庆 2025 and 春节 2025 (with their adjusted working Saturdays/Sundays), with correction and
special-procedure stops and an approved extension; remaining days and warning levels derived, never counted."""

from __future__ import annotations

from datetime import date

import pytest

from tongban.cases import services
from tongban.cases.engine.clock import remaining_working_days, warning_level
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, at, make_item, make_world, pdf, submitted_case


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _accepted(world: World, when: str, **item: object) -> Case:
    version = make_item(world.scjg, **item)  # type: ignore[arg-type]
    case = submitted_case(world, version, now=at(when))
    return services.do_accept_case(case, actor=world.clerk, now=at(when))


def test_the_deadline_skips_national_day_and_counts_the_adjusted_workdays(world: World) -> None:
    # Accepted Fri 2025-09-26, 10 working days: Sun 9-28 (调休上班) counts, 10-1…10-8 do not, Sat 10-11 counts.
    case = _accepted(world, "2025-09-26 10:00")
    assert case.deadline == date(2025, 10, 16)


def test_stops_and_an_extension_move_the_deadline_by_working_days(world: World) -> None:
    case = _accepted(world, "2025-09-26 10:00")
    # Correction from Mon 9-29 to Fri 10-10 stops 3 working days (9-30, 10-9, 10-10).
    services.do_request_correction(
        case,
        actor=world.reviewer,
        problems=[(case.materials.get(), "复印件不清晰")],
        now=at("2025-09-29 09:00"),
    )
    case.refresh_from_db()
    assert case.deadline == date(2025, 10, 16)  # frozen while the stop is open
    services.do_add_material(
        case,
        actor=world.citizen,
        file=pdf(),
        material=case.materials.get().material,
        now=at("2025-10-10 09:00"),
    )
    case = services.do_resubmit_correction(case, actor=world.citizen, now=at("2025-10-10 10:00"))
    assert case.state == "in_review" and case.deadline == date(2025, 10, 21)
    # 现场踏勘 from Mon 10-13 to Wed 10-15 stops 2 more (10-14, 10-15).
    services.do_start_special_procedure(
        case,
        actor=world.reviewer,
        kind="site_inspection",
        reason="现场核查",
        expected_days=2,
        now=at("2025-10-13 09:00"),
    )
    case = services.do_finish_special_procedure(case, actor=world.reviewer, now=at("2025-10-15 16:00"))
    assert case.deadline == date(2025, 10, 23)
    # An approved 5-day extension (§42).
    extension = services.do_request_extension(
        case, actor=world.reviewer, days=5, reason="复杂", now=at("2025-10-16 09:00")
    )
    services.do_decide_extension(extension, actor=world.supervisor, approve=True, now=at("2025-10-16 10:00"))
    case.refresh_from_db()
    assert case.deadline == date(2025, 10, 30)
    assert case.tasks.get(step="review").due_date == date(2025, 10, 30)


def test_a_rejected_extension_changes_nothing(world: World) -> None:
    case = _accepted(world, "2025-09-26 10:00")
    extension = services.do_request_extension(
        case, actor=world.reviewer, days=3, reason="复杂", now=at("2025-10-09 09:00")
    )
    services.do_decide_extension(extension, actor=world.supervisor, approve=False, now=at("2025-10-09 10:00"))
    case.refresh_from_db()
    assert case.deadline == date(2025, 10, 16)


@pytest.mark.parametrize(
    ("today", "remaining", "level"),
    [
        (date(2025, 9, 26), 10, "green"),
        (date(2025, 10, 9), 6, "green"),
        (date(2025, 10, 14), 2, "yellow"),
        (date(2025, 10, 16), 0, "yellow"),
        (date(2025, 10, 17), -1, "red"),
        (date(2025, 10, 20), -2, "red"),
    ],
)
def test_remaining_days_and_warning_level(world: World, today: date, remaining: int, level: str) -> None:
    case = _accepted(world, "2025-09-26 10:00")
    assert remaining_working_days(case, today) == remaining
    assert warning_level(case, today) == level


def test_twenty_percent_of_a_twenty_day_limit_turns_yellow_at_four_days(world: World) -> None:
    case = _accepted(world, "2025-09-26 10:00", promised_days=20)
    assert case.deadline == date(2025, 10, 30)
    assert warning_level(case, date(2025, 10, 23)) == "green"  # 5 left
    assert warning_level(case, date(2025, 10, 24)) == "yellow"  # 4 left = 20%


def test_the_clock_is_frozen_while_a_stop_is_open(world: World) -> None:
    case = _accepted(world, "2025-09-26 10:00")
    services.do_start_special_procedure(
        case,
        actor=world.reviewer,
        kind="expert_review",
        reason="专家评审",
        expected_days=10,
        now=at("2025-09-29 09:00"),
    )
    case.refresh_from_db()
    # Frozen at Mon 9-29: 8 working days left however long the review takes.
    assert remaining_working_days(case, date(2025, 10, 20)) == 8
    assert warning_level(case, date(2025, 11, 20)) == "green"


def test_correction_before_acceptance_stops_the_acceptance_clock_across_spring_festival(world: World) -> None:
    version = make_item(world.scjg)
    case = submitted_case(world, version, now=at("2025-01-24 10:00"))
    # 5 working days after Fri 1-24: Sun 1-26 (调休), Mon 1-27, then 2-5, 2-6, 2-7 (1-28…2-4 are 春节).
    assert case.acceptance_deadline == date(2025, 2, 7)
    services.do_request_correction(
        case, actor=world.clerk, problems=[(case.materials.get(), "缺页")], now=at("2025-01-27 09:00")
    )
    services.do_add_material(
        case, actor=world.citizen, file=pdf(), material=version.materials.get(), now=at("2025-02-06 09:00")
    )
    case = services.do_resubmit_correction(case, actor=world.citizen, now=at("2025-02-06 10:00"))
    # Stopped 2 working days (2-5, 2-6): Sat 2-8 (调休) and Mon 2-10 are added.
    assert case.acceptance_deadline == date(2025, 2, 10)
    case = services.do_accept_case(case, actor=world.clerk, now=at("2025-02-11 09:00"))
    assert case.accepted_late
    # The case clock starts at acceptance; the earlier correction does not extend it.
    assert case.deadline == date(2025, 2, 25)


def test_no_clock_runs_for_drafts_and_decided_cases(world: World) -> None:
    version = make_item(world.scjg, materials=())
    draft = services.do_create_case(actor=world.citizen, version=version)
    assert remaining_working_days(draft) is None and warning_level(draft) == "none"


def test_refreshing_deadlines_is_idempotent(world: World) -> None:
    from tongban.cases.tasks import refresh_deadlines
    from tongban.core.models import LedgerEntry

    case = _accepted(world, "2025-09-26 10:00")
    counts = refresh_deadlines.call()
    assert counts == {"checked": 1, "skipped": 0}
    case.refresh_from_db()
    assert case.deadline == date(2025, 10, 16)
    assert not LedgerEntry.objects.filter(action="case.deadline_recomputed").exists()


def test_a_same_day_promise_is_a_deadline_on_the_day_of_acceptance(world: World) -> None:
    # 承诺时限 0 (当场办结) is a promise, not a missing value: it must not fall back to the legal 3 days.
    case = _accepted(world, "2025-09-26 10:00", promised_days=0, legal_days=3)
    assert case.time_limit_days == 0
    assert case.deadline == date(2025, 9, 26)
    assert warning_level(case, date(2025, 9, 26)) == "yellow"
    assert warning_level(case, date(2025, 9, 28)) == "red"  # 9-28 is an adjusted working Sunday


def test_the_legal_limit_applies_when_no_promise_is_made(world: World) -> None:
    case = _accepted(world, "2025-09-26 10:00", promised_days=None, legal_days=3)
    assert case.time_limit_days == 3 and case.deadline == date(2025, 9, 30)
    case = _accepted(world, "2025-09-26 10:00", promised_days=None, legal_days=None)
    assert case.time_limit_days == 20
