"""``manage.py catalog_publishing_rule``: show or set who may publish guides in a region or at a level.

Publishing needs a second catalog administrator of the same scope (双人复核). A county with one catalog
administrator gets ``--single-admin``; the change is ledgered (``catalog.publishing_rule_set``)::

    tongban manage catalog_publishing_rule --region 410225 --single-admin --note "兰考县只有一名事项管理员" --by sysadmin
    tongban manage catalog_publishing_rule --list
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.catalog.models import PublishingRule
from tongban.catalog.services import do_set_publishing_rule
from tongban.core.errors import DomainError


class Command(BaseCommand):
    help = "查看或设置发布规则：某区划（及下级）或某行使层级发布办事指南是否须由第二名事项管理员核对（双人复核）。"

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--region", help="区划代码，例如 410225（规则也适用于其下级区划）")
        scope.add_argument("--level", help="行使层级代码（GB/T 39046 A.2），例如 4 = 县级")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--single-admin", action="store_true", help="不要求第二名管理员（单人县）")
        mode.add_argument("--second-admin", action="store_true", help="要求第二名管理员（默认）")
        parser.add_argument("--note", default="", help="原因，写入账本")
        parser.add_argument("--by", default="", help="记入账本的操作人用户名（默认：system）")
        parser.add_argument("--list", action="store_true", help="列出现有规则")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"] or not (options["region"] or options["level"]):
            for rule in PublishingRule.objects.select_related("region").order_by("region__path", "level"):
                self.stdout.write(f"{rule}  {rule.note}")
            return
        if not (options["single_admin"] or options["second_admin"]):
            raise CommandError("请指定 --single-admin 或 --second-admin。")
        from tongban.accounts.queries import get_active_user
        from tongban.organizations.queries import get_region

        region = None
        if options["region"]:
            region = get_region(options["region"])
            if region is None:
                raise CommandError(f"找不到区划 {options['region']}。")
        actor = None
        if options["by"]:
            actor = get_active_user(options["by"])
            if actor is None:
                raise CommandError(f"找不到用户 {options['by']}。")
        try:
            rule = do_set_publishing_rule(
                actor=actor,
                region=region,
                level=options["level"] or "",
                second_admin_required=bool(options["second_admin"]),
                note=options["note"],
            )
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        self.stdout.write(self.style.SUCCESS(f"已设置：{rule}"))
