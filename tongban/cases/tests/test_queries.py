"""Access helpers, scoped lists, the inbox, timelines and public reads."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.accounts.services import do_authorize_agent
from tongban.cases import access, queries, services
from tongban.cases.models import Case
from tongban.cases.tests.factories import (
    World,
    at,
    in_review_case,
    make_item,
    make_world,
    open_task,
    submitted_case,
)
from tongban.core.errors import DomainError


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _sees(user: object, number: str) -> bool:
    try:
        access.access_case_by_number(user, number)
    except DomainError as exc:
        assert exc.code == "CASE_NOT_FOUND"
        return False
    return True


def test_who_may_see_a_city_case(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    assert _sees(world.citizen, case.number)
    assert _sees(world.clerk, case.number)
    assert _sees(world.reviewer, case.number)
    assert _sees(world.supervisor, case.number)
    assert not _sees(world.citizen2, case.number)
    assert not _sees(world.clerk_township, case.number)
    assert not _sees(world.clerk_xiangfu, case.number)
    assert not _sees(world.reviewer_ga, case.number)
    assert not _sees(world.supervisor_xiangfu, case.number)
    assert not _sees(AnonymousUser(), case.number)
    assert not _sees(world.citizen, "41020020250101999999")


def test_a_county_case_is_seen_by_the_county_and_the_city_but_not_the_township(world: World) -> None:
    case = submitted_case(world, make_item(world.xf_scjg))
    assert case.number.startswith("410212")
    assert _sees(world.clerk_xiangfu, case.number)
    assert _sees(world.clerk, case.number)
    assert _sees(world.supervisor_xiangfu, case.number)
    assert not _sees(world.clerk_township, case.number)
    assert not _sees(world.reviewer, case.number)


def test_a_parallel_review_department_sees_the_case(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg, review_departments=(world.ga,)))
    assert _sees(world.reviewer_ga, case.number)
    assert not _sees(world.reviewer_zj, case.number)


def test_enterprise_agents_and_proxies_see_cases_they_hold_authorisation_for(world: World) -> None:
    version = make_item(world.scjg, materials=())
    enterprise_case = services.do_create_case(
        actor=world.agent, version=version, enterprise=world.enterprise, submit=True
    )
    from tongban.accounts.testing import make_enterprise_agent

    colleague = make_enterprise_agent("t_agent2", enterprise=world.enterprise)
    assert _sees(colleague, enterprise_case.number)
    do_authorize_agent(world.citizen2, world.citizen, actor=None)
    own_case = submitted_case(world, make_item(world.scjg))
    assert _sees(world.citizen2, own_case.number)
    assert [c.pk for c in queries.fetch_cases_for_applicant(world.citizen2)] == [own_case.pk]


def test_drafts_are_reached_by_draft_id_and_hidden_from_staff(world: World) -> None:
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg))
    assert access.access_case_by_ref(world.citizen, str(draft.public_id)).pk == draft.pk
    with pytest.raises(DomainError):
        access.access_case_by_ref(world.clerk, str(draft.public_id))


def test_the_inbox_shows_department_tasks_and_my_claims_only(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    other = in_review_case(world, make_item(world.scjg))
    assert {t.case_id for t in queries.fetch_tasks_for_user(world.reviewer)} == {case.pk, other.pk}
    assert not list(queries.fetch_tasks_for_user(world.reviewer_ga))
    assert not list(queries.fetch_tasks_for_user(world.approver))
    services.do_claim_task(open_task(case, "review"), actor=world.reviewer2)
    assert {t.case_id for t in queries.fetch_tasks_for_user(world.reviewer)} == {other.pk}
    assert [t.case_id for t in queries.fetch_tasks_for_user(world.reviewer2, status="claimed")] == [case.pk]
    counts = queries.count_tasks_for_user(world.reviewer2)
    assert counts["claimed"] == 1 and counts["open"] == 1 and counts["total"] == 2


def test_the_inbox_query_count_does_not_grow_with_tasks(world: World) -> None:
    version = make_item(world.scjg)
    for _ in range(2):
        in_review_case(world, version)

    def run() -> int:
        user = type(world.reviewer).objects.get(pk=world.reviewer.pk)
        with CaptureQueriesContext(connection) as captured:
            for task in queries.fetch_tasks_for_user(user):
                queries.clock_summary(task.case)
                _ = task.case.implementation.item.name
        return len(captured)

    baseline = run()
    for _ in range(3):
        in_review_case(world, version)
    assert run() == baseline


def test_the_supervision_list_filters_by_warning_level(world: World) -> None:
    late = services.do_accept_case(
        submitted_case(world, make_item(world.scjg), now=at("2025-09-26 10:00")),
        actor=world.clerk,
        now=at("2025-09-26 10:00"),
    )
    fresh = in_review_case(world, make_item(world.scjg))
    red = queries.fetch_cases_for_staff(world.supervisor, level="red")
    assert [c.pk for c in red] == [late.pk]
    green = queries.fetch_cases_for_staff(world.supervisor, level="green")
    assert fresh.pk in [c.pk for c in green]
    assert not list(queries.fetch_cases_for_staff(world.supervisor_xiangfu))


def test_the_staff_timeline_names_actors_and_the_plain_one_does_not(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(
        open_task(case, "review"), actor=world.reviewer, outcome="approve", opinion="ok"
    )
    staff = queries.fetch_case_timeline(case)
    assert [e.action_label for e in staff][:2] == ["创建申请", "上传材料"]
    assert any(e.actor_label == "t_reviewer_scjg" for e in staff)
    plain = queries.plain_timeline(case)
    assert [e.action_label for e in plain] == [
        "您创建了申请",
        "申请已提交，等待受理",
        "申请已受理",
        "进入审查",
    ]
    assert all(e.actor_label == "" for e in plain)


def test_public_progress_has_no_personal_data(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    progress = queries.get_public_progress(case.number, case.query_code.lower())
    assert progress["state"] == "submitted" and progress["department"] == "开封市市场监督管理局"
    assert "王秀英" not in str(progress) and case.applicant_id_number not in str(progress)
    with pytest.raises(DomainError):
        queries.get_public_progress(case.number, "")


def test_public_disclosure_masks_applicants(world: World) -> None:
    submitted_case(world, make_item(world.scjg, disclose_cases=True))
    rows = queries.fetch_public_disclosure()
    assert len(rows) == 1 and rows[0]["applicant"] != "王秀英" and rows[0]["applicant"].startswith("王")
    assert queries.fetch_public_disclosure(department=world.ga) == []
    assert queries.fetch_public_disclosure(page=2) == []


def test_public_disclosure_lists_only_items_marked_public(world: World) -> None:
    # 户口迁移, 无犯罪记录证明 and the like are personal: their cases never appear, even masked.
    private = submitted_case(world, make_item(world.scjg, name="无犯罪记录证明"))
    public = submitted_case(world, make_item(world.scjg, disclose_cases=True))
    numbers = {r["number"] for r in queries.fetch_public_disclosure()}
    assert public.number in numbers and private.number not in numbers
    # Unmarking the item hides its older cases too: the current published version decides.
    type(public.version).objects.filter(pk=public.implementation.current_version_id).update(
        disclose_cases=False
    )
    assert queries.fetch_public_disclosure() == []


def test_the_clock_summary_of_a_decided_case_has_no_level(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg), now=at("2025-09-26 10:00"))
    summary = queries.clock_summary(case, date(2025, 9, 29))
    assert summary["deadline"] == case.acceptance_deadline and summary["warning_level"] == "green"


def test_a_window_clerk_is_not_the_applicant_of_the_cases_they_take_in(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, materials=())
    case = services.do_window_intake(
        actor=world.clerk, version=version, id_number=make_id_number("w1"), name="赵六"
    )
    assert not list(queries.fetch_cases_for_applicant(world.clerk))
    assert _sees(world.clerk, case.number)  # through the clerk role
    with pytest.raises(DomainError):
        services.do_withdraw_case(case, actor=world.clerk)
    case.refresh_from_db()
    assert case.state == "submitted"


def test_public_progress_gives_the_item_code(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    progress = queries.get_public_progress(case.number, case.query_code)
    assert progress["item_code"] == case.implementation.code


def test_timelines_name_steps_in_chinese_not_by_bpmn_key(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg, review_departments=(world.ga,)))
    services.do_complete_task(
        open_task(case, "dept_review", world.ga), actor=world.reviewer_ga, outcome="approve", opinion="同意"
    )
    details = [e.detail for e in queries.fetch_case_timeline(case)]
    assert "部门审查：同意" in details
    assert not any("dept_review" in d for d in details)
    plain = queries.plain_timeline(case)
    assert not any("dept_review" in e.detail or "dept_review" in e.action_label for e in plain)


def test_the_delivery_choice_shows_on_both_timelines(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    services.do_choose_delivery(case, actor=world.citizen, mode="window")
    staff = queries.fetch_case_timeline(case)[-1]
    assert (staff.action_label, staff.detail) == ("选择领取方式", "窗口领取")
    plain = queries.plain_timeline(case)[-1]
    assert (plain.action_label, plain.detail) == ("您选择了领取方式", "窗口领取")


def test_an_item_without_modes_offers_window_pickup(world: World) -> None:
    version = make_item(world.scjg)
    assert queries.offered_delivery_modes(version) == ["window"]
    version.delivery_modes = ["electronic", "bogus", "window"]
    assert queries.offered_delivery_modes(version) == ["window", "electronic"]


def _mixed_cases(world: World) -> dict[str, Case]:
    """Cases with every warning level, made on dates before the frozen "today" of 2025-10-20."""
    from tongban.cases.tests.helpers import walk_single

    accept = services.do_accept_case
    cases = {
        "red": accept(submitted_case(world, make_item(world.scjg), now=at("2025-09-26 10:00")),
                      actor=world.clerk, now=at("2025-09-26 10:00")),  # 10 days → due 10-16, overdue
        "red_more": accept(submitted_case(world, make_item(world.scjg), now=at("2025-09-22 10:00")),
                           actor=world.clerk, now=at("2025-09-22 10:00")),  # due 10-10
        "yellow": accept(submitted_case(world, make_item(world.scjg), now=at("2025-10-10 10:00")),
                         actor=world.clerk, now=at("2025-10-10 10:00")),  # due 10-24: 4 left of 10
        "yellow_20pct": accept(submitted_case(world, make_item(world.scjg, promised_days=20), now=at("2025-09-29 10:00")),
                               actor=world.clerk, now=at("2025-09-29 10:00")),  # due 11-04: 11 left of 20? green
        "green": accept(submitted_case(world, make_item(world.scjg), now=at("2025-10-17 10:00")),
                        actor=world.clerk, now=at("2025-10-17 10:00")),
        "acceptance": submitted_case(world, make_item(world.scjg), now=at("2025-10-17 10:00")),
        "acceptance_late": submitted_case(world, make_item(world.scjg), now=at("2025-10-09 10:00")),
    }  # fmt: skip
    stopped = accept(submitted_case(world, make_item(world.scjg), now=at("2025-09-26 10:00")),
                     actor=world.clerk, now=at("2025-09-26 10:00"))  # fmt: skip
    services.do_start_special_procedure(stopped, actor=world.reviewer, kind="hearing", reason="听证",
                                        expected_days=30, now=at("2025-09-29 09:00"))  # fmt: skip
    cases["stopped"] = stopped  # frozen on 9-29 with 8 days left: green, though overdue by the calendar
    correction = submitted_case(world, make_item(world.scjg), now=at("2025-10-09 10:00"))
    services.do_request_correction(correction, actor=world.clerk, problems=[(correction.materials.get(), "不清晰")],
                                   now=at("2025-10-13 09:00"))  # fmt: skip
    cases["correction"] = correction
    cases["decided"] = walk_single(
        world, in_review_case(world, make_item(world.scjg), now=at("2025-10-16 10:00"))
    )
    return cases


def test_the_supervision_list_puts_overdue_first_then_yellow_with_counts_by_level(world: World) -> None:
    from tongban.cases.engine.clock import warning_level

    with time_machine.travel(at("2025-10-20 09:00"), tick=False):
        cases = _mixed_cases(world)
        listed, counts = queries.fetch_cases_for_supervision(world.supervisor)
        rows = list(listed)
        # The SQL level agrees with the clock's own rule for every case.
        for case in rows:
            assert case.level == warning_level(Case.objects.get(pk=case.pk)), case
        levels = [c.level for c in rows]
        assert levels == sorted(levels, key=["red", "yellow", "green", "none"].index)
        assert rows[0].pk == cases["red_more"].pk  # the most overdue first
        assert cases["red"].pk in [c.pk for c in rows[1:3]]
        assert counts == {
            "red": levels.count("red"),
            "yellow": levels.count("yellow"),
            "green": levels.count("green"),
            "none": levels.count("none"),
        }
        assert counts["red"] >= 3 and counts["yellow"] >= 1 and counts["none"] >= 1
        assert {c.level for c in rows if c.pk == cases["stopped"].pk} == {"green"}
        only_yellow, same = queries.fetch_cases_for_supervision(world.supervisor, level="yellow")
        assert {c.level for c in only_yellow} == {"yellow"} and same == counts
        _nothing, none_counts = queries.fetch_cases_for_supervision(world.supervisor_xiangfu)
        assert none_counts == {"red": 0, "yellow": 0, "green": 0, "none": 0}


def test_the_supervision_list_query_count_does_not_grow_with_cases(world: World) -> None:
    with time_machine.travel(at("2025-10-20 09:00"), tick=False):
        _mixed_cases(world)

        def run() -> int:
            with CaptureQueriesContext(connection) as captured:
                listed, _counts = queries.fetch_cases_for_supervision(world.supervisor)
                list(listed[:30])
            return len(captured)

        run()  # warms the per-process calendar cache
        baseline = run()
        _mixed_cases(world)
        assert run() == baseline


def test_the_supervision_page_shows_the_counts_by_level(client, world: World) -> None:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    with time_machine.travel(at("2025-10-20 09:00"), tick=False):
        _mixed_cases(world)
        client.force_login(world.supervisor)
        response = client.get(reverse("cases:supervision"))
        counts = response.context["level_counts"]
        assert set(counts) == {"red", "yellow", "green", "none"}
        shown = dict(
            re.findall(
                r'data-level-count="(\w+)"[^>]*>[^<]*<strong>(\d+)</strong>', response.content.decode()
            )
        )
        assert shown == {level: str(n) for level, n in counts.items()}
        first = response.context["page"].object_list[0]
        assert first.level == "red"


def test_a_refusal_to_accept_is_said_once_in_public(world: World) -> None:
    case = services.do_refuse_acceptance(
        submitted_case(world, make_item(world.scjg, disclose_cases=True)),
        actor=world.clerk,
        reasons=["不属于本机关职权范围。"],
    )
    row = next(r for r in queries.fetch_public_disclosure() if r["number"] == case.number)
    assert row["state_label"] == "不予受理" and row["result"] == ""
    progress = queries.get_public_progress(case.number, case.query_code)
    assert progress["state_label"] == "不予受理" and progress["result"] == ""


def test_notice_contents_for_staff_mask_a_person_but_not_an_enterprise(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    receipt = case.notices.get(kind="receipt")
    assert receipt.content["applicant"] == "王秀英"
    masked = queries.masked_notice_content(receipt)
    assert masked["applicant"] != "王秀英" and masked["applicant"].startswith("王")
    assert masked["query_code"] == receipt.content["query_code"]
    company = services.do_create_case(
        actor=world.agent,
        version=make_item(world.scjg, materials=()),
        enterprise=world.enterprise,
        submit=True,
    )
    notice = company.notices.get(kind="receipt")
    assert queries.masked_notice_content(notice)["applicant"] == world.enterprise.name
