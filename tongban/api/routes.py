"""The ``/api/v1`` django-ninja API: assembles each app's ``api.py`` router and maps errors to §5.8's shape."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import RawPostDataException
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from tongban.accounts.api import router as accounts_router
from tongban.api.platform import router as core_router
from tongban.cases.api import public_router as public_cases_router
from tongban.cases.api import router as cases_router
from tongban.cases.api import tasks_router
from tongban.catalog.api import router as catalog_router
from tongban.core.api_parser import StrictParser
from tongban.core.api_schemas import document_platform_errors
from tongban.core.apidocs import VendoredSwagger
from tongban.core.errors import (
    NOT_AUTHENTICATED,
    NOT_FOUND,
    UNSUPPORTED_MEDIA_TYPE,
    VALIDATION_ERROR,
    DomainError,
)
from tongban.licenses.api import router as licenses_router
from tongban.organizations.api import router as organizations_router
from tongban.signing.api import router as signing_router


class TongbanAPI(NinjaAPI):
    """``NinjaAPI`` whose OpenAPI document lists the platform-wide error responses on every operation."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document_platform_errors(schema)
        return schema


api = TongbanAPI(
    title="Tongban 通办 API",
    version="1",
    description=(
        "一体化网上政务服务平台接口。错误统一返回 {code, message, fields}。请求体须为 application/json"
        "（上传文件的接口为 multipart/form-data），字符串中不得含控制字符，数值须为有限数。"
    ),
    urls_namespace="api",
    docs_url="/docs",
    docs=VendoredSwagger(),
    parser=StrictParser(),
)

api.add_router("/auth", accounts_router)
api.add_router("/", core_router)
api.add_router("/", organizations_router)
api.add_router("/catalog", catalog_router)
api.add_router("/cases", cases_router)
api.add_router("/tasks", tasks_router)
api.add_router("/public", public_cases_router)
api.add_router("/licenses", licenses_router)
api.add_router("/signing", signing_router)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", []) if part not in ("body", "query", "path", "payload")]
        fields.setdefault(".".join(loc) or "__all__", []).append(str(error.get("msg", "")))
    return api.create_response(request, VALIDATION_ERROR.error(fields=fields).as_dict(), status=422)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, NOT_AUTHENTICATED.error().as_dict(), status=401)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, NOT_FOUND.error().as_dict(), status=404)


# ninja raises bare HttpErrors with English text (e.g. an unparsable body); users get a stable code and Chinese.
_HTTP_ERRORS = {
    400: ("MALFORMED_REQUEST", _("请求内容无法解析，请提交合法的 JSON 或表单数据。")),
    401: ("NOT_AUTHENTICATED", _("请先登录。")),
    403: ("PERMISSION_DENIED", _("您无权执行此操作。")),
    404: ("NOT_FOUND", _("找不到该对象，或您无权访问。")),
    405: ("METHOD_NOT_ALLOWED", _("不支持该请求方法。")),
    413: ("REQUEST_TOO_LARGE", _("请求内容过大，请减少内容或分次提交。")),
    415: (
        "UNSUPPORTED_MEDIA_TYPE",
        _("不支持该请求内容类型：请以 application/json 提交（上传文件的接口用 multipart/form-data）。"),
    ),
    429: ("TOO_MANY_REQUESTS", _("请求过于频繁，请稍后再试。")),
}


def _has_no_credentials(request: HttpRequest) -> bool:
    """Neither a signed-in session nor an ``Authorization`` header: the request is not authenticated at all."""
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated) and "Authorization" not in request.headers


@api.exception_handler(RawPostDataException)
def on_body_already_read(request: HttpRequest, exc: RawPostDataException) -> HttpResponse:
    # A JSON-body endpoint called with multipart: the guard parsed the stream as form data, so it is not JSON.
    return on_domain_error(request, UNSUPPORTED_MEDIA_TYPE.error())


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, DomainError):
        # ninja wraps whatever our parser raised into "400 Cannot parse request body"; keep our code and status.
        return on_domain_error(request, exc.__cause__)
    if exc.status_code == 403 and _has_no_credentials(request):
        # ninja's session auth fails its CSRF check before it finds no session; with no credentials of any kind
        # the truthful answer is 401, as a GET gets (a signed-in session without its CSRF token still gets 403).
        return on_auth_error(request, AuthenticationError())
    code, message = _HTTP_ERRORS.get(exc.status_code, ("HTTP_ERROR", _("请求无法处理。")))
    return api.create_response(
        request, {"code": code, "message": str(message), "fields": {}}, status=exc.status_code
    )
