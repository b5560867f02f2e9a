"""Backup and restore of the whole platform: the database as JSON plus ``MEDIA_ROOT``, in one ``.tar.gz``.

Archive layout: ``manifest.json`` (format, time, database vendor), ``db.json`` (``dumpdata`` of every table,
content types included so generic relations keep their ids) and ``media/`` (every uploaded file). Restore into a
database migrated to the same version.
Restoring replaces the database contents and the media directory; the database part runs in one transaction,
so a damaged archive leaves the database as it was.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

ARCHIVE_FORMAT = 1


class BackupError(Exception):
    """The archive is missing, unreadable or not a Tongban backup."""


def create_backup(path: Path) -> Path:
    """Write a backup archive to ``path`` (``.tar.gz``) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="tongban-backup-") as tmp:
        db_json = Path(tmp) / "db.json"
        call_command(
            "dumpdata",
            natural_foreign=True,
            output=str(db_json),
            indent=None,
            verbosity=0,
        )
        manifest = Path(tmp) / "manifest.json"
        manifest.write_text(
            json.dumps(
                {
                    "format": ARCHIVE_FORMAT,
                    "created_at": timezone.now().isoformat(),
                    "database_vendor": connection.vendor,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        with tarfile.open(path, "w:gz") as archive:
            archive.add(manifest, arcname="manifest.json")
            archive.add(db_json, arcname="db.json")
            if media_root.is_dir():
                archive.add(media_root, arcname="media")
            else:
                info = tarfile.TarInfo("media")
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                archive.addfile(info)
    return path


def restore_backup(path: Path) -> dict[str, object]:
    """Replace the database contents and ``MEDIA_ROOT`` with the archive at ``path``; returns its manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="tongban-restore-") as tmp:
        try:
            with tarfile.open(path, "r:gz") as archive:
                # The "data" filter refuses absolute paths, ".." and links pointing outside the target.
                archive.extractall(tmp, filter="data")
        except (tarfile.TarError, OSError) as exc:
            raise BackupError(f"备份文件无法读取：{exc}") from exc
        root = Path(tmp)
        try:
            manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BackupError("这不是通办的备份文件（缺少 manifest.json）。") from exc
        if manifest.get("format") != ARCHIVE_FORMAT or not (root / "db.json").is_file():
            raise BackupError("备份文件格式不受支持。")
        with transaction.atomic():
            postgres = connection.vendor == "postgresql"
            if postgres:
                # TRUNCATE refuses tables with pending deferred-constraint events from this transaction.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # No post_migrate after the flush: the archive brings its own content types and calendar rows.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            if postgres:
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", str(root / "db.json"), verbosity=0)
        staged = root / "media"
        if media_root.exists():
            shutil.rmtree(media_root)
        if staged.is_dir():
            shutil.copytree(staged, media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
    from tongban.core.calendar import clear_calendar_cache

    clear_calendar_cache()
    return manifest
