"""The case (办件) row and its queryset, which scopes every case list to a user (STYLE point 3)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongban.accounts.access import get_grants
from tongban.accounts.choices import Role
from tongban.accounts.queries import active_authorizations
from tongban.cases.choices import ApplicantKind, CaseState, Channel, DeliveryMode
from tongban.core.models import TimeStampedModel

STAFF_CASE_ROLES = (Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.SUPERVISOR)


def _signed_in(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", True)


def applicant_condition(user: Any) -> Q:
    """Cases ``user`` sees as applicant: their own, acted on as agent/proxy, or held through an authorisation.

    Not ``created_by``: a clerk who took in a case at the window reaches it through the clerk role.
    """
    rows = list(active_authorizations(user).values_list("enterprise_id", "principal_id"))
    enterprises = [e for e, _p in rows if e is not None]
    principals = [p for _e, p in rows if p is not None]
    condition = Q(applicant_user=user) | Q(agent=user)
    if enterprises:
        condition |= Q(enterprise_id__in=enterprises)
    if principals:
        condition |= Q(applicant_user_id__in=principals)
    return condition


def staff_condition(user: Any) -> Q:
    """Cases in the scope of the user's staff roles (never drafts); a grant without scope covers every case.

    A parallel review department also sees the cases it has (had) a task on.
    """
    from tongban.cases.models.task import CaseTask

    condition = Q(pk__in=[])
    for grant in get_grants(user):
        if grant.role not in STAFF_CASE_ROLES:
            continue
        if grant.department_id is None and grant.region_id is None:
            return ~Q(state=CaseState.DRAFT)
        part = Q()
        if grant.department_id is not None:
            part &= Q(department_id=grant.department_id) | Q(
                pk__in=CaseTask.objects.filter(department_id=grant.department_id).values("case_id")
            )
        if grant.region is not None:
            part &= Q(region_path__startswith=grant.region.path)
        condition |= part
    return condition & ~Q(state=CaseState.DRAFT)


class CaseQuerySet(models.QuerySet["Case"]):
    """Querysets of cases: the one place that scopes a list to a user (STYLE point 3, ARCHITECTURE §5.4)."""

    def for_applicant(self, user: Any) -> CaseQuerySet:
        """The cases ``user`` sees as applicant (own, as agent/proxy, through an active authorisation)."""
        if not _signed_in(user):
            return self.none()
        return self.filter(applicant_condition(user))

    def for_staff(self, user: Any) -> CaseQuerySet:
        """The cases in the scope of ``user``'s staff roles (never drafts); everything for a superuser."""
        if not _signed_in(user):
            return self.none()
        if user.is_superuser:
            return self.exclude(state=CaseState.DRAFT)
        return self.filter(staff_condition(user))

    def visible_to(self, user: Any) -> CaseQuerySet:
        """Cases ``user`` may see: as applicant, or in a staff role's scope; a superuser sees every case."""
        if not _signed_in(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(applicant_condition(user) | staff_condition(user))


class Case(TimeStampedModel):
    """A case (办件): one application for one published item version, from draft to 办结.

    Its state changes only through the services in :mod:`tongban.cases.services`, which consult
    :data:`tongban.cases.transitions.TRANSITIONS`. ``number`` is assigned on submission; until then the case is
    addressed by ``public_id``. ``deadline`` is derived by :mod:`tongban.cases.engine.clock` and stored only for indexing.
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
    # The phone given at the window: notices go there by SMS when no account is linked to the case.
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        on_delete=models.PROTECT,
        related_name="cases_created",
    )
    idempotency_key = models.CharField(_("幂等键"), max_length=100, blank=True)
    # SHA-256 of the creating request (see services.applying.request_fingerprint): a retry with the same key
    # must be the same request, else it is refused instead of silently answering with this case.
    idempotency_hash = models.CharField(_("幂等请求摘要"), max_length=64, blank=True)
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
    # Computed through a year whose holiday notice is not entered yet (statutory holidays only, ADR 0002): the
    # date may still move when the notice is entered; pages show "（暂按法定节日计算）" beside it.
    acceptance_deadline_provisional = models.BooleanField(_("受理期限为暂定"), default=False)
    deadline_provisional = models.BooleanField(_("办结期限为暂定"), default=False)
    supplement_deadline = models.DateField(_("容缺材料补交期限"), null=True, blank=True)
    # The working days granted for the supplement at acceptance, so the date can be recounted (ADR 0002).
    supplement_days = models.PositiveSmallIntegerField(_("容缺补交期限（工作日）"), null=True, blank=True)
    supplement_deadline_provisional = models.BooleanField(_("容缺补交期限为暂定"), default=False)

    delivery_mode = models.CharField(_("送达方式"), max_length=20, choices=DeliveryMode.choices, blank=True)
    tracking_number = models.CharField(_("快递单号"), max_length=50, blank=True)
    pickup_code = models.CharField(_("取件码"), max_length=8, blank=True)
    pickup_code_sent_at = models.DateTimeField(_("取件码发送时间"), null=True, blank=True)
    # Wrong pickup codes in a row, and the lock they earned (do_deliver_case); reset by the hand-out.
    pickup_failed_attempts = models.PositiveSmallIntegerField(_("取件码连续错误次数"), default=0)
    pickup_locked_until = models.DateTimeField(_("取件码锁定至"), null=True, blank=True)
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
