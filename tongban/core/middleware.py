"""Security headers that Django's SecurityMiddleware does not set (CSP, permissions policy)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

# Everything is vendored and served from our own origin (government intranets have no internet).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            return response  # Swagger UI ships inline scripts; the docs page is read-only.
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


_PATH_CONTROL_CHARACTERS = {chr(c) for c in range(32)} | {"\x7f"}


class RejectControlCharactersMiddleware:
    """Answers 400 to a request whose path or query carries a NUL (or, in the path, any control character).

    PostgreSQL cannot store NUL in text and raises on a query that contains one, so such values must never
    reach the ORM; refusing them here protects every view and endpoint at once instead of each lookup.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_control_characters(request):
            message = _("请求地址或参数中含有非法字符。")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"code": "MALFORMED_REQUEST", "message": message, "fields": {}}, status=400
                )
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _has_control_characters(request: HttpRequest) -> bool:
    if any(ch in _PATH_CONTROL_CHARACTERS for ch in request.path):
        return True
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return True
    return False


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
