"""Review tasks on the flow: claim, complete, return, transfer, 加签, and the decision step."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState, TaskKind, TaskState
from tongban.cases.models import Decision
from tongban.cases.tests.factories import (
    World,
    in_review_case,
    make_item,
    open_task,
)
from tongban.cases.tests.helpers import actions, events, refused, walk_single


def test_single_department_lifecycle_runs_from_submission_to_closing(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    assert case.state == CaseState.DECIDED and case.decision.approve and case.pickup_code
    assert "case_decided" in events(case)
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window")  # the pickup code goes out
    assert "case_ready_for_pickup" in events(case)
    case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    assert case.state == CaseState.CLOSED and case.closed_at
    assert actions(case)[-2:] == ["case.delivered", "case.closed"]
    assert "case_delivered" in events(case)


def test_return_sends_the_case_back_one_step_with_a_reason(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    audit = open_task(case, "audit")
    refused("REASON_REQUIRED", services.do_complete_task, audit, actor=world.approver, outcome="return")
    services.do_complete_task(audit, actor=world.approver, outcome="return", opinion="补充核查意见")
    review = open_task(case, "review")
    assert review.state == TaskState.OPEN
    refused(
        "TASK_RETURN_NOT_ALLOWED",
        services.do_complete_task,
        review,
        actor=world.reviewer,
        outcome="return",
        opinion="x",
    )
    review.refresh_from_db()
    assert review.state == TaskState.OPEN


def test_a_refusal_decision_carries_reasons_and_remedies(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(
        open_task(case, "review"), actor=world.reviewer, outcome="reject", opinion="不符合条件"
    )
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    case = services.do_decide_case(case, actor=world.approver2, approve=False, opinion="场所不符合要求")
    assert case.state == CaseState.DECIDED
    assert not case.decision.approve and case.decision.reasons == "场所不符合要求"
    assert "行政复议" in case.decision.remedies


def test_deciding_before_the_review_steps_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    refused(
        "CASE_INVALID_STATE", services.do_decide_case, case, actor=world.approver, approve=True, opinion="x"
    )
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and not Decision.objects.filter(case=case).exists()


def test_another_department_cannot_complete_or_claim_a_task(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    refused("TASK_NOT_FOUND", services.do_complete_task, review, actor=world.reviewer_ga, outcome="approve")
    refused("TASK_NOT_FOUND", services.do_claim_task, review, actor=world.reviewer_ga)
    refused("TASK_NOT_FOUND", services.do_complete_task, review, actor=world.citizen, outcome="approve")
    review.refresh_from_db()
    assert review.state == TaskState.OPEN and review.assignee is None


def test_a_claimed_task_can_only_be_completed_by_its_assignee(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = services.do_claim_task(open_task(case, "review"), actor=world.reviewer)
    assert review.state == TaskState.CLAIMED and review.assignee == world.reviewer
    refused("TASK_CLAIMED_BY_OTHER", services.do_claim_task, review, actor=world.reviewer2)
    refused(
        "TASK_CLAIMED_BY_OTHER", services.do_complete_task, review, actor=world.reviewer2, outcome="approve"
    )
    review.refresh_from_db()
    assert review.state == TaskState.CLAIMED
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")


def test_a_completed_task_cannot_be_completed_again(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")
    count = len(actions(case))
    refused(
        "TASK_ALREADY_COMPLETED", services.do_complete_task, review, actor=world.reviewer2, outcome="approve"
    )
    assert len(actions(case)) == count
    assert case.tasks.filter(step="audit").count() == 1


def test_a_stale_expected_version_is_a_conflict(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    stale = review.version
    services.do_claim_task(review, actor=world.reviewer)
    refused(
        "TASK_VERSION_CONFLICT",
        services.do_complete_task,
        review,
        actor=world.reviewer,
        outcome="approve",
        expected_version=stale,
    )
    review.refresh_from_db()
    assert review.state == TaskState.CLAIMED


def test_transfer_goes_only_to_a_colleague_with_the_same_role(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    refused(
        "TRANSFER_TARGET_INVALID",
        services.do_transfer_task,
        review,
        actor=world.reviewer,
        to_user=world.reviewer_ga,
    )
    review.refresh_from_db()
    assert review.assignee is None
    review = services.do_transfer_task(review, actor=world.reviewer, to_user=world.reviewer2, reason="休假")
    assert review.assignee == world.reviewer2 and review.state == TaskState.CLAIMED


def test_an_added_signer_must_answer_before_the_task_completes(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    signer = services.do_add_signer(review, actor=world.reviewer, department=world.ga, note="请公安意见")
    assert signer.kind == TaskKind.ADDED_SIGNER and signer.department == world.ga
    refused(
        "TASK_WAITING_FOR_SIGNERS", services.do_complete_task, review, actor=world.reviewer, outcome="approve"
    )
    review.refresh_from_db()
    assert review.state == TaskState.OPEN
    services.do_complete_task(signer, actor=world.reviewer_ga, outcome="approve", opinion="无异议")
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")
    assert open_task(case, "audit")


# --- separation of duties (岗位分离) ----------------------------------------------------------------------------


def test_the_same_person_cannot_take_two_consecutive_steps(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    decide = open_task(case, "decide")
    for outcome in ("approve", "return"):
        refused(
            "SAME_PERSON_CONSECUTIVE_STEPS",
            services.do_complete_task,
            decide,
            actor=world.approver,
            outcome=outcome,
            opinion="同意",
        )
    refused(
        "SAME_PERSON_CONSECUTIVE_STEPS",
        services.do_decide_case,
        case,
        actor=world.approver,
        approve=True,
        opinion="",
    )
    decide.refresh_from_db()
    assert decide.state == TaskState.OPEN and not Decision.objects.filter(case=case).exists()
    services.do_complete_task(decide, actor=world.approver2, outcome="approve", opinion="准予")
    assert Decision.objects.get(case=case).decided_by == world.approver2


def test_a_reviewer_who_is_also_an_approver_cannot_audit_their_own_review(world: World) -> None:
    from tongban.accounts.testing import make_staff

    both = make_staff("t_reviewer_scjg", "approver", department=world.scjg)  # now holds both roles
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(open_task(case, "review"), actor=both, outcome="approve")
    refused("SAME_PERSON_CONSECUTIVE_STEPS", services.do_complete_task, open_task(case, "audit"), actor=both,
            outcome="approve")  # fmt: skip
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    # Not consecutive: 审查 and 决定 have 审核 between them.
    services.do_complete_task(open_task(case, "decide"), actor=both, outcome="approve", opinion="准予")
    assert Decision.objects.get(case=case).decided_by == both


def test_after_a_return_the_one_who_returned_does_not_take_the_step_back(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver2, outcome="return", opinion="请核实场所"
    )
    audit = open_task(case, "audit")
    refused("SAME_PERSON_CONSECUTIVE_STEPS", services.do_complete_task, audit, actor=world.approver2,
            outcome="approve")  # fmt: skip
    services.do_complete_task(audit, actor=world.approver, outcome="approve")
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver2, outcome="approve", opinion="准予"
    )
    assert Decision.objects.get(case=case).decided_by == world.approver2


def test_a_flow_that_allows_it_lets_one_person_take_consecutive_steps(world: World) -> None:
    from tongban.catalog.choices import SINGLE_DEPARTMENT_FLOW
    from tongban.catalog.models import FlowTemplate

    version = make_item(world.scjg)
    FlowTemplate.objects.filter(key=SINGLE_DEPARTMENT_FLOW).update(separation_of_duties=False)
    case = in_review_case(world, version)
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver, outcome="approve", opinion="准予"
    )
    assert Decision.objects.get(case=case).decided_by == world.approver


def test_flow_templates_separate_duties_unless_configured_otherwise(world: World) -> None:
    from tongban.catalog.models import FlowTemplate
    from tongban.catalog.services import ensure_flow_templates

    ensure_flow_templates()
    assert FlowTemplate.objects.exists()
    assert set(FlowTemplate.objects.values_list("separation_of_duties", flat=True)) == {True}
