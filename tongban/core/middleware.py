"""Request-level guards and security headers that apply to every page and endpoint at once.

:class:`SecurityHeadersMiddleware` sets the Content-Security-Policy and Permissions-Policy (no exemptions: the API
docs page is served from vendored files too). :class:`RequestGuardMiddleware` refuses bad input before any view
runs — control characters in the path, the query, any form field or JSON string, lone surrogates and non-finite
numbers in JSON, bodies of an unsupported type on the API, oversized bodies, over-long upload file names, URLs and
headers — so no view has to repeat these checks, and PostgreSQL never sees a NUL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongban.core import errors
from tongban.core.errors import DomainError, ErrorDef
from tongban.core.inputcheck import (
    CONTROL_CHARACTER,
    NON_FINITE,
    OUT_OF_RANGE,
    SURROGATE,
    TOO_DEEP,
    InputRefused,
    loads_strict,
    text_problem,
)

# Everything is vendored and served from our own origin (government intranets have no internet).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)

API_PREFIX = "/api/"
# Below gunicorn's own limits (see tongban/gunicorn_conf.py), so that Django answers with the platform's shape.
MAX_URL_LENGTH = 4096
MAX_HEADER_FIELD_BYTES = 8190
MAX_HEADER_FIELDS = 100
MAX_UPLOAD_NAME_CHARS = 200
JSON_TYPES = ("application/json",)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def refusal_response(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The error as §5.8's JSON shape on API paths, and as the 400 error page (with the message) elsewhere."""
    if _is_api(request):
        return JsonResponse(error.as_dict(), status=error.status, json_dumps_params={"ensure_ascii": False})
    try:
        return render(request, "400.html", {"error_message": error.message}, status=error.status)
    except Exception:  # the error page must never fail; plain text says the same
        return HttpResponse(str(error.message), status=error.status, content_type="text/plain; charset=utf-8")


def _field_error(definition: ErrorDef, field: str, message: str) -> DomainError:
    return definition.error(message, fields={field or "__all__": [message]})


def _text_refusal(problem: str, field: str) -> DomainError:
    if problem == SURROGATE:
        message = _("字段“%(field)s”含有无法识别的字符（孤立的代理码位），请检查后重新提交。") % {
            "field": field
        }
        return _field_error(errors.MALFORMED_REQUEST, field, message)
    message = _("字段“%(field)s”含有不允许的控制字符（如空字符），请删除后重新提交。") % {"field": field}
    return _field_error(errors.INVALID_CHARACTERS, field, message)


def json_refusal(exc: InputRefused) -> DomainError:
    """The platform error for a refused JSON body (shared with the API's parser)."""
    field = exc.field or "__all__"
    if exc.kind in (CONTROL_CHARACTER, SURROGATE):
        return _text_refusal(exc.kind, field)
    if exc.kind == OUT_OF_RANGE:
        message = _("字段“%(field)s”的数值超出可表示的范围，请填写有限的数字。") % {"field": field}
        return _field_error(errors.NUMBER_OUT_OF_RANGE, field, message)
    if exc.kind == NON_FINITE:
        return errors.MALFORMED_REQUEST.error(_("请求内容不是合法的 JSON：不接受 NaN 和 Infinity。"))
    if exc.kind == TOO_DEEP:
        return errors.MALFORMED_REQUEST.error(_("请求内容嵌套层级过深。"))
    return errors.MALFORMED_REQUEST.error(_("请求内容无法解析：不是合法的 JSON（须为 UTF-8 编码）。"))


def media_type(request: HttpRequest) -> str:
    """The request's media type without parameters, lower-cased (``""`` when absent)."""
    return (request.content_type or "").split(";")[0].strip().lower()


def is_json_type(kind: str) -> bool:
    return kind in JSON_TYPES or (kind.startswith("application/") and kind.endswith("+json"))


class RequestGuardMiddleware:
    """Refuses malformed or dangerous input for every view and endpoint, in one place, before any view runs.

    Paths and queries: NUL anywhere (and any control character in the path). Form bodies: control characters
    (except tab, CR, LF) in any field name or value and in upload file names; over-long file names. JSON bodies:
    parsed strictly once (:func:`~tongban.core.inputcheck.loads_strict`); the result is kept on the request for the
    API's parser. API bodies of any other media type: 415. Oversized bodies: 413. Multipart file *contents* are not
    inspected (they are checked by type sniffing where they are stored).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            self.check(request)
        except DomainError as error:
            return refusal_response(request, error)
        return self.get_response(request)

    def check(self, request: HttpRequest) -> None:
        self._check_envelope(request)
        self._check_query(request)
        if request.method in BODY_METHODS:
            self._check_body(request)

    def _check_envelope(self, request: HttpRequest) -> None:
        if len(request.get_full_path()) > MAX_URL_LENGTH:
            raise errors.URI_TOO_LONG.error()
        headers = [(k, v) for k, v in request.META.items() if k.startswith("HTTP_")]
        if len(headers) > MAX_HEADER_FIELDS or any(
            len(k) + len(str(v)) > MAX_HEADER_FIELD_BYTES for k, v in headers
        ):
            raise errors.HEADERS_TOO_LARGE.error()
        # The address is not user-typed text: a control character there is a malformed request (as before).
        if any(ord(ch) < 32 or ch == "\x7f" for ch in request.path):
            raise errors.MALFORMED_REQUEST.error(_("请求地址或参数中含有非法字符。"))

    def _check_query(self, request: HttpRequest) -> None:
        for key, values in request.GET.lists():
            for value in (key, *values):
                problem = text_problem(value)
                # Queries refuse NUL only: a search box may carry a pasted form feed or a line break harmlessly.
                if problem == SURROGATE or "\x00" in value:
                    raise _field_error(errors.MALFORMED_REQUEST, key, _("请求地址或参数中含有非法字符。"))

    def _check_body(self, request: HttpRequest) -> None:
        limit = int(getattr(settings, "TONGBAN_REQUEST_MAX_BYTES", 0) or 0)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError as exc:
            raise errors.MALFORMED_REQUEST.error() from exc
        if limit and length > limit:
            raise errors.REQUEST_TOO_LARGE.error()
        kind = media_type(request)
        try:
            if kind in FORM_TYPES:
                self._check_form(request)
            elif is_json_type(kind):
                if request.body:
                    try:
                        request._tongban_json = loads_strict(request.body)  # type: ignore[attr-defined]
                    except InputRefused as exc:
                        raise json_refusal(exc) from exc
            elif _is_api(request) and (length > 0 or request.body):
                raise errors.UNSUPPORTED_MEDIA_TYPE.error()
        except RequestDataTooBig as exc:
            raise errors.REQUEST_TOO_LARGE.error() from exc
        except TooManyFieldsSent as exc:
            raise errors.REQUEST_TOO_LARGE.error(_("提交的字段过多。")) from exc
        except MultiPartParserError as exc:
            raise errors.MALFORMED_REQUEST.error() from exc

    def _check_form(self, request: HttpRequest) -> None:
        for key, values in request.POST.lists():
            for value in (key, *values):
                problem = text_problem(value)
                if problem:
                    raise _text_refusal(problem, key)
        for key, files in request.FILES.lists():
            for uploaded in files:
                name = uploaded.name or ""
                problem = text_problem(name) or text_problem(key)
                if problem:
                    raise _text_refusal(problem, key)
                # Django cuts names at 255 characters, so anything this long was probably longer still.
                if len(name) > MAX_UPLOAD_NAME_CHARS:
                    message = errors.FILE_NAME_TOO_LONG.message % {"limit": MAX_UPLOAD_NAME_CHARS}
                    raise _field_error(errors.FILE_NAME_TOO_LONG, key, str(message))


def strict_json(request: HttpRequest) -> Any:
    """The request's JSON body as the guard parsed it, or parsed strictly now (for callers outside the stack)."""
    if hasattr(request, "_tongban_json"):
        return request._tongban_json
    try:
        return loads_strict(request.body)
    except InputRefused as exc:
        raise json_refusal(exc) from exc


def mark_personal(request: HttpRequest) -> None:
    """Mark a response as personal (e.g. an anonymous case-progress result) so it gets ``no-store`` too."""
    request.tongban_personal = True  # type: ignore[attr-defined]


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every API reply, every reply to a signed-in user, and personal pages.

    Hall kiosks and shared computers must not keep a copy of someone's page in the browser or a proxy cache.
    Public pages for anonymous visitors stay cacheable. Views mark other personal pages with
    :func:`mark_personal`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/api/")
            or getattr(request, "tongban_personal", False)
            or (user is not None and user.is_authenticated)
        ):
            response.headers["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response
