"""Models of ``notifications``: the transactional outbox and the in-app inbox."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tongban.notifications.choices import Channel, OutboxStatus


class OutboxMessage(models.Model):
    """One message on one channel (发件箱, ARCHITECTURE §5.6), written in the transaction of the change it reports.

    Workers deliver rows after commit; a row is sent at most once per successful attempt because the worker locks
    it and checks ``status`` before sending. ``dedupe_key`` makes enqueueing the same event twice a no-op.
    ``case_number`` is the 办件编号 as text so this app does not depend on the ``cases`` models.
    """

    channel = models.CharField(_("渠道"), max_length=20, choices=Channel.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("接收人"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outbox_messages",
    )
    # An SMS to a person without an account (a window applicant the identity rules did not link).
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    event = models.CharField(_("事件"), max_length=80)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    case_number = models.CharField(_("办件编号"), max_length=40, blank=True, db_index=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次尝试时间"), default=timezone.now)
    last_error = models.CharField(_("最近错误"), max_length=500, blank=True)
    dedupe_key = models.CharField(_("去重键"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("待发消息")
        verbose_name_plural = _("待发消息")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_status_next_idx")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.title}"


class InboxMessage(models.Model):
    """An in-app message (站内消息) shown to one user; created by delivering an inbox-channel outbox row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="inbox_messages",
    )
    source = models.OneToOneField(
        OutboxMessage,
        verbose_name=_("来源"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbox_message",
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    case_number = models.CharField(_("办件编号"), max_length=40, blank=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("站内消息")
        verbose_name_plural = _("站内消息")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="inbox_user_read_idx")]

    def __str__(self) -> str:
        return self.title
