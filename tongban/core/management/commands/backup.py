"""``manage.py backup PATH``: write the database and uploaded files to one ``.tar.gz``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tongban.core.backup import create_backup


class Command(BaseCommand):
    help = "备份数据库和上传文件到一个 .tar.gz 文件（Back up the database and media files）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="备份文件路径，例如 tongban-2026-11-23.tar.gz（archive path）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = create_backup(Path(options["path"]))
        self.stdout.write(self.style.SUCCESS(f"备份已写入 {path}（{path.stat().st_size} 字节）。"))
