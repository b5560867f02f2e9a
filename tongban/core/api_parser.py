"""The django-ninja parser of ``/api/v1``: JSON bodies parsed strictly, and only under a JSON media type.

A JSON body arrives here already parsed by :class:`~tongban.core.middleware.RequestGuardMiddleware` (which refused
control characters, lone surrogates, ``NaN``/``Infinity`` and numbers too large for a double); outside that stack
the same strict parser runs here. A body endpoint called with a form or any other media type answers 415, and a
form or upload endpoint called with JSON answers 415 too, instead of parsing whatever arrived.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser

from tongban.core.errors import UNSUPPORTED_MEDIA_TYPE
from tongban.core.middleware import FORM_TYPES, is_json_type, media_type, strict_json


class StrictParser(Parser):
    """ninja's ``Parser`` with strict JSON and media-type checks (415 ``UNSUPPORTED_MEDIA_TYPE``)."""

    def parse_body(self, request: HttpRequest) -> Any:
        # ninja parses each field of a multipart request through a bare stand-in request without headers.
        real_request = "CONTENT_TYPE" in request.META or "CONTENT_LENGTH" in request.META
        if real_request and not is_json_type(media_type(request)):
            raise UNSUPPORTED_MEDIA_TYPE.error()
        return strict_json(request)

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        is_body = data is getattr(request, "_post", None) or data is getattr(request, "_files", None)
        if is_body and media_type(request) not in FORM_TYPES:
            raise UNSUPPORTED_MEDIA_TYPE.error()
        return super().parse_querydict(data, list_fields, request)
