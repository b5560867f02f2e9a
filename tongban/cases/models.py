"""Cases (办件) and everything that hangs off them: materials, review tasks, clock stops, extensions, notices,
decisions, and the per-region daily number sequence (ADR 0007)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import (
    ApplicantKind,
    CaseState,
    Channel,
    ClockIntervalKind,
    DeliveryMode,
    ExtensionState,
    MaterialReviewStatus,
    NoticeKind,
    SpecialProcedureKind,
    TaskKind,
    TaskOutcome,
    TaskState,
)
from tongban.core.models import TimeStampedModel


class CaseQuerySet(models.QuerySet["Case"]):
    """Querysets of cases; ``visible_to`` is the one place that scopes a list to a user (STYLE point 3)."""

    def visible_to(self, user: Any) -> CaseQuerySet:
        """Cases ``user`` may see: their own or authorised ones as applicant, or those in a staff role's scope."""
        from tongban.cases.queries import case_visibility_filter

        condition = case_visibility_filter(user)
        if condition is None:
            return self
        return self.filter(condition)


class Case(TimeStampedModel):
    """A case (办件): one application for one published item version, from draft to 办结.

    Its state changes only through the services in :mod:`tongban.cases.services`, which consult
    :data:`tongban.cases.choices.TRANSITIONS`. ``number`` is assigned on submission; until then the case is
    addressed by ``public_id``. ``deadline`` is derived by :mod:`tongban.cases.clock` and stored only for indexing.
    """

    public_id = models.UUIDField(_("草稿标识"), default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("办件编号"), max_length=20, unique=True, null=True, blank=True)
    query_code = models.CharField(_("查询码"), max_length=6, blank=True)
    state = models.CharField(_("状态"), max_length=30, choices=CaseState.choices, default=CaseState.DRAFT)
    version_no = models.PositiveIntegerField(_("修改序号"), default=0)

    implementation = models.ForeignKey(
        "catalog.Implementation",
        verbose_name=_("实施清单事项"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    version = models.ForeignKey(
        "catalog.ItemVersion", verbose_name=_("办事指南版本"), on_delete=models.PROTECT, related_name="cases"
    )
    department = models.ForeignKey(
        "organizations.Department", verbose_name=_("实施主体"), on_delete=models.PROTECT, related_name="cases"
    )
    region = models.ForeignKey(
        "organizations.Region", verbose_name=_("实施区划"), on_delete=models.PROTECT, related_name="cases"
    )
    region_path = models.CharField(_("区划路径"), max_length=200, db_index=True)
    channel = models.CharField(_("申请渠道"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)

    applicant_kind = models.CharField(
        _("申请人类型"), max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_applicant",
    )
    enterprise = models.ForeignKey(
        "accounts.Enterprise",
        verbose_name=_("申请企业"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人/代办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_agent",
    )
    authorization = models.ForeignKey(
        "accounts.AgentAuthorization",
        verbose_name=_("授权"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    applicant_name = models.CharField(_("申请人名称"), max_length=200, blank=True)
    applicant_id_number = models.CharField(_("申请人证件号码"), max_length=18, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        on_delete=models.PROTECT,
        related_name="cases_created",
    )
    idempotency_key = models.CharField(_("幂等键"), max_length=100, blank=True)
    form_data = models.JSONField(_("申请表数据"), default=dict, blank=True)

    intake_window = models.ForeignKey(
        "organizations.Window",
        verbose_name=_("收件窗口"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intake_clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("收件人员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    commitment_text = models.TextField(_("告知承诺书内容"), blank=True)
    commitment_hash = models.CharField(_("承诺书摘要"), max_length=64, blank=True)
    commitment_signed_at = models.DateTimeField(_("承诺签署时间"), null=True, blank=True)

    flow_template = models.ForeignKey(
        "catalog.FlowTemplate",
        verbose_name=_("审批流程"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The SpiffWorkflow serialisation kept verbatim as JSON text: PostgreSQL's jsonb reorders object keys, and
    # SpiffWorkflow 3.2 does not restore a multi-instance task correctly from a reordered document.
    flow_state = models.TextField(_("流程状态（BPMN 序列化）"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("申请时间"), null=True, blank=True, db_index=True)
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    ended_at = models.DateTimeField(
        _("终结时间"), null=True, blank=True
    )  # not accepted / withdrawn / terminated
    end_reason = models.TextField(_("终结原因"), blank=True)

    time_limit_days = models.PositiveIntegerField(_("办理时限（工作日）"), null=True, blank=True)
    acceptance_deadline = models.DateField(_("受理期限"), null=True, blank=True)
    accepted_late = models.BooleanField(_("超期受理"), default=False)
    deadline = models.DateField(_("办结期限"), null=True, blank=True, db_index=True)
    supplement_deadline = models.DateField(_("容缺材料补交期限"), null=True, blank=True)

    delivery_mode = models.CharField(_("送达方式"), max_length=20, choices=DeliveryMode.choices, blank=True)
    tracking_number = models.CharField(_("快递单号"), max_length=50, blank=True)
    pickup_code = models.CharField(_("取件码"), max_length=8, blank=True)
    # The applicant's own choice (领取方式), binding on the hand-out until they change it (ADR 0007).
    requested_delivery_mode = models.CharField(
        _("申请人选择的领取方式"), max_length=20, choices=DeliveryMode.choices, blank=True
    )
    delivery_address = models.TextField(_("邮寄地址"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("办件")
        verbose_name_plural = _("办件")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="case_unique_idempotency_key",
            )
        ]
        indexes = [
            models.Index(fields=["state", "deadline"], name="case_state_deadline_idx"),
            models.Index(fields=["department", "state"], name="case_department_state_idx"),
            models.Index(fields=["applicant_user", "state"], name="case_applicant_state_idx"),
        ]

    def __str__(self) -> str:
        return self.number or f"草稿 {self.public_id}"

    @property
    def ref(self) -> str:
        """The identifier used in URLs: the number once submitted, the draft id before."""
        return self.number or str(self.public_id)

    @property
    def storage_prefix(self) -> str:
        """Folder of this case's files in Django storage."""
        return f"cases/{self.ref}"


def case_material_upload_to(instance: CaseMaterial, filename: str) -> str:
    """``cases/<number or draft id>/<random>_<name>``: the random part keeps replaced uploads apart."""
    safe = filename.replace("/", "_").replace("\\", "_")[-80:]
    return f"{instance.case.storage_prefix}/{uuid.uuid4().hex[:12]}_{safe}"


class CaseMaterial(models.Model):
    """One material of a case (申请材料): an upload for a catalog material or an extra, with its pre-review mark.

    Replaced uploads stay as rows with ``is_current=False``. A ``tolerated`` row (容缺) has no file until
    :func:`~tongban.cases.services.do_supplement_material` supplies it.
    """

    case = models.ForeignKey(Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="materials")
    material = models.ForeignKey(
        "catalog.Material",
        verbose_name=_("目录材料"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("材料名称"), max_length=300)
    file = models.FileField(_("文件"), upload_to=case_material_upload_to, max_length=300, blank=True)
    original_name = models.CharField(_("原文件名"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"), default=0)
    content_type = models.CharField(_("文件类型"), max_length=100, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), null=True, blank=True)
    originals_checked = models.BooleanField(_("已核验原件"), default=False)
    review_status = models.CharField(
        _("预审结果"),
        max_length=20,
        choices=MaterialReviewStatus.choices,
        default=MaterialReviewStatus.PENDING,
    )
    review_reason = models.CharField(_("预审意见"), max_length=500, blank=True)
    is_current = models.BooleanField(_("现行"), default=True)
    tolerated = models.BooleanField(_("容缺"), default=False)
    supplied_at = models.DateTimeField(_("补交时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("办件材料")
        verbose_name_plural = _("办件材料")
        ordering = ["case", "material__order", "id"]
        indexes = [models.Index(fields=["case", "is_current"], name="casematerial_current_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def outstanding(self) -> bool:
        """True for a 容缺 material that has not been supplied yet."""
        return self.tolerated and self.supplied_at is None


class CaseTask(models.Model):
    """A review task (办理环节) in a department's inbox: a mirrored ready BPMN user task, a 加签 or a 核查.

    ``version`` increments on every change so two people acting on one task cannot both succeed
    (``do_complete_task`` locks the row and compares it).
    """

    case = models.ForeignKey(Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("类型"), max_length=20, choices=TaskKind.choices, default=TaskKind.FLOW)
    spiff_task_id = models.CharField(_("流程任务标识"), max_length=40, blank=True, db_index=True)
    step = models.CharField(_("环节标识"), max_length=60)
    name = models.CharField(_("环节名称"), max_length=100)
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("办理部门"),
        on_delete=models.PROTECT,
        related_name="case_tasks",
    )
    role = models.CharField(_("岗位"), max_length=30)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签收人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_tasks",
    )
    state = models.CharField(_("状态"), max_length=20, choices=TaskState.choices, default=TaskState.OPEN)
    due_date = models.DateField(_("环节期限"), null=True, blank=True)
    outcome = models.CharField(_("办理结果"), max_length=20, choices=TaskOutcome.choices, blank=True)
    opinion = models.TextField(_("办理意见"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("加签所属环节"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="added_signers",
    )
    created_at = models.DateTimeField(_("创建时间"))
    completed_at = models.DateTimeField(_("办理时间"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("版本"), default=1)

    class Meta:
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["department", "role", "state"], name="casetask_inbox_idx"),
            models.Index(fields=["assignee", "state"], name="casetask_assignee_idx"),
            models.Index(fields=["case", "state"], name="casetask_case_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.name}"

    @property
    def is_active(self) -> bool:
        return self.state in (TaskState.OPEN, TaskState.CLAIMED)


class ClockInterval(models.Model):
    """A recorded stop of a case's clock (补正 or 特别程序), with reason and actor (ARCHITECTURE §5.2)."""

    case = models.ForeignKey(
        Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="clock_intervals"
    )
    kind = models.CharField(_("类型"), max_length=30, choices=ClockIntervalKind.choices)
    procedure = models.CharField(
        _("特别程序种类"), max_length=30, choices=SpecialProcedureKind.choices, blank=True
    )
    reason = models.TextField(_("原因"), blank=True)
    expected_days = models.PositiveIntegerField(_("预计时长（工作日）"), null=True, blank=True)
    started_at = models.DateTimeField(_("开始时间"))
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("启动人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("结束人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    result = models.TextField(_("结果"), blank=True)

    class Meta:
        verbose_name = _("计时暂停")
        verbose_name_plural = _("计时暂停")
        ordering = ["case", "started_at", "id"]

    def __str__(self) -> str:
        return f"{self.case} {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class CaseExtension(models.Model):
    """A request to extend the deadline (延期, 行政许可法 §42: up to 10 working days with approval)."""

    case = models.ForeignKey(
        Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="extensions"
    )
    days = models.PositiveIntegerField(_("延长工作日"))
    reason = models.TextField(_("理由"))
    state = models.CharField(
        _("状态"), max_length=20, choices=ExtensionState.choices, default=ExtensionState.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("申请时间"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    note = models.TextField(_("审批意见"), blank=True)

    class Meta:
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        ordering = ["case", "requested_at"]

    def __str__(self) -> str:
        return f"{self.case} +{self.days}"


class Notice(models.Model):
    """A written notice (文书) issued on a case; the PDF is rendered lazily from ``content`` by the UI."""

    case = models.ForeignKey(Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("类型"), max_length=30, choices=NoticeKind.choices)
    number = models.CharField(_("文书编号"), max_length=40, unique=True)
    department = models.ForeignKey(
        "organizations.Department", verbose_name=_("出具部门"), on_delete=models.PROTECT, related_name="+"
    )
    content = models.JSONField(_("内容"), default=dict)
    created_at = models.DateTimeField(_("出具时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("出具人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["case", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class Decision(models.Model):
    """The decision (准予/不予) on a case, with reasons and remedies for a refusal."""

    case = models.OneToOneField(
        Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="decision"
    )
    approve = models.BooleanField(_("准予"))
    opinion = models.TextField(_("决定意见"), blank=True)
    reasons = models.TextField(_("不予许可理由"), blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    decided_at = models.DateTimeField(_("决定时间"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("决定人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    document_number = models.CharField(_("决定书编号"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("审批决定")
        verbose_name_plural = _("审批决定")

    def __str__(self) -> str:
        return self.document_number


class CaseNumberSequence(models.Model):
    """The last case number sequence used per region and day; locked to hand out the next one."""

    region_code = models.CharField(_("区划代码"), max_length=6)
    day = models.DateField(_("日期"))
    last = models.PositiveIntegerField(_("已用序号"), default=0)

    class Meta:
        verbose_name = _("办件编号序列")
        verbose_name_plural = _("办件编号序列")
        constraints = [
            models.UniqueConstraint(fields=["region_code", "day"], name="casenumberseq_unique_region_day")
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.day} {self.last}"
