"""The ``/api/v1/docs`` page: Swagger UI from the vendored ``swagger-ui-dist`` (``static/vendor/swagger-ui/``).

No CDN and no inline script, so the page runs under the platform's ordinary Content-Security-Policy: the settings
travel as a JSON data block and ``static/js/api-docs.js`` starts Swagger UI with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI


class VendoredSwagger(DocsBase):
    """A django-ninja docs renderer that serves Swagger UI from our own static files."""

    template = "core/api_docs.html"

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings: dict[str, Any] = {"layout": "BaseLayout", "deepLinking": True, **(settings or {})}

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {"swagger_settings": settings, "api": api}
        return render(request, self.template, context)
