"""Login checks (django-axes lockout per account and address, rate limit per address) and API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tongban.accounts import errors, events, lockout
from tongban.accounts.models import ApiToken, User
from tongban.accounts.queries import hash_token, is_staff_account
from tongban.core.ratelimit import check_rate, client_address
from tongban.core.services import append_ledger_entry


def check_login(request: HttpRequest, username: str, password: str) -> User:
    """Check a username and password for the login form and the API token endpoint alike.

    * 429 ``TOO_MANY_REQUESTS`` past the ``login`` rate of the client address (django-ratelimit);
    * 423 ``ACCOUNT_LOCKED`` while django-axes holds this (username, address) pair locked — refused before any
      password is checked, even the right one; the failure that reaches ``TONGBAN_LOGIN_MAX_FAILURES`` locks the
      pair for a delay that doubles with each lockout (staff: a longer base, and a ledger entry
      ``accounts.locked``). Another address is not affected, so nobody can lock someone else out;
    * 401 ``INVALID_CREDENTIALS`` for a wrong password, an unknown username, an inactive account or a demo
      account outside demo mode — the same message after the same password-hashing work.

    Success forgets the pair's failures. Returns the user; the caller logs them in or issues a token.
    """
    check_rate(request, "login")
    username = (username or "").strip()
    request.tongban_login_username = username  # type: ignore[attr-defined]  # read by axes' callables
    if lockout.is_locked(request, username):
        raise errors.ACCOUNT_LOCKED.error()
    user = authenticate(request, username=username, password=password or "")
    if user is None:
        if getattr(request, "axes_locked_out", False):
            _record_lockout(request, username)
            raise errors.ACCOUNT_LOCKED.error()
        raise errors.INVALID_CREDENTIALS.error()
    lockout.reset(request, username)
    return user


def _record_lockout(request: HttpRequest, username: str) -> None:
    """Raise the pair's lockout level; a staff account's lockout is also a ledger entry."""
    minutes = lockout.record_lockout(request, username)
    account = User.objects.filter(username=username).first() if username else None
    if account is not None and is_staff_account(account):
        with transaction.atomic():
            append_ledger_entry(
                actor=None,
                action=events.LOGIN_LOCKED,
                obj=account,
                data={"address": client_address(request), "minutes": minutes},
            )


# --- API tokens --------------------------------------------------------------------------------------------------


def do_issue_api_token(user: User) -> tuple[str, ApiToken]:
    """Issue a bearer token; returns ``(raw_token, ApiToken)``. Only the SHA-256 is stored; show the raw once.

    Ledger: ``accounts.token_issued``.
    """
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            token_hash=hash_token(raw),
            prefix=raw[:8],
            expires_at=timezone.now() + timedelta(hours=settings.TONGBAN_API_TOKEN_HOURS),
        )
        append_ledger_entry(actor=user, action=events.TOKEN_ISSUED, obj=token, data={"prefix": token.prefix})
    return raw, token


def do_revoke_api_token(token: ApiToken, *, actor: Any) -> ApiToken:
    """Revoke a token (idempotent). Ledger: ``accounts.token_revoked``."""
    with transaction.atomic():
        if not token.revoked:
            token.revoked = True
            token.save(update_fields=["revoked", "updated_at"])
            append_ledger_entry(
                actor=actor, action=events.TOKEN_REVOKED, obj=token, data={"prefix": token.prefix}
            )
    return token


def do_touch_api_token(token: ApiToken) -> None:
    """Record use of a token, at most once a minute (no ledger entry: this is bookkeeping, not a state change)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
