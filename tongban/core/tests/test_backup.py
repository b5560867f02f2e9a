"""``backup`` and ``restore`` round-trip the database and the media files."""

from __future__ import annotations

import tarfile
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
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
