"""Names of what the case engine records and emits: ledger actions and outbox events (STYLE point 5).

Both are enums named ``<noun>_<past_verb>``. Ledger actions are the ``action`` of the case's
:class:`~tongban.core.models.LedgerEntry` rows (``case.<noun>_<past_verb>``); the timelines read them, so a new
action needs a label in :mod:`tongban.cases.queries.timeline`. Outbox events are the ``event`` of the notifications
the services enqueue for the applicant side; integrators and message templates match on them. Nothing here sends
anything.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseLedgerAction(models.TextChoices):
    """A ledger action on a case (一链监管): one per state change or recorded act."""

    CREATED = "case.created", _("创建申请")
    DRAFT_UPDATED = "case.draft_updated", _("保存草稿")
    DRAFT_DELETED = "case.draft_deleted", _("删除草稿")
    MATERIAL_ADDED = "case.material_added", _("上传材料")
    MATERIAL_REMOVED = "case.material_removed", _("删除材料")
    MATERIAL_GENERATED = "case.material_generated", _("生成材料")
    LICENSE_USED = "case.license_used", _("使用电子证照替代材料")  # 免证可办: a licence instead of an upload
    COMMITMENT_SIGNED = "case.commitment_signed", _("签署告知承诺书")
    SUBMITTED = "case.submitted", _("提交申请")
    MATERIAL_PREREVIEWED = "case.material_prereviewed", _("材料预审")
    CORRECTION_REQUESTED = "case.correction_requested", _("一次性告知补正")
    CORRECTION_RESUBMITTED = "case.correction_resubmitted", _("补正后重新提交")
    ACCEPTED = "case.accepted", _("受理")
    REVIEW_STARTED = "case.review_started", _("进入审查")
    ACCEPTANCE_REFUSED = "case.acceptance_refused", _("不予受理")
    MATERIAL_SUPPLEMENTED = "case.material_supplemented", _("补交容缺材料")
    TASK_CLAIMED = "case.task_claimed", _("签收任务")
    TASK_RELEASED = "case.task_released", _("退回任务至待签收")
    TASK_COMPLETED = "case.task_completed", _("办理环节")
    TASK_TRANSFERRED = "case.task_transferred", _("转办")
    SIGNER_ADDED = "case.signer_added", _("加签")
    SPECIAL_PROCEDURE_STARTED = "case.special_procedure_started", _("启动特别程序")
    SPECIAL_PROCEDURE_FINISHED = "case.special_procedure_finished", _("结束特别程序")
    EXTENSION_REQUESTED = "case.extension_requested", _("申请延期")
    EXTENSION_DECIDED = "case.extension_decided", _("审批延期")
    DECIDED = "case.decided", _("作出决定")
    DELIVERY_CHOSEN = "case.delivery_chosen", _("选择领取方式")
    PICKUP_CODE_SENT = "case.pickup_code_sent", _("发送取件码")
    PICKUP_CODE_FAILED = "case.pickup_code_failed", _("取件码核验失败")
    DELIVERED = "case.delivered", _("送达")
    CLOSED = "case.closed", _("办结")
    WITHDRAWN = "case.withdrawn", _("撤回申请")
    TERMINATED = "case.terminated", _("终止办理")
    DEADLINE_RECOMPUTED = "case.deadline_recomputed", _("重新计算期限")


# Names written before the actions became an enum (``case.<verb>``); the timelines still read old ledgers.
LEGACY_LEDGER_ACTIONS: dict[str, CaseLedgerAction] = {
    "case.create": CaseLedgerAction.CREATED,
    "case.update_draft": CaseLedgerAction.DRAFT_UPDATED,
    "case.add_material": CaseLedgerAction.MATERIAL_ADDED,
    "case.remove_material": CaseLedgerAction.MATERIAL_REMOVED,
    "case.sign_commitment": CaseLedgerAction.COMMITMENT_SIGNED,
    "case.submit": CaseLedgerAction.SUBMITTED,
    "case.prereview": CaseLedgerAction.MATERIAL_PREREVIEWED,
    "case.request_correction": CaseLedgerAction.CORRECTION_REQUESTED,
    "case.resubmit": CaseLedgerAction.CORRECTION_RESUBMITTED,
    "case.accept": CaseLedgerAction.ACCEPTED,
    "case.start_review": CaseLedgerAction.REVIEW_STARTED,
    "case.refuse_acceptance": CaseLedgerAction.ACCEPTANCE_REFUSED,
    "case.supplement": CaseLedgerAction.MATERIAL_SUPPLEMENTED,
    "case.task_claim": CaseLedgerAction.TASK_CLAIMED,
    "case.task_release": CaseLedgerAction.TASK_RELEASED,
    "case.task_complete": CaseLedgerAction.TASK_COMPLETED,
    "case.task_transfer": CaseLedgerAction.TASK_TRANSFERRED,
    "case.task_add_signer": CaseLedgerAction.SIGNER_ADDED,
    "case.start_special_procedure": CaseLedgerAction.SPECIAL_PROCEDURE_STARTED,
    "case.finish_special_procedure": CaseLedgerAction.SPECIAL_PROCEDURE_FINISHED,
    "case.request_extension": CaseLedgerAction.EXTENSION_REQUESTED,
    "case.decide_extension": CaseLedgerAction.EXTENSION_DECIDED,
    "case.decide": CaseLedgerAction.DECIDED,
    "case.deliver": CaseLedgerAction.DELIVERED,
    "case.close": CaseLedgerAction.CLOSED,
    "case.withdraw": CaseLedgerAction.WITHDRAWN,
    "case.terminate": CaseLedgerAction.TERMINATED,
    "case.refresh_deadline": CaseLedgerAction.DEADLINE_RECOMPUTED,
}


def ledger_action(value: str) -> CaseLedgerAction | None:
    """The enum member of a stored ledger action (current or legacy name); ``None`` for an unknown one."""
    try:
        return CaseLedgerAction(value)
    except ValueError:
        return LEGACY_LEDGER_ACTIONS.get(value)


class CaseEvent(models.TextChoices):
    """An outbox event the case engine emits to the applicant side (and, later, to integrators' webhooks)."""

    ACCEPTED = "case_accepted", _("受理通知")
    CORRECTION_REQUESTED = "case_correction_requested", _("一次性告知补正")
    NOT_ACCEPTED = "case_not_accepted", _("不予受理")
    DECIDED = "case_decided", _("准予/不予决定")
    READY_FOR_PICKUP = "case_ready_for_pickup", _("结果可领取（取件码）")
    DELIVERED = "case_delivered", _("结果已送达")


def _transition_actions() -> dict[str, CaseLedgerAction]:
    from tongban.cases.choices import CaseAction as A

    L = CaseLedgerAction
    return {
        A.SUBMIT: L.SUBMITTED,
        A.REQUEST_CORRECTION: L.CORRECTION_REQUESTED,
        A.RESUBMIT: L.CORRECTION_RESUBMITTED,
        A.ACCEPT: L.ACCEPTED,
        A.START_REVIEW: L.REVIEW_STARTED,
        A.REFUSE_ACCEPTANCE: L.ACCEPTANCE_REFUSED,
        A.START_SPECIAL_PROCEDURE: L.SPECIAL_PROCEDURE_STARTED,
        A.FINISH_SPECIAL_PROCEDURE: L.SPECIAL_PROCEDURE_FINISHED,
        A.DECIDE: L.DECIDED,
        A.DELIVER: L.DELIVERED,
        A.CLOSE: L.CLOSED,
        A.WITHDRAW: L.WITHDRAWN,
        A.TERMINATE: L.TERMINATED,
    }


# The ledger action each transition of the table records.
TRANSITION_LEDGER_ACTIONS: dict[str, CaseLedgerAction] = _transition_actions()
