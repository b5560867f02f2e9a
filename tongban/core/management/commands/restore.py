"""``manage.py restore PATH``: replace the database contents and uploaded files with a backup archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "从备份文件恢复数据库和上传文件；当前数据将被全部替换（Restore from a backup; replaces current data）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="由 backup 生成的 .tar.gz 文件（archive made by backup）")
        parser.add_argument(
            "--noinput",
            "--no-input",
            "--yes",
            action="store_false",
            dest="interactive",
            help="不再确认（no prompt）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interactive"]:
            answer = input("恢复将删除当前全部数据并替换为备份内容。输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消恢复（cancelled）。", returncode=1)
        try:
            manifest = restore_backup(Path(options["path"]))
        except BackupError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(
            self.style.SUCCESS(f"已从 {options['path']} 恢复（备份时间 {manifest.get('created_at')}）。")
        )
