"""Transitions of the case engine, and refusals of illegal ones with nothing changed."""

from __future__ import annotations

import pytest

from tongban.cases import services
from tongban.cases.choices import CaseState, NoticeKind, TaskKind, TaskState
from tongban.cases.models import Case, CaseMaterial, CaseTask, ClockInterval, Decision, Notice
from tongban.cases.tests.factories import (
    World,
    decided_case,
    in_review_case,
    make_item,
    make_world,
    open_task,
    pdf,
    submitted_case,
    upload_required,
)
from tongban.catalog.choices import MaterialNecessity
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _actions(case: Case) -> list[str]:
    return list(
        LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).values_list(
            "action", flat=True
        )
    )


def _events(case: Case) -> set[str]:
    return set(OutboxMessage.objects.filter(case_number=case.number).values_list("event", flat=True))


def _refused(code: str, call, *args, **kwargs) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    assert info.value.code == code, info.value
    return info.value


def _walk_single(world: World, case: Case) -> Case:
    services.do_complete_task(
        open_task(case, "review"), actor=world.reviewer, outcome="approve", opinion="齐全"
    )
    services.do_complete_task(
        open_task(case, "audit"), actor=world.approver, outcome="approve", opinion="同意"
    )
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver, outcome="approve", opinion="准予"
    )
    return Case.objects.get(pk=case.pk)


# --- applying ------------------------------------------------------------------------------------------------


def test_a_draft_has_no_number_until_it_is_submitted(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version, form_data={"a": 1})
    assert case.state == CaseState.DRAFT and case.number is None
    assert case.applicant_user == world.citizen and case.applicant_name == "王秀英"
    upload_required(case, world.citizen)
    case = services.do_submit_case(case, actor=world.citizen)
    assert case.state == CaseState.SUBMITTED
    assert len(case.number) == 20 and case.number[:6] == "410200"
    assert len(case.query_code) == 6 and not set(case.query_code) & set("01OI")
    assert case.acceptance_deadline is not None
    assert Notice.objects.filter(case=case, kind=NoticeKind.RECEIPT).count() == 1
    assert _actions(case)[-1] == "case.submitted"


def test_submission_is_refused_while_a_required_material_is_missing(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    error = _refused("MATERIALS_MISSING", services.do_submit_case, case, actor=world.citizen)
    assert error.fields["materials"] == ["营业执照"]
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.number is None
    assert "case.submitted" not in _actions(case)


def test_submitting_twice_returns_the_same_case_without_a_second_entry(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    again = services.do_submit_case(case, actor=world.citizen)
    assert again.number == case.number
    assert _actions(case).count("case.submitted") == 1


def test_one_idempotency_key_creates_one_case(world: World) -> None:
    version = make_item(world.scjg, materials=())
    first = services.do_create_case(actor=world.citizen, version=version, idempotency_key="k-1", submit=True)
    second = services.do_create_case(actor=world.citizen, version=version, idempotency_key="k-1", submit=True)
    assert first.pk == second.pk and second.number == first.number
    assert Case.objects.filter(created_by=world.citizen).count() == 1


def test_an_unpublished_item_cannot_be_applied_for(world: World) -> None:
    _refused("ITEM_NOT_AVAILABLE", services.do_create_case, actor=world.citizen, implementation_code="nope")
    assert not Case.objects.exists()


def test_an_enterprise_agent_applies_for_the_enterprise(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(
        actor=world.agent, version=version, enterprise=world.enterprise, submit=True
    )
    assert case.applicant_kind == "enterprise" and case.enterprise == world.enterprise
    assert case.agent == world.agent and case.applicant_name == world.enterprise.name


def test_someone_without_authorisation_cannot_apply_for_an_enterprise(world: World) -> None:
    version = make_item(world.scjg, materials=())
    _refused(
        "NOT_AUTHORISED_FOR_APPLICANT",
        services.do_create_case,
        actor=world.citizen2,
        version=version,
        enterprise=world.enterprise,
    )
    assert not Case.objects.exists()


def test_a_proxy_applies_for_a_principal_with_a_recorded_authorisation(world: World) -> None:
    from tongban.accounts.services import do_authorize_agent

    do_authorize_agent(world.citizen2, world.citizen, actor=None, document_note="委托书")
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(
        actor=world.citizen2, version=version, principal=world.citizen, submit=True
    )
    assert case.applicant_user == world.citizen and case.agent == world.citizen2
    assert case.authorization is not None


def test_uploading_again_replaces_the_current_material(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    material = version.materials.get()
    first = services.do_add_material(case, actor=world.citizen, file=pdf(), material=material)
    second = services.do_add_material(case, actor=world.citizen, file=pdf("新.pdf"), material=material)
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    assert second.sha256 and second.size > 0 and second.content_type == "application/pdf"
    assert second.file.name.startswith(f"cases/{case.public_id}/")


def test_a_material_of_another_item_is_refused(world: World) -> None:
    version = make_item(world.scjg)
    other = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused(
        "MATERIAL_NOT_OF_CASE",
        services.do_add_material,
        case,
        actor=world.citizen,
        file=pdf(),
        material=other.materials.get(),
    )
    assert not case.materials.exists()


def test_another_citizen_cannot_touch_a_draft(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused("CASE_NOT_FOUND", services.do_submit_case, case, actor=world.citizen2)
    _refused("CASE_NOT_FOUND", services.do_update_draft, case, actor=world.citizen2, form_data={"x": 1})
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.form_data == {}


def test_window_intake_creates_a_passwordless_applicant_and_accepts_on_receipt(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, accept_on_receipt=True)
    id_number = make_id_number("window-person")
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=id_number,
        name="张大爷",
        files=[(version.materials.get(), pdf())],
        originals_checked=True,
    )
    assert case.channel == "window" and case.intake_clerk == world.clerk
    assert case.applicant_user.id_number == id_number and not case.applicant_user.has_usable_password()
    assert case.materials.get().originals_checked
    assert case.state == CaseState.IN_REVIEW and case.accepted_at is not None


def test_window_intake_for_a_principal_records_the_proxy(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, materials=())
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("proxy-son"),
        name="王小明",
        principal_id_number=make_id_number("elderly-mother"),
        principal_name="王老太",
        authorization_note="授权委托书原件已核验",
    )
    assert case.applicant_user.real_name == "王老太" and case.agent.real_name == "王小明"
    assert case.authorization.principal == case.applicant_user
    assert case.state == CaseState.SUBMITTED


def test_window_intake_refuses_a_bad_id_number(world: World) -> None:
    version = make_item(world.scjg, materials=())
    _refused(
        "ID_NUMBER_INVALID",
        services.do_window_intake,
        actor=world.clerk,
        version=version,
        id_number="123",
        name="x",
    )
    assert not Case.objects.exists()


def test_a_township_clerk_cannot_take_in_a_city_item(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, materials=())
    _refused(
        "ITEM_NOT_AVAILABLE",
        services.do_window_intake,
        actor=world.clerk_township,
        version=version,
        id_number=make_id_number("x"),
        name="x",
    )
    assert not Case.objects.exists()


# --- pre-review, correction, acceptance --------------------------------------------------------------------------


def test_correction_lists_every_problem_in_one_notice_and_resubmission_needs_each_replaced(
    world: World,
) -> None:
    version = make_item(
        world.scjg,
        materials=(
            ("营业执照", MaterialNecessity.REQUIRED),
            ("场所证明", MaterialNecessity.REQUIRED),
            ("承诺书", MaterialNecessity.OPTIONAL),
        ),
    )
    case = submitted_case(world, version)
    licence = case.materials.get(name="营业执照")
    site = case.materials.get(name="场所证明")
    services.do_prereview_material(licence, actor=world.clerk, ok=False, reason="已过期")
    notice = services.do_request_correction(
        case,
        actor=world.clerk,
        problems=[
            (licence, "营业执照已过期"),
            (site, "未盖章"),
            (version.materials.get(name="承诺书"), "缺少承诺书"),
        ],
        note="请一次补齐",
    )
    case.refresh_from_db()
    assert case.state == CaseState.CORRECTION_REQUESTED
    assert notice.kind == NoticeKind.CORRECTION and len(notice.content["problems"]) == 3
    assert ClockInterval.objects.get(case=case).ended_at is None
    assert "case_correction_requested" in _events(case)
    # Only the flagged materials can be uploaded, and all of them must be before resubmitting.
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=licence.material)
    _refused("CORRECTION_INCOMPLETE", services.do_resubmit_correction, case, actor=world.citizen)
    case.refresh_from_db()
    assert case.state == CaseState.CORRECTION_REQUESTED
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=site.material)
    services.do_add_material(
        case, actor=world.citizen, file=pdf(), material=version.materials.get(name="承诺书")
    )
    case = services.do_resubmit_correction(case, actor=world.citizen)
    assert case.state == CaseState.SUBMITTED
    assert ClockInterval.objects.get(case=case).ended_at is not None


def test_an_unflagged_material_cannot_be_replaced_during_correction(world: World) -> None:
    version = make_item(
        world.scjg,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("场所证明", MaterialNecessity.REQUIRED)),
    )
    case = submitted_case(world, version)
    services.do_request_correction(
        case, actor=world.clerk, problems=[(case.materials.get(name="营业执照"), "模糊")]
    )
    before = case.materials.count()
    _refused(
        "MATERIAL_NOT_FLAGGED",
        services.do_add_material,
        case,
        actor=world.citizen,
        file=pdf(),
        material=version.materials.get(name="场所证明"),
    )
    assert case.materials.count() == before


def test_a_correction_without_problems_is_refused(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    _refused("CORRECTION_EMPTY", services.do_request_correction, case, actor=world.clerk, problems=[])
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and not case.notices.filter(kind=NoticeKind.CORRECTION).exists()


def test_acceptance_issues_a_notice_starts_the_flow_and_notifies(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    assert case.state == CaseState.IN_REVIEW
    assert case.accepted_at and case.deadline and case.time_limit_days == 10 and not case.accepted_late
    assert Notice.objects.filter(case=case, kind=NoticeKind.ACCEPTANCE).exists()
    review = open_task(case, "review")
    assert review.department == world.scjg and review.role == "reviewer" and review.due_date == case.deadline
    assert "case_accepted" in _events(case)
    assert _actions(case)[-2:] == ["case.accepted", "case.review_started"]


def test_it_rejects_a_second_acceptance(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    count = len(_actions(case))
    _refused("CASE_INVALID_STATE", services.do_accept_case, case, actor=world.clerk)
    assert len(_actions(case)) == count
    assert CaseTask.objects.filter(case=case).count() == 1


def test_a_reviewer_cannot_accept_and_a_township_clerk_cannot_see_a_city_case(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    _refused("CASE_NOT_FOUND", services.do_accept_case, case, actor=world.reviewer)
    _refused("CASE_NOT_FOUND", services.do_accept_case, case, actor=world.clerk_township)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and case.accepted_at is None


def test_refusing_acceptance_gives_reasons_and_remedies(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    case = services.do_refuse_acceptance(case, actor=world.clerk, reasons=["不属于本机关职权范围"])
    assert case.state == CaseState.NOT_ACCEPTED
    notice = Notice.objects.get(case=case, kind=NoticeKind.NOT_ACCEPTED)
    assert notice.content["reasons"] == ["不属于本机关职权范围"]
    assert "六十日" in notice.content["remedies"] and "六个月" in notice.content["remedies"]
    assert "case_not_accepted" in _events(case)


def test_refusing_acceptance_needs_a_reason(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    _refused("REASON_REQUIRED", services.do_refuse_acceptance, case, actor=world.clerk, reasons=[" "])
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_tolerated_acceptance_blocks_the_decision_until_the_material_is_supplied(world: World) -> None:
    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("卫生许可", MaterialNecessity.TOLERABLE)),
    )
    case = submitted_case(world, version)
    tolerable = version.materials.get(name="卫生许可")
    case = services.do_accept_case(
        case, actor=world.clerk, tolerated_materials=[tolerable], supplement_deadline_days=3
    )
    assert case.supplement_deadline is not None
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    decide = open_task(case, "decide")
    _refused(
        "TOLERATED_MATERIALS_OUTSTANDING",
        services.do_complete_task,
        decide,
        actor=world.approver,
        outcome="approve",
    )
    decide.refresh_from_db()
    assert decide.state == TaskState.OPEN and not Decision.objects.filter(case=case).exists()
    services.do_supplement_material(case, actor=world.citizen, material=tolerable, file=pdf())
    services.do_complete_task(decide, actor=world.approver, outcome="approve")
    assert Case.objects.get(pk=case.pk).state == CaseState.DECIDED


def test_only_tolerable_materials_of_a_tolerance_item_may_be_tolerated(world: World) -> None:
    version = make_item(world.scjg, tolerance=False, materials=(("卫生许可", MaterialNecessity.TOLERABLE),))
    case = submitted_case(world, version)
    _refused(
        "TOLERANCE_NOT_ALLOWED",
        services.do_accept_case,
        case,
        actor=world.clerk,
        tolerated_materials=[version.materials.get()],
    )
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and not case.tasks.exists()


def test_a_signed_commitment_is_approved_at_acceptance_with_a_verification_task(world: World) -> None:
    version = make_item(world.scjg, commitment=True, materials=())
    case = services.do_create_case(actor=world.citizen, version=version)
    case = services.do_sign_commitment(case, actor=world.citizen)
    assert len(case.commitment_hash) == 64 and case.commitment_signed_at
    case = services.do_submit_case(case, actor=world.citizen)
    case = services.do_accept_case(case, actor=world.clerk)
    assert case.state == CaseState.DECIDED and case.decision.approve
    verification = case.tasks.get(kind=TaskKind.VERIFICATION)
    assert verification.state == TaskState.OPEN and verification.due_date > case.accepted_at.date()
    case = services.do_deliver_case(case, actor=world.clerk, mode="electronic")
    assert case.state == CaseState.CLOSED
    services.do_complete_task(verification, actor=world.reviewer, outcome="approve", opinion="核查属实")
    verification.refresh_from_db()
    assert verification.state == TaskState.COMPLETED


def test_a_commitment_cannot_be_signed_for_an_item_without_one(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused("COMMITMENT_NOT_OFFERED", services.do_sign_commitment, case, actor=world.citizen)
    case.refresh_from_db()
    assert case.commitment_signed_at is None


# --- review tasks -------------------------------------------------------------------------------------------------


def test_single_department_lifecycle_runs_from_submission_to_closing(world: World) -> None:
    case = _walk_single(world, in_review_case(world, make_item(world.scjg)))
    assert case.state == CaseState.DECIDED and case.decision.approve and case.pickup_code
    assert {"case_decided", "case_ready_for_pickup"} <= _events(case)
    case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    assert case.state == CaseState.CLOSED and case.closed_at
    assert _actions(case)[-2:] == ["case.delivered", "case.closed"]
    assert "case_delivered" in _events(case)


def test_return_sends_the_case_back_one_step_with_a_reason(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_complete_task(open_task(case, "review"), actor=world.reviewer, outcome="approve")
    audit = open_task(case, "audit")
    _refused("REASON_REQUIRED", services.do_complete_task, audit, actor=world.approver, outcome="return")
    services.do_complete_task(audit, actor=world.approver, outcome="return", opinion="补充核查意见")
    review = open_task(case, "review")
    assert review.state == TaskState.OPEN
    _refused(
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
    case = services.do_decide_case(case, actor=world.approver, approve=False, opinion="场所不符合要求")
    assert case.state == CaseState.DECIDED
    assert not case.decision.approve and case.decision.reasons == "场所不符合要求"
    assert "行政复议" in case.decision.remedies


def test_deciding_before_the_review_steps_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    _refused(
        "CASE_INVALID_STATE", services.do_decide_case, case, actor=world.approver, approve=True, opinion="x"
    )
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and not Decision.objects.filter(case=case).exists()


def test_another_department_cannot_complete_or_claim_a_task(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    _refused("TASK_NOT_FOUND", services.do_complete_task, review, actor=world.reviewer_ga, outcome="approve")
    _refused("TASK_NOT_FOUND", services.do_claim_task, review, actor=world.reviewer_ga)
    _refused("TASK_NOT_FOUND", services.do_complete_task, review, actor=world.citizen, outcome="approve")
    review.refresh_from_db()
    assert review.state == TaskState.OPEN and review.assignee is None


def test_a_claimed_task_can_only_be_completed_by_its_assignee(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = services.do_claim_task(open_task(case, "review"), actor=world.reviewer)
    assert review.state == TaskState.CLAIMED and review.assignee == world.reviewer
    _refused("TASK_CLAIMED_BY_OTHER", services.do_claim_task, review, actor=world.reviewer2)
    _refused(
        "TASK_CLAIMED_BY_OTHER", services.do_complete_task, review, actor=world.reviewer2, outcome="approve"
    )
    review.refresh_from_db()
    assert review.state == TaskState.CLAIMED
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")


def test_a_completed_task_cannot_be_completed_again(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")
    count = len(_actions(case))
    _refused(
        "TASK_ALREADY_COMPLETED", services.do_complete_task, review, actor=world.reviewer2, outcome="approve"
    )
    assert len(_actions(case)) == count
    assert case.tasks.filter(step="audit").count() == 1


def test_a_stale_expected_version_is_a_conflict(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    review = open_task(case, "review")
    stale = review.version
    services.do_claim_task(review, actor=world.reviewer)
    _refused(
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
    _refused(
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
    _refused(
        "TASK_WAITING_FOR_SIGNERS", services.do_complete_task, review, actor=world.reviewer, outcome="approve"
    )
    review.refresh_from_db()
    assert review.state == TaskState.OPEN
    services.do_complete_task(signer, actor=world.reviewer_ga, outcome="approve", opinion="无异议")
    services.do_complete_task(review, actor=world.reviewer, outcome="approve")
    assert open_task(case, "audit")


# --- special procedures, extensions -----------------------------------------------------------------------------


def test_a_special_procedure_stops_the_clock_and_blocks_task_completion(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    interval = services.do_start_special_procedure(
        case, actor=world.reviewer, kind="site_inspection", reason="需现场核查", expected_days=3
    )
    case.refresh_from_db()
    assert case.state == CaseState.SPECIAL_PROCEDURE and interval.ended_at is None
    assert Notice.objects.filter(case=case, kind=NoticeKind.SPECIAL_PROCEDURE).exists()
    _refused(
        "CASE_INVALID_STATE",
        services.do_complete_task,
        open_task(case, "review"),
        actor=world.reviewer,
        outcome="approve",
    )
    case = services.do_finish_special_procedure(case, actor=world.reviewer, result="现场符合")
    assert case.state == CaseState.IN_REVIEW


def test_an_unknown_special_procedure_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    _refused(
        "INVALID_CHOICE",
        services.do_start_special_procedure,
        case,
        actor=world.reviewer,
        kind="magic",
        reason="x",
        expected_days=1,
    )
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and not case.clock_intervals.exists()


def test_extensions_are_capped_at_ten_days_and_decided_by_a_supervisor(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    deadline = case.deadline
    _refused(
        "EXTENSION_TOO_LONG",
        services.do_request_extension,
        case,
        actor=world.reviewer,
        days=11,
        reason="复杂",
    )
    extension = services.do_request_extension(case, actor=world.reviewer, days=5, reason="情况复杂")
    _refused("CASE_NOT_FOUND", services.do_decide_extension, extension, actor=world.reviewer, approve=True)
    _refused(
        "CASE_NOT_FOUND",
        services.do_decide_extension,
        extension,
        actor=world.supervisor_xiangfu,
        approve=True,
    )
    extension.refresh_from_db()
    assert extension.state == "pending"
    services.do_decide_extension(extension, actor=world.supervisor, approve=True, note="同意")
    case.refresh_from_db()
    assert case.deadline > deadline
    assert Notice.objects.filter(case=case, kind=NoticeKind.EXTENSION).exists()
    _refused(
        "EXTENSION_ALREADY_DECIDED",
        services.do_decide_extension,
        extension,
        actor=world.supervisor,
        approve=False,
    )
    _refused(
        "EXTENSION_TOO_LONG", services.do_request_extension, case, actor=world.reviewer, days=6, reason="再延"
    )


# --- delivery, withdrawal, termination ----------------------------------------------------------------------------


def test_delivery_checks_the_pickup_code_and_the_tracking_number(world: World) -> None:
    case = _walk_single(world, in_review_case(world, make_item(world.scjg)))
    _refused(
        "PICKUP_CODE_WRONG",
        services.do_deliver_case,
        case,
        actor=world.clerk,
        mode="window",
        pickup_code="000",
    )
    _refused("TRACKING_NUMBER_REQUIRED", services.do_deliver_case, case, actor=world.clerk, mode="post")
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.delivered_at is None
    case = services.do_deliver_case(case, actor=world.clerk, mode="post", tracking_number="SF123")
    assert case.state == CaseState.CLOSED and case.tracking_number == "SF123"


def test_delivery_before_a_decision_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    _refused("CASE_INVALID_STATE", services.do_deliver_case, case, actor=world.clerk, mode="electronic")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW


def test_the_applicant_withdraws_before_the_decision_and_tasks_are_cancelled(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    _refused("CASE_NOT_FOUND", services.do_withdraw_case, case, actor=world.citizen2)
    case = services.do_withdraw_case(case, actor=world.citizen, reason="不再需要")
    assert case.state == CaseState.WITHDRAWN
    assert not case.tasks.filter(state__in=("open", "claimed")).exists()


def test_a_decided_case_cannot_be_withdrawn(world: World) -> None:
    case = _walk_single(world, in_review_case(world, make_item(world.scjg)))
    _refused("CASE_INVALID_STATE", services.do_withdraw_case, case, actor=world.citizen)
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED


def test_a_supervisor_in_scope_terminates_with_a_reason(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    _refused("CASE_NOT_FOUND", services.do_terminate_case, case, actor=world.supervisor_xiangfu, reason="x")
    _refused("REASON_REQUIRED", services.do_terminate_case, case, actor=world.supervisor, reason=" ")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    case = services.do_terminate_case(case, actor=world.supervisor, reason="申请人死亡")
    assert case.state == CaseState.TERMINATED and case.end_reason == "申请人死亡"


def test_the_ledger_verifies_after_a_full_lifecycle(world: World) -> None:
    from tongban.core.queries import verify_ledger

    case = _walk_single(world, in_review_case(world, make_item(world.scjg)))
    services.do_deliver_case(case, actor=world.clerk, mode="electronic")
    result = verify_ledger()
    assert result.ok, result


def test_materials_keep_their_history_rows(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    assert CaseMaterial.objects.filter(case=case, is_current=True).count() == 1


def test_an_online_submission_of_an_accept_on_receipt_item_is_accepted_by_the_system(world: World) -> None:
    version = make_item(world.scjg, materials=(), accept_on_receipt=True)
    case = services.do_create_case(actor=world.citizen, version=version, submit=True)
    assert case.state == CaseState.IN_REVIEW
    entry = LedgerEntry.objects.get(object_id=str(case.pk), action="case.accepted")
    assert entry.actor_id is None and entry.actor_label == "system"


# --- 领取方式 (the applicant's delivery choice) --------------------------------------------------------------------

ALL_MODES = ("window", "post", "electronic")


def test_the_applicant_chooses_a_mode_the_item_offers_and_post_needs_an_address(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg, delivery_modes=("window", "post")))
    _refused("DELIVERY_ADDRESS_REQUIRED", services.do_choose_delivery, case, actor=world.citizen, mode="post")
    _refused(
        "DELIVERY_MODE_NOT_OFFERED", services.do_choose_delivery, case, actor=world.citizen, mode="electronic"
    )
    case.refresh_from_db()
    assert case.requested_delivery_mode == "" and "case.delivery_chosen" not in _actions(case)
    case = services.do_choose_delivery(case, actor=world.citizen, mode="post", address=" 开封市鼓楼区1号 ")
    assert (case.requested_delivery_mode, case.delivery_address) == ("post", "开封市鼓楼区1号")
    assert _actions(case)[-1] == "case.delivery_chosen"
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window", address="ignored")
    assert (case.requested_delivery_mode, case.delivery_address) == ("window", "")


def test_an_item_listing_no_delivery_modes_offers_window_pickup_only(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    _refused(
        "DELIVERY_MODE_NOT_OFFERED",
        services.do_choose_delivery,
        case,
        actor=world.citizen,
        mode="post",
        address="x",
    )
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window")
    assert case.requested_delivery_mode == "window"


def test_staff_and_other_applicants_cannot_choose_for_the_applicant(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg, delivery_modes=ALL_MODES))
    for actor in (world.clerk, world.reviewer, world.supervisor, world.citizen2):
        _refused("CASE_NOT_FOUND", services.do_choose_delivery, case, actor=actor, mode="electronic")
    case.refresh_from_db()
    assert case.requested_delivery_mode == "" and "case.delivery_chosen" not in _actions(case)


def test_the_enterprise_agent_chooses_for_the_enterprise(world: World) -> None:
    version = make_item(world.scjg, delivery_modes=ALL_MODES, materials=())
    case = services.do_create_case(
        actor=world.agent, version=version, enterprise=world.enterprise, submit=True
    )
    case = services.do_choose_delivery(case, actor=world.agent, mode="electronic")
    assert case.requested_delivery_mode == "electronic"


def test_the_hand_out_must_use_the_mode_the_applicant_chose(world: World) -> None:
    case = decided_case(world, make_item(world.scjg, delivery_modes=ALL_MODES))
    case = services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    _refused(
        "DELIVERY_MODE_MISMATCH",
        services.do_deliver_case,
        case,
        actor=world.clerk,
        mode="window",
        pickup_code=case.pickup_code,
    )
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.delivered_at is None
    case = services.do_deliver_case(case, actor=world.clerk, mode="post", tracking_number="SF1001")
    assert case.state == CaseState.CLOSED and case.delivery_mode == "post"


def test_the_applicant_may_change_the_choice_until_hand_out_but_not_after(world: World) -> None:
    case = decided_case(world, make_item(world.scjg, delivery_modes=ALL_MODES))
    services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window")
    case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    _refused("CASE_INVALID_STATE", services.do_choose_delivery, case, actor=world.citizen, mode="electronic")
    case.refresh_from_db()
    assert case.requested_delivery_mode == "window" and _actions(case)[-1] == "case.closed"


def test_a_withdrawn_case_takes_no_delivery_choice(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    case = services.do_withdraw_case(case, actor=world.citizen)
    _refused("CASE_INVALID_STATE", services.do_choose_delivery, case, actor=world.citizen, mode="window")


def test_a_draft_is_created_and_updated_with_a_checked_delivery_choice(world: World) -> None:
    version = make_item(world.scjg, delivery_modes=("window", "post"))
    _refused(
        "DELIVERY_ADDRESS_REQUIRED",
        services.do_create_case,
        actor=world.citizen,
        version=version,
        delivery_mode="post",
    )
    assert not Case.objects.filter(version=version).exists()
    case = services.do_create_case(
        actor=world.citizen, version=version, delivery_mode="post", delivery_address="开封市鼓楼区1号"
    )
    assert (case.requested_delivery_mode, case.delivery_address) == ("post", "开封市鼓楼区1号")
    _refused(
        "DELIVERY_MODE_NOT_OFFERED",
        services.do_update_draft,
        case,
        actor=world.citizen,
        form_data={"a": 1},
        delivery_mode="electronic",
    )
    case.refresh_from_db()
    assert case.requested_delivery_mode == "post" and case.form_data == {}
    case = services.do_update_draft(case, actor=world.citizen, form_data={"a": 1})
    assert case.requested_delivery_mode == "post"  # None keeps the choice
    case = services.do_update_draft(case, actor=world.citizen, form_data={"a": 1}, delivery_mode="window")
    assert (case.requested_delivery_mode, case.delivery_address) == ("window", "")


def test_notifications_link_to_the_applicant_case_page(world: World) -> None:
    case = services.do_accept_case(submitted_case(world, make_item(world.scjg)), actor=world.clerk)
    urls = set(OutboxMessage.objects.filter(case_number=case.number).values_list("url", flat=True))
    assert urls == {f"/cases/{case.number}/"}


def test_an_applicant_who_chose_post_is_told_of_the_decision_but_sent_no_pickup_code(world: World) -> None:
    version = make_item(world.scjg, delivery_modes=("window", "post"))
    case = in_review_case(world, version)
    services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    case = _walk_single(world, Case.objects.get(pk=case.pk))
    assert case.state == CaseState.DECIDED
    assert "case_decided" in _events(case)
    assert "case_ready_for_pickup" not in _events(case)
