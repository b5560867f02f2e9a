"""Backups carry the signed ledger checkpoints, restores keep them, and an archive that contradicts them is refused."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Iterator
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test.utils import override_settings

from tongban.core.checkpoints import fetch_checkpoints, parse_checkpoints, verify_checkpoints
from tongban.core.models import LedgerCheckpoint, LedgerEntry
from tongban.core.queries import verify_ledger
from tongban.core.services import append_ledger_entry, canonical_entry, chain_hash
from tongban.core.tests.checkpoint_signer import Ed25519Signer, ed25519_signer

pytestmark = pytest.mark.django_db


@pytest.fixture
def signer() -> Iterator[Ed25519Signer]:
    with ed25519_signer() as registered:
        yield registered


def _append(count: int) -> None:
    for i in range(count):
        append_ledger_entry(
            actor=None, action="test.created", object_type="test.thing", object_id=str(i), data={"n": i}
        )


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]


def _write_archive(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))


@override_settings(TONGBAN_CHECKPOINT_EVERY=3)
def test_a_backup_carries_the_checkpoints_and_a_restore_keeps_them(
    signer: Ed25519Signer, tmp_path: Path
) -> None:
    _append(7)
    published = fetch_checkpoints()
    assert [c.seq for c in published] == [3, 6]
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())

    members = _members(archive)
    assert parse_checkpoints(members["checkpoints.json"]) == published
    assert json.loads(members["manifest.json"])["checkpoints"] == 2

    _append(3)  # a checkpoint at 9 after the backup
    assert LedgerCheckpoint.objects.count() == 3
    call_command("restore", str(archive), "--noinput", stdout=StringIO())

    assert fetch_checkpoints() == published
    assert verify_ledger().ok
    assert verify_checkpoints(parse_checkpoints(members["checkpoints.json"])).ok


def _rewrite_dump(dump: list[dict[str, Any]], seq: int) -> None:
    """Change entry ``seq`` inside a ``dumpdata`` list and recompute the chain after it, as a forger would."""
    entries = sorted(
        (row for row in dump if row["model"] == "core.ledgerentry"), key=lambda r: r["fields"]["seq"]
    )
    prev_hash = "0" * 64
    for row in entries:
        fields = row["fields"]
        if fields["seq"] == seq:
            fields["data"] = {"n": "forged"}
        if fields["seq"] >= seq:
            created_at = datetime.fromisoformat(fields["created_at"].replace("Z", "+00:00"))
            canonical = canonical_entry(
                seq=fields["seq"],
                created_at=created_at.isoformat(),
                actor_id=None,
                actor_label=fields["actor_label"],
                action=fields["action"],
                object_type=fields["object_type"],
                object_id=fields["object_id"],
                data=fields["data"],
            )
            fields["prev_hash"] = prev_hash
            fields["hash"] = chain_hash(prev_hash, canonical)
        prev_hash = fields["hash"]
    for row in dump:
        if row["model"] == "core.ledgerhead":
            row["fields"]["hash"] = prev_hash


@override_settings(TONGBAN_CHECKPOINT_EVERY=3)
def test_an_archive_whose_ledger_contradicts_its_checkpoints_is_refused(
    signer: Ed25519Signer, tmp_path: Path
) -> None:
    _append(7)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())
    members = _members(archive)
    dump = json.loads(members["db.json"])
    _rewrite_dump(dump, 2)
    members["db.json"] = json.dumps(dump).encode()
    forged = tmp_path / "forged.tar.gz"
    _write_archive(forged, members)
    _append(1)
    before = list(LedgerEntry.objects.values_list("seq", "hash"))

    with pytest.raises(CommandError) as excinfo:
        call_command("restore", str(forged), "--noinput", stdout=StringIO())

    assert "签名检查点不符" in str(excinfo.value) and "第 3 条" in str(excinfo.value)
    assert list(LedgerEntry.objects.values_list("seq", "hash")) == before
    # The same archive without the forgery restores.
    call_command("restore", str(archive), "--noinput", stdout=StringIO())
    assert LedgerEntry.objects.count() == 7


def test_an_archive_from_before_checkpoints_still_restores(tmp_path: Path) -> None:
    _append(2)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())
    members = _members(archive)
    del members["checkpoints.json"]
    old = tmp_path / "old.tar.gz"
    _write_archive(old, members)
    call_command("restore", str(old), "--noinput", stdout=StringIO())
    assert LedgerEntry.objects.count() == 2
