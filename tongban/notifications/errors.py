"""Stable error codes of ``notifications``."""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import ErrorDef

MESSAGE_NOT_FOUND = ErrorDef("MESSAGE_NOT_FOUND", _("找不到该消息。"), status=404)
UNKNOWN_CHANNEL = ErrorDef("NOTIFICATION_UNKNOWN_CHANNEL", _("不支持的消息渠道。"), status=400)
