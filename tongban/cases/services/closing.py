"""The end of a case: the decision (决定), 领取方式, delivery (送达), 办结, withdrawal (撤回) and termination (终止)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.choices import (
    CaseAction,
    DeliveryMode,
    NoticeKind,
    TaskKind,
)
from tongban.cases.engine.clock import (
    local_day,
)
from tongban.cases.engine.numbering import new_pickup_code
from tongban.cases.events import CaseEvent, CaseLedgerAction
from tongban.cases.models import (
    Case,
    Decision,
)
from tongban.cases.services._kernel import (
    REMEDIES,
    append_case_ledger,
    cancel_active_tasks,
    check_delivery_choice,
    close_open_intervals,
    issue_notice,
    lock_case,
    move_case,
    notify_applicant,
    resolve_now,
    signed_in_user,
    tolerated_outstanding,
)


def decide_case(case: Case, *, actor: Any, approve: bool, opinion: str, reasons: str, now: datetime) -> Case:
    """Record the decision on a locked case: 决定书, pickup code, notices; open tasks end (verification stays)."""
    if tolerated_outstanding(case):
        raise errors.TOLERATED_MATERIALS_OUTSTANDING.error()
    if not approve and not (reasons or opinion).strip():
        raise errors.REASON_REQUIRED.error()
    decision = Decision.objects.create(
        case=case,
        approve=approve,
        opinion=opinion,
        reasons="" if approve else (reasons or opinion),
        remedies="" if approve else str(REMEDIES),
        decided_at=now,
        decided_by=signed_in_user(actor),
        document_number=f"{case.number}-JD",
    )
    cancel_active_tasks(case)
    case.decided_at = now
    case.pickup_code = new_pickup_code()
    move_case(
        case, CaseAction.DECIDE, actor, fields=["decided_at", "pickup_code", "flow_state"], approve=approve
    )
    issue_notice(
        case,
        NoticeKind.DECISION,
        actor,
        {
            "approve": approve,
            "applicant": case.applicant_name,
            "opinion": opinion,
            "reasons": decision.reasons,
            "remedies": decision.remedies,
            "document_number": decision.document_number,
            "decided_on": local_day(now).isoformat(),
        },
        now,
    )
    verdict = _("准予") if approve else _("不予")
    notify_applicant(
        case,
        CaseEvent.DECIDED,
        _("您的申请已作出决定"),
        _("办件 %(number)s 已作出%(verdict)s决定。") % {"number": case.number, "verdict": verdict},
    )
    # The pickup code matters only when the result is collected at a window (chosen, or no choice made yet).
    if case.requested_delivery_mode in ("", DeliveryMode.WINDOW):
        notify_applicant(
            case,
            CaseEvent.READY_FOR_PICKUP,
            _("办理结果可以领取"),
            _("办件 %(number)s 的结果已可领取，取件码 %(code)s。")
            % {"number": case.number, "code": case.pickup_code},
        )
    return case


def close_case(case: Case, *, actor: Any, now: datetime) -> Case:
    """办结 a locked, delivered case."""
    case.closed_at = now
    move_case(case, CaseAction.CLOSE, actor, fields=["closed_at"])
    return case


def do_deliver_case(
    case: Case,
    *,
    actor: Any,
    mode: str,
    tracking_number: str = "",
    pickup_code: str = "",
    now: datetime | None = None,
) -> Case:
    """Deliver the result (送达) and close the case (办结) in the same transaction (ADR 0007).

    Window pickup checks the pickup code given at the decision; post needs a tracking number; electronic
    delivery is immediate.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.DELIVER)
        if mode not in DeliveryMode.values:
            raise errors.INVALID_CHOICE.error(fields={"mode": [mode]})
        if case.requested_delivery_mode and mode != case.requested_delivery_mode:
            # The applicant's choice binds the hall; only the applicant changes it (ADR 0007 "Delivery").
            raise errors.DELIVERY_MODE_MISMATCH.error(fields={"mode": [case.requested_delivery_mode]})
        if mode == DeliveryMode.WINDOW and (pickup_code or "").strip() != case.pickup_code:
            raise errors.PICKUP_CODE_WRONG.error()
        if mode == DeliveryMode.POST and not (tracking_number or "").strip():
            raise errors.TRACKING_NUMBER_REQUIRED.error()
        case.delivery_mode = mode
        case.tracking_number = (tracking_number or "").strip()[:50]
        case.delivered_at = now
        move_case(
            case,
            CaseAction.DELIVER,
            actor,
            fields=["delivery_mode", "tracking_number", "delivered_at"],
            mode=mode,
        )
        notify_applicant(
            case,
            CaseEvent.DELIVERED,
            _("办理结果已送达"),
            _("办件 %(number)s 的办理结果已送达（%(mode)s）。")
            % {"number": case.number, "mode": DeliveryMode(mode).label},
        )
        return close_case(case, actor=actor, now=now)


def do_choose_delivery(
    case: Case, *, actor: Any, mode: str, address: str = "", now: datetime | None = None
) -> Case:
    """The applicant (or their agent/proxy) chooses or changes 领取方式 until the result is handed out.

    ``mode`` must be one the item version offers (window only when it lists none); ``post`` needs ``address``.
    Staff cannot choose for the applicant (``CASE_NOT_FOUND``, as for anyone else). Appends
    ``case.delivery_chosen``; the hand-out (:func:`do_deliver_case`) must then use this mode.
    """
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.CHOOSE_DELIVERY)
        before = case.requested_delivery_mode
        mode, address = check_delivery_choice(case.version, mode, address)
        if not mode:
            raise errors.INVALID_CHOICE.error(fields={"mode": [mode]})
        case.requested_delivery_mode, case.delivery_address = mode, address
        case.version_no += 1
        case.save(update_fields=["requested_delivery_mode", "delivery_address", "version_no", "updated_at"])
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.DELIVERY_CHOSEN,
            {"state": case.state, "before": before, "mode": mode},
        )
    return case


def do_close_case(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Close (办结) a delivered case; ``do_deliver_case`` already does this, so it matters only for later steps."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.CLOSE)
        return close_case(case, actor=actor, now=now)


def _end(case: Case, action: str, actor: Any, reason: str, now: datetime) -> Case:
    """End a locked case by ``action`` (撤回/终止): stops closed, every open task cancelled."""
    close_open_intervals(case, actor, now)
    cancelled = cancel_active_tasks(case, kinds=(TaskKind.FLOW, TaskKind.ADDED_SIGNER, TaskKind.VERIFICATION))
    case.ended_at = now
    case.end_reason = reason
    move_case(
        case, action, actor, fields=["ended_at", "end_reason"], reason=reason, cancelled_tasks=cancelled
    )
    return case


def do_withdraw_case(case: Case, *, actor: Any, reason: str = "", now: datetime | None = None) -> Case:
    """The applicant withdraws (撤回) the application before the decision; open tasks are cancelled."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.WITHDRAW)
        return _end(case, CaseAction.WITHDRAW, actor, (reason or "").strip() or str(_("申请人撤回申请")), now)


def do_terminate_case(case: Case, *, actor: Any, reason: str, now: datetime | None = None) -> Case:
    """A supervisor terminates (终止) a case with a reason; open tasks are cancelled."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.TERMINATE)
        if not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        return _end(case, CaseAction.TERMINATE, actor, reason.strip(), now)
