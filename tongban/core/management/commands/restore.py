"""``manage.py restore PATH``: replace the database contents and uploaded files with a backup archive.

Asks for confirmation on a terminal; without one (closed or redirected stdin, cron, CI) it refuses unless
``--yes``/``--noinput`` is given, so a script never blocks or dies with a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.core.backup import BackupError, restore_backup

NO_TERMINAL = "无法确认恢复：没有可用的标准输入。确认要替换全部数据时，请加 --yes 参数。"


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
            self._confirm()
        try:
            manifest = restore_backup(Path(options["path"]))
        except BackupError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(
            self.style.SUCCESS(f"已从 {options['path']} 恢复（备份时间 {manifest.get('created_at')}）。")
        )
        self.stdout.write("所有登录会话和接口令牌均未备份，请重新登录或重新申请令牌。")

    def _confirm(self) -> None:
        stdin = sys.stdin
        if stdin is None or stdin.closed:
            raise CommandError(NO_TERMINAL, returncode=2)
        try:
            answer = input("恢复将删除当前全部数据并替换为备份内容。输入 yes 继续：")
        except (EOFError, OSError, RuntimeError) as exc:  # EOF on /dev/null or a pipe; lost stdin
            raise CommandError(NO_TERMINAL, returncode=2) from exc
        if answer.strip().lower() != "yes":
            raise CommandError("已取消恢复（cancelled）。", returncode=1)
