"""Staff accounts and their role grants (ADR 0004)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from tongban.accounts import errors, events
from tongban.accounts.access import clear_grant_cache
from tongban.accounts.choices import Role, UserKind
from tongban.accounts.models import RoleGrant, User
from tongban.core.services import append_ledger_entry

if TYPE_CHECKING:
    from tongban.organizations.models import Department, Region

# Roles that only make sense with a scope; system-wide roles may be granted without one.
_UNSCOPED_ROLES = {Role.SYSTEM_ADMIN.value, Role.DATA_ADMIN.value, Role.OPERATOR.value}


def do_grant_role(
    user: User,
    role: Role | str,
    department: Department | None = None,
    region: Region | None = None,
    *,
    actor: Any,
) -> RoleGrant:
    """Grant ``role`` over a department and/or region subtree; idempotent for the same scope.

    Only staff accounts receive roles. Scoped roles (clerk, reviewer, approver, supervisor, catalog admin) need a
    department or region. Ledger: ``accounts.role_granted``.
    """
    role_value = role.value if isinstance(role, Role) else Role(role).value
    if user.kind != UserKind.STAFF:
        raise errors.NOT_A_STAFF_MEMBER.error()
    if role_value not in _UNSCOPED_ROLES and department is None and region is None:
        raise errors.ROLE_SCOPE_REQUIRED.error()
    with transaction.atomic():
        grant, created = RoleGrant.objects.get_or_create(
            user=user, role=role_value, department=department, region=region
        )
        if created:
            append_ledger_entry(
                actor=actor,
                action=events.ROLE_GRANTED,
                obj=grant,
                data={
                    "user": user.username,
                    "role": role_value,
                    "department": department.credit_code if department else None,
                    "region": region.code if region else None,
                },
            )
    clear_grant_cache(user)
    return grant


def do_revoke_role(grant: RoleGrant, *, actor: Any) -> None:
    """Remove a role grant. Ledger: ``accounts.role_revoked`` (recorded before the row goes)."""
    user = grant.user
    with transaction.atomic():
        append_ledger_entry(
            actor=actor,
            action=events.ROLE_REVOKED,
            obj=grant,
            data={
                "user": user.username,
                "role": grant.role,
                "department": grant.department.credit_code if grant.department is not None else None,
                "region": grant.region.code if grant.region is not None else None,
            },
        )
        grant.delete()
    clear_grant_cache(user)


def do_create_staff(
    username: str,
    *,
    real_name: str,
    password: str | None = None,
    phone: str = "",
    actor: Any = None,
    is_demo: bool = False,
) -> User:
    """Create a staff account (工作人员); roles are added with :func:`do_grant_role`. Ledger: ``accounts.staff_created``."""
    with transaction.atomic():
        user = User(username=username, kind=UserKind.STAFF, real_name=real_name, phone=phone, is_demo=is_demo)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        append_ledger_entry(actor=actor, action=events.STAFF_CREATED, obj=user, data={"username": username})
    return user
