"""Shared pieces of the catalog's staff views: the admin-only decorator and small helpers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from tongban.catalog import queries
from tongban.catalog.models import ItemVersion
from tongban.catalog.services import OPEN_STATUSES
from tongban.core.errors import NOT_FOUND, DomainError


def catalog_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in users only (others go to the login page); users without a catalog scope get a 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not queries.is_catalog_admin(request.user):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            if exc.code == NOT_FOUND.code:
                raise Http404 from exc
            raise

    return wrapper


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def parent_version(version: ItemVersion) -> ItemVersion | None:
    """The published version of the city implementation a county version derives from, if any."""
    parent = version.implementation.parent
    return parent.current_version if parent is not None else None


def diff_base(version: ItemVersion, base_pk: str = "") -> ItemVersion | None:
    """What ``version`` is compared with: ``base_pk`` if it is of this or the parent implementation, else the
    latest earlier non-open version of the same implementation, else the parent's published version."""
    implementation = version.implementation
    candidates = ItemVersion.objects.filter(
        implementation__in=[implementation.pk, implementation.parent_id or 0]
    )
    base = candidates.filter(pk=int(base_pk)).first() if base_pk.isdigit() else None
    if base is None:
        base = (
            candidates.filter(implementation=implementation, number__lt=version.number)
            .exclude(status__in=OPEN_STATUSES)
            .order_by("-number")
            .first()
        )
    return base if base is not None else parent_version(version)
