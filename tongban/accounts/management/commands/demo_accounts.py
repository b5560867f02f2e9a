"""``manage.py demo_accounts``: one tab-separated line per demo account (username, roles, scope, display name)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from tongban.accounts.access import get_grants
from tongban.accounts.choices import UserKind
from tongban.accounts.demo import DEMO_USERNAMES
from tongban.accounts.models import User
from tongban.accounts.queries import fetch_enterprises_for_agent


def describe_account(user: User) -> tuple[str, str, str, str]:
    """``(username, roles, scope, display name)`` for one account, as printed by the command."""
    if user.kind == UserKind.CITIZEN:
        return user.username, "applicant", "本人", user.display_name
    if user.kind == UserKind.ENTERPRISE_AGENT:
        enterprises = "，".join(e.name for e in fetch_enterprises_for_agent(user))
        return user.username, "agent", enterprises or "本人", user.display_name
    grants = get_grants(user)
    roles = ",".join(dict.fromkeys(grant.role for grant in grants))
    scopes = []
    for grant in grants:
        parts = [grant.department.name] if grant.department is not None else []
        if grant.region is not None:
            parts.append(grant.region.full_name)
        scopes.append("/".join(parts) or "全平台")
    return user.username, roles, "，".join(dict.fromkeys(scopes)), user.display_name


class Command(BaseCommand):
    help = (
        "列出演示账号（用户名、角色、范围、姓名），以制表符分隔。演示密码见 settings.TONGBAN_DEMO_PASSWORD。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.TONGBAN_DEMO:
            self.stderr.write("演示模式未开启（TONGBAN_DEMO），没有演示账号。")
            return
        order = {name: index for index, name in enumerate(DEMO_USERNAMES)}
        users = sorted(
            User.objects.filter(is_demo=True), key=lambda u: (order.get(u.username, len(order)), u.username)
        )
        for user in users:
            self.stdout.write("\t".join(describe_account(user)))
