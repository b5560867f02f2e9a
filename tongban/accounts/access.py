"""Who holds which role where: role grants over scopes (ARCHITECTURE §5.4), read by every app's ``access`` rules.

A :class:`~tongban.accounts.models.RoleGrant` carries a role and an optional department and/or region. A grant
with neither covers everything (a city-wide system role); with a department it covers that department; with a
region it covers that region's subtree (``Region.path`` prefix); with both, both must hold.

Grants are read once per user object and cached on it as ``user._tongban_grants`` so that a list page that asks
"may this user see this row" per row does not query per row. Services that change grants clear the cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from tongban.accounts.choices import Role, UserKind
from tongban.accounts.models import RoleGrant
from tongban.organizations.queries import all_departments, all_regions

if TYPE_CHECKING:
    from tongban.organizations.models import Department, Region

_CACHE_ATTR = "_tongban_grants"


def get_grants(user: Any) -> list[RoleGrant]:
    """All role grants of ``user`` (with department and region loaded), cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            RoleGrant.objects.filter(user_id=user.pk)
            .select_related(
                "department", "department__region", "region", "region__parent", "region__parent__parent"
            )
            .order_by("role", "id")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def clear_grant_cache(user: Any) -> None:
    """Forget the cached grants of ``user`` (called by the services that change grants)."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _role_value(role: Role | str) -> str:
    return role.value if isinstance(role, Role) else str(role)


def grant_covers(
    grant: RoleGrant, *, department: Department | None = None, region: Region | None = None
) -> bool:
    """True when ``grant`` reaches the given department and/or region.

    An argument left as ``None`` is not checked. When only a department is given, the department's own region
    is checked against a region-scoped grant, so a county-wide grant covers the departments of that county.
    """
    if department is not None and grant.department_id is not None and grant.department_id != department.pk:
        return False
    if region is None and department is not None:
        region = department.region
    if region is None or grant.region is None:
        return True
    return region.path.startswith(grant.region.path)


def user_has_role(
    user: Any, role: Role | str, *, department: Department | None = None, region: Region | None = None
) -> bool:
    """True when ``user`` holds ``role`` through a grant that covers ``department`` and ``region``."""
    wanted = _role_value(role)
    return any(
        grant.role == wanted and grant_covers(grant, department=department, region=region)
        for grant in get_grants(user)
    )


def _scope_filter(user: Any, role: Role | str, *, department_field: str, region_path_field: str) -> Q | None:
    """A Q that selects objects covered by any of the user's grants of ``role``; ``None`` means unrestricted."""
    wanted = _role_value(role)
    condition = Q(pk__in=[])
    for grant in get_grants(user):
        if grant.role != wanted:
            continue
        if grant.department_id is None and grant.region_id is None:
            return None
        part = Q()
        if grant.department_id is not None:
            part &= Q(**{department_field: grant.department_id})
        if grant.region is not None:
            part &= Q(**{f"{region_path_field}__startswith": grant.region.path})
        condition |= part
    return condition


def departments_for_role(user: Any, role: Role | str) -> QuerySet[Department]:
    """Departments covered by any of the user's grants of ``role`` (empty when none)."""
    condition = _scope_filter(user, role, department_field="pk", region_path_field="region__path")
    departments = all_departments()
    return departments if condition is None else departments.filter(condition)


def regions_for_role(user: Any, role: Role | str) -> QuerySet[Region]:
    """Regions covered by any of the user's grants of ``role``.

    A grant with only a department covers that department's region subtree (where its objects may lie).
    """
    wanted = _role_value(role)
    condition = Q(pk__in=[])
    for grant in get_grants(user):
        if grant.role != wanted:
            continue
        if grant.region is not None:
            condition |= Q(path__startswith=grant.region.path)
        elif grant.department is not None:
            condition |= Q(path__startswith=grant.department.region.path)
        else:
            return all_regions()
    return all_regions().filter(condition)


def is_staff_user(user: Any) -> bool:
    """True for a signed-in staff member (a staff account, or any account holding a role grant)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.kind == UserKind.STAFF or user.is_superuser or bool(get_grants(user))
