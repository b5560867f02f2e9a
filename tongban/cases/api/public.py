"""``/api/v1/public``: progress lookup by number and query code, without personal data."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tongban.cases import queries
from tongban.cases.access import limit_public_lookup
from tongban.cases.api.schemas import (
    PublicProgressSchema,
)
from tongban.core.api_schemas import PUBLIC_ERROR_RESPONSES

public_router = Router(tags=["public"])


@public_router.get(
    "/cases/{number}", response={200: PublicProgressSchema, **PUBLIC_ERROR_RESPONSES}, summary="办件进度查询"
)
def public_progress(request: HttpRequest, number: str, code: str = "") -> PublicProgressSchema:
    """Progress by case number and the query code printed on the receipt; 404 for a wrong pair, 429
    ``TOO_MANY_REQUESTS`` after too many lookups from one address or for one case number."""
    limit_public_lookup(request, number)
    return PublicProgressSchema(**queries.get_public_progress(number, code))
