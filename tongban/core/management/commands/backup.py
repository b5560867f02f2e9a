"""``manage.py backup PATH``: write the database and uploaded files to one ``.tar.gz`` (mode 0600).

Encrypted when ``TONGBAN_BACKUP_KEY`` (or ``TONGBAN_BACKUP_KEY_FILE``) is set, or with ``--encrypt``; see
:mod:`tongban.core.backup` for what the archive holds and leaves out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "备份数据库和上传文件到一个 .tar.gz 文件（Back up the database and media files）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="备份文件路径，例如 tongban-2026-11-23.tar.gz（archive path）")
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--encrypt",
            action="store_true",
            default=None,
            help="加密备份（需要 TONGBAN_BACKUP_KEY）；设置了密钥时默认加密（encrypt; default when a key is set）",
        )
        group.add_argument(
            "--no-encrypt",
            action="store_false",
            dest="encrypt",
            help="即使设置了密钥也不加密（write a plain archive）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = create_backup(Path(options["path"]), encrypt=options["encrypt"])
        except BackupError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        from tongban.core.backupcrypt import is_encrypted

        size = path.stat().st_size
        if is_encrypted(path):
            self.stdout.write(self.style.SUCCESS(f"加密备份已写入 {path}（{size} 字节，仅所有者可读）。"))
        else:
            self.stdout.write(self.style.SUCCESS(f"备份已写入 {path}（{size} 字节，仅所有者可读）。"))
            self.stderr.write(
                self.style.WARNING(
                    "注意：备份未加密，内含身份证号等个人信息；设置 TONGBAN_BACKUP_KEY 可加密备份。"
                )
            )
