"""Reads owned by ``accounts``."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from tongban.accounts.choices import AgentStatus, UserKind
from tongban.accounts.models import AgentAuthorization, ApiToken, Enterprise, User
from tongban.core.errors import NOT_FOUND


def hash_token(raw_token: str) -> str:
    """SHA-256 hex digest of a raw API token (the only form stored)."""
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


def get_active_api_token(raw_token: str) -> ApiToken | None:
    """The non-revoked, unexpired token matching ``raw_token``, with its user, or ``None``."""
    if not raw_token:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw_token), revoked=False, expires_at__gt=timezone.now())
        .first()
    )


def fetch_api_tokens_for_user(user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def active_authorizations(agent: Any, *, today: date | None = None) -> QuerySet[AgentAuthorization]:
    """The authorisations ``agent`` holds that are active and unexpired on ``today`` (default: today).

    The one definition of "authorisation is active and unexpired" (经办人授权/代办授权): status active and
    ``valid_until`` empty or not before today. Every other read and check builds on it.
    """
    if not getattr(agent, "is_authenticated", False):
        return AgentAuthorization.objects.none()
    today = today or timezone.localdate()
    return AgentAuthorization.objects.filter(agent=agent, status=AgentStatus.ACTIVE).exclude(
        valid_until__lt=today
    )


def fetch_enterprises_for_agent(user: Any) -> QuerySet[Enterprise]:
    """Enterprises ``user`` holds an active, unexpired authorisation for."""
    ids = active_authorizations(user).filter(enterprise__isnull=False).values("enterprise_id")
    return Enterprise.objects.filter(pk__in=ids).order_by("name")


def fetch_principals_for_agent(user: Any) -> QuerySet[User]:
    """People ``user`` may act for (代办) through an active, unexpired authorisation."""
    ids = active_authorizations(user).filter(principal__isnull=False).values("principal_id")
    return User.objects.filter(pk__in=ids)


def fetch_authorizations_for_agent(user: Any) -> QuerySet[AgentAuthorization]:
    """Active, unexpired authorisations held by ``user``."""
    return active_authorizations(user).select_related("enterprise", "principal")


def agent_may_act_for_enterprise(user: Any, enterprise: Enterprise) -> bool:
    """True when ``user`` holds an active, unexpired authorisation for ``enterprise``."""
    return active_authorizations(user).filter(enterprise=enterprise).exists()


def access_profile_by_username(user: Any, username: str) -> User:
    """The account named ``username`` if ``user`` may see its profile (only the owner); same not-found otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise NOT_FOUND.error()
    if user.username != username:
        raise NOT_FOUND.error()
    profile: User = user
    return profile


def access_api_token_by_id(user: Any, token_id: int) -> ApiToken:
    """One of ``user``'s own API tokens; the same not-found for a missing token and someone else's."""
    if not getattr(user, "is_authenticated", False):
        raise NOT_FOUND.error()
    token = ApiToken.objects.filter(pk=token_id, user_id=user.pk).first()
    if token is None:
        raise NOT_FOUND.error()
    return token


def fetch_users_with_role(role: str, department: Any, *, exclude: Any = None) -> QuerySet[User]:
    """Active accounts holding ``role`` in ``department`` (e.g. colleagues to transfer a task to), by username."""
    users = User.objects.filter(role_grants__role=role, role_grants__department=department, is_active=True)
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return users.distinct().order_by("username")


def login_allowed(user: Any) -> bool:
    """True when ``user`` may hold a session or use a token: active, and not a demo account outside demo mode.

    The one rule every entry point applies (login form, API token, sessions and tokens already issued): with
    ``TONGBAN_DEMO`` off, ``is_demo`` accounts are refused even if a database once loaded for the demo still has
    them and their well-known password.
    """
    if user is None or not getattr(user, "is_active", False):
        return False
    return not (getattr(user, "is_demo", False) and not settings.TONGBAN_DEMO)


def is_staff_account(user: Any) -> bool:
    """Staff accounts (工作人员, or Django admin users) get the shorter idle timeout and the stricter lockout."""
    return getattr(user, "kind", None) == UserKind.STAFF or bool(getattr(user, "is_staff", False))


def get_active_user(username: str) -> User | None:
    """The active account named ``username``, or ``None`` (management commands name the acting user so)."""
    return User.objects.filter(username=username, is_active=True).first()


def get_enterprise_by_credit_code(credit_code: str) -> Enterprise | None:
    """The enterprise with this 统一社会信用代码 (already cleaned by the caller), or ``None``."""
    return Enterprise.objects.filter(credit_code=credit_code).first()
