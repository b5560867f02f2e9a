"""Pre-review, the one-time correction notice, acceptance (容缺, 告知承诺) and refusal."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState, NoticeKind, TaskKind, TaskState
from tongban.cases.models import Case, CaseTask, ClockInterval, Decision, Notice
from tongban.cases.tests.factories import (
    World,
    in_review_case,
    make_item,
    open_task,
    pdf,
    submitted_case,
)
from tongban.cases.tests.helpers import actions, events, refused
from tongban.catalog.choices import MaterialNecessity
from tongban.notifications.models import OutboxMessage


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
    assert "case_correction_requested" in events(case)
    # Only the flagged materials can be uploaded, and all of them must be before resubmitting.
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=licence.material)
    refused("CORRECTION_INCOMPLETE", services.do_resubmit_correction, case, actor=world.citizen)
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
    refused(
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
    refused("CORRECTION_EMPTY", services.do_request_correction, case, actor=world.clerk, problems=[])
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and not case.notices.filter(kind=NoticeKind.CORRECTION).exists()


def test_acceptance_issues_a_notice_starts_the_flow_and_notifies(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    assert case.state == CaseState.IN_REVIEW
    assert case.accepted_at and case.deadline and case.time_limit_days == 10 and not case.accepted_late
    assert Notice.objects.filter(case=case, kind=NoticeKind.ACCEPTANCE).exists()
    review = open_task(case, "review")
    assert review.department == world.scjg and review.role == "reviewer" and review.due_date == case.deadline
    assert "case_accepted" in events(case)
    assert actions(case)[-2:] == ["case.accepted", "case.review_started"]


def test_it_rejects_a_second_acceptance(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    count = len(actions(case))
    refused("CASE_INVALID_STATE", services.do_accept_case, case, actor=world.clerk)
    assert len(actions(case)) == count
    assert CaseTask.objects.filter(case=case).count() == 1


def test_a_reviewer_cannot_accept_and_a_township_clerk_cannot_see_a_city_case(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    refused("CASE_NOT_FOUND", services.do_accept_case, case, actor=world.reviewer)
    refused("CASE_NOT_FOUND", services.do_accept_case, case, actor=world.clerk_township)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and case.accepted_at is None


def test_refusing_acceptance_gives_reasons_and_remedies(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    case = services.do_refuse_acceptance(case, actor=world.clerk, reasons=["不属于本机关职权范围"])
    assert case.state == CaseState.NOT_ACCEPTED
    notice = Notice.objects.get(case=case, kind=NoticeKind.NOT_ACCEPTED)
    assert notice.content["reasons"] == ["不属于本机关职权范围"]
    assert "六十日" in notice.content["remedies"] and "六个月" in notice.content["remedies"]
    assert "case_not_accepted" in events(case)


def test_refusing_acceptance_needs_a_reason(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    refused("REASON_REQUIRED", services.do_refuse_acceptance, case, actor=world.clerk, reasons=[" "])
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
    refused(
        "TOLERATED_MATERIALS_OUTSTANDING",
        services.do_complete_task,
        decide,
        actor=world.approver2,
        outcome="approve",
    )
    decide.refresh_from_db()
    assert decide.state == TaskState.OPEN and not Decision.objects.filter(case=case).exists()
    services.do_supplement_material(case, actor=world.citizen, material=tolerable, file=pdf())
    services.do_complete_task(decide, actor=world.approver2, outcome="approve")
    assert Case.objects.get(pk=case.pk).state == CaseState.DECIDED


def test_only_tolerable_materials_of_a_tolerance_item_may_be_tolerated(world: World) -> None:
    version = make_item(world.scjg, tolerance=False, materials=(("卫生许可", MaterialNecessity.TOLERABLE),))
    case = submitted_case(world, version)
    refused(
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
    case = services.do_deliver_case(
        case, actor=world.clerk, mode="electronic", reason="申请人在窗口要求电子送达"
    )
    assert case.state == CaseState.CLOSED
    services.do_complete_task(verification, actor=world.reviewer, outcome="approve", opinion="核查属实")
    verification.refresh_from_db()
    assert verification.state == TaskState.COMPLETED


def test_a_commitment_cannot_be_signed_for_an_item_without_one(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(actor=world.citizen, version=version)
    refused("COMMITMENT_NOT_OFFERED", services.do_sign_commitment, case, actor=world.citizen)
    case.refresh_from_db()
    assert case.commitment_signed_at is None


# --- 即办件 (承诺时限 0, 当场办结) --------------------------------------------------------------------------------


def test_the_accepting_clerk_decides_an_immediate_item_on_the_spot(world: World) -> None:
    version = make_item(world.scjg, promised_days=0, legal_days=3)
    case = submitted_case(world, version)
    case = services.check_accept_after_prereview(
        case, actor=world.clerk, passed=list(case.materials.all()), decide_on_the_spot=True
    )
    assert case.state == CaseState.DECIDED and case.time_limit_days == 0
    decision = Decision.objects.get(case=case)
    assert decision.approve and decision.decided_by == world.clerk and "当场" in decision.opinion
    assert not case.tasks.filter(state__in=("open", "claimed")).exists()
    assert actions(case)[-3:] == ["case.accepted", "case.review_started", "case.decided"]
    acceptance = Notice.objects.get(case=case, kind=NoticeKind.ACCEPTANCE)
    assert acceptance.content["immediate"] is True and acceptance.content["time_limit_days"] == 0
    accepted = OutboxMessage.objects.filter(case_number=case.number, event="case_accepted").first()
    assert accepted is not None and "即办件" in accepted.body


def test_an_immediate_item_accepted_at_the_window_may_still_be_decided_there(world: World) -> None:
    version = make_item(world.scjg, promised_days=0, accept_on_receipt=True, materials=())
    case = services.do_window_intake(
        actor=world.clerk, version=version, id_number=world.citizen.id_number, name="王秀英"
    )
    assert case.state == CaseState.IN_REVIEW
    refused("CASE_NOT_FOUND", services.do_decide_on_the_spot, case, actor=world.reviewer)
    case = services.do_decide_on_the_spot(case, actor=world.clerk, opinion="符合条件，当场准予。")
    assert case.state == CaseState.DECIDED and case.decision.opinion == "符合条件，当场准予。"


def test_only_an_immediate_item_untouched_by_review_is_decided_on_the_spot(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg, promised_days=5))
    refused("ON_THE_SPOT_NOT_ALLOWED", services.do_decide_on_the_spot, case, actor=world.clerk)
    immediate = in_review_case(world, make_item(world.scjg, promised_days=0))
    services.do_complete_task(open_task(immediate, "review"), actor=world.reviewer, outcome="approve")
    refused("ON_THE_SPOT_NOT_ALLOWED", services.do_decide_on_the_spot, immediate, actor=world.clerk)
    # A refused on-the-spot decision leaves the acceptance undone too (all or nothing).
    submitted = submitted_case(world, make_item(world.scjg, promised_days=5))
    refused(
        "ON_THE_SPOT_NOT_ALLOWED",
        services.check_accept_after_prereview,
        submitted,
        actor=world.clerk,
        passed=[],
        decide_on_the_spot=True,
    )
    submitted.refresh_from_db()
    assert submitted.state == CaseState.SUBMITTED and not submitted.tasks.exists()


def test_it_refuses_a_supplement_deadline_outside_one_to_sixty_working_days(world: World) -> None:
    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("卫生许可", MaterialNecessity.TOLERABLE)),
    )
    case = submitted_case(world, version)
    tolerable = version.materials.get(name="卫生许可")
    for days in (-3, 0, 61, 10**9):
        error = refused(
            "SUPPLEMENT_DEADLINE_INVALID",
            services.do_accept_case,
            case,
            actor=world.clerk,
            tolerated_materials=[tolerable],
            supplement_deadline_days=days,
        )
        assert error.status == 422 and "60" in str(error.message)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and not case.materials.filter(tolerated=True).exists()
