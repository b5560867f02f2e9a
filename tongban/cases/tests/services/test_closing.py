"""Decision, 领取方式, delivery, withdrawal, termination and the ledger of a whole lifecycle."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.tests.factories import (
    World,
    decided_case,
    in_review_case,
    make_item,
    submitted_case,
)
from tongban.cases.tests.helpers import actions, events, refused, walk_single
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


def test_delivery_checks_the_pickup_code_and_the_tracking_number(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    refused(
        "PICKUP_CODE_WRONG",
        services.do_deliver_case,
        case,
        actor=world.clerk,
        mode="window",
        pickup_code="000",
    )
    refused("TRACKING_NUMBER_REQUIRED", services.do_deliver_case, case, actor=world.clerk, mode="post")
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.delivered_at is None
    case = services.do_deliver_case(case, actor=world.clerk, mode="post", tracking_number="SF123")
    assert case.state == CaseState.CLOSED and case.tracking_number == "SF123"


def test_delivery_before_a_decision_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    refused("CASE_INVALID_STATE", services.do_deliver_case, case, actor=world.clerk, mode="electronic")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW


def test_the_applicant_withdraws_before_the_decision_and_tasks_are_cancelled(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    refused("CASE_NOT_FOUND", services.do_withdraw_case, case, actor=world.citizen2)
    case = services.do_withdraw_case(case, actor=world.citizen, reason="不再需要")
    assert case.state == CaseState.WITHDRAWN
    assert not case.tasks.filter(state__in=("open", "claimed")).exists()


def test_a_decided_case_cannot_be_withdrawn(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    refused("CASE_INVALID_STATE", services.do_withdraw_case, case, actor=world.citizen)
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED


def test_a_supervisor_in_scope_terminates_with_a_reason(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    refused("CASE_NOT_FOUND", services.do_terminate_case, case, actor=world.supervisor_xiangfu, reason="x")
    refused("REASON_REQUIRED", services.do_terminate_case, case, actor=world.supervisor, reason=" ")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    case = services.do_terminate_case(case, actor=world.supervisor, reason="申请人死亡")
    assert case.state == CaseState.TERMINATED and case.end_reason == "申请人死亡"


def test_the_ledger_verifies_after_a_full_lifecycle(world: World) -> None:
    from tongban.core.queries import verify_ledger

    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
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
    refused("DELIVERY_ADDRESS_REQUIRED", services.do_choose_delivery, case, actor=world.citizen, mode="post")
    refused(
        "DELIVERY_MODE_NOT_OFFERED", services.do_choose_delivery, case, actor=world.citizen, mode="electronic"
    )
    case.refresh_from_db()
    assert case.requested_delivery_mode == "" and "case.delivery_chosen" not in actions(case)
    case = services.do_choose_delivery(case, actor=world.citizen, mode="post", address=" 开封市鼓楼区1号 ")
    assert (case.requested_delivery_mode, case.delivery_address) == ("post", "开封市鼓楼区1号")
    assert actions(case)[-1] == "case.delivery_chosen"
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window", address="ignored")
    assert (case.requested_delivery_mode, case.delivery_address) == ("window", "")


def test_an_item_listing_no_delivery_modes_offers_window_pickup_only(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    refused(
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
        refused("CASE_NOT_FOUND", services.do_choose_delivery, case, actor=actor, mode="electronic")
    case.refresh_from_db()
    assert case.requested_delivery_mode == "" and "case.delivery_chosen" not in actions(case)


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
    refused(
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
    refused("CASE_INVALID_STATE", services.do_choose_delivery, case, actor=world.citizen, mode="electronic")
    case.refresh_from_db()
    assert case.requested_delivery_mode == "window" and actions(case)[-1] == "case.closed"


def test_a_withdrawn_case_takes_no_delivery_choice(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    case = services.do_withdraw_case(case, actor=world.citizen)
    refused("CASE_INVALID_STATE", services.do_choose_delivery, case, actor=world.citizen, mode="window")


def test_a_draft_is_created_and_updated_with_a_checked_delivery_choice(world: World) -> None:
    version = make_item(world.scjg, delivery_modes=("window", "post"))
    refused(
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
    refused(
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
    case = walk_single(world, Case.objects.get(pk=case.pk))
    assert case.state == CaseState.DECIDED
    assert "case_decided" in events(case)
    assert "case_ready_for_pickup" not in events(case)
