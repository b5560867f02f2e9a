"""The BPMN flows: 会签 and 或签 parallel review, return, templates stored once, state kept on the case."""

from __future__ import annotations

import pytest

from tongban.cases import services
from tongban.cases.choices import CaseState, TaskState
from tongban.cases.engine.flows import get_process_spec
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, in_review_case, make_item, make_world, open_task
from tongban.catalog.choices import COMMITMENT_FLOW as COMMITMENT
from tongban.catalog.choices import PARALLEL_REVIEW_FLOW as PARALLEL_REVIEW
from tongban.catalog.choices import SINGLE_DEPARTMENT_FLOW as SINGLE_DEPARTMENT
from tongban.catalog.choices import CountersignMode
from tongban.catalog.models import FlowTemplate
from tongban.catalog.services import ensure_flow_templates
from tongban.core.errors import DomainError


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _parallel(world: World, mode: str) -> Case:
    version = make_item(
        world.scjg, review_departments=(world.scjg, world.ga, world.zj), countersign_mode=mode
    )
    return in_review_case(world, version)


def _reviewers(world: World) -> dict[int, object]:
    return {world.scjg.pk: world.reviewer, world.ga.pk: world.reviewer_ga, world.zj.pk: world.reviewer_zj}


def test_templates_are_stored_once_and_parsed_once(world: World) -> None:
    first = ensure_flow_templates()
    second = ensure_flow_templates()
    assert set(first) == {SINGLE_DEPARTMENT, PARALLEL_REVIEW, COMMITMENT}
    assert {k: t.pk for k, t in first.items()} == {k: t.pk for k, t in second.items()}
    assert FlowTemplate.objects.filter(key__in=first).count() == 3
    template = first[PARALLEL_REVIEW]
    assert get_process_spec(template) is get_process_spec(template)


def test_parallel_review_opens_one_task_per_department(world: World) -> None:
    case = _parallel(world, CountersignMode.ALL)
    tasks = case.tasks.filter(step="dept_review")
    assert sorted(t.department_id for t in tasks) == sorted([world.scjg.pk, world.ga.pk, world.zj.pk])
    assert {t.role for t in tasks} == {"reviewer"}
    assert case.flow_template.key == PARALLEL_REVIEW and case.flow_state


def test_countersign_all_needs_every_department_and_then_the_lead_decides(world: World) -> None:
    case = _parallel(world, CountersignMode.ALL)
    reviewers = _reviewers(world)
    for department in (world.scjg, world.ga):
        services.do_complete_task(
            open_task(case, "dept_review", department), actor=reviewers[department.pk], outcome="approve"
        )
    assert not case.tasks.filter(step="decide").exists()
    assert open_task(case, "dept_review", world.zj).state == TaskState.OPEN
    services.do_complete_task(
        open_task(case, "dept_review", world.zj), actor=world.reviewer_zj, outcome="approve"
    )
    decide = open_task(case, "decide")
    assert decide.department == world.scjg and decide.role == "approver"
    services.do_complete_task(decide, actor=world.approver, outcome="approve", opinion="准予")
    assert Case.objects.get(pk=case.pk).state == CaseState.DECIDED


def test_countersign_all_with_one_rejection_can_only_be_refused(world: World) -> None:
    case = _parallel(world, CountersignMode.ALL)
    reviewers = _reviewers(world)
    for department, outcome in ((world.scjg, "approve"), (world.ga, "reject"), (world.zj, "approve")):
        services.do_complete_task(
            open_task(case, "dept_review", department),
            actor=reviewers[department.pk],
            outcome=outcome,
            opinion="意见",
        )
    decide = open_task(case, "decide")
    with pytest.raises(DomainError) as info:
        services.do_complete_task(decide, actor=world.approver, outcome="approve")
    assert info.value.code == "DECISION_MUST_REFUSE"
    decide.refresh_from_db()
    assert decide.state == TaskState.OPEN
    services.do_complete_task(decide, actor=world.approver, outcome="reject", opinion="公安部门不同意")
    case = Case.objects.get(pk=case.pk)
    assert case.state == CaseState.DECIDED and not case.decision.approve


def test_any_one_approval_completes_an_or_sign_and_cancels_the_rest(world: World) -> None:
    case = _parallel(world, CountersignMode.ANY)
    services.do_complete_task(
        open_task(case, "dept_review", world.ga), actor=world.reviewer_ga, outcome="approve"
    )
    states = dict(case.tasks.filter(step="dept_review").values_list("department_id", "state"))
    assert states == {world.ga.pk: "completed", world.scjg.pk: "cancelled", world.zj.pk: "cancelled"}
    assert open_task(case, "decide")


def test_an_or_sign_rejection_waits_for_the_others(world: World) -> None:
    case = _parallel(world, CountersignMode.ANY)
    services.do_complete_task(
        open_task(case, "dept_review", world.ga), actor=world.reviewer_ga, outcome="reject", opinion="不同意"
    )
    assert case.tasks.filter(step="dept_review", state="open").count() == 2
    services.do_complete_task(
        open_task(case, "dept_review", world.zj), actor=world.reviewer_zj, outcome="approve"
    )
    assert open_task(case, "decide")
    assert not case.tasks.filter(step="dept_review", state="open").exists()


def test_returning_the_decision_starts_a_new_round_of_parallel_reviews(world: World) -> None:
    case = _parallel(world, CountersignMode.ANY)
    services.do_complete_task(
        open_task(case, "dept_review", world.ga), actor=world.reviewer_ga, outcome="approve"
    )
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver, outcome="return", opinion="请再核"
    )
    assert case.tasks.filter(step="dept_review", state="open").count() == 3


def test_a_department_reviewer_only_sees_their_own_parallel_task(world: World) -> None:
    case = _parallel(world, CountersignMode.ALL)
    with pytest.raises(DomainError) as info:
        services.do_complete_task(
            open_task(case, "dept_review", world.zj), actor=world.reviewer_ga, outcome="approve"
        )
    assert info.value.code == "TASK_NOT_FOUND"
    assert open_task(case, "dept_review", world.zj).state == TaskState.OPEN


def test_the_flow_state_survives_reloading_the_case(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    reloaded = Case.objects.get(pk=case.pk)
    services.do_complete_task(open_task(reloaded, "review"), actor=world.reviewer, outcome="approve")
    assert open_task(Case.objects.get(pk=case.pk), "audit")
