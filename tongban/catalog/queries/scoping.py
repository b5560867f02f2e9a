"""Scoping and access helpers of ``catalog``: which implementations and versions an administrator may touch.

One queryset method scopes every list (``fetch_implementations_for_admin``); the ``access_*`` helpers fetch and
authorise in one step and give the same NOT_FOUND for missing and forbidden (ARCHITECTURE §5.4).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tongban.catalog.choices import VersionStatus
from tongban.catalog.models import Implementation, ItemVersion
from tongban.core.errors import NOT_FOUND
from tongban.core.validators import parse_implementation_code
from tongban.organizations.choices import RegionLevel
from tongban.organizations.queries import fetch_departments


def _catalog_admin_grants(user: Any) -> list[Any]:
    """The user's catalog-administrator grants (role grants with department and region loaded)."""
    from tongban.accounts.access import get_grants
    from tongban.accounts.choices import Role

    if not getattr(user, "is_active", False):
        return []
    return [grant for grant in get_grants(user) if grant.role == Role.CATALOG_ADMIN]


def is_catalog_admin(user: Any) -> bool:
    """True for an active superuser or a holder of any catalog-administrator grant."""
    return bool(getattr(user, "is_superuser", False) and user.is_active) or bool(_catalog_admin_grants(user))


def _grant_scope(grant: Any, *, readable: bool) -> Q:
    """Implementations one grant covers.

    A city-level grant edits implementations whose region IS the city (county lists belong to the county) but
    may read everything below it; a county (or lower) grant edits its region and below. A department in the
    grant narrows it to that department.
    """
    q = Q()
    region = grant.region or (grant.department.region if grant.department_id else None)
    if region is not None:
        if region.level == RegionLevel.CITY and not readable:
            q &= Q(region=region)
        else:
            q &= Q(region__path__startswith=region.path)
    if grant.department_id:
        q &= Q(department_id=grant.department_id)
    return q


def _admin_q(user: Any, *, readable: bool) -> Q | None:
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    grants = _catalog_admin_grants(user)
    if not grants:
        return None
    q = Q(pk__in=[])
    for grant in grants:
        if grant.department_id is None and grant.region_id is None:
            return Q()  # a platform-wide grant
        q |= _grant_scope(grant, readable=readable)
    return q


def fetch_implementations_for_admin(user: Any, *, readable: bool = False) -> QuerySet[Implementation]:
    """Implementations ``user`` may edit as catalog administrator (or, with ``readable``, may view in the admin)."""
    q = _admin_q(user, readable=readable)
    qs = Implementation.objects.select_related("item", "department", "region", "current_version", "parent")
    if q is None:
        return qs.none()
    return qs.filter(q)


def user_can_edit_implementation(user: Any, implementation: Implementation) -> bool:
    """The ``catalog.edit_implementation`` rule: the implementation lies in one of the user's admin scopes."""
    return fetch_implementations_for_admin(user).filter(pk=implementation.pk).exists()


def access_implementation_for_edit(user: Any, code: str) -> Implementation:
    """The implementation with 实施编码 ``code`` if ``user`` may edit it; the same NOT_FOUND when missing or forbidden."""
    parsed = parse_implementation_code(code)
    implementation = fetch_implementations_for_admin(user).filter(code=parsed).first() if parsed else None
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def access_implementation_for_view(user: Any, code: str) -> Implementation:
    """Like :func:`access_implementation_for_edit`, but also the read-only scope of a city administrator."""
    parsed = parse_implementation_code(code)
    implementation = (
        fetch_implementations_for_admin(user, readable=True).filter(code=parsed).first() if parsed else None
    )
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def access_version_for_edit(user: Any, pk: Any) -> ItemVersion:
    """The guide version ``pk`` if its implementation is editable by ``user``; NOT_FOUND otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NOT_FOUND.error() from None
    version = (
        ItemVersion.objects.filter(pk=pk, implementation__in=fetch_implementations_for_admin(user))
        .select_related(
            "implementation__item",
            "implementation__department",
            "implementation__region",
            "implementation__parent__current_version",
            "flow_template",
        )
        .first()
    )
    if version is None:
        raise NOT_FOUND.error()
    return version


def access_version_for_view(user: Any, pk: Any) -> ItemVersion:
    """The guide version ``pk`` if its implementation is in ``user``'s readable admin scope; NOT_FOUND otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NOT_FOUND.error() from None
    version = (
        ItemVersion.objects.filter(
            pk=pk, implementation__in=fetch_implementations_for_admin(user, readable=True)
        )
        .select_related("implementation__item", "implementation__department", "implementation__region")
        .first()
    )
    if version is None:
        raise NOT_FOUND.error()
    return version


def fetch_items_addable_for_admin(user: Any) -> list[tuple[Any, Any, Any]]:
    """City implementations a county administrator can implement in their county: (city impl, county dept, region).

    For each county grant: city-published implementations of items the county does not implement yet whose
    city department has a counterpart of the same category in that county.
    """
    result = []
    for grant in _catalog_admin_grants(user):
        region = grant.region or (grant.department.region if grant.department_id else None)
        if region is None or region.level == RegionLevel.CITY:
            continue
        city_code = region.path.strip("/").split("/")[0]
        departments = {
            d.category: d
            for d in fetch_departments(region).exclude(category="")
            if not grant.department_id or d.pk == grant.department_id
        }
        implemented = set(Implementation.objects.filter(region=region).values_list("item_id", flat=True))
        city_impls = (
            Implementation.objects.filter(
                region__code=city_code, current_version__status=VersionStatus.PUBLISHED, is_active=True
            )
            .exclude(item_id__in=implemented)
            .select_related("item", "department")
            .order_by("item__name")
        )
        for impl in city_impls:
            dept = departments.get(impl.department.category)
            if dept is not None:
                result.append((impl, dept, region))
    return result
