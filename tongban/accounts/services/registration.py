"""Self-registration that never tells anyone whether an ID number already has an account.

Step 1 (:func:`check_start_registration`) validates the form and always answers the same way: "a code was sent
to the phone you entered". Step 2 (:func:`check_complete_registration`) takes the code:

* ID number free → the account is created (identity 未核验, phone verified);
* ID number held by a window-created account (unusable password) whose name and phone on record match what was
  typed → the person takes that account over (username and password set, identity stays 窗口核验);
* ID number held otherwise → no account; the owner's verified phone got a notice at step 1, and step 2 says
  registration cannot be completed online (only someone who controls the phone typed gets this far).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.accounts import errors, events
from tongban.accounts.choices import CodeChannel, CodePurpose, IdentityLevel, UserKind
from tongban.accounts.models import OneTimeCode, User
from tongban.accounts.services.codes import issue_code, redeem_code
from tongban.accounts.services.enterprises import do_authorize_agent, do_upsert_enterprise
from tongban.accounts.services.validation import clean_credit_code, clean_new_account
from tongban.core.masking import mask_phone
from tongban.core.ratelimit import check_rate
from tongban.core.services import append_ledger_entry
from tongban.notifications.choices import Channel
from tongban.notifications.services import enqueue_notification

if TYPE_CHECKING:
    from tongban.organizations.models import Region

REGISTRATION_TEXT = "【通办】您正在注册通办账号，验证码 {code}，{minutes} 分钟内有效。请勿告诉他人。"


def _create_account(kind: str, cleaned: dict[str, str], password_hash: str, *, phone_verified: bool) -> User:
    user = User(
        username=cleaned["username"],
        kind=kind,
        real_name=cleaned["real_name"],
        id_number=cleaned["id_number"],
        phone=cleaned["phone"],
        password=password_hash,
        phone_verified_at=timezone.now() if phone_verified else None,
    )
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # A concurrent registration won the race for the username or the ID number.
        raise errors.REGISTRATION_NOT_COMPLETED.error() from None
    return user


def do_register_citizen(username: str, password: str, real_name: str, id_number: str, phone: str) -> User:
    """Create a citizen (自然人) account directly, after validating every field (tests, imports, personas).

    The public registration goes through :func:`check_start_registration` instead, which proves the phone and
    answers neutrally. Raises a DomainError with ``fields`` (USERNAME_TAKEN, ID_NUMBER_INVALID, PHONE_INVALID,
    PASSWORD_INVALID, …; REGISTRATION_NOT_COMPLETED when the ID number has an account). Ledger
    ``accounts.registered``.
    """
    cleaned = clean_new_account(username, password, real_name, id_number, phone)
    if User.objects.filter(id_number=cleaned["id_number"]).exists():
        raise errors.REGISTRATION_NOT_COMPLETED.error()
    with transaction.atomic():
        user = _create_account(UserKind.CITIZEN, cleaned, make_password(password), phone_verified=False)
        append_ledger_entry(actor=user, action=events.REGISTERED, obj=user, data={"kind": user.kind})
    return user


def do_register_enterprise_agent(
    username: str,
    password: str,
    real_name: str,
    id_number: str,
    phone: str,
    *,
    enterprise_name: str = "",
    credit_code: str = "",
    legal_representative: str = "",
    region: Region | None = None,
) -> User:
    """Register an enterprise agent (法人经办人); with ``credit_code`` also records the enterprise and authorises them.

    Ledger: ``accounts.registered`` (and ``accounts.agent_authorized`` when an enterprise is given).
    """
    cleaned = clean_new_account(username, password, real_name, id_number, phone)
    if User.objects.filter(id_number=cleaned["id_number"]).exists():
        raise errors.REGISTRATION_NOT_COMPLETED.error()
    code = clean_credit_code(credit_code) if credit_code else ""
    with transaction.atomic():
        user = _create_account(
            UserKind.ENTERPRISE_AGENT, cleaned, make_password(password), phone_verified=False
        )
        append_ledger_entry(actor=user, action=events.REGISTERED, obj=user, data={"kind": user.kind})
        if code:
            enterprise = do_upsert_enterprise(
                code, enterprise_name, legal_representative=legal_representative, region=region
            )
            do_authorize_agent(user, enterprise, actor=user, document_note="注册时声明")
    return user


def _can_take_over(holder: User, cleaned: dict[str, str]) -> bool:
    """A window-created account (no password yet) whose name and phone on record are what the person typed."""
    return (
        not holder.has_usable_password()
        and holder.identity_level == IdentityLevel.WINDOW
        and holder.real_name.strip() == cleaned["real_name"]
        and bool(holder.phone)
        and holder.phone == cleaned["phone"]
    )


def _notify_owner(holder: User, now: datetime) -> None:
    """Tell the holder of an ID number that someone tried to register with it (on their verified phone)."""
    channels = [Channel.INBOX]
    if holder.phone and holder.phone_verified_at is not None:
        channels.append(Channel.SMS)
    enqueue_notification(
        user=holder,
        event=events.NOTICE_REGISTRATION_ATTEMPTED,
        title=_("有人尝试用您的身份证号码注册账号"),
        body=_(
            "有人尝试用您的身份证号码注册通办账号，未能成功。如果是您本人，请直接登录或使用“找回密码”；"
            "如果不是，您无需处理，您的账号不受影响。"
        ),
        url="/accounts/login/",
        channels=channels,
        # At most one notice an hour, however often someone tries.
        dedupe_key=f"accounts:registration-attempt:{holder.pk}:{now:%Y%m%d%H}",
    )


def check_start_registration(
    request: HttpRequest | None,
    *,
    username: str,
    password: str,
    real_name: str,
    id_number: str,
    phone: str,
    now: datetime | None = None,
) -> OneTimeCode:
    """Validate a registration and send a code to the phone entered; the answer never reveals the ID number's use.

    Returns the code row; callers show only ``row.challenge`` and the masked phone. Rate limits: ``register``
    per client address, ``code_target`` per phone and per ID number (429 ``TOO_MANY_REQUESTS``). When the ID
    number already has an account, its holder gets a notice instead (ledger ``accounts.registration_refused``).
    """
    now = now or timezone.now()
    if request is not None:
        check_rate(request, "register")
    cleaned = clean_new_account(username, password, real_name, id_number, phone)
    if request is not None:
        check_rate(request, "code_target", key=f"phone:{cleaned['phone']}")
        check_rate(request, "code_target", key=f"id:{cleaned['id_number']}")
    payload: dict[str, Any] = {
        "username": cleaned["username"],
        "real_name": cleaned["real_name"],
        "id_number": cleaned["id_number"],
        "phone": cleaned["phone"],
        "password": make_password(password),
    }
    with transaction.atomic():
        holder = User.objects.filter(id_number=cleaned["id_number"]).first()
        if holder is not None:
            if _can_take_over(holder, cleaned):
                payload["take_over"] = holder.pk
            else:
                payload = {"refused": True}
                _notify_owner(holder, now)
                append_ledger_entry(
                    actor=None,
                    action=events.REGISTRATION_REFUSED,
                    obj=holder,
                    data={"phone": mask_phone(cleaned["phone"])},
                )
        return issue_code(
            purpose=CodePurpose.REGISTRATION,
            channel=CodeChannel.SMS,
            destination=cleaned["phone"],
            text=REGISTRATION_TEXT,
            payload=payload,
            now=now,
        )


def check_complete_registration(
    request: HttpRequest | None, *, challenge: str, code: str, now: datetime | None = None
) -> User:
    """Finish a registration with the code sent at step 1; returns the new (or taken-over) account.

    CODE_INVALID for a wrong, used or expired code (429 past ``code_check`` per address); REGISTRATION_NOT_COMPLETED
    when the ID number or username was taken meanwhile or the ID number belongs to someone else. Ledger
    ``accounts.registered`` or ``accounts.taken_over``.
    """
    if request is not None:
        check_rate(request, "code_check")
    row = redeem_code(challenge, code, CodePurpose.REGISTRATION, now=now)
    data = row.payload
    if data.get("refused"):
        raise errors.REGISTRATION_NOT_COMPLETED.error()
    with transaction.atomic():
        if User.objects.filter(username__iexact=data["username"]).exists():
            raise errors.USERNAME_TAKEN.error(fields={"username": [str(errors.USERNAME_TAKEN.message)]})
        if data.get("take_over"):
            user = (
                User.objects.select_for_update()
                .filter(pk=data["take_over"], id_number=data["id_number"])
                .first()
            )
            if user is None or user.has_usable_password() or user.phone != data["phone"]:
                raise errors.REGISTRATION_NOT_COMPLETED.error()
            user.username = data["username"]
            user.password = data["password"]
            user.phone_verified_at = now or timezone.now()
            user.save(update_fields=["username", "password", "phone_verified_at"])
            append_ledger_entry(
                actor=user, action=events.TAKEN_OVER, obj=user, data={"username": user.username}
            )
            return user
        cleaned = {key: data[key] for key in ("username", "real_name", "id_number", "phone")}
        user = _create_account(UserKind.CITIZEN, cleaned, data["password"], phone_verified=True)
        append_ledger_entry(actor=user, action=events.REGISTERED, obj=user, data={"kind": user.kind})
    return user
