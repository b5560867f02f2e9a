"""Decision, 领取方式, delivery, withdrawal, termination and the ledger of a whole lifecycle."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.tests.factories import (
    World,
    at,
    decided_case,
    in_review_case,
    make_item,
    submitted_case,
)
from tongban.cases.tests.helpers import actions, events, refused, walk_single
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


def test_delivery_checks_the_pickup_code_and_the_tracking_number(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    with pytest.raises(DomainError) as wrong:
        services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code="000")
    assert wrong.value.code == "PICKUP_CODE_WRONG" and not wrong.value.fields
    refused(
        "TRACKING_NUMBER_REQUIRED",
        services.do_deliver_case,
        case,
        actor=world.clerk,
        mode="post",
        reason="申请人来电要求邮寄",
    )
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.delivered_at is None
    case = services.do_deliver_case(
        case, actor=world.clerk, mode="post", tracking_number="SF123", reason="申请人来电要求邮寄"
    )
    assert case.state == CaseState.CLOSED and case.tracking_number == "SF123"


# --- 取件码 (pickup codes): throttled, never in the ledger ---------------------------------------------------------


def test_a_wrong_pickup_code_is_counted_and_ledgered_without_the_code(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    outbox_before = OutboxMessage.objects.count()
    with pytest.raises(DomainError) as wrong:
        services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code="123")
    assert wrong.value.code == "PICKUP_CODE_WRONG" and case.pickup_code not in str(wrong.value.message)
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.pickup_failed_attempts == 1
    entry = LedgerEntry.objects.filter(object_id=str(case.pk)).latest("seq")
    assert entry.action == "case.pickup_code_failed" and entry.data["attempts"] == 1
    assert case.pickup_code not in str(entry.data) and "123" not in str(entry.data.values())
    assert OutboxMessage.objects.count() == outbox_before
    # The right code still works within the free attempts, and resets the counter.
    case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    assert case.state == CaseState.CLOSED and case.pickup_failed_attempts == 0


def test_repeated_wrong_pickup_codes_lock_the_hand_out_for_a_growing_time(world: World) -> None:
    start = at("2025-10-09 10:00")
    with time_machine.travel(start, tick=False):
        case = walk_single(world, in_review_case(world, make_item(world.scjg)))
        for _attempt in range(services.PICKUP_FREE_ATTEMPTS):
            with pytest.raises(DomainError):
                services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code="000000")
        case.refresh_from_db()
        assert case.pickup_locked_until == start + timedelta(minutes=5)
        # While locked even the right code is refused, and nothing is recorded.
        error = refused(
            "PICKUP_CODE_LOCKED",
            services.do_deliver_case,
            case,
            actor=world.clerk,
            mode="window",
            pickup_code=case.pickup_code,
        )
        assert error.status == 429 and "10:05" in str(error.message)
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        with pytest.raises(DomainError):
            services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code="000000")
        case.refresh_from_db()
        assert case.pickup_failed_attempts == 4
        assert case.pickup_locked_until == start + timedelta(minutes=16)  # the lock doubled to 10 minutes
    with time_machine.travel(start + timedelta(minutes=17), tick=False):
        case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
        assert case.state == CaseState.CLOSED
    assert actions(case).count("case.pickup_code_failed") == 4


def test_the_lock_grows_to_a_day_at_most() -> None:
    from tongban.cases.services.closing import pickup_lock_for

    assert [pickup_lock_for(n) for n in (1, 2)] == [None, None]
    assert pickup_lock_for(3) == timedelta(minutes=5) and pickup_lock_for(5) == timedelta(minutes=20)
    assert pickup_lock_for(40) == timedelta(hours=24)


def test_without_a_chosen_mode_staff_must_give_a_reason_to_deliver_by_post_or_electronically(
    world: World,
) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg, delivery_modes=ALL_MODES)))
    for mode, extra in (("post", {"tracking_number": "SF9"}), ("electronic", {})):
        refused(
            "DELIVERY_REASON_REQUIRED", services.do_deliver_case, case, actor=world.clerk, mode=mode, **extra
        )
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED
    case = services.do_deliver_case(
        case, actor=world.clerk, mode="post", tracking_number="SF9", reason="申请人电话要求邮寄至户籍地址"
    )
    entry = LedgerEntry.objects.get(object_id=str(case.pk), action="case.delivered")
    assert entry.data["reason"] == "申请人电话要求邮寄至户籍地址" and entry.data["mode"] == "post"


# --- what the applicant is sent with the decision -----------------------------------------------------------------


def test_an_applicant_who_chose_electronic_delivery_is_delivered_and_closed_by_the_decision(
    world: World,
) -> None:
    version = make_item(world.scjg, delivery_modes=ALL_MODES)
    case = in_review_case(world, version)
    services.do_choose_delivery(case, actor=world.citizen, mode="electronic")
    case = walk_single(world, Case.objects.get(pk=case.pk))
    assert case.state == CaseState.CLOSED and case.delivery_mode == "electronic"
    assert actions(case)[-3:] == ["case.decided", "case.delivered", "case.closed"]
    delivered = LedgerEntry.objects.get(object_id=str(case.pk), action="case.delivered")
    assert delivered.actor_label == "system" and delivered.data["automatic"] is True
    assert {"case_decided", "case_delivered"} <= events(case)
    assert "case_ready_for_pickup" not in events(case)


def test_no_pickup_code_is_sent_before_the_applicant_chooses_window_pickup(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg, delivery_modes=ALL_MODES)))
    assert case.state == CaseState.DECIDED and "case_ready_for_pickup" not in events(case)
    decided = OutboxMessage.objects.filter(case_number=case.number, event="case_decided").first()
    assert decided is not None and "领取方式" in decided.body and case.pickup_code not in decided.body
    case = services.do_choose_delivery(case, actor=world.citizen, mode="window")
    ready = OutboxMessage.objects.filter(case_number=case.number, event="case_ready_for_pickup")
    assert ready.count() == 3 and all(f"取件码：{case.pickup_code}。" in m.body for m in ready)
    assert "case.pickup_code_sent" in actions(case)
    # Choosing window pickup again sends nothing new.
    services.do_choose_delivery(case, actor=world.citizen, mode="window")
    assert ready.count() == 3


def test_an_applicant_who_chose_window_pickup_gets_the_code_with_the_decision(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    services.do_choose_delivery(case, actor=world.citizen, mode="window")
    case = walk_single(world, Case.objects.get(pk=case.pk))
    assert "case_ready_for_pickup" in events(case) and case.pickup_code_sent_at is not None


def test_the_window_sends_the_code_to_an_applicant_who_never_chose(world: World) -> None:
    start = at("2025-10-09 10:00")
    with time_machine.travel(start, tick=False):
        case = walk_single(world, in_review_case(world, make_item(world.scjg)))
        for stranger in (world.reviewer, world.citizen, world.clerk_xiangfu):
            refused("CASE_NOT_FOUND", services.do_send_pickup_code, case, actor=stranger)
        case = services.do_send_pickup_code(case, actor=world.clerk)
        assert "case_ready_for_pickup" in events(case)
        refused("PICKUP_CODE_RECENTLY_SENT", services.do_send_pickup_code, case, actor=world.clerk)
    with time_machine.travel(start + timedelta(minutes=3), tick=False):
        services.do_send_pickup_code(case, actor=world.clerk)
    assert actions(case).count("case.pickup_code_sent") == 2


def test_no_pickup_code_is_sent_for_a_result_that_goes_by_post(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg, delivery_modes=ALL_MODES))
    services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    case = walk_single(world, Case.objects.get(pk=case.pk))
    refused("CASE_INVALID_STATE", services.do_send_pickup_code, case, actor=world.clerk)


def test_the_decision_document_has_the_number_of_its_notice(world: World) -> None:
    case = walk_single(world, in_review_case(world, make_item(world.scjg)))
    notice = case.notices.get(kind="decision")
    assert case.decision.document_number == notice.number == f"{case.number}-JD01"
    assert notice.content["document_number"] == notice.number


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
    services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
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
