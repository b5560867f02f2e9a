"""Password reset (找回密码) by a one-time code sent to the account's phone (SMS) or e-mail address.

Step 1 always answers the same way, whether or not the account exists or has that channel; step 2 takes the code
and the new password. Every other session of the account ends (Django ties sessions to the password hash) and
its API tokens are revoked.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.accounts import errors, events
from tongban.accounts.choices import CodeChannel, CodePurpose
from tongban.accounts.models import ApiToken, OneTimeCode, User
from tongban.accounts.queries import login_allowed
from tongban.accounts.services.codes import issue_code, peek_code, redeem_code
from tongban.core.ratelimit import check_rate
from tongban.core.services import append_ledger_entry
from tongban.core.validators import normalize_id_number
from tongban.notifications.choices import Channel
from tongban.notifications.services import enqueue_notification

RESET_TEXT = "【通办】您正在找回通办账号密码，验证码 {code}，{minutes} 分钟内有效。如非本人操作，请忽略。"


def _find_account(identifier: str) -> User | None:
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    return User.objects.filter(Q(username=identifier) | Q(id_number=normalize_id_number(identifier))).first()


def check_start_password_reset(
    request: HttpRequest | None, *, identifier: str, channel: str, now: datetime | None = None
) -> OneTimeCode:
    """Send a reset code to the phone or e-mail on record of the account named by username or ID number.

    The answer (a challenge) is the same for an unknown account, a channel without an address, a demo account
    outside demo mode or an inactive account: then nothing is sent and no code can redeem it. Rate limits
    ``code`` per address and ``code_target`` per identifier (429).
    """
    now = now or timezone.now()
    channel = CodeChannel(channel) if channel in CodeChannel.values else CodeChannel.SMS
    if request is not None:
        check_rate(request, "code")
        check_rate(request, "code_target", key=f"reset:{(identifier or '').strip().upper()}")
    user = _find_account(identifier)
    destination = ""
    if user is not None and login_allowed(user):
        destination = user.email if channel == CodeChannel.EMAIL else user.phone
    return issue_code(
        purpose=CodePurpose.PASSWORD_RESET,
        channel=channel,
        destination=destination,
        text=RESET_TEXT,
        user=user if destination else None,
        send=bool(destination),
        actor=None,
        now=now,
    )


def check_complete_password_reset(
    request: HttpRequest | None, *, challenge: str, code: str, new_password: str, now: datetime | None = None
) -> User:
    """Set a new password after the reset code; PASSWORD_INVALID (code kept) or CODE_INVALID otherwise.

    Ledger ``accounts.password_reset``; the holder is told on every channel; API tokens are revoked.
    """
    from tongban.accounts.services.validation import password_problems

    now = now or timezone.now()
    if request is not None:
        check_rate(request, "code_check")
    row = peek_code(challenge, CodePurpose.PASSWORD_RESET)
    subject = row.user if row is not None and row.user is not None else User(username="")
    problems = password_problems(new_password, subject)
    if problems:
        raise errors.PASSWORD_INVALID.error(problems[0], fields={"new_password": problems})
    row = redeem_code(challenge, code, CodePurpose.PASSWORD_RESET, now=now)
    if row.user is None:
        raise errors.CODE_INVALID.error(fields={"code": [str(errors.CODE_INVALID.message)]})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=row.user.pk)
        user.password = make_password(new_password)
        update = ["password"]
        if row.channel == CodeChannel.SMS and user.phone == row.destination:
            user.phone_verified_at = now
            update.append("phone_verified_at")
        user.save(update_fields=update)
        revoked = ApiToken.objects.filter(user=user, revoked=False).update(revoked=True)
        append_ledger_entry(
            actor=user,
            action=events.PASSWORD_RESET,
            obj=user,
            data={"channel": row.channel, "tokens_revoked": revoked},
        )
        enqueue_notification(
            user=user,
            event=events.NOTICE_PASSWORD_CHANGED,
            title=_("您的通办账号密码已重置"),
            body=_(
                "您的账号密码刚刚通过验证码重置。如果不是您本人操作，请立即到政务服务窗口或拨打 12345 求助。"
            ),
            channels=[Channel.INBOX, Channel.SMS] if user.phone else [Channel.INBOX],
        )
    return user
