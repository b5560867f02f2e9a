"""The end of a case: the decision (决定), 领取方式, delivery (送达), 办结, withdrawal (撤回) and termination (终止)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.choices import (
    CaseAction,
    CaseState,
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
    next_notice_number,
    notify_applicant,
    resolve_now,
    signed_in_user,
    tolerated_outstanding,
)
from tongban.cases.services.license_use import issue_result_license, result_license_identifiers
from tongban.core.errors import DomainError


def decide_case(case: Case, *, actor: Any, approve: bool, opinion: str, reasons: str, now: datetime) -> Case:
    """Record the decision on a locked case: 决定书, pickup code, notices; open tasks end (verification stays).

    What reaches the applicant depends on the 领取方式 they chose (ADR 0007 "Delivery"):

    * ``electronic``: the result is in their account at once, so the case is delivered and closed (办结) in this
      same transaction, by the platform;
    * ``window``: the pickup code (取件码) is sent with the decision;
    * not chosen yet: they are told to choose; the pickup code is sent when they choose window pickup
      (:func:`do_choose_delivery`) or when the window sends it at the hand-out (:func:`do_send_pickup_code`).

    An approval of an item whose version names a licence type issues that electronic licence here, in the same
    transaction (``licenses.services.issue_for_case``): if it cannot be issued, the decision is not made either.
    """
    if tolerated_outstanding(case):
        raise errors.TOLERATED_MATERIALS_OUTSTANDING.error()
    if not approve and not (reasons or opinion).strip():
        raise errors.REASON_REQUIRED.error()
    # The decision document is the decision notice: one number on its header and in its text.
    document_number = next_notice_number(case, NoticeKind.DECISION)
    decision = Decision.objects.create(
        case=case,
        approve=approve,
        opinion=opinion,
        reasons="" if approve else (reasons or opinion),
        remedies="" if approve else str(REMEDIES),
        decided_at=now,
        decided_by=signed_in_user(actor),
        document_number=document_number,
    )
    cancel_active_tasks(case)
    case.decided_at = now
    case.pickup_code = new_pickup_code()
    move_case(
        case,
        CaseAction.DECIDE,
        actor,
        fields=["decided_at", "pickup_code", "flow_state"],
        approve=approve,
        notice=document_number,
        at=now,
    )
    if approve:
        issue_result_license(case, actor=actor, now=now)
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
    if case.requested_delivery_mode == DeliveryMode.ELECTRONIC:
        body = _("办件 %(number)s 已作出%(verdict)s决定，决定书已送达您的账户。")
    elif case.requested_delivery_mode == DeliveryMode.WINDOW:
        body = _("办件 %(number)s 已作出%(verdict)s决定，取件码另行通知。")
    elif case.requested_delivery_mode == DeliveryMode.POST:
        body = _("办件 %(number)s 已作出%(verdict)s决定，结果将邮寄送达。")
    else:
        body = _("办件 %(number)s 已作出%(verdict)s决定，请登录选择领取方式，或到窗口领取。")
    notify_applicant(
        case,
        CaseEvent.DECIDED,
        _("您的申请已作出决定"),
        body % {"number": case.number, "verdict": verdict},
    )
    if case.requested_delivery_mode == DeliveryMode.ELECTRONIC:
        # 电子送达: the decision is in the applicant's account the moment it exists (ADR 0007 "Delivery").
        return deliver_case(case, actor=None, mode=DeliveryMode.ELECTRONIC, now=now, automatic=True)
    if case.requested_delivery_mode == DeliveryMode.WINDOW:
        send_pickup_code(case, actor=actor, now=now, on="decision")
    return case


def send_pickup_code(case: Case, *, actor: Any, now: datetime, on: str) -> None:
    """Send the pickup code (取件码) of a locked, decided case to the applicant side and ledger that it went out.

    The code stands alone in the text (``取件码：123456。``), so the SMS adapter's log masking catches it; it is
    never written to the ledger.
    """
    case.pickup_code_sent_at = now
    case.save(update_fields=["pickup_code_sent_at", "updated_at"])
    append_case_ledger(
        case, actor, CaseLedgerAction.PICKUP_CODE_SENT, {"state": case.state, "on": on}, at=now
    )
    notify_applicant(
        case,
        CaseEvent.READY_FOR_PICKUP,
        _("办理结果可以领取"),
        _("办件 %(number)s 的结果可到窗口领取，取件码：%(code)s。请勿告知他人。")
        % {"number": case.number, "code": case.pickup_code},
    )


def close_case(case: Case, *, actor: Any, now: datetime) -> Case:
    """办结 a locked, delivered case."""
    case.closed_at = now
    move_case(case, CaseAction.CLOSE, actor, fields=["closed_at"], at=now)
    return case


def deliver_case(
    case: Case,
    *,
    actor: Any,
    mode: str,
    now: datetime,
    tracking_number: str = "",
    reason: str = "",
    automatic: bool = False,
) -> Case:
    """Deliver (送达) a locked, decided case by ``mode`` and close it (办结), both ledgered.

    The electronic licences the case produced are named in the delivery entry and notice; delivered
    electronically, they are in the holder's wallet (证照夹).
    """
    case.delivery_mode = mode
    case.tracking_number = (tracking_number or "").strip()[:50]
    case.delivered_at = now
    case.pickup_failed_attempts = 0
    case.pickup_locked_until = None
    extra: dict[str, Any] = {"automatic": True} if automatic else {}
    if reason:
        extra["reason"] = reason
    licenses = result_license_identifiers(case)
    if licenses:
        extra["licenses"] = licenses
    move_case(
        case,
        CaseAction.DELIVER,
        actor,
        fields=[
            "delivery_mode",
            "tracking_number",
            "delivered_at",
            "pickup_failed_attempts",
            "pickup_locked_until",
        ],
        mode=mode,
        at=now,
        **extra,
    )
    body = _("办件 %(number)s 的办理结果已送达（%(mode)s）。") % {
        "number": case.number,
        "mode": DeliveryMode(mode).label,
    }
    if licenses and mode == DeliveryMode.ELECTRONIC:
        body += _("电子证照已存入您的证照夹，证照标识：%(identifiers)s。") % {
            "identifiers": "、".join(licenses)
        }
    elif licenses:
        body += _("电子证照标识：%(identifiers)s。") % {"identifiers": "、".join(licenses)}
    notify_applicant(case, CaseEvent.DELIVERED, _("办理结果已送达"), body)
    return close_case(case, actor=actor, now=now)


# 取件码 guessing (issue 7 §1): three free tries, then a lock that doubles with every further miss, up to a day.
PICKUP_FREE_ATTEMPTS = 3
PICKUP_LOCK_BASE = timedelta(minutes=5)
PICKUP_LOCK_MAX = timedelta(hours=24)
PICKUP_RESEND_INTERVAL = timedelta(minutes=2)


def pickup_lock_for(attempts: int) -> timedelta | None:
    """How long a case's hand-out is locked after ``attempts`` wrong pickup codes in a row (``None``: not locked)."""
    if attempts < PICKUP_FREE_ATTEMPTS:
        return None
    lock: timedelta = PICKUP_LOCK_BASE * 2 ** (attempts - PICKUP_FREE_ATTEMPTS)
    return min(lock, PICKUP_LOCK_MAX)


def _record_pickup_failure(case: Case, actor: Any, now: datetime) -> DomainError:
    """Count one wrong pickup code on a locked case (ledgered, without the code) and return the refusal to raise."""
    case.pickup_failed_attempts += 1
    lock = pickup_lock_for(case.pickup_failed_attempts)
    case.pickup_locked_until = now + lock if lock else None
    case.save(update_fields=["pickup_failed_attempts", "pickup_locked_until", "updated_at"])
    append_case_ledger(
        case,
        actor,
        CaseLedgerAction.PICKUP_CODE_FAILED,
        {
            "state": case.state,
            "attempts": case.pickup_failed_attempts,
            "locked_until": case.pickup_locked_until.isoformat() if case.pickup_locked_until else None,
        },
        at=now,
    )
    return errors.PICKUP_CODE_WRONG.error()


def _pickup_locked(case: Case, now: datetime) -> DomainError | None:
    if case.pickup_locked_until is None or now >= case.pickup_locked_until:
        return None
    until = timezone.localtime(case.pickup_locked_until).strftime("%H:%M")
    return errors.PICKUP_CODE_LOCKED.error(
        errors.PICKUP_CODE_LOCKED.message % {"until": until}, fields={"locked_until": [until]}
    )


def do_deliver_case(
    case: Case,
    *,
    actor: Any,
    mode: str,
    tracking_number: str = "",
    pickup_code: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Case:
    """Deliver the result (送达) and close the case (办结) in the same transaction (ADR 0007).

    Window pickup checks the pickup code given at the decision; post needs a tracking number; electronic
    delivery is immediate. The applicant's choice binds the hand-out (``DELIVERY_MODE_MISMATCH``); without a
    choice the default is window pickup, and another mode needs ``reason`` (recorded in the ledger).

    A wrong pickup code is counted and ledgered (``case.pickup_code_failed``) in its own transaction, which then
    commits before ``PICKUP_CODE_WRONG`` is raised, so call this outside any outer transaction; after
    :data:`PICKUP_FREE_ATTEMPTS` misses the hand-out is locked for a doubling time (``PICKUP_CODE_LOCKED``, 429,
    nothing recorded). Neither refusal says anything about the right code.
    """
    now = resolve_now(now)
    failure: DomainError | None = None
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.DELIVER)
        if mode not in DeliveryMode.values:
            raise errors.INVALID_CHOICE.error(fields={"mode": [mode]})
        if case.requested_delivery_mode and mode != case.requested_delivery_mode:
            # The applicant's choice binds the hall; only the applicant changes it (ADR 0007 "Delivery").
            raise errors.DELIVERY_MODE_MISMATCH.error(fields={"mode": [case.requested_delivery_mode]})
        reason = (reason or "").strip()[:300]
        if not case.requested_delivery_mode and mode != DeliveryMode.WINDOW and not reason:
            raise errors.DELIVERY_REASON_REQUIRED.error(fields={"reason": [mode]})
        if mode == DeliveryMode.POST and not (tracking_number or "").strip():
            raise errors.TRACKING_NUMBER_REQUIRED.error()
        if mode == DeliveryMode.WINDOW:
            locked = _pickup_locked(case, now)
            if locked is not None:
                raise locked
            if not secrets.compare_digest((pickup_code or "").strip(), case.pickup_code or "\0"):
                failure = _record_pickup_failure(case, actor, now)
        if failure is None:
            case = deliver_case(
                case,
                actor=actor,
                mode=mode,
                now=now,
                tracking_number=tracking_number if mode == DeliveryMode.POST else "",
                reason=reason if not case.requested_delivery_mode else "",
            )
    if failure is not None:
        raise failure
    return case


def do_send_pickup_code(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """The window sends the pickup code to an applicant who comes for the result without having chosen (or lost it).

    Only a clerk covering the case, only while the result waits at the window; not again within
    :data:`PICKUP_RESEND_INTERVAL` (``PICKUP_CODE_RECENTLY_SENT``). Appends ``case.pickup_code_sent``.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.SEND_PICKUP_CODE)
        if case.pickup_code_sent_at and now - case.pickup_code_sent_at < PICKUP_RESEND_INTERVAL:
            raise errors.PICKUP_CODE_RECENTLY_SENT.error()
        send_pickup_code(case, actor=actor, now=now, on="window")
    return case


def do_decide_on_the_spot(case: Case, *, actor: Any, opinion: str = "", now: datetime | None = None) -> Case:
    """即办件: the window that accepted an item promised 当场办结 (承诺时限 0) decides 准予 at once.

    Only a clerk covering the case, only while no review step has been done (``access.on_the_spot_decision_open``);
    the open review tasks are cancelled and the decision is recorded as every decision is (决定书, ledger, notices).
    A case that does not qualify goes through the review flow (or is refused acceptance) instead.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_who(actor, case, CasePermission.DECIDE_ON_THE_SPOT)
        if not access.can(actor, case, CasePermission.DECIDE_ON_THE_SPOT):
            raise errors.ON_THE_SPOT_NOT_ALLOWED.error(fields={"state": case.state})
        text = (opinion or "").strip()[:2000] or str(_("即办件，申请材料齐全、符合法定形式，当场准予。"))
        return decide_case(case, actor=actor, approve=True, opinion=text, reasons="", now=now)


def do_choose_delivery(
    case: Case, *, actor: Any, mode: str, address: str = "", now: datetime | None = None
) -> Case:
    """The applicant (or their agent/proxy) chooses or changes 领取方式 until the result is handed out.

    ``mode`` must be one the item version offers (window only when it lists none); ``post`` needs ``address``.
    Staff cannot choose for the applicant (``CASE_NOT_FOUND``, as for anyone else). Appends
    ``case.delivery_chosen``; the hand-out (:func:`do_deliver_case`) must then use this mode. Once the decision
    exists, choosing ``electronic`` delivers and closes the case at once, and choosing ``window`` sends the
    pickup code (unless window pickup was already chosen).
    """
    now = resolve_now(now)
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
            at=now,
        )
        if case.state == CaseState.DECIDED and mode == DeliveryMode.ELECTRONIC:
            return deliver_case(case, actor=None, mode=DeliveryMode.ELECTRONIC, now=now, automatic=True)
        if case.state == CaseState.DECIDED and mode == DeliveryMode.WINDOW and before != DeliveryMode.WINDOW:
            send_pickup_code(case, actor=actor, now=now, on="choice")
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
        case,
        action,
        actor,
        fields=["ended_at", "end_reason"],
        reason=reason,
        cancelled_tasks=cancelled,
        at=now,
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
