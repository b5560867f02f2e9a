"""Base models and the platform-wide tables owned by ``core``: the ledger, the holiday calendar, worker heartbeats."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.core.choices import HolidayKind


class TimeStampedModel(models.Model):
    """Abstract base with creation and modification timestamps (UTC, shown in Asia/Shanghai)."""

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class LedgerAppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete a ledger row."""


class LedgerEntry(models.Model):
    """One link of the append-only, hash-chained ledger (一链监管, ARCHITECTURE §5.3).

    ``hash = SHA-256(prev_hash || canonical(entry))``. Rows are only ever inserted, by
    :func:`tongban.core.services.append_ledger_entry`, inside the transaction of the change they record.
    """

    seq = models.BigIntegerField(_("序号"), unique=True)
    created_at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("操作人说明"), max_length=200, blank=True)
    action = models.CharField(_("动作"), max_length=80, db_index=True)
    object_type = models.CharField(_("对象类型"), max_length=80)
    object_id = models.CharField(_("对象标识"), max_length=80)
    data = models.JSONField(_("变更摘要"), default=dict)
    prev_hash = models.CharField(_("前一哈希"), max_length=64)
    hash = models.CharField(_("哈希"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("账本记录")
        verbose_name_plural = _("账本记录")
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id", "seq"], name="ledger_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise LedgerAppendOnlyError("ledger entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise LedgerAppendOnlyError("ledger entries cannot be deleted")


class LedgerHead(models.Model):
    """Single row holding the chain's last sequence number and hash; locked to serialise appends."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # When the last signed checkpoint was written: lets an append see that one is an hour overdue without a query.
    checkpointed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("账本链头")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class LedgerCheckpoint(models.Model):
    """A signed checkpoint (账本签名检查点): the platform's signature over the chain head at entry ``seq``.

    Like Certificate Transparency's signed tree heads: whoever keeps a copy can later prove that the entries up
    to ``seq`` still hash to ``head_hash``, so a rewrite by someone with database access (who can recompute every
    hash but cannot sign) is caught. The signed text is :func:`tongban.core.checkpoints.checkpoint_message`.
    Rows are only inserted, by :mod:`tongban.core.checkpoints`; the ORM and database triggers refuse changes.
    """

    seq = models.BigIntegerField(_("账本序号"), unique=True)
    head_hash = models.CharField(_("链头哈希"), max_length=64)
    created_at = models.DateTimeField(_("签署时间"))
    platform = models.CharField(_("平台"), max_length=200)
    kid = models.CharField(_("密钥标识"), max_length=100)
    alg = models.CharField(_("算法"), max_length=20)
    signature = models.TextField(_("签名"))

    class Meta:
        verbose_name = _("账本签名检查点")
        verbose_name_plural = _("账本签名检查点")
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.head_hash[:12]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise LedgerAppendOnlyError("ledger checkpoints cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise LedgerAppendOnlyError("ledger checkpoints cannot be deleted")


class Holiday(TimeStampedModel):
    """A listed calendar day (法定节假日 or 调休上班日) from a State Council notice.

    ``notice_year`` is the year of the notice that lists the day; it differs from the day's own year only when
    a notice reaches across New Year (e.g. a 2019 notice listing 2018-12-29 as a workday). Entering a notice
    again replaces exactly the days of that notice.
    """

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=HolidayKind.choices)
    name = models.CharField(_("名称"), max_length=50, blank=True)
    source = models.CharField(_("依据通知"), max_length=200, blank=True)
    notice_year = models.PositiveSmallIntegerField(_("通知年度"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"


class CalendarYear(models.Model):
    """A year whose holiday notice (放假通知) has been entered; every other year is provisional (暂定).

    Written only by :func:`tongban.core.services.do_enter_calendar_notice` (or the seed), which also keeps the
    pasted notice text for audit.
    """

    year = models.PositiveSmallIntegerField(_("年份"), primary_key=True)
    source = models.CharField(_("依据通知"), max_length=300, blank=True)
    notice_text = models.TextField(_("通知原文"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("录入时间"), null=True, blank=True)

    # Not stored: set by do_enter_calendar_notice to what the registered listeners recomputed.
    recomputed: int = 0

    class Meta:
        verbose_name = _("已录入年度")
        verbose_name_plural = _("已录入年度")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background job worker (``tongban worker``), read by the health endpoint.

    The worker upserts its row between tasks and while idle; a row whose ``beat_at`` is older than
    ``TONGBAN_WORKER_STALE_SECONDS`` means that worker is dead or stuck. Rows of stopped workers are removed on a
    clean shutdown and left in place (stale) after a crash. Backups leave these rows out.
    """

    worker_id = models.CharField(_("进程标识"), max_length=64, primary_key=True)
    hostname = models.CharField(_("主机"), max_length=255)
    pid = models.PositiveIntegerField(_("进程号"))
    started_at = models.DateTimeField(_("启动时间"))
    beat_at = models.DateTimeField(_("最近心跳"), db_index=True)

    class Meta:
        verbose_name = _("后台任务进程心跳")
        verbose_name_plural = _("后台任务进程心跳")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"
