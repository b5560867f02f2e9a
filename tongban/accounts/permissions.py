"""Who may do what: role grants over scopes (ARCHITECTURE §5.4) and the single ``user_can`` rule registry.

A :class:`~tongban.accounts.models.RoleGrant` carries a role and an optional department and/or region. A grant
with neither covers everything (a city-wide system role); with a department it covers that department; with a
region it covers that region's subtree (``Region.path`` prefix); with both, both must hold.

Grants are read once per user object and cached on it as ``user._tongban_grants`` so that a list page that asks
"may this user see this row" per row does not query per row. Services that change grants clear the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet

from tongban.accounts.choices import Role, UserKind
from tongban.accounts.models import RoleGrant
from tongban.organizations.models import Department, Region

Rule = Callable[[Any, Any], bool]

_RULES: dict[str, Rule] = {}
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
    departments = Department.objects.select_related("region")
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
            return Region.objects.all()
    return Region.objects.filter(condition)


def is_staff_user(user: Any) -> bool:
    """True for a signed-in staff member (a staff account, or any account holding a role grant)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.kind == UserKind.STAFF or user.is_superuser or bool(get_grants(user))


def register_rule(action: str, predicate: Rule) -> Rule:
    """Register ``predicate(user, obj) -> bool`` as the answer for ``action`` (e.g. ``catalog.edit_implementation``).

    Apps call this from ``AppConfig.ready()`` (or module import); registering an action twice replaces the rule.
    Returns the predicate so it can be used as a decorator via ``functools.partial``.
    """
    _RULES[action] = predicate
    return predicate


def rule(action: str) -> Callable[[Rule], Rule]:
    """Decorator form of :func:`register_rule`."""

    def decorator(predicate: Rule) -> Rule:
        return register_rule(action, predicate)

    return decorator


def user_can(user: Any, action: str, obj: Any = None) -> bool:
    """The single answer to "may ``user`` do ``action`` to ``obj``"; unknown actions and anonymous users are denied."""
    predicate = _RULES.get(action)
    if predicate is None or user is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.is_active:
        return False
    return bool(predicate(user, obj))


def registered_actions() -> list[str]:
    """The actions that have a rule, sorted (for the admin and tests)."""
    return sorted(_RULES)


@rule("accounts.manage_roles")
def _can_manage_roles(user: Any, obj: Any) -> bool:
    return user_has_role(user, Role.SYSTEM_ADMIN)


@rule("accounts.view_profile")
def _can_view_profile(user: Any, obj: Any) -> bool:
    return obj is not None and obj.pk == user.pk
