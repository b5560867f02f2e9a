"""System checks of ``accounts`` and the start-up refusals: no demo accounts, and a KEK, in production."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

DEMO_IN_PRODUCTION = (
    "生产环境（TONGBAN_ENV=production）的数据库中仍有 {count} 个演示账号（is_demo=True），拒绝启动。"
    "演示账号的密码是公开的：请先删除它们（tongban manage shell -c "
    '"from tongban.accounts.models import User; User.objects.filter(is_demo=True).delete()"），再启动。'
)


KEK_MISSING_IN_PRODUCTION = (
    "生产环境（TONGBAN_ENV=production）没有可用的签名密钥加密密钥（KEK）：{problem}，拒绝启动。"
    "请设置 TONGBAN_KEK（32 个随机字节的 base64，例如 python -c "
    '"import base64, os; print(base64.b64encode(os.urandom(32)).decode())"）或 TONGBAN_KEK_FILE，'
    "并与数据库备份分开妥善保存（docs/signing.md）。"
)


def kek_problem_in_production() -> str:
    """Why production has no usable KEK (``settings.TONGBAN_KEK``, 32 bytes in base64), or ``""``.

    The signing app seals every private key with it (``tongban.signing.kek``); outside production a generated
    ``var/kek`` stands in, so this is empty there.
    """
    if not getattr(settings, "PRODUCTION", False):
        return ""
    text = getattr(settings, "TONGBAN_KEK", "").strip()
    if not text:
        return "未设置 TONGBAN_KEK 或 TONGBAN_KEK_FILE"
    try:
        raw = base64.b64decode(
            text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4), validate=True
        )
    except (binascii.Error, ValueError):
        return "TONGBAN_KEK 不是合法的 base64 文本"
    if len(raw) != 32:
        return f"TONGBAN_KEK 应为 32 字节，实际为 {len(raw)} 字节"
    return ""


def demo_accounts_in_production() -> int:
    """How many ``is_demo`` accounts exist when ``settings.PRODUCTION`` (0 outside production or before migrate)."""
    if not getattr(settings, "PRODUCTION", False):
        return 0
    from tongban.accounts.models import User

    try:
        return User.objects.filter(is_demo=True).count()
    except DatabaseError:
        return 0  # no database or no tables yet (before migrate); nothing to refuse


def refuse_to_start_with_demo_accounts() -> None:
    """Raise ``ImproperlyConfigured`` (a clear message) when production meets a demo account.

    Called by ``tongban.wsgi`` (gunicorn), ``tongban serve`` and ``tongban worker`` before they serve anything.
    Logins by demo accounts are refused anyway whenever demo mode is off; this makes the mistake loud. It also
    refuses production without a usable KEK (:func:`kek_problem_in_production`).
    """
    count = demo_accounts_in_production()
    if count:
        raise ImproperlyConfigured(DEMO_IN_PRODUCTION.format(count=count))
    problem = kek_problem_in_production()
    if problem:
        raise ImproperlyConfigured(KEK_MISSING_IN_PRODUCTION.format(problem=problem))


@register()
def check_no_demo_accounts_in_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``accounts.E001`` when ``settings.PRODUCTION`` and any ``is_demo=True`` account exists."""
    demo_count = demo_accounts_in_production()
    if not demo_count:
        return []
    return [
        Error(
            f"生产环境中存在 {demo_count} 个演示账号（is_demo=True），必须先删除或停用。",
            hint="删除演示账号：User.objects.filter(is_demo=True).delete()，或在管理后台处理。",
            id="accounts.E001",
        )
    ]


@register(deploy=True)
def check_kek_in_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``accounts.E003`` when ``settings.PRODUCTION`` has no usable KEK for the signing keys.

    A deployment check (``tongban check`` runs them in production) rather than one on every command, so that
    ``migrate`` and ``backup`` still work while the KEK is being set up; serving refuses anyway.
    """
    problem = kek_problem_in_production()
    if not problem:
        return []
    return [
        Error(
            f"生产环境没有可用的签名密钥加密密钥（KEK）：{problem}。",
            hint="设置 TONGBAN_KEK（32 个随机字节的 base64）或 TONGBAN_KEK_FILE，见 docs/signing.md。",
            id="accounts.E003",
        )
    ]


@register(deploy=True)
def check_shared_cache_in_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``accounts.W002``: lockout and rate-limit counters need a shared cache (Redis) with several processes."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not getattr(settings, "PRODUCTION", False) or "redis" in backend.lower():
        return []
    return [
        Warning(
            "登录锁定和限流计数保存在进程内存缓存中，多个网站进程之间不共享。",
            hint="设置 REDIS_URL，使所有进程使用同一个 Redis 缓存。",
            id="accounts.W002",
        )
    ]
