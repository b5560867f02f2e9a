"""Enumerations owned by ``cases``: states, actions, kinds and modes, each member with its one-line meaning.

Which action may move a case from which state, and the named groups of states, live in
:mod:`tongban.cases.transitions` (ADR 0007).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    """Platform state of a case (办件), matching the national 办件过程 vocabulary (ARCHITECTURE §6)."""

    DRAFT = "draft", _("草稿")  # being filled in; no number yet
    SUBMITTED = "submitted", _("已申请")  # submitted; waiting for pre-review and acceptance
    CORRECTION_REQUESTED = (
        "correction_requested",
        _("待补正"),
    )  # one-time correction notice issued; clock stopped
    ACCEPTED = "accepted", _("已受理")  # accepted; transient, moves on to IN_REVIEW in the same transaction
    NOT_ACCEPTED = "not_accepted", _("不予受理")  # refused at intake; final
    IN_REVIEW = "in_review", _("审查中")  # review tasks running on the flow; the clock runs
    SPECIAL_PROCEDURE = "special_procedure", _("特别程序")  # 现场踏勘, 听证…; the clock is stopped (§45)
    DECIDED = "decided", _("已决定")  # 准予 or 不予 decided; waiting for delivery
    DELIVERED = "delivered", _("已送达")  # result delivered; transient, closed at once
    CLOSED = "closed", _("已办结")  # finished; final
    WITHDRAWN = "withdrawn", _("已撤回")  # withdrawn by the applicant before the decision; final
    TERMINATED = "terminated", _("已终止")  # terminated by a supervisor; final


class CaseAction(models.TextChoices):
    """A state-changing action on a case; the key of :data:`TRANSITIONS` and of ledger actions ``case.<action>``."""

    SUBMIT = "submit", _("提交申请")  # draft → submitted
    REQUEST_CORRECTION = "request_correction", _("一次性告知补正")  # → correction_requested
    RESUBMIT = "resubmit", _("补正后重新提交")  # correction_requested → submitted / in_review
    ACCEPT = "accept", _("受理")  # submitted → accepted
    START_REVIEW = "start_review", _("进入审查")  # accepted → in_review
    REFUSE_ACCEPTANCE = "refuse_acceptance", _("不予受理")  # → not_accepted
    START_SPECIAL_PROCEDURE = "start_special_procedure", _("启动特别程序")  # in_review → special_procedure
    FINISH_SPECIAL_PROCEDURE = "finish_special_procedure", _("结束特别程序")  # special_procedure → in_review
    DECIDE = "decide", _("作出决定")  # in_review → decided
    DELIVER = "deliver", _("送达")  # decided → delivered
    CLOSE = "close", _("办结")  # delivered → closed
    WITHDRAW = "withdraw", _("撤回申请")  # before the decision → withdrawn
    TERMINATE = "terminate", _("终止办理")  # supervisor → terminated


class Channel(models.TextChoices):
    """How the application reached the platform (申请渠道)."""

    ONLINE = "online", _("网上申请")  # the citizen portal
    WINDOW = "window", _("窗口申请")  # a clerk at a hall window on the applicant's behalf
    KIOSK = "kiosk", _("自助终端")  # a self-service kiosk
    API = "api", _("系统接口")  # a department business system through the API


class MaterialReviewStatus(models.TextChoices):
    """Pre-review (预审) mark of one uploaded material."""

    PENDING = "pending", _("待预审")  # not looked at yet
    PASS = "pass", _("通过")  # acceptable
    PROBLEM = "problem", _("有问题")  # must be corrected; the reason is listed on the correction notice


class TaskKind(models.TextChoices):
    """Where a case task comes from."""

    FLOW = "flow", _("流程环节")  # a ready user task of the BPMN flow
    ADDED_SIGNER = "added_signer", _("加签")  # an extra opinion asked before the flow task may complete
    VERIFICATION = "verification", _("事后核查")  # 告知承诺制 verification after approval (a flow task too)


class TaskState(models.TextChoices):
    """State of a case task (环节办理状态: 待办/已办)."""

    OPEN = "open", _("待办")  # waiting in the department's inbox, unassigned
    CLAIMED = "claimed", _("已签收")  # claimed by one user; only they may complete it
    COMPLETED = "completed", _("已办")  # done with an outcome
    CANCELLED = "cancelled", _("已取消")  # no longer needed (或签 satisfied, case withdrawn/terminated)


class TaskOutcome(models.TextChoices):
    """The business action taken on a task (业务动作)."""

    APPROVE = "approve", _("同意")  # pass to the next step
    REJECT = "reject", _("不同意")  # recommend refusal (or refuse, on the decision step)
    RETURN = "return", _("退回")  # send back to the previous step with a reason


class ClockIntervalKind(models.TextChoices):
    """Why the clock stopped for an interval."""

    CORRECTION = "correction", _("补正")  # waiting for the applicant's corrected materials
    SPECIAL_PROCEDURE = "special_procedure", _("特别程序")  # time not counted (行政许可法 §45)


class SpecialProcedureKind(models.TextChoices):
    """Kinds of special procedure (特别程序) whose time is not counted (行政许可法 §45)."""

    SITE_INSPECTION = "site_inspection", _("现场踏勘")
    EXPERT_REVIEW = "expert_review", _("专家评审")
    PUBLICITY = "publicity", _("公示")
    HEARING = "hearing", _("听证")
    TESTING = "testing", _("检验检测")
    QUARANTINE = "quarantine", _("检疫")
    APPRAISAL = "appraisal", _("鉴定")
    TENDER = "tender", _("招标、拍卖")
    OTHER = "other", _("其他")


class ExtensionState(models.TextChoices):
    """State of an extension request (延期申请)."""

    PENDING = "pending", _("待审批")  # waiting for a supervisor
    APPROVED = "approved", _("已批准")  # days added to the deadline
    REJECTED = "rejected", _("未批准")  # no effect


class NoticeKind(models.TextChoices):
    """Kinds of written notice (文书) issued on a case; the code is part of the notice number."""

    RECEIPT = "receipt", _("收件凭证")  # printed at submission, with the query code
    CORRECTION = "correction", _("一次性告知书")  # every problem at once
    ACCEPTANCE = "acceptance", _("受理通知书")
    NOT_ACCEPTED = "not_accepted", _("不予受理决定书")  # with reasons and remedies
    DECISION = "decision", _("审批决定书")  # 准予/不予 with reasons and remedies for refusals
    SPECIAL_PROCEDURE = "special_procedure", _("特别程序告知书")  # §45: the applicant is told in writing
    EXTENSION = "extension", _("延期告知书")  # §42


NOTICE_NUMBER_CODES: dict[str, str] = {
    NoticeKind.RECEIPT: "SJ",
    NoticeKind.CORRECTION: "BZ",
    NoticeKind.ACCEPTANCE: "SL",
    NoticeKind.NOT_ACCEPTED: "BSL",
    NoticeKind.DECISION: "JD",
    NoticeKind.SPECIAL_PROCEDURE: "TB",
    NoticeKind.EXTENSION: "YQ",
}


class DeliveryMode(models.TextChoices):
    """How the result reaches the applicant (送达方式)."""

    WINDOW = "window", _("窗口领取")  # checked with the pickup code
    POST = "post", _("邮寄送达")  # needs a tracking number
    ELECTRONIC = "electronic", _("电子送达")  # immediate


class WarningLevel(models.TextChoices):
    """Clock warning light (derived, never stored as a counter; rule in ``clock.warning_level``)."""

    NONE = "none", _("不计时")  # no clock runs (draft, decided and later)
    GREEN = "green", _("正常")  # comfortably within the limit
    YELLOW = "yellow", _("预警")  # ≤ 2 working days or ≤ 20% of the limit left
    RED = "red", _("超期")  # past the deadline


class ApplicantKind(models.TextChoices):
    """Who the case is for."""

    PERSON = "person", _("自然人")
    ENTERPRISE = "enterprise", _("法人")
