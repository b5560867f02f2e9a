"""Password validators (``AUTH_PASSWORD_VALIDATORS``): Django's own with Chinese messages, plus platform names.

Why not Django's messages: its zh_Hans catalogue lags its English msgids (e.g. the minimum-length message is
catalogued as ``%(min_length)d`` while Django 5.2 asks for ``%d``), so some messages reached users in English.
Our msgids are Chinese like every other string of the platform, with English in ``locale/en_parts``.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation as django_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Words everyone would try first against a 通办 installation; a password containing one is refused.
PLATFORM_WORDS = (
    "tongban",
    "通办",
    "kaifeng",
    "开封",
    "zwfw",
    "zhengwu",
    "政务",
    "bianliang",
    "汴梁",
    "henan",
    "河南",
    "12345",
    "password",
    "mima",
    "密码",
    "admin",
    "qwerty",
)


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    """At least ``min_length`` characters."""

    def get_error_message(self) -> str:
        return _("密码太短，至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short")


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    """Not too similar to the username, name or e-mail address."""

    DEFAULT_USER_ATTRIBUTES = ("username", "real_name", "first_name", "last_name", "email", "phone")

    def __init__(self, user_attributes: Any = DEFAULT_USER_ATTRIBUTES, max_similarity: float = 0.7) -> None:
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)

    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(self.get_error_message(), code="password_too_similar") from None

    def get_error_message(self) -> str:
        return _("密码与用户名、姓名或其他个人信息太相近。")

    def get_help_text(self) -> str:
        return _("密码不能与您的个人信息太相近。")


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    """Not one of the 20,000 most common passwords (Django's list)."""

    def get_error_message(self) -> str:
        return _("这个密码太常见了。")

    def get_help_text(self) -> str:
        return _("密码不能是常见密码。")

    def validate(self, password: str, user: Any = None) -> None:
        if password.lower().strip() in self.passwords:
            raise ValidationError(self.get_error_message(), code="password_too_common")


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    """Not digits only."""

    def get_error_message(self) -> str:
        return _("密码不能全是数字。")

    def get_help_text(self) -> str:
        return _("密码不能全是数字。")

    def validate(self, password: str, user: Any = None) -> None:
        if password.isdigit():
            raise ValidationError(self.get_error_message(), code="password_entirely_numeric")


def _flatten(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


class PlatformNameValidator:
    """Refuses passwords built on the platform's or the city's name, or on the username itself.

    The demo password ``TONGBAN_DEMO_PASSWORD`` is allowed only in demo mode and only for demo accounts (the
    seeded ones, which the loader hashes directly).
    """

    def validate(self, password: str, user: Any = None) -> None:
        if (
            password == settings.TONGBAN_DEMO_PASSWORD
            and settings.TONGBAN_DEMO
            and getattr(user, "is_demo", False)
        ):
            return
        flat = _flatten(password)
        username = _flatten(getattr(user, "username", "") or "")
        if any(_flatten(word) in flat for word in PLATFORM_WORDS) or (
            len(username) >= 3 and username in flat
        ):
            raise ValidationError(self.get_error_message(), code="password_platform_name")

    def get_error_message(self) -> str:
        return _(
            "密码不能包含平台名称、城市名称、用户名等容易被猜到的词（如 tongban、通办、kaifeng、开封）。"
        )

    def get_help_text(self) -> str:
        return _("密码不能包含平台名称、城市名称或用户名。")
