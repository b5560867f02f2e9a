"""Identity verification levels (身份核验): the online real-name check, window confirmation, window people.

An account's ``identity_level`` only rises, each time with a ledger entry ``accounts.identity_verified``. Only
verified accounts (实名核验 with the name matching, or 窗口核验) are linked to cases filed at a window under
their ID number; :func:`resolve_window_person` is the one place that decides.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from tongban.accounts import errors, events
from tongban.accounts.choices import CodeChannel, CodePurpose, IdentityLevel, UserKind
from tongban.accounts.identity import get_identity_adapter
from tongban.accounts.models import OneTimeCode, User
from tongban.accounts.services.codes import issue_code, redeem_code
from tongban.accounts.services.validation import clean_id_number, clean_phone
from tongban.core.errors import DomainError
from tongban.core.ratelimit import check_rate
from tongban.core.services import append_ledger_entry

WINDOW_CONFIRMATION_TEXT = (
    "【通办】窗口工作人员正在为您核验账号，验证码 {code}，{minutes} 分钟内有效。"
    "请只告诉正在为您办理的窗口工作人员。"
)
# Stronger levels are never lowered by a weaker check.
_RANK = {IdentityLevel.UNVERIFIED: 0, IdentityLevel.REAL_NAME: 1, IdentityLevel.WINDOW: 2}


def _raise_level(
    user: User,
    level: IdentityLevel,
    *,
    actor: Any,
    method: str,
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> User:
    """Set ``identity_level`` to ``level`` unless it is already as strong; ledger ``accounts.identity_verified``."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if _RANK[IdentityLevel(locked.identity_level)] >= _RANK[level]:
            return locked
        before = locked.identity_level
        locked.identity_level = level
        locked.identity_verified_at = now
        locked.save(update_fields=["identity_level", "identity_verified_at"])
        append_ledger_entry(
            actor=actor,
            action=events.IDENTITY_VERIFIED,
            obj=locked,
            data={"before": before, "after": level.value, "method": method, **(extra or {})},
        )
    return locked


def do_verify_real_name(
    user: User, *, request: HttpRequest | None = None, now: datetime | None = None
) -> User:
    """Run the online real-name check for ``user``'s own name and ID number; on a match the level becomes 实名核验.

    IDENTITY_NOT_MATCHED when the population service does not confirm the pair (nothing changes, nothing is
    recorded); IDENTITY_SERVICE_UNAVAILABLE when the service fails; 429 past the ``code_check`` rate.
    """
    now = now or timezone.now()
    if request is not None:
        check_rate(request, "code_check")
    if not user.id_number or not user.real_name:
        raise errors.IDENTITY_NOT_MATCHED.error()
    try:
        result = get_identity_adapter().check_real_name(user.id_number, user.real_name)
    except Exception:  # the external service is down or misconfigured: the user may try again later
        raise errors.IDENTITY_SERVICE_UNAVAILABLE.error() from None
    if not result.matched:
        raise errors.IDENTITY_NOT_MATCHED.error()
    return _raise_level(
        user,
        IdentityLevel.REAL_NAME,
        actor=user,
        method="real_name_check",
        now=now,
        extra={"source": result.source},
    )


def _names_match(user: User, name: str) -> bool:
    return bool(user.real_name.strip()) and user.real_name.strip() == (name or "").strip()


def check_start_window_confirmation(
    *, actor: Any, id_number: str, name: str, now: datetime | None = None
) -> OneTimeCode:
    """A clerk, having seen the person's ID card, sends a code to the phone on record of that person's account.

    The person proves control of the account by telling the clerk the code (:func:`check_complete_window_confirmation`).
    WINDOW_CONFIRMATION_IMPOSSIBLE when no account holds the number, the name differs or no phone is on record.
    """
    id_number = clean_id_number(id_number)
    user = User.objects.filter(id_number=id_number).first()
    if user is None or not _names_match(user, name) or not user.phone:
        raise errors.WINDOW_CONFIRMATION_IMPOSSIBLE.error()
    return issue_code(
        purpose=CodePurpose.WINDOW_CONFIRMATION,
        channel=CodeChannel.SMS,
        destination=user.phone,
        text=WINDOW_CONFIRMATION_TEXT,
        user=user,
        payload={"clerk": getattr(actor, "pk", None)},
        actor=actor,
        now=now,
    )


def check_complete_window_confirmation(
    *, actor: Any, challenge: str, code: str, now: datetime | None = None
) -> User:
    """The code the person read out matches: their account becomes 窗口核验 and the phone counts as verified.

    Only the clerk who started the confirmation can complete it (CODE_INVALID otherwise, like a wrong code).
    """
    now = now or timezone.now()
    row = redeem_code(challenge, code, CodePurpose.WINDOW_CONFIRMATION, now=now)
    if row.user is None or row.payload.get("clerk") != getattr(actor, "pk", None):
        raise errors.CODE_INVALID.error(fields={"code": [str(errors.CODE_INVALID.message)]})
    with transaction.atomic():
        User.objects.filter(pk=row.user.pk, phone=row.destination).update(phone_verified_at=now)
        return _raise_level(row.user, IdentityLevel.WINDOW, actor=actor, method="window_code", now=now)


def resolve_window_person(
    *, id_number: str, name: str, phone: str = "", actor: Any, now: datetime | None = None
) -> User | None:
    """The account a window case for the person present (ID card checked by ``actor``) may be linked to.

    * no account holds ``id_number`` → a window-confirmed person account is created (username ``id<number>``,
      unusable password, identity 窗口核验; ledger ``accounts.window_person_created``) and returned; the person
      can later take it over online by proving the phone given here;
    * a verified account (实名核验 or 窗口核验) holds it and its name equals ``name`` → that account;
    * an unverified or name-mismatched account holds it → ``None``: do not link; the case stays findable by
      its number and query code only. Register → link never hands over someone else's data.

    Raises ID_NUMBER_INVALID for a bad number. Call inside the intake transaction.
    """
    now = now or timezone.now()
    id_number = clean_id_number(id_number)
    name = (name or "").strip()[:100]
    holder = User.objects.filter(id_number=id_number).first()
    if holder is not None:
        return holder if holder.identity_verified and _names_match(holder, name) else None
    try:
        phone = clean_phone(phone) if phone else ""
    except DomainError:
        phone = ""  # a mistyped phone must not stop the intake; the person can add it later
    user = User(
        username=f"id{id_number}",
        kind=UserKind.CITIZEN,
        real_name=name,
        id_number=id_number,
        phone=phone,
        identity_level=IdentityLevel.WINDOW,
        identity_verified_at=now,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # Someone else created the account for this number a moment ago: decide again on what is there now.
        holder = User.objects.filter(id_number=id_number).first()
        return (
            holder if holder is not None and holder.identity_verified and _names_match(holder, name) else None
        )
    append_ledger_entry(actor=actor, action=events.WINDOW_PERSON_CREATED, obj=user, data={"kind": user.kind})
    return user
