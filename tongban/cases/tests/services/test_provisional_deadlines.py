"""Deadlines through a year without its holiday notice are provisional, and move when the notice is entered
(ISSUE 6 §1–2, ADR 0002). The dates are fixed (``now=``), never today's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model

from tongban.cases import services
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, at, in_review_case, make_item, submitted_case
from tongban.core.calendar import add_working_days_info, is_provisional_year
from tongban.core.calendar_notice import parse_notice
from tongban.core.models import LedgerEntry
from tongban.core.services import do_enter_calendar_notice

NOTICE = (Path(__file__).parents[3] / "core/tests/notices/2027-test.txt").read_text(encoding="utf-8")


def _enter_2027() -> Any:
    admin = get_user_model().objects.create_superuser("cal_admin", "cal_admin@example.invalid", "x-pass-123")
    return do_enter_calendar_notice(parse_notice(NOTICE), actor=admin, source="测试")


def test_a_deadline_into_a_year_without_its_notice_is_provisional_and_the_case_runs(world: World) -> None:
    assert is_provisional_year(2027)
    version = make_item(world.scjg, promised_days=20)
    case = in_review_case(world, version, now=at("2026-12-20 10:00"))
    # 2026-12-20 + 20 working days, 元旦 2027 from the statutory rules.
    assert case.deadline == date(2027, 1, 18) and case.deadline_provisional
    assert all(t.due_provisional for t in case.tasks.filter(state__in=("open", "claimed")))
    submitted = submitted_case(world, make_item(world.scjg, acceptance_days=5), now=at("2026-11-02 09:00"))
    assert not submitted.acceptance_deadline_provisional  # 5 working days stay inside 2026


def test_entering_the_notice_recomputes_the_deadlines_it_touches(world: World) -> None:
    version = make_item(world.scjg, promised_days=20)
    same_date = in_review_case(world, version, now=at("2026-12-20 10:00"))
    # Ten working days from 2027-01-25 end inside 春节: the notice's 调休 moves them.
    through_spring = in_review_case(
        world, make_item(world.scjg, promised_days=10), now=at("2027-01-25 10:00")
    )
    inside_2026 = in_review_case(world, make_item(world.scjg, promised_days=3), now=at("2026-11-02 10:00"))
    provisional_before = through_spring.deadline
    assert through_spring.deadline_provisional and not inside_2026.deadline_provisional

    entered = _enter_2027()

    same_date.refresh_from_db()
    assert same_date.deadline == date(2027, 1, 18) and not same_date.deadline_provisional
    through_spring.refresh_from_db()
    expected = add_working_days_info(date(2027, 1, 25), 10)
    assert expected.provisional is False and expected.date != provisional_before
    assert through_spring.deadline == expected.date and not through_spring.deadline_provisional
    # Open tasks follow the case deadline; one ledger entry per changed case names the old and new dates.
    task = through_spring.tasks.get(state__in=("open", "claimed"))
    assert task.due_date == expected.date and not task.due_provisional
    entry = LedgerEntry.objects.get(
        action=CaseLedgerAction.DEADLINE_RECOMPUTED, object_id=str(through_spring.pk)
    )
    assert entry.data["before"][1] == str(provisional_before) and entry.data["after"][1] == str(expected.date)
    assert entry.actor.username == "cal_admin"
    # A case the year never touched is left alone.
    assert not LedgerEntry.objects.filter(
        action=CaseLedgerAction.DEADLINE_RECOMPUTED, object_id=str(inside_2026.pk)
    ).exists()
    # The administrator is told how many cases changed.
    assert entered.recomputed == 2


def test_a_decided_case_is_not_recomputed(world: World) -> None:
    version = make_item(world.scjg, promised_days=20)
    case = in_review_case(world, version, now=at("2027-01-25 10:00"))
    services.do_terminate_case(case, actor=world.supervisor, reason="测试终止。", now=at("2027-01-26 10:00"))
    before = Case.objects.get(pk=case.pk).deadline
    _enter_2027()
    assert Case.objects.get(pk=case.pk).deadline == before


def test_pages_and_the_api_say_the_deadline_is_provisional(world: World, client: Any) -> None:
    from django.urls import reverse

    from tongban.cases.tests.test_api import Api

    case = in_review_case(world, make_item(world.scjg, promised_days=20), now=at("2026-12-20 10:00"))
    client.force_login(world.citizen)
    mine = client.get(reverse("cases:case_detail", kwargs={"ref": case.ref})).content.decode()
    assert "2027-01-18" in mine and "（暂按法定节日计算）" in mine
    client.force_login(world.reviewer)
    staff = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert staff.count("（暂按法定节日计算）") >= 2  # the case deadline and the task's
    public = client.get(reverse("cases:progress"), {"number": case.number, "code": case.query_code})
    assert "（暂按法定节日计算）" in public.content.decode()
    detail = Api(world.citizen).get(f"/cases/{case.number}").json()
    assert detail["deadline"] == "2027-01-18" and detail["deadline_provisional"] is True
    progress = Api().get(f"/public/cases/{case.number}", code=case.query_code).json()
    assert progress["deadline_provisional"] is True

    _enter_2027()
    client.force_login(world.citizen)
    mine = client.get(reverse("cases:case_detail", kwargs={"ref": case.ref})).content.decode()
    assert "2027-01-18" in mine and "（暂按法定节日计算）" not in mine
    assert Api(world.citizen).get(f"/cases/{case.number}").json()["deadline_provisional"] is False


def test_a_supplement_deadline_is_recounted_too(world: World) -> None:
    from tongban.catalog.choices import MaterialNecessity

    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("卫生许可", MaterialNecessity.TOLERABLE)),
    )
    case = submitted_case(world, version, now=at("2027-01-25 09:00"))
    case = services.do_accept_case(
        case,
        actor=world.clerk,
        tolerated_materials=[version.materials.get(name="卫生许可")],
        supplement_deadline_days=10,
        now=at("2027-01-25 10:00"),
    )
    provisional = add_working_days_info(date(2027, 1, 25), 10)
    assert case.supplement_deadline == provisional.date and case.supplement_deadline_provisional
    _enter_2027()
    case.refresh_from_db()
    entered = add_working_days_info(date(2027, 1, 25), 10)
    assert entered.date != provisional.date
    assert case.supplement_deadline == entered.date and not case.supplement_deadline_provisional
