"""Written notices (文书) and the decision (审批决定) of a case."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import NoticeKind
from tongban.cases.models.case import Case


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
