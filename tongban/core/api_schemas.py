"""Schemas shared by every app's API: the error shape of ARCHITECTURE §5.8 and the error-response tables.

Use the tables in a route's ``response=``: ``{200: ThingSchema, **ERROR_RESPONSES}`` for an authenticated endpoint,
``**PUBLIC_ERROR_RESPONSES`` for an anonymous one. Whatever a route declares, :func:`document_platform_errors` adds
the errors that the platform itself may answer on any operation (400, 413, 414, 415, 431; 401 where a route needs
authentication), so that no operation's document omits them.
"""

from http import HTTPStatus
from typing import Any

from ninja import Schema


class ErrorSchema(Schema):
    """The error shape of ARCHITECTURE §5.8: a stable ``code``, a Chinese ``message``, ``fields`` by field name."""

    code: str
    message: str
    fields: dict[str, Any] = {}


# What each status means on this platform, with its codes (the descriptions appear in the OpenAPI document).
ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "请求有误：MALFORMED_REQUEST（无法解析、孤立代理码位、NaN/Infinity）、INVALID_CHARACTERS（控制字符）、"
    "FILE_NAME_TOO_LONG，或业务规则（fields 指明字段）",
    401: "未登录或令牌无效：NOT_AUTHENTICATED",
    403: "无权执行：PERMISSION_DENIED（含已登录会话缺少 CSRF 令牌）",
    404: "找不到该对象，或无权访问：NOT_FOUND",
    409: "与当前状态冲突：INVALID_STATE、CONFLICT 等",
    413: "请求内容过大：REQUEST_TOO_LARGE",
    414: "请求地址过长：URI_TOO_LONG",
    415: "请求内容类型不受支持：UNSUPPORTED_MEDIA_TYPE（JSON 请用 application/json）",
    422: "数据校验未通过：VALIDATION_ERROR、NUMBER_OUT_OF_RANGE 等（fields 指明字段）",
    429: "请求过于频繁：TOO_MANY_REQUESTS",
    431: "请求头过大或过多：HEADERS_TOO_LARGE",
}

# Responses every authenticated endpoint may give.
ERROR_RESPONSES: dict[int, type[Schema]] = {
    status: ErrorSchema for status in (400, 401, 403, 404, 409, 413, 415, 422, 429)
}
# Responses every anonymous (public) endpoint may give.
PUBLIC_ERROR_RESPONSES: dict[int, type[Schema]] = {
    status: ErrorSchema for status in (400, 404, 413, 415, 422, 429)
}

# Answered by the request guard or the API layer on any operation, whatever the route declares.
PLATFORM_STATUSES = (400, 413, 414, 431)
AUTH_STATUSES = (401,)  # operations with a security requirement


def document_platform_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the platform-wide error responses to every operation of an OpenAPI ``schema`` (in place; returned)."""
    ref = {"$ref": "#/components/schemas/ErrorSchema"}
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        "ErrorSchema", ErrorSchema.model_json_schema()
    )
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            statuses = list(PLATFORM_STATUSES)
            if method in ("post", "put", "patch", "delete"):
                statuses.append(415)  # any body of another media type, even where none is expected
            if "requestBody" in operation or operation.get("parameters"):
                statuses.append(422)
            if operation.get("security"):
                statuses += AUTH_STATUSES
            # ninja keys responses by int; JSON turns them into strings either way.
            responses = {str(status): response for status, response in operation["responses"].items()}
            for added in sorted(statuses):
                responses.setdefault(
                    str(added),
                    {
                        "description": ERROR_DESCRIPTIONS[added],
                        "content": {"application/json": {"schema": ref}},
                    },
                )
            for key, response in responses.items():
                # ninja writes the bare HTTP phrase ("Bad Request"); say which codes this platform answers.
                code = int(key) if key.isdigit() else 0
                if code in ERROR_DESCRIPTIONS and response.get("description") in (
                    "",
                    HTTPStatus(code).phrase,
                ):
                    response["description"] = ERROR_DESCRIPTIONS[code]
            operation["responses"] = dict(sorted(responses.items()))
    return schema
