"""Input validation shared by the accounts services: identities, phones, e-mail, usernames and passwords."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from tongban.accounts import errors
from tongban.accounts.models import User
from tongban.core.errors import DomainError, ErrorDef
from tongban.core.validators import (
    normalize_credit_code,
    normalize_id_number,
    validate_credit_code,
    validate_id_number,
)

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def clean_id_number(value: str) -> str:
    """Normalise and validate a 居民身份证号码 with the platform's one validator; raises ID_NUMBER_INVALID."""
    value = normalize_id_number(value)
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


def clean_email(value: str) -> str:
    """Normalise and validate an e-mail address; raises EMAIL_INVALID."""
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        raise errors.EMAIL_INVALID.error(fields={"email": [errors.EMAIL_INVALID.message]}) from None
    return value


def clean_credit_code(value: str) -> str:
    """Normalise and validate a 统一社会信用代码 (GB 32100) with the platform's one validator."""
    value = normalize_credit_code(value)
    try:
        validate_credit_code(value)
    except ValidationError as exc:
        message = exc.messages[0] if exc.messages else errors.CREDIT_CODE_INVALID.message
        raise errors.CREDIT_CODE_INVALID.error(message, fields={"credit_code": [message]}) from None
    return value


def password_problems(password: str, user: Any) -> list[str]:
    """The Chinese messages of every password validator that refuses ``password`` for ``user`` (empty: fine)."""
    try:
        validate_password(password or "", user)
    except ValidationError as exc:
        return list(exc.messages)
    return []


def clean_new_account(
    username: str, password: str, real_name: str, id_number: str, phone: str
) -> dict[str, str]:
    """Validate every field of a new account at once so the user sees all problems together.

    Whether the ID number already has an account is *not* checked here: registration answers neutrally.
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
    try:
        cleaned["phone"] = clean_phone(phone)
    except DomainError:
        problems["phone"] = (errors.PHONE_INVALID, [str(errors.PHONE_INVALID.message)])
    messages = password_problems(password, User(username=cleaned["username"], real_name=cleaned["real_name"]))
    if messages:
        problems["password"] = (errors.PASSWORD_INVALID, messages)
    if problems:
        first_error, first_messages = next(iter(problems.values()))
        raise first_error.error(
            first_messages[0], fields={field: msgs for field, (_e, msgs) in problems.items()}
        )
    return cleaned
