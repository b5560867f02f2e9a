"""System checks of ``accounts``: no demo accounts in production."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError


@register()
def check_no_demo_accounts_in_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``accounts.E001`` when ``settings.PRODUCTION`` and any ``is_demo=True`` account exists."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    from tongban.accounts.models import User

    try:
        demo_count = User.objects.filter(is_demo=True).count()
    except DatabaseError:
        return []  # no database yet (before migrate); nothing to check
    if not demo_count:
        return []
    return [
        Error(
            f"生产环境中存在 {demo_count} 个演示账号（is_demo=True），必须先删除或停用。",
            hint="删除演示账号：User.objects.filter(is_demo=True).delete()，或在管理后台处理。",
            id="accounts.E001",
        )
    ]
