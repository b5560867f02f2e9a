"""``backup`` and ``restore`` round-trip the database and the media files."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tongban.accounts.testing import make_citizen
from tongban.core.calendar import is_working_day
from tongban.core.choices import HolidayKind
from tongban.core.models import Holiday, LedgerEntry
from tongban.core.queries import verify_ledger
from tongban.core.services import append_ledger_entry

pytestmark = pytest.mark.django_db


def test_a_backup_restores_database_and_files(tmp_path: Path) -> None:
    citizen = make_citizen("backup_citizen")
    append_ledger_entry(actor=citizen, action="test.before_backup", object_type="test.thing", object_id="1")
    Holiday.objects.create(date=date(2025, 6, 4), kind=HolidayKind.HOLIDAY, name="备份测试")
    media = Path(settings.MEDIA_ROOT)
    (media / "cases").mkdir(parents=True)
    (media / "cases" / "申请表.pdf").write_bytes(b"%PDF-1.7 original")
    entries_at_backup = LedgerEntry.objects.count()
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), stdout=StringIO())

    # Change things after the backup: new rows, an edited file, a new file, a removed holiday.
    append_ledger_entry(actor=None, action="test.after_backup", object_type="test.thing", object_id="2")
    make_citizen("after_backup_citizen")
    Holiday.objects.filter(date=date(2025, 6, 4)).delete()
    (media / "cases" / "申请表.pdf").write_bytes(b"changed")
    (media / "stray.txt").write_text("stray")

    call_command("restore", str(archive), "--noinput", stdout=StringIO())

    assert LedgerEntry.objects.count() == entries_at_backup
    assert not LedgerEntry.objects.filter(action="test.after_backup").exists()
    assert verify_ledger().ok is True
    user_model = citizen.__class__
    assert user_model.objects.filter(username="backup_citizen").exists()
    assert not user_model.objects.filter(username="after_backup_citizen").exists()
    assert user_model.objects.get(username="backup_citizen").check_password(settings.TONGBAN_DEMO_PASSWORD)
    assert is_working_day(date(2025, 6, 4)) is False
    assert (media / "cases" / "申请表.pdf").read_bytes() == b"%PDF-1.7 original"
    assert not (media / "stray.txt").exists()
    # The ledger still refuses changes after a restore.
    assert LedgerEntry.objects.filter(action="test.before_backup").count() == 1


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(tmp_path: Path) -> None:
    append_ledger_entry(actor=None, action="test.kept", object_type="test.thing", object_id="1")
    before = LedgerEntry.objects.count()
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        note = tmp_path / "note.txt"
        note.write_text("hello")
        archive.add(note, arcname="note.txt")
    with pytest.raises(CommandError) as excinfo:
        call_command("restore", str(bogus), "--noinput", stdout=StringIO())
    assert excinfo.value.returncode == 1
    assert LedgerEntry.objects.count() == before


def test_restoring_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    before = LedgerEntry.objects.count()
    with pytest.raises(CommandError) as excinfo:
        call_command("restore", str(tmp_path / "nope.tar.gz"), "--noinput", stdout=StringIO())
    assert "找不到备份文件" in str(excinfo.value)
    assert LedgerEntry.objects.count() == before


# --- Privacy of the archive ----------------------------------------------------------------------------------


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]


def test_the_archive_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    archive = tmp_path / "backup.tar.gz"
    archive.write_text("an older, world-readable file under the same name")
    archive.chmod(0o644)
    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())
    assert archive.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*partial"))


def test_the_archive_leaves_out_sessions_and_api_tokens_but_keeps_password_hashes(
    client, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.sessions.models import Session

    from tongban.accounts.models import ApiToken

    citizen = make_citizen("backup_session_citizen")
    client.force_login(citizen)
    assert (
        client.post(
            "/api/v1/auth/token",
            {"username": "backup_session_citizen", "password": settings.TONGBAN_DEMO_PASSWORD},
            content_type="application/json",
        ).status_code
        == 200
    )
    session_key = Session.objects.get().session_key
    token_hash = ApiToken.objects.get().token_hash
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())

    db_json = _members(archive)["db.json"].decode()
    assert session_key not in db_json
    assert '"model": "sessions.session"' not in db_json
    assert token_hash not in db_json
    assert '"model": "accounts.apitoken"' not in db_json
    assert citizen.password in db_json  # restore must let people sign in again

    call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert not Session.objects.exists()
    assert not ApiToken.objects.exists()
    restored = citizen.__class__.objects.get(username="backup_session_citizen")
    assert restored.check_password(settings.TONGBAN_DEMO_PASSWORD)


# --- Encryption -------------------------------------------------------------------------------------------------

KEY = "correct horse battery staple 通办"


def test_an_encrypted_backup_round_trips_and_hides_its_contents(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_BACKUP_KEY = KEY
    make_citizen("secret_citizen", id_number="410202199001010018")
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    # Bigger than one 1 MiB chunk (and incompressible), so several chunks are chained.
    payload = os.urandom(2 * 1024 * 1024 + 123)
    (media / "big.bin").write_bytes(payload)
    archive = tmp_path / "backup.tar.gz.enc"

    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())

    raw = archive.read_bytes()
    assert raw.startswith(b"TBBACKUP")
    assert archive.stat().st_mode & 0o777 == 0o600
    with pytest.raises(tarfile.TarError), tarfile.open(archive, "r:gz") as tar:
        tar.getmembers()
    assert b"secret_citizen" not in raw

    make_citizen("after_encrypted_backup")
    (media / "big.bin").write_bytes(b"changed")
    call_command("restore", str(archive), "--noinput", stdout=StringIO())

    user_model = get_user_model()
    assert user_model.objects.filter(username="secret_citizen").exists()
    assert not user_model.objects.filter(username="after_encrypted_backup").exists()
    assert (media / "big.bin").read_bytes() == payload


def test_restore_refuses_a_wrong_key_and_changes_nothing(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_BACKUP_KEY = KEY
    archive = tmp_path / "backup.enc"
    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())
    append_ledger_entry(actor=None, action="test.after", object_type="test.thing", object_id="1")
    before = LedgerEntry.objects.count()

    settings.TONGBAN_BACKUP_KEY = "not the key"
    with pytest.raises(CommandError, match="备份密钥不正确") as excinfo:
        call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert excinfo.value.returncode == 1

    settings.TONGBAN_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="该备份已加密"):
        call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert LedgerEntry.objects.count() == before


@pytest.mark.parametrize("damage", ["truncate_end", "truncate_record", "flip_byte", "drop_header"])
def test_a_damaged_encrypted_archive_is_a_clean_error(settings, tmp_path: Path, damage: str) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_BACKUP_KEY = KEY
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "big.bin").write_bytes(os.urandom(1024 * 1024 + 10))  # two chunks
    archive = tmp_path / "backup.enc"
    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())
    raw = archive.read_bytes()
    first_record_end = 56 + 4 + 1024 * 1024 + 16
    damaged = {
        # Dropping whole trailing chunks must be caught too: the last chunk left was not sealed as final.
        "truncate_end": raw[:first_record_end],
        "truncate_record": raw[: len(raw) - 7],
        "flip_byte": raw[:2000] + bytes([raw[2000] ^ 1]) + raw[2001:],
        "drop_header": raw[:20],
    }[damage]
    archive.write_bytes(damaged)
    append_ledger_entry(actor=None, action="test.kept", object_type="test.thing", object_id="1")
    before = LedgerEntry.objects.count()
    with pytest.raises(CommandError, match="损坏") as excinfo:
        call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert excinfo.value.returncode == 1
    assert LedgerEntry.objects.count() == before


def test_encrypting_without_a_key_is_refused(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="TONGBAN_BACKUP_KEY"):
        call_command("backup", str(tmp_path / "x.enc"), "--encrypt", stdout=StringIO())
    assert not (tmp_path / "x.enc").exists()


def test_no_encrypt_writes_a_plain_archive_even_with_a_key(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_BACKUP_KEY = KEY
    archive = tmp_path / "plain.tar.gz"
    call_command("backup", str(archive), "--no-encrypt", stdout=StringIO(), stderr=StringIO())
    assert "db.json" in _members(archive)


# --- Damaged plain archives and confirmation --------------------------------------------------------------------


def test_a_truncated_plain_archive_is_a_clean_error(tmp_path: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "big.bin").write_bytes(os.urandom(300_000))
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO(), stderr=StringIO())
    archive.write_bytes(archive.read_bytes()[:150_000])
    append_ledger_entry(actor=None, action="test.kept", object_type="test.thing", object_id="1")
    before = LedgerEntry.objects.count()
    with pytest.raises(CommandError, match="损坏"):
        call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert LedgerEntry.objects.count() == before


def test_an_archive_with_broken_data_rolls_back(tmp_path: Path) -> None:
    append_ledger_entry(actor=None, action="test.kept", object_type="test.thing", object_id="1")
    before = LedgerEntry.objects.count()
    bogus = tmp_path / "bogus.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text('{"format": 1}')
    db_json = tmp_path / "db.json"
    db_json.write_text('[{"model": "core.nosuchmodel", "pk": 1, "fields": {}}')
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(manifest, arcname="manifest.json")
        tar.add(db_json, arcname="db.json")
    with pytest.raises(CommandError, match="无法载入"):
        call_command("restore", str(bogus), "--noinput", stdout=StringIO())
    assert LedgerEntry.objects.count() == before


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_restore_without_yes_and_without_a_terminal_exits_with_a_message(tmp_path: Path, stdin: str) -> None:
    # A real process: stdin at EOF (cron, CI) or closed altogether (`<&-`), and no --yes.
    archive = tmp_path / "any.tar.gz"
    archive.write_bytes(b"not even looked at")
    command = [sys.executable, "-m", "tongban.cli", "restore", str(archive)]
    result = subprocess.run(
        command if stdin == "devnull" else ["bash", "-c", 'exec "$@" <&-', "bash", *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "TONGBAN_VAR_DIR": str(tmp_path / "var")},
    )
    assert result.returncode == 2
    assert "--yes" in result.stderr
    assert "Traceback" not in result.stderr
