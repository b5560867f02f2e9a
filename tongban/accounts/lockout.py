"""Login lockout with django-axes: per (username, client address), a delay that grows with each lockout (ADR 0009).

axes counts failed logins in the shared cache under one key per (username, address) — never per username
alone, so a stranger guessing from elsewhere cannot lock the real user out — and refuses the pair once
``TONGBAN_LOGIN_MAX_FAILURES`` is reached, before any password is checked. Unknown usernames count exactly like
real ones. This module supplies axes' callables (failure limit, cool-off, username) and the lockout level: each
lockout of a pair doubles its next cool-off (``TONGBAN_LOGIN_LOCK_MINUTES``, for staff
``TONGBAN_STAFF_LOGIN_LOCK_MINUTES``, capped at ``TONGBAN_LOGIN_LOCK_MAX_MINUTES``); a successful login resets it.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

from tongban.core.ratelimit import client_address

LEVEL_MEMORY_SECONDS = 24 * 60 * 60  # a lockout is remembered this long after the last one, for the growth


def username_of_request(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The username axes counts under: the one ``check_login`` was given, else the form's (admin login)."""
    given = getattr(request, "tongban_login_username", None)
    if given is None:
        given = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(given or "").strip()


def failure_limit(request: HttpRequest | None = None, credentials: dict[str, Any] | None = None) -> int:
    """How many failures lock a (username, address) pair: the same for every username, real or not."""
    return settings.TONGBAN_LOGIN_MAX_FAILURES


def _cache() -> Any:
    return caches[settings.AXES_CACHE]


def _level_key(username: str, address: str) -> str:
    return "tongban:lock-level:" + hashlib.sha256(f"{username}\x00{address}".encode()).hexdigest()


def _is_staff_username(username: str) -> bool:
    from tongban.accounts.models import User
    from tongban.accounts.queries import is_staff_account

    return is_staff_account(User.objects.filter(username=username).first()) if username else False


def lock_minutes(username: str, address: str) -> int:
    """The cool-off the next lockout of this pair gets: the base doubled per earlier lockout, capped."""
    level = int(_cache().get(_level_key(username, address), 0) or 0)
    base = (
        settings.TONGBAN_STAFF_LOGIN_LOCK_MINUTES
        if _is_staff_username(username)
        else settings.TONGBAN_LOGIN_LOCK_MINUTES
    )
    return int(min(base * 2 ** min(level, 20), settings.TONGBAN_LOGIN_LOCK_MAX_MINUTES))


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """``AXES_COOLOFF_TIME``: how long a pair stays locked, from the pair's lockout level."""
    if request is None:
        return timedelta(minutes=settings.TONGBAN_LOGIN_LOCK_MINUTES)
    return timedelta(minutes=lock_minutes(username_of_request(request), client_address(request)))


def is_locked(request: HttpRequest, username: str) -> bool:
    """True while axes refuses this (username, address) pair."""
    AxesProxyHandler.update_request(request)
    return AxesProxyHandler.is_locked(request, get_credentials(username))


def record_lockout(request: HttpRequest, username: str) -> int:
    """Raise the pair's lockout level after axes locked it; returns the minutes this lockout lasts."""
    address = client_address(request)
    minutes = lock_minutes(username, address)
    key = _level_key(username, address)
    level = int(_cache().get(key, 0) or 0)
    _cache().set(key, level + 1, LEVEL_MEMORY_SECONDS + minutes * 60)
    return minutes


def reset(request: HttpRequest, username: str) -> None:
    """Forget the failures and the lockout level of this pair (after a successful login)."""
    address = client_address(request)
    AxesProxyHandler.reset_attempts(username=username, ip_address=address)
    _cache().delete(_level_key(username, address))
