"""The per-region, per-day sequence behind case numbers (办件编号)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
