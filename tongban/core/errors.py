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
CALENDAR_DATE_OUT_OF_RANGE = ErrorDef(
    "CALENDAR_DATE_OUT_OF_RANGE", _("只能计算2000年至2100年之间的工作日。"), status=400
)
CALENDAR_YEAR_OUT_OF_RANGE = ErrorDef(
    "CALENDAR_YEAR_OUT_OF_RANGE", _("年份须在2000年至2100年之间。"), status=400
)
CALENDAR_BAD_DATE = ErrorDef(
    "CALENDAR_BAD_DATE", _("日期格式应为 YYYY-MM-DD，且须为真实存在的日期。"), status=422
)
CALENDAR_DAYS_OUT_OF_RANGE = ErrorDef(
    "CALENDAR_DAYS_OUT_OF_RANGE", _("工作日数须为 0 至 1000 之间的整数。"), status=422
)

# Malformed or refused requests, answered by the request guard (``core.middleware``) and the API parser.
MALFORMED_REQUEST = ErrorDef(
    "MALFORMED_REQUEST", _("请求内容无法解析，请提交合法的 JSON 或表单数据。"), status=400
)
INVALID_CHARACTERS = ErrorDef(
    "INVALID_CHARACTERS", _("提交的内容含有不允许的控制字符（如空字符），请删除后重新提交。"), status=400
)
NUMBER_OUT_OF_RANGE = ErrorDef(
    "NUMBER_OUT_OF_RANGE", _("数值超出可表示的范围，请填写有限的数字。"), status=422
)
UNSUPPORTED_MEDIA_TYPE = ErrorDef(
    "UNSUPPORTED_MEDIA_TYPE",
    _("不支持该请求内容类型：请以 application/json 提交（上传文件的接口用 multipart/form-data）。"),
    status=415,
)
REQUEST_TOO_LARGE = ErrorDef("REQUEST_TOO_LARGE", _("请求内容过大，请减少内容或分次提交。"), status=413)
FILE_NAME_TOO_LONG = ErrorDef(
    "FILE_NAME_TOO_LONG", _("文件名过长，请改短（不超过 %(limit)s 个字符）后重新上传。"), status=400
)
URI_TOO_LONG = ErrorDef("URI_TOO_LONG", _("请求地址过长。"), status=414)
HEADERS_TOO_LARGE = ErrorDef("HEADERS_TOO_LARGE", _("请求头过大或过多。"), status=431)
# Reading a State Council holiday notice (``tongban.core.calendar_notice``). ``fields`` carries ``line`` (1-based)
# and ``text`` (the line as pasted) whenever the error is about one line.
CALENDAR_NOTICE_EMPTY = ErrorDef(
    "CALENDAR_NOTICE_EMPTY", _("通知中没有找到任何放假安排（如“一、元旦：1月1日放假……”）。"), status=422
)
CALENDAR_NOTICE_UNREADABLE_LINE = ErrorDef(
    "CALENDAR_NOTICE_UNREADABLE_LINE", _("通知中有一行无法识别。"), status=422
)
CALENDAR_NOTICE_BAD_DATE = ErrorDef("CALENDAR_NOTICE_BAD_DATE", _("通知中有不存在的日期。"), status=422)
CALENDAR_NOTICE_DAY_CONFLICT = ErrorDef(
    "CALENDAR_NOTICE_DAY_CONFLICT", _("同一天在通知中既是放假日又是上班日。"), status=422
)
CALENDAR_NOTICE_YEAR_UNKNOWN = ErrorDef(
    "CALENDAR_NOTICE_YEAR_UNKNOWN",
    _(
        "无法从通知中看出年份，请填写年份，或连同标题（“国务院办公厅关于××××年部分节假日安排的通知”）一并粘贴。"
    ),
    status=422,
)
CALENDAR_NOTICE_YEAR_MISMATCH = ErrorDef(
    "CALENDAR_NOTICE_YEAR_MISMATCH", _("填写的年份与通知标题中的年份不一致。"), status=422
)
TOO_MANY_REQUESTS = ErrorDef("TOO_MANY_REQUESTS", _("操作过于频繁，请稍后再试。"), status=429)
