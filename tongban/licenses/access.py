"""Who may see and act on a licence: one predicate per action (STYLE point 3, ADR 0013 "Roles").

Holders: a person sees the licences issued to their **verified** account's ID number; an enterprise agent sees the
licences of the enterprises they hold an active authorisation for; an unverified account sees none. The
``APPROVER`` of the issuing department suspends, reinstates, revokes and corrects that department's licences.
Missing and forbidden are the same ``LICENSE_NOT_FOUND`` (404).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tongban.accounts.access import departments_for_role, user_has_role
from tongban.accounts.choices import Role
from tongban.accounts.queries import fetch_enterprises_for_agent
from tongban.licenses import errors
from tongban.licenses.choices import HolderCategory
from tongban.licenses.models import License
from tongban.licenses.transitions import TRANSITIONS


def is_signed_in(user: Any) -> bool:
    """True for an active, authenticated account."""
    return user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", True)


def is_verified(user: Any) -> bool:
    """True for a signed-in account whose identity a real-name check or a window clerk confirmed."""
    return is_signed_in(user) and bool(getattr(user, "identity_verified", False))


def holder_condition(user: Any, *, enterprise: Any = None) -> Q:
    """The licences ``user`` holds: their own (by ID number) and their authorised enterprises' (by credit code).

    With ``enterprise``, only that enterprise's licences (and only when the user is authorised for it).
    """
    nothing = Q(pk__in=[])
    if not is_verified(user):
        return nothing
    credit_codes = list(fetch_enterprises_for_agent(user).values_list("credit_code", flat=True))
    if enterprise is not None:
        if enterprise.credit_code not in credit_codes:
            return nothing
        return Q(holder_category=HolderCategory.ENTERPRISE, holder_credit_code=enterprise.credit_code)
    condition = nothing
    if user.id_number:
        condition |= Q(holder_category=HolderCategory.PERSON, holder_id_number=user.id_number)
    if credit_codes:
        condition |= Q(holder_category=HolderCategory.ENTERPRISE, holder_credit_code__in=credit_codes)
    return condition


def licenses_held_by(user: Any, *, enterprise: Any = None) -> QuerySet[License]:
    """The one list scope of a holder's licences (wallet, reuse in applications)."""
    return License.objects.filter(holder_condition(user, enterprise=enterprise))


def is_holder(user: Any, lic: License) -> bool:
    """True when ``lic`` is in ``user``'s wallet (their own, or an authorised enterprise's)."""
    if not is_verified(user):
        return False
    if lic.holder_category == HolderCategory.PERSON:
        return bool(user.id_number) and lic.holder_id_number == user.id_number
    return fetch_enterprises_for_agent(user).filter(credit_code=lic.holder_credit_code).exists()


def is_issuing_approver(user: Any, lic: License) -> bool:
    """An ``APPROVER`` whose grant covers the licence's issuing department (or a superuser)."""
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    department = lic.issuing_department
    return department is not None and user_has_role(user, Role.APPROVER, department=department)


def can_view(user: Any, lic: License) -> bool:
    """The holder, or an approver of the issuing department."""
    return is_holder(user, lic) or is_issuing_approver(user, lic)


def can_present(user: Any, lic: License) -> bool:
    """Only the holder shows (亮证) a licence."""
    return is_holder(user, lic)


def can_authorise_use(user: Any, lic: License) -> bool:
    """Only the holder authorises a department to use a licence in a case."""
    return is_holder(user, lic)


def can_manage(user: Any, lic: License) -> bool:
    """Suspend, reinstate, revoke or correct: an approver of the issuing department."""
    return is_issuing_approver(user, lic)


def can_define_types(user: Any) -> bool:
    """Define licence types: a data administrator (数据管理员) or a superuser."""
    return is_signed_in(user) and (user.is_superuser or user_has_role(user, Role.DATA_ADMIN))


def allowed_actions(user: Any, lic: License) -> list[str]:
    """The staff actions ``user`` may take on ``lic`` now (for the page's buttons)."""
    if not can_manage(user, lic):
        return []
    return [action for action, transition in TRANSITIONS.items() if lic.state in transition.sources]


def access_license_by_identifier(user: Any, identifier: str) -> License:
    """The licence ``identifier`` if ``user`` may see it; ``LICENSE_NOT_FOUND`` for missing and forbidden alike."""
    lic = (
        License.objects.select_related("type", "issuing_department", "superseded_by")
        .filter(identifier=str(identifier or "")[:128])
        .first()
    )
    if lic is None or not can_view(user, lic):
        raise errors.LICENSE_NOT_FOUND.error()
    return lic


def require_can_manage(user: Any, lic: License) -> None:
    """``LICENSE_NOT_FOUND`` unless ``user`` is an approver of the issuing department (a holder learns nothing)."""
    if not can_manage(user, lic):
        raise errors.LICENSE_NOT_FOUND.error()


def require_holder(user: Any, lic: License) -> None:
    """``LICENSE_NOT_FOUND`` unless ``user`` holds the licence."""
    if not is_holder(user, lic):
        raise errors.LICENSE_NOT_FOUND.error()


def require_can_define_types(user: Any) -> None:
    """``PERMISSION_DENIED`` unless ``user`` is a data administrator."""
    if not can_define_types(user):
        raise errors.PERMISSION_DENIED.error()


def licenses_managed_by(user: Any) -> QuerySet[License]:
    """The licences of the departments where ``user`` is an APPROVER (every licence for a superuser)."""
    licenses = License.objects.select_related("type")
    if user.is_superuser:
        return licenses
    return licenses.filter(issuing_department__in=departments_for_role(user, Role.APPROVER))


def may_manage_licenses(user: Any) -> bool:
    """An approver of some department (or a superuser): the 电子证照管理 page and its API."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user_has_role(user, Role.APPROVER)
    )
