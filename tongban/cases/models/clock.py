"""What moves a case's clock: recorded stops (计时暂停) and extension requests (延期)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import ClockIntervalKind, ExtensionState, SpecialProcedureKind
from tongban.cases.models.case import Case


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
