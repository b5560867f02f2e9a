"""One-time codes (一次性验证码) by SMS or e-mail: issue, send after commit, redeem once.

A code is six random digits; only ``HMAC(SECRET_KEY, challenge || code)`` is stored. The code is handed to the
SMS adapter or the mail backend after the transaction commits and is deliberately not written to the outbox
table: a durable copy of a live secret is a leak, and a code delivered late by a retry is useless (the user
asks for a new one). Wrong entries count against the code; after ``TONGBAN_CODE_MAX_ATTEMPTS`` it is dead.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from tongban.accounts import errors, events
from tongban.accounts.choices import CodeChannel, CodePurpose
from tongban.accounts.models import OneTimeCode, User
from tongban.core.masking import mask_phone
from tongban.core.services import append_ledger_entry
from tongban.notifications.services import send_sms_now

logger = logging.getLogger(__name__)


def _digest(challenge: str, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{challenge}:{code}".encode(), hashlib.sha256).hexdigest()


def mask_destination(channel: str, destination: str) -> str:
    """``138****5678`` or ``w***@example.cn``: what the user is told about where the code went."""
    if channel == CodeChannel.EMAIL:
        local, _sep, domain = destination.partition("@")
        return f"{local[:1]}***@{domain}" if domain else "***"
    return mask_phone(destination)


def issue_code(
    *,
    purpose: CodePurpose,
    channel: CodeChannel,
    destination: str,
    text: str,
    user: User | None = None,
    payload: dict[str, Any] | None = None,
    send: bool = True,
    actor: Any = None,
    now: datetime | None = None,
) -> OneTimeCode:
    """Create a code row and send ``text`` (with ``{code}`` filled in) to ``destination`` after commit.

    ``send=False`` writes a row that no code can ever redeem (used for neutral answers: the caller's reply looks
    the same whether or not anything was sent). Ledger ``accounts.code_sent`` for codes sent to an account.
    """
    now = now or timezone.now()
    code = f"{secrets.randbelow(10**6):06d}"
    challenge = secrets.token_urlsafe(24)
    with transaction.atomic():
        row = OneTimeCode.objects.create(
            challenge=challenge,
            purpose=purpose,
            channel=channel,
            user=user,
            destination=destination,
            code_hash=_digest(challenge, code) if send else "",
            payload=payload or {},
            expires_at=now + timedelta(minutes=settings.TONGBAN_CODE_MINUTES),
            created_at=now,
        )
        if send and user is not None:
            append_ledger_entry(
                actor=actor,
                action=events.CODE_SENT,
                obj=user,
                data={
                    "purpose": str(purpose),
                    "channel": str(channel),
                    "to": mask_destination(channel, destination),
                },
            )
        if send:
            message = text.format(code=code, minutes=settings.TONGBAN_CODE_MINUTES)
            transaction.on_commit(lambda: _deliver(channel, destination, message))
    return row


def _deliver(channel: str, destination: str, message: str) -> None:
    """Hand one code message to its channel; a failure is logged (without the code) and the user asks again."""
    try:
        if channel == CodeChannel.EMAIL:
            send_mail("【通办】验证码", message, settings.DEFAULT_FROM_EMAIL, [destination])
        else:
            send_sms_now(destination, message)
    except Exception:  # the request has committed; the user simply requests a new code
        logger.exception(
            "could not send a one-time code by %s to %s", channel, mask_destination(channel, destination)
        )


def peek_code(challenge: str, purpose: CodePurpose) -> OneTimeCode | None:
    """The code row of ``challenge`` for ``purpose`` (unredeemed or not), without checking the code."""
    return (
        OneTimeCode.objects.select_related("user").filter(challenge=challenge or "", purpose=purpose).first()
    )


def redeem_code(
    challenge: str, code: str, purpose: CodePurpose, *, now: datetime | None = None
) -> OneTimeCode:
    """Check ``code`` for ``challenge`` and use it up; raises CODE_INVALID for every kind of failure alike.

    A wrong code is counted. Call it outside any transaction of the caller (so the count commits even though
    the caller sees an error) and only after everything else about the request has been validated.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = (
            OneTimeCode.objects.select_for_update().filter(challenge=challenge or "", purpose=purpose).first()
        )
        usable = (
            row is not None
            and row.code_hash
            and row.used_at is None
            and row.expires_at > now
            and row.attempts < settings.TONGBAN_CODE_MAX_ATTEMPTS
        )
        if row is None or not usable:
            failed = True
        else:
            failed = not hmac.compare_digest(row.code_hash, _digest(row.challenge, (code or "").strip()))
        if row is not None and failed:
            OneTimeCode.objects.filter(pk=row.pk).update(attempts=row.attempts + 1)
        elif row is not None:
            row.used_at = now
            row.save(update_fields=["used_at"])
    if failed or row is None:
        raise errors.CODE_INVALID.error(fields={"code": [str(errors.CODE_INVALID.message)]})
    return row
