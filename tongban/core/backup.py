"""Backup and restore of the whole platform: the database as JSON plus ``MEDIA_ROOT``, in one ``.tar.gz``.

Archive layout: ``manifest.json`` (format, time, database vendor), ``db.json`` (``dumpdata`` of every table,
content types included so generic relations keep their ids), ``checkpoints.json`` (the signed ledger checkpoints
in the JSON of ``GET /api/v1/ledger/checkpoints``, so whoever holds a backup also holds checkpoints to check the
live ledger against: ``tongban ledger verify --checkpoints``) and ``media/`` (every uploaded file). Restore into a
database migrated to the same version.

What is left out: live credentials that a stolen archive would hand over and that a restored platform does not
need — web sessions (their keys are the cookies themselves) and API tokens (short-lived; integrators ask for new
ones) — and the job workers' heartbeats. Password hashes stay: without them nobody could sign in after a restore.
They are Argon2 hashes, but an archive still holds every ID number, so write it encrypted (``TONGBAN_BACKUP_KEY``,
format in :mod:`tongban.core.backupcrypt`) whenever it leaves the machine. The file is created ``0600``.

Restoring replaces the database contents and the media directory; the database part runs in one transaction,
and an encrypted archive is decrypted and authenticated completely before anything is touched, so a damaged or
truncated archive leaves the platform as it was. Before that transaction commits, the restored ledger is checked
against the archive's ``checkpoints.json``: an archive whose entries contradict its own signed checkpoints was
altered, and is refused.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from tongban.core import backupcrypt
from tongban.core.checkpoints import (
    CheckpointData,
    CheckpointFileError,
    checkpoints_document,
    fetch_checkpoints,
    parse_checkpoints,
    verify_checkpoints,
)

ARCHIVE_FORMAT = 1
# Live secrets and process state a restore must not bring back (see the module docstring).
EXCLUDED_MODELS = ("sessions", "accounts.ApiToken", "core.WorkerHeartbeat")


class BackupError(Exception):
    """The archive is missing, unreadable, damaged, not a Tongban backup, or its key is missing or wrong."""


def backup_key() -> str:
    """The backup passphrase from the environment (``TONGBAN_BACKUP_KEY`` or ``…_FILE``), or ``""``."""
    return str(getattr(settings, "TONGBAN_BACKUP_KEY", "") or "")


def _open_private(path: Path) -> Any:
    """Create ``path`` for writing with mode 0600 (whatever the umask), truncating an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
    return os.fdopen(fd, "wb")


def create_backup(path: Path, *, encrypt: bool | None = None) -> Path:
    """Write a backup archive to ``path`` (mode 0600) and return it.

    ``encrypt=None`` encrypts when a backup key is configured; ``True`` without a key is a :class:`BackupError`.
    The archive is written next to ``path`` under a temporary name and renamed when complete, so a failed backup
    never leaves a half archive under the final name.
    """
    path = Path(path)
    key = backup_key()
    if encrypt is None:
        encrypt = bool(key)
    if encrypt and not key:
        raise BackupError("要加密备份，请先设置环境变量 TONGBAN_BACKUP_KEY（或 TONGBAN_BACKUP_KEY_FILE）。")
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="tongban-backup-") as tmp:
        os.chmod(tmp, 0o700)
        # Read before the dump: entries only grow, so db.json then holds every entry these checkpoints cover.
        kept = fetch_checkpoints()
        checkpoints_json = Path(tmp) / "checkpoints.json"
        checkpoints_json.write_text(
            json.dumps(checkpoints_document(kept), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        db_json = Path(tmp) / "db.json"
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=list(EXCLUDED_MODELS),
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
                    "excluded": list(EXCLUDED_MODELS),
                    "checkpoints": len(kept),
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        partial = path.with_name(f".{path.name}.partial")
        try:
            with _open_private(partial) as out:
                sink: Any = backupcrypt.EncryptingWriter(out, key) if encrypt else out
                # Stream mode ("w|gz") writes strictly forward, so the encrypting writer never has to seek.
                with tarfile.open(fileobj=sink, mode="w|gz") as archive:
                    archive.add(manifest, arcname="manifest.json")
                    archive.add(db_json, arcname="db.json")
                    archive.add(checkpoints_json, arcname="checkpoints.json")
                    if media_root.is_dir():
                        archive.add(media_root, arcname="media")
                    else:
                        info = tarfile.TarInfo("media")
                        info.type = tarfile.DIRTYPE
                        info.mode = 0o755
                        archive.addfile(info)
                if encrypt:
                    sink.close()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return path


def _plain_archive(path: Path, workdir: Path) -> Path:
    """The path of the plain ``.tar.gz``: ``path`` itself, or its decrypted copy inside ``workdir``."""
    try:
        encrypted = backupcrypt.is_encrypted(path)
    except OSError as exc:
        raise BackupError(f"备份文件无法读取：{exc}") from exc
    if not encrypted:
        return path
    key = backup_key()
    if not key:
        raise BackupError(
            "该备份已加密，请设置环境变量 TONGBAN_BACKUP_KEY（或 TONGBAN_BACKUP_KEY_FILE）后再恢复。"
        )
    plain = workdir / "archive.tar.gz"
    try:
        with open(path, "rb") as source, _open_private(plain) as target:
            backupcrypt.decrypt_file(source, target, key)
    except backupcrypt.BackupKeyError as exc:
        raise BackupError("备份密钥不正确，无法解密该备份（TONGBAN_BACKUP_KEY）。") from exc
    except backupcrypt.DamagedArchiveError as exc:
        raise BackupError(f"备份文件已损坏或不完整，无法解密（{exc}）。") from exc
    except OSError as exc:
        raise BackupError(f"备份文件无法读取：{exc}") from exc
    return plain


def restore_backup(path: Path) -> dict[str, object]:
    """Replace the database contents and ``MEDIA_ROOT`` with the archive at ``path``; returns its manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="tongban-restore-") as tmp:
        os.chmod(tmp, 0o700)
        root = Path(tmp) / "extracted"
        root.mkdir()
        archive_path = _plain_archive(path, Path(tmp))
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                # The "data" filter refuses absolute paths, ".." and links pointing outside the target.
                archive.extractall(root, filter="data")
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise BackupError(f"备份文件已损坏或不完整，无法读取：{exc}") from exc
        try:
            manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BackupError("这不是通办的备份文件（缺少 manifest.json）。") from exc
        if (
            not isinstance(manifest, dict)
            or manifest.get("format") != ARCHIVE_FORMAT
            or not (root / "db.json").is_file()
        ):
            raise BackupError("备份文件格式不受支持。")
        kept = _read_checkpoints(root / "checkpoints.json")
        try:
            _load_database(root / "db.json", kept)
        except (DeserializationError, DatabaseError, ValueError, LookupError) as exc:
            raise BackupError(f"备份中的数据无法载入，当前数据未改动：{type(exc).__name__}") from exc
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


def _read_checkpoints(path: Path) -> list[CheckpointData]:
    """The archive's signed checkpoints; an archive from before checkpoints has none."""
    if not path.is_file():
        return []
    try:
        return parse_checkpoints(path.read_bytes())
    except (OSError, CheckpointFileError) as exc:
        raise BackupError(f"备份中的签名检查点无法读取：{exc}") from exc


def _load_database(db_json: Path, kept: list[CheckpointData]) -> None:
    """Flush every table and load ``db_json`` in one transaction (a failure rolls the flush back too).

    The restored ledger must agree with the archive's checkpoints ``kept``; otherwise nothing is restored.
    """
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
        call_command("loaddata", str(db_json), verbosity=0)
        result = verify_checkpoints(kept)
        if not result.ok:
            first = result.problems[0]
            raise BackupError(
                f"备份中的账本与其签名检查点不符（第 {first.checkpoint.seq} 条：{first.reason_label}），"
                "备份可能被篡改，当前数据未改动。"
            )
