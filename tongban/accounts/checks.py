"""System checks of ``accounts`` and the start-up refusal: no demo accounts in production."""

from __future__ import annotations

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
    Logins by demo accounts are refused anyway whenever demo mode is off; this makes the mistake loud.
    """
    count = demo_accounts_in_production()
    if count:
        raise ImproperlyConfigured(DEMO_IN_PRODUCTION.format(count=count))


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
