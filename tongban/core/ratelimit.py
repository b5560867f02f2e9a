"""Client address and rate limits for public endpoints (django-ratelimit, ARCHITECTURE §3; ADR 0009).

Two functions every app uses:

* :func:`client_address` — the one answer to "who is calling": ``REMOTE_ADDR``, or, when
  ``TONGBAN_TRUSTED_PROXY_COUNT`` (default 1 with ``BEHIND_TLS_PROXY``) says reverse proxies stand in front,
  the address those proxies put into ``X-Forwarded-For`` (counted from the right, so a client cannot spoof it).
  django-axes uses it for lockout (``AXES_CLIENT_IP_CALLABLE``).
* :func:`check_rate` — raise ``TOO_MANY_REQUESTS`` (429) when a scope's rate is exceeded for the client address
  or for a given key (a case number, a phone number). Counters live in the shared cache (Redis with
  ``REDIS_URL``), so all web processes agree.
"""

from __future__ import annotations

import hashlib
import ipaddress
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from tongban.core.errors import TOO_MANY_REQUESTS, ErrorDef


def client_address(request: HttpRequest | None) -> str:
    """The caller's IP address: from the trusted proxies' ``X-Forwarded-For`` when configured, else REMOTE_ADDR.

    Each proxy appends the address it received the request from, so with ``TONGBAN_TRUSTED_PROXY_COUNT = n`` the
    client is the n-th entry from the right; anything further left is whatever the client claimed. With
    ``TONGBAN_TRUSTED_PROXIES`` the header is used only when REMOTE_ADDR is one of those proxies. A missing or
    malformed entry falls back to REMOTE_ADDR.
    """
    if request is None:
        return "unknown"
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    count = settings.TONGBAN_TRUSTED_PROXY_COUNT
    trusted = settings.TONGBAN_TRUSTED_PROXIES
    if count <= 0:
        return remote  # no proxy is trusted: a forwarded header is only what the client claims
    if trusted and not any(remote.startswith(prefix) for prefix in trusted):
        return remote  # the request did not come through one of our proxies
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def rate_for(scope: str) -> str:
    """The configured rate of ``scope`` (``TONGBAN_RATE_LIMITS``), e.g. ``"30/m"``."""
    return settings.TONGBAN_RATE_LIMITS[scope]


def check_rate(
    request: HttpRequest,
    scope: str,
    *,
    key: str | None = None,
    rate: str | None = None,
    error: ErrorDef = TOO_MANY_REQUESTS,
) -> None:
    """Count one use of ``scope`` and raise ``error`` (default 429 ``TOO_MANY_REQUESTS``) once its rate is exceeded.

    Without ``key`` the count is per client address (:func:`client_address`); with ``key`` it is per that value
    (e.g. a case number), whoever calls. Call it once per key you want to limit, before doing the work, e.g.
    ``check_rate(request, "lookup")`` and ``check_rate(request, "lookup_key", key=number)``. The rate comes from
    ``TONGBAN_RATE_LIMITS[scope]`` unless given. Keys are hashed before they reach the cache.
    """
    value = client_address(request) if key is None else "key:" + hashlib.sha256(key.encode()).hexdigest()

    def _key(_group: str, _request: Any) -> str:
        return value

    usage = get_usage(
        request, group=f"tongban:{scope}", key=_key, rate=rate or rate_for(scope), increment=True
    )
    if usage is not None and usage["should_limit"]:
        raise error.error()
