"""Stable error codes and the one exception type that carries them to users (ARCHITECTURE §5.7).

Each app declares its errors in its own ``errors.py`` as :class:`ErrorDef` constants::

    ITEM_VERSION_IMMUTABLE = ErrorDef("ITEM_VERSION_IMMUTABLE", _("已发布的版本不可修改。"), status=409)
    raise ITEM_VERSION_IMMUTABLE.error()

The API turns a :class:`DomainError` into ``{"code", "message", "fields"}`` with the status; views show the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refusal the user can understand: a stable ``code``, a translated ``message``, optional per-field errors."""

    def __init__(
        self,
        code: str,
        message: str | Promise,
        *,
        status: int = 400,
        fields: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.fields = fields or {}

    def as_dict(self) -> dict[str, Any]:
        """The error shape of ARCHITECTURE §5.8."""
        return {"code": self.code, "message": str(self.message), "fields": _stringify(self.fields)}


def _stringify(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _stringify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stringify(v) for v in value]
    if isinstance(value, Promise):
        return str(value)
    return value


@dataclass(frozen=True)
class ErrorDef:
    """A declared error: code, default message and HTTP status."""

    code: str
    message: str | Promise
    status: int = 400

    def error(
        self, message: str | Promise | None = None, *, fields: dict[str, Any] | None = None
    ) -> DomainError:
        """Build the exception to raise, optionally with a more specific message or field errors."""
        return DomainError(self.code, message or self.message, status=self.status, fields=fields)


# Errors shared by every app.
NOT_FOUND = ErrorDef("NOT_FOUND", _("找不到该对象，或您无权访问。"), status=404)
PERMISSION_DENIED = ErrorDef("PERMISSION_DENIED", _("您无权执行此操作。"), status=403)
NOT_AUTHENTICATED = ErrorDef("NOT_AUTHENTICATED", _("请先登录。"), status=401)
VALIDATION_ERROR = ErrorDef("VALIDATION_ERROR", _("提交的数据有误，请检查后重试。"), status=422)
CONFLICT = ErrorDef("CONFLICT", _("该对象已被他人修改，请刷新后重试。"), status=409)
INVALID_STATE = ErrorDef("INVALID_STATE", _("当前状态下不能执行此操作。"), status=409)

# Errors of ``core`` itself.
CALENDAR_YEAR_MISSING = ErrorDef(
    "CALENDAR_YEAR_MISSING", _("尚未录入该年度的节假日安排，无法计算工作日。"), status=400
)
CALENDAR_BAD_DATE = ErrorDef(
    "CALENDAR_BAD_DATE", _("日期格式应为 YYYY-MM-DD，且须为真实存在的日期。"), status=422
)
CALENDAR_DAYS_OUT_OF_RANGE = ErrorDef(
    "CALENDAR_DAYS_OUT_OF_RANGE", _("工作日数须为 0 至 1000 之间的整数。"), status=422
)
TOO_MANY_REQUESTS = ErrorDef("TOO_MANY_REQUESTS", _("操作过于频繁，请稍后再试。"), status=429)
