"""``manage.py deliver_notifications``: deliver due outbox rows (for cron; safe to run concurrently)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tongban.notifications.services import deliver_pending


class Command(BaseCommand):
    help = "投递到期的待发消息（站内消息、邮件、短信），失败的按指数退避重试。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="本次最多投递的条数")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = deliver_pending(options["limit"])
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "nothing due"
        self.stdout.write(summary)
