"""Elderly mode (大字版): a persistent preference read from a cookie and exposed as ``request.elderly_mode``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

ELDERLY_COOKIE = "tongban_elderly"


class ElderlyModeMiddleware:
    """Sets ``request.elderly_mode`` from the ``tongban_elderly`` cookie so templates can switch layouts."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.elderly_mode = request.COOKIES.get(ELDERLY_COOKIE) == "1"  # type: ignore[attr-defined]
        return self.get_response(request)
