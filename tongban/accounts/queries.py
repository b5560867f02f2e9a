"""Reads owned by ``accounts``."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from tongban.accounts.choices import AgentStatus
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


def fetch_enterprises_for_agent(user: Any) -> QuerySet[Enterprise]:
    """Enterprises ``user`` holds an active authorisation for."""
    if not getattr(user, "is_authenticated", False):
        return Enterprise.objects.none()
    return (
        Enterprise.objects.filter(agents__agent=user, agents__status=AgentStatus.ACTIVE)
        .distinct()
        .order_by("name")
    )


def fetch_principals_for_agent(user: Any) -> QuerySet[User]:
    """People ``user`` may act for (代办) through an active authorisation."""
    if not getattr(user, "is_authenticated", False):
        return User.objects.none()
    return User.objects.filter(proxies__agent=user, proxies__status=AgentStatus.ACTIVE).distinct()


def fetch_authorizations_for_agent(user: Any) -> QuerySet[AgentAuthorization]:
    """Active authorisations held by ``user``."""
    return AgentAuthorization.objects.filter(agent=user, status=AgentStatus.ACTIVE).select_related(
        "enterprise", "principal"
    )


def agent_may_act_for_enterprise(user: Any, enterprise: Enterprise) -> bool:
    """True when ``user`` holds an active, unexpired authorisation for ``enterprise``."""
    if not getattr(user, "is_authenticated", False):
        return False
    today = timezone.localdate()
    return any(
        auth.valid_until is None or auth.valid_until >= today
        for auth in AgentAuthorization.objects.filter(
            agent=user, enterprise=enterprise, status=AgentStatus.ACTIVE
        )
    )


def access_profile_by_username(user: Any, username: str) -> User:
    """The account named ``username`` if ``user`` may see its profile (only the owner); same not-found otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise NOT_FOUND.error()
    if user.username != username:
        raise NOT_FOUND.error()
    return user


def access_api_token_by_id(user: Any, token_id: int) -> ApiToken:
    """One of ``user``'s own API tokens; the same not-found for a missing token and someone else's."""
    if not getattr(user, "is_authenticated", False):
        raise NOT_FOUND.error()
    token = ApiToken.objects.filter(pk=token_id, user_id=user.pk).first()
    if token is None:
        raise NOT_FOUND.error()
    return token
