"""Enumerations owned by ``notifications``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a notification reaches its recipient."""

    INBOX = "inbox", _("站内消息")  # an InboxMessage row shown on the in-app message page
    EMAIL = "email", _("电子邮件")  # django.core.mail to the user's e-mail address
    SMS = "sms", _("短信")  # the configured SMS adapter (TONGBAN_SMS_BACKEND) to the user's phone
    WEBHOOK = "webhook", _("接口推送")  # a push to an integrator's endpoint


class OutboxStatus(models.TextChoices):
    """Delivery state of one outbox row."""

    PENDING = (
        "pending",
        _("待发送"),
    )  # waiting for a worker, possibly after a failed attempt (next_attempt_at)
    SENT = "sent", _("已发送")  # delivered; never sent again
    SKIPPED = "skipped", _("无需发送")  # no address on the channel (no e-mail, no phone); never retried
    FAILED = "failed", _("发送失败")  # gave up after the maximum number of attempts
