"""State-changing services of ``accounts``: registration, login checks and lockout, API tokens, roles, agents."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as StdnumValidationError

from tongban.accounts import errors
from tongban.accounts.choices import AgentStatus, Role, UserKind
from tongban.accounts.models import AgentAuthorization, ApiToken, Enterprise, RoleGrant, User
from tongban.accounts.permissions import clear_grant_cache
from tongban.accounts.queries import hash_token
from tongban.core.errors import DomainError, ErrorDef
from tongban.core.services import append_ledger_entry
from tongban.core.validators import validate_id_number
from tongban.organizations.models import Department, Region

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# Per-IP cap on failed logins across all usernames (credential stuffing), counted in the cache.
IP_FAILURE_LIMIT = 50
IP_FAILURE_WINDOW_SECONDS = 15 * 60


# --- validation helpers ------------------------------------------------------------------------------------------


def clean_id_number(value: str) -> str:
    """Normalise and validate a 居民身份证号码 (GB 11643: check digit, real past birth date); raises ID_NUMBER_INVALID.

    The address code is not checked against today's GB/T 2260 (abolished codes stay valid), which is why this
    uses core's validator rather than ``stdnum.cn.ric.validate`` (that one rejects e.g. 410203/410204).
    """
    value = (value or "").strip().upper().replace(" ", "")
    try:
        validate_id_number(value)
    except ValidationError as exc:
        message = exc.messages[0] if exc.messages else errors.ID_NUMBER_INVALID.message
        raise errors.ID_NUMBER_INVALID.error(message, fields={"id_number": [message]}) from None
    return value


def clean_phone(value: str) -> str:
    """Normalise and validate an 11-digit mainland mobile number; raises PHONE_INVALID."""
    value = re.sub(r"[\s-]", "", value or "")
    if value.startswith("+86"):
        value = value[3:]
    if not MOBILE_RE.match(value):
        raise errors.PHONE_INVALID.error(fields={"phone": [errors.PHONE_INVALID.message]})
    return value


def clean_credit_code(value: str) -> str:
    """Normalise and validate a 统一社会信用代码 (GB 32100); raises CREDIT_CODE_INVALID."""
    try:
        return uscc.validate((value or "").strip().upper())
    except StdnumValidationError:
        raise errors.CREDIT_CODE_INVALID.error(
            fields={"credit_code": [errors.CREDIT_CODE_INVALID.message]}
        ) from None


def _clean_new_account(
    username: str, password: str, real_name: str, id_number: str, phone: str
) -> dict[str, str]:
    """Validate every field of a new account at once so the user sees all problems together.

    Raises the first problem's error with ``fields`` holding the message for every bad field.
    """
    problems: dict[str, tuple[ErrorDef, list[str]]] = {}
    cleaned: dict[str, str] = {"username": (username or "").strip(), "real_name": (real_name or "").strip()}
    try:
        UnicodeUsernameValidator()(cleaned["username"])
        if len(cleaned["username"]) < 3:
            raise ValidationError("too short")
    except ValidationError:
        problems["username"] = (errors.USERNAME_INVALID, [str(errors.USERNAME_INVALID.message)])
    else:
        if User.objects.filter(username__iexact=cleaned["username"]).exists():
            problems["username"] = (errors.USERNAME_TAKEN, [str(errors.USERNAME_TAKEN.message)])
    if not cleaned["real_name"]:
        problems["real_name"] = (errors.REAL_NAME_REQUIRED, [str(errors.REAL_NAME_REQUIRED.message)])
    try:
        cleaned["id_number"] = clean_id_number(id_number)
    except DomainError as exc:
        problems["id_number"] = (errors.ID_NUMBER_INVALID, [str(exc.message)])
    else:
        if User.objects.filter(id_number=cleaned["id_number"]).exists():
            problems["id_number"] = (errors.ID_NUMBER_TAKEN, [str(errors.ID_NUMBER_TAKEN.message)])
    try:
        cleaned["phone"] = clean_phone(phone)
    except DomainError:
        problems["phone"] = (errors.PHONE_INVALID, [str(errors.PHONE_INVALID.message)])
    try:
        validate_password(password or "", User(username=cleaned["username"], real_name=cleaned["real_name"]))
    except ValidationError as exc:
        problems["password"] = (errors.PASSWORD_INVALID, list(exc.messages))
    if problems:
        first_error, first_messages = next(iter(problems.values()))
        raise first_error.error(
            first_messages[0], fields={field: msgs for field, (_e, msgs) in problems.items()}
        )
    return cleaned


def _create_account(kind: str, cleaned: dict[str, str], password: str) -> User:
    user = User(
        username=cleaned["username"],
        kind=kind,
        real_name=cleaned["real_name"],
        id_number=cleaned["id_number"],
        phone=cleaned["phone"],
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # A concurrent registration won the race for the username or ID number.
        raise errors.ID_NUMBER_TAKEN.error(
            fields={"id_number": [str(errors.ID_NUMBER_TAKEN.message)]}
        ) from None
    return user


# --- registration ------------------------------------------------------------------------------------------------


def do_register_citizen(username: str, password: str, real_name: str, id_number: str, phone: str) -> User:
    """Register a citizen (自然人) account after validating every field.

    Raises a DomainError whose ``fields`` maps each bad field to a Chinese message (USERNAME_TAKEN,
    ID_NUMBER_INVALID, ID_NUMBER_TAKEN, PHONE_INVALID, PASSWORD_INVALID, ...). Ledger: ``accounts.registered``.
    """
    cleaned = _clean_new_account(username, password, real_name, id_number, phone)
    with transaction.atomic():
        user = _create_account(UserKind.CITIZEN, cleaned, password)
        append_ledger_entry(actor=user, action="accounts.registered", obj=user, data={"kind": user.kind})
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
    cleaned = _clean_new_account(username, password, real_name, id_number, phone)
    code = clean_credit_code(credit_code) if credit_code else ""
    with transaction.atomic():
        user = _create_account(UserKind.ENTERPRISE_AGENT, cleaned, password)
        append_ledger_entry(actor=user, action="accounts.registered", obj=user, data={"kind": user.kind})
        if code:
            enterprise = do_upsert_enterprise(
                code, enterprise_name, legal_representative=legal_representative, region=region
            )
            do_authorize_agent(user, enterprise, actor=user, document_note="注册时声明")
    return user


def do_upsert_enterprise(
    credit_code: str,
    name: str,
    *,
    legal_representative: str = "",
    address: str = "",
    region: Region | None = None,
) -> Enterprise:
    """Create or update the enterprise identified by ``credit_code`` (validated, GB 32100)."""
    code = clean_credit_code(credit_code)
    values = {
        "name": name,
        "legal_representative": legal_representative,
        "address": address,
        "region": region,
    }
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().filter(credit_code=code).first()
        if enterprise is None:
            enterprise = Enterprise.objects.create(credit_code=code, **values)
            action = "accounts.enterprise_recorded"
        else:
            changed = [field for field, value in values.items() if getattr(enterprise, field) != value]
            if not changed:
                return enterprise  # nothing to record: re-running a loader must not grow the ledger
            for field in changed:
                setattr(enterprise, field, values[field])
            enterprise.save(update_fields=[*changed, "updated_at"])
            action = "accounts.enterprise_updated"
        append_ledger_entry(actor=None, action=action, obj=enterprise, data={"name": name})
    return enterprise


def do_authorize_agent(
    agent: User,
    target: Enterprise | User,
    *,
    actor: Any,
    valid_until: Any = None,
    document_note: str = "",
) -> AgentAuthorization:
    """Authorise ``agent`` to act for an enterprise (经办) or for another person (代办); idempotent per pair.

    Ledger: ``accounts.agent_authorized``.
    """
    if isinstance(target, Enterprise):
        lookup: dict[str, Any] = {"agent": agent, "enterprise": target, "principal": None}
    elif isinstance(target, User) and target.pk != agent.pk:
        lookup = {"agent": agent, "principal": target, "enterprise": None}
    else:
        raise errors.AUTHORIZATION_TARGET_REQUIRED.error()
    values = {"status": AgentStatus.ACTIVE, "valid_until": valid_until, "document_note": document_note}
    with transaction.atomic():
        authorization = AgentAuthorization.objects.select_for_update().filter(**lookup).first()
        if authorization is None:
            authorization = AgentAuthorization.objects.create(**lookup, **values)
        else:
            changed = [field for field, value in values.items() if getattr(authorization, field) != value]
            if not changed:
                return authorization  # already authorised exactly so: idempotent, no new ledger entry
            for field in changed:
                setattr(authorization, field, values[field])
            authorization.save(update_fields=[*changed, "updated_at"])
        append_ledger_entry(
            actor=actor,
            action="accounts.agent_authorized",
            obj=authorization,
            data={"agent": agent.username, "target": str(target), "valid_until": valid_until},
        )
    return authorization


def do_revoke_agent_authorization(authorization: AgentAuthorization, *, actor: Any) -> AgentAuthorization:
    """Revoke an authorisation to act for someone. Ledger: ``accounts.agent_revoked``."""
    with transaction.atomic():
        authorization.status = AgentStatus.REVOKED
        authorization.save(update_fields=["status", "updated_at"])
        append_ledger_entry(actor=actor, action="accounts.agent_revoked", obj=authorization, data={})
    return authorization


# --- login -------------------------------------------------------------------------------------------------------


def client_ip(request: HttpRequest | None) -> str:
    """The client address as Django sees it (REMOTE_ADDR; a proxy must set it correctly)."""
    if request is None:
        return "unknown"
    return request.META.get("REMOTE_ADDR") or "unknown"


def _ip_key(ip: str) -> str:
    return f"tongban:login-fail-ip:{ip}"


def check_login(request: HttpRequest | None, username: str, password: str) -> User:
    """Check a username and password, with per-account lockout and a per-IP failure cap.

    Each failure for an existing account increments ``failed_login_count``; at
    ``TONGBAN_LOGIN_MAX_FAILURES`` the account is locked for ``TONGBAN_LOGIN_LOCK_MINUTES`` (ledger
    ``accounts.locked``). Success resets the counter. A locked account gives ACCOUNT_LOCKED even with the right
    password. The answer never reveals whether a username exists: a wrong password and an unknown username give
    the same INVALID_CREDENTIALS after the same password-hashing work, and unknown usernames "lock" after the
    same number of failures (counted in the cache). More than ``IP_FAILURE_LIMIT`` failures from one address
    in the window give TOO_MANY_ATTEMPTS. Returns the user; the caller logs them in.
    """
    ip = client_ip(request)
    if cache.get(_ip_key(ip), 0) >= IP_FAILURE_LIMIT:
        raise errors.TOO_MANY_ATTEMPTS.error()
    username = (username or "").strip()
    user = User.objects.filter(username=username).first() if username else None
    if user is not None and user.is_locked():
        raise errors.ACCOUNT_LOCKED.error()
    if user is None and cache.get(_phantom_key(username), 0) >= settings.TONGBAN_LOGIN_MAX_FAILURES:
        raise errors.ACCOUNT_LOCKED.error()
    # ModelBackend hashes the password even for unknown usernames, so timing does not reveal existence.
    authenticated = authenticate(request, username=username, password=password or "")
    if authenticated is None:
        if _record_failure(ip, user, username):
            raise errors.ACCOUNT_LOCKED.error()
        raise errors.INVALID_CREDENTIALS.error()
    if authenticated.failed_login_count or authenticated.locked_until:
        authenticated.failed_login_count = 0
        authenticated.locked_until = None
        authenticated.save(update_fields=["failed_login_count", "locked_until"])
    return authenticated


def _phantom_key(username: str) -> str:
    digest = hashlib.sha256(username.lower().encode("utf-8")).hexdigest()
    return f"tongban:login-fail-unknown:{digest}"


def _incr(key: str, timeout: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout)
        return 1


def _record_failure(ip: str, user: User | None, username: str) -> bool:
    """Count one failed login; returns True when this failure locks the account."""
    lock_seconds = settings.TONGBAN_LOGIN_LOCK_MINUTES * 60
    _incr(_ip_key(ip), IP_FAILURE_WINDOW_SECONDS)
    if user is None:
        return _incr(_phantom_key(username), lock_seconds) >= settings.TONGBAN_LOGIN_MAX_FAILURES
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.failed_login_count += 1
        update = ["failed_login_count"]
        just_locked = locked.failed_login_count >= settings.TONGBAN_LOGIN_MAX_FAILURES
        if just_locked:
            locked.locked_until = timezone.now() + timedelta(minutes=settings.TONGBAN_LOGIN_LOCK_MINUTES)
            locked.failed_login_count = 0
            update.append("locked_until")
            append_ledger_entry(
                actor=None,
                action="accounts.locked",
                obj=locked,
                data={
                    "until": locked.locked_until.isoformat(),
                    "minutes": settings.TONGBAN_LOGIN_LOCK_MINUTES,
                },
            )
        locked.save(update_fields=update)
    return just_locked


def do_unlock_account(user: User, *, actor: Any) -> User:
    """Lift a lockout early (system administrator). Ledger: ``accounts.unlocked``."""
    with transaction.atomic():
        user.failed_login_count = 0
        user.locked_until = None
        user.save(update_fields=["failed_login_count", "locked_until"])
        append_ledger_entry(actor=actor, action="accounts.unlocked", obj=user, data={})
    return user


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
        append_ledger_entry(
            actor=user, action="accounts.token_issued", obj=token, data={"prefix": token.prefix}
        )
    return raw, token


def do_revoke_api_token(token: ApiToken, *, actor: Any) -> ApiToken:
    """Revoke a token (idempotent). Ledger: ``accounts.token_revoked``."""
    with transaction.atomic():
        if not token.revoked:
            token.revoked = True
            token.save(update_fields=["revoked", "updated_at"])
            append_ledger_entry(
                actor=actor, action="accounts.token_revoked", obj=token, data={"prefix": token.prefix}
            )
    return token


def do_touch_api_token(token: ApiToken) -> None:
    """Record use of a token, at most once a minute (no ledger entry: this is bookkeeping, not a state change)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# --- roles -------------------------------------------------------------------------------------------------------

# Roles that only make sense with a scope; system-wide roles may be granted without one.
_UNSCOPED_ROLES = {Role.SYSTEM_ADMIN.value, Role.DATA_ADMIN.value, Role.OPERATOR.value}


def do_grant_role(
    user: User,
    role: Role | str,
    department: Department | None = None,
    region: Region | None = None,
    *,
    actor: Any,
) -> RoleGrant:
    """Grant ``role`` over a department and/or region subtree; idempotent for the same scope.

    Only staff accounts receive roles. Scoped roles (clerk, reviewer, approver, supervisor, catalog admin) need a
    department or region. Ledger: ``accounts.role_granted``.
    """
    role_value = role.value if isinstance(role, Role) else Role(role).value
    if user.kind != UserKind.STAFF:
        raise errors.NOT_A_STAFF_MEMBER.error()
    if role_value not in _UNSCOPED_ROLES and department is None and region is None:
        raise errors.ROLE_SCOPE_REQUIRED.error()
    with transaction.atomic():
        grant, created = RoleGrant.objects.get_or_create(
            user=user, role=role_value, department=department, region=region
        )
        if created:
            append_ledger_entry(
                actor=actor,
                action="accounts.role_granted",
                obj=grant,
                data={
                    "user": user.username,
                    "role": role_value,
                    "department": department.credit_code if department else None,
                    "region": region.code if region else None,
                },
            )
    clear_grant_cache(user)
    return grant


def do_revoke_role(grant: RoleGrant, *, actor: Any) -> None:
    """Remove a role grant. Ledger: ``accounts.role_revoked`` (recorded before the row goes)."""
    user = grant.user
    with transaction.atomic():
        append_ledger_entry(
            actor=actor,
            action="accounts.role_revoked",
            obj=grant,
            data={
                "user": user.username,
                "role": grant.role,
                "department": grant.department.credit_code if grant.department is not None else None,
                "region": grant.region.code if grant.region is not None else None,
            },
        )
        grant.delete()
    clear_grant_cache(user)


def do_create_staff(
    username: str,
    *,
    real_name: str,
    password: str | None = None,
    phone: str = "",
    actor: Any = None,
    is_demo: bool = False,
) -> User:
    """Create a staff account (工作人员); roles are added with :func:`do_grant_role`. Ledger: ``accounts.staff_created``."""
    with transaction.atomic():
        user = User(username=username, kind=UserKind.STAFF, real_name=real_name, phone=phone, is_demo=is_demo)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        append_ledger_entry(
            actor=actor, action="accounts.staff_created", obj=user, data={"username": username}
        )
    return user
