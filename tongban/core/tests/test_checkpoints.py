"""Signed ledger checkpoints: the signed text, when appends write them, the sweep, verification, the file format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from tongban.core import checkpoints
from tongban.core.checkpoints import (
    CheckpointData,
    CheckpointFileError,
    checkpoint_message,
    checkpoints_document,
    do_write_checkpoint,
    do_write_hourly_checkpoint,
    fetch_checkpoints,
    format_checkpoint_time,
    parse_checkpoints,
    verify_checkpoints,
)
from tongban.core.choices import CheckpointBreak
from tongban.core.management.commands.run_worker import HeartbeatWorker
from tongban.core.models import LedgerAppendOnlyError, LedgerCheckpoint, LedgerEntry, LedgerHead
from tongban.core.services import append_ledger_entry
from tongban.core.tasks import write_hourly_ledger_checkpoint
from tongban.core.tests.checkpoint_signer import Ed25519Signer, ed25519_signer, without_signer

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def signer() -> Iterator[Ed25519Signer]:
    with ed25519_signer() as registered:
        yield registered


def _append(count: int) -> list[LedgerEntry]:
    with transaction.atomic():
        return [
            append_ledger_entry(
                actor=None, action="test.created", object_type="test.thing", object_id=str(i), data={"n": i}
            )
            for i in range(count)
        ]


# --- The signed text (no signer needed) ------------------------------------------------------------------------


def test_the_signed_message_is_sorted_compact_utf8_json() -> None:
    message = checkpoint_message(
        seq=1000, head_hash="ab" * 32, time="2026-12-04T19:07:51.123Z", platform="https://通办.example.cn"
    )
    assert (
        message
        == (
            '{"format":"tongban-ledger-checkpoint/1","hash":"'
            + "ab" * 32
            + '","platform":"https://通办.example.cn",'
            '"seq":1000,"time":"2026-12-04T19:07:51.123Z"}'
        ).encode()
    )


def test_checkpoint_time_is_utc_with_milliseconds() -> None:
    moment = datetime(2026, 12, 5, 3, 7, 51, 123456, tzinfo=UTC).astimezone(
        datetime.now().astimezone().tzinfo
    )
    assert format_checkpoint_time(moment) == "2026-12-05T03:07:51.123Z"


def test_a_published_checkpoint_reads_back_identically() -> None:
    item = CheckpointData(7, "cd" * 32, "2026-03-02T09:00:00.000Z", "http://x", "k1", "EdDSA", "c2ln")
    document = checkpoints_document([item], next_after=None)
    assert parse_checkpoints(json.dumps(document)) == [item]
    assert parse_checkpoints(json.dumps([document, document])) == [item, item]
    assert parse_checkpoints(json.dumps([item.as_dict()])) == [item]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"items": 3}',
        '{"items": [{"seq": 1}]}',
        '{"items": [{"seq": "1", "hash": "'
        + "a" * 64
        + '", "time": "", "platform": "", "kid": "", "alg": "", '
        '"signature": ""}]}',
        '{"items": [{"seq": 1, "hash": "xyz", "time": "", "platform": "", "kid": "", "alg": "", "signature": ""}]}',
        "42",
    ],
)
def test_a_malformed_checkpoints_file_is_refused(text: str) -> None:
    with pytest.raises(CheckpointFileError):
        parse_checkpoints(text)


# --- Writing ---------------------------------------------------------------------------------------------------


@override_settings(TONGBAN_CHECKPOINT_EVERY=3)
def test_without_a_signer_no_checkpoint_is_written() -> None:
    with without_signer():
        _append(7)
        assert do_write_checkpoint() is None
    assert not LedgerCheckpoint.objects.exists()


@override_settings(TONGBAN_CHECKPOINT_EVERY=3)
def test_every_nth_append_signs_the_head(signer: Ed25519Signer) -> None:
    entries = _append(7)
    stored = list(LedgerCheckpoint.objects.order_by("seq"))
    assert [c.seq for c in stored] == [3, 6]
    by_seq = {e.seq: e for e in entries}
    for checkpoint in stored:
        assert checkpoint.head_hash == by_seq[checkpoint.seq].hash
        assert checkpoint.kid == signer.kid
        assert checkpoint.alg == "EdDSA"
        item = CheckpointData.from_row(checkpoint)
        assert signer.verify(item.kid, item.message(), item.signature)
    assert verify_checkpoints().ok


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_a_rolled_back_change_takes_its_checkpoint_with_it(signer: Ed25519Signer) -> None:
    _append(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="x")
        assert LedgerCheckpoint.objects.filter(seq=2).exists()
        raise RuntimeError("the service failed after appending")
    assert not LedgerCheckpoint.objects.exists()
    assert LedgerHead.objects.get().seq == 1


@override_settings(TONGBAN_CHECKPOINT_EVERY=1000)
def test_an_append_that_is_not_due_costs_no_extra_query(signer: Ed25519Signer) -> None:
    _append(2)
    with without_signer(), CaptureQueriesContext(connection) as unsigned:
        _append(1)
    with CaptureQueriesContext(connection) as signed:
        _append(1)
    assert len(signed) == len(unsigned)
    assert signer.signed == 0


@override_settings(TONGBAN_CHECKPOINT_EVERY=1000, TONGBAN_CHECKPOINT_MAX_AGE_SECONDS=3600)
def test_the_first_append_an_hour_after_the_last_checkpoint_signs(signer: Ed25519Signer) -> None:
    with time_machine.travel(START, tick=False):
        _append(2)
    with time_machine.travel(START + timedelta(minutes=59), tick=False):
        _append(1)
    assert not LedgerCheckpoint.objects.exists()
    with time_machine.travel(START + timedelta(minutes=61), tick=False):
        entry = _append(1)[0]
    checkpoint = LedgerCheckpoint.objects.get()
    assert (checkpoint.seq, checkpoint.head_hash) == (entry.seq, entry.hash)
    assert LedgerHead.objects.get().checkpointed_at == START + timedelta(minutes=61)


@override_settings(TONGBAN_CHECKPOINT_EVERY=1000, TONGBAN_CHECKPOINT_MAX_AGE_SECONDS=3600)
def test_the_hourly_sweep_signs_only_a_moved_head_an_hour_on(signer: Ed25519Signer) -> None:
    assert do_write_hourly_checkpoint(now=START) is None  # empty ledger
    with time_machine.travel(START, tick=False):
        _append(2)
    first = do_write_hourly_checkpoint(now=START)  # no checkpoint yet: sign at once
    assert first is not None and first.seq == 2
    with time_machine.travel(START + timedelta(minutes=10), tick=False):
        _append(1)
    assert do_write_hourly_checkpoint(now=START + timedelta(minutes=30)) is None  # too soon
    second = do_write_hourly_checkpoint(now=START + timedelta(minutes=61))
    assert second is not None and second.seq == 3
    assert do_write_hourly_checkpoint(now=START + timedelta(hours=3)) is None  # head did not move
    assert list(LedgerCheckpoint.objects.values_list("seq", flat=True)) == [2, 3]


def test_the_task_and_the_worker_run_the_sweep(signer: Ed25519Signer) -> None:
    with time_machine.travel(START, tick=False):
        _append(2)
        result = write_hourly_ledger_checkpoint.enqueue()
        assert result.return_value == 2
        _append(1)
    worker = HeartbeatWorker(
        heartbeat_seconds=10,
        queue_names=["default"],
        excluded_queue_names=[],
        interval=1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="checkpoint-test",
    )
    # An hour has not passed: the worker's sweep leaves the fresh checkpoint alone …
    with time_machine.travel(START + timedelta(minutes=30), tick=False):
        worker.sweep_checkpoint()
    assert LedgerCheckpoint.objects.count() == 1
    # … and does sign once the last checkpoint is old.
    worker._last_checkpoint_sweep = float("-inf")
    with time_machine.travel(START + timedelta(minutes=90), tick=False):
        worker.sweep_checkpoint()
    assert list(LedgerCheckpoint.objects.values_list("seq", flat=True)) == [2, 3]


def test_the_checkpoint_command_signs_a_moved_head(signer: Ed25519Signer) -> None:
    out = StringIO()
    call_command("ledger_checkpoint", stdout=out)
    assert "无需" in out.getvalue()
    _append(2)
    call_command("ledger_checkpoint", stdout=out)
    assert LedgerCheckpoint.objects.get().seq == 2
    call_command("ledger_checkpoint", stdout=out)
    assert LedgerCheckpoint.objects.count() == 1


def test_the_checkpoint_command_fails_without_a_signer() -> None:
    _append(1)
    with without_signer(), pytest.raises(CommandError):
        call_command("ledger_checkpoint", stdout=StringIO())
    assert not LedgerCheckpoint.objects.exists()


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_a_failing_signer_does_not_fail_the_append(signer: Ed25519Signer) -> None:
    def broken(message: bytes) -> tuple[str, str, str]:
        raise RuntimeError("key store unavailable")

    previous = checkpoints.register_checkpoint_signer(broken, signer.verify)
    try:
        entries = _append(2)
    finally:
        checkpoints.restore_checkpoint_signer(previous)
    assert LedgerEntry.objects.filter(seq=entries[-1].seq).exists()
    assert not LedgerCheckpoint.objects.exists()
    # The sweep writes the missed checkpoint.
    assert do_write_checkpoint() is not None


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_checkpoints_refuse_changes_in_the_orm_and_in_the_database(signer: Ed25519Signer) -> None:
    _append(2)
    checkpoint = LedgerCheckpoint.objects.get()
    checkpoint.head_hash = "0" * 64
    with pytest.raises(LedgerAppendOnlyError):
        checkpoint.save()
    with pytest.raises(LedgerAppendOnlyError):
        checkpoint.delete()
    for change in (
        lambda: LedgerCheckpoint.objects.update(head_hash="0" * 64),
        lambda: LedgerCheckpoint.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    assert LedgerCheckpoint.objects.get().head_hash == LedgerEntry.objects.get(seq=2).hash


# --- Verifying ---------------------------------------------------------------------------------------------------


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_a_forged_or_foreign_checkpoint_fails_its_signature(signer: Ed25519Signer) -> None:
    _append(4)
    genuine = fetch_checkpoints()
    forged = replace(genuine[0], time="2030-01-01T00:00:00.000Z")
    foreign = replace(genuine[1], kid="someone-else")
    result = verify_checkpoints([forged, foreign])
    reasons = {(p.checkpoint.seq, p.reason) for p in result.problems}
    assert (2, CheckpointBreak.BAD_SIGNATURE) in reasons
    assert (4, CheckpointBreak.BAD_SIGNATURE) in reasons
    assert (2, CheckpointBreak.NOT_IN_DATABASE) in reasons


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_a_checkpoint_beyond_the_ledger_reports_missing_entries(signer: Ed25519Signer) -> None:
    _append(2)
    item = fetch_checkpoints()[0]
    kid, alg, signature = signer.sign(replace(item, seq=9).message())
    beyond = replace(item, seq=9, kid=kid, alg=alg, signature=signature)
    result = verify_checkpoints([beyond])
    assert {(p.reason, p.first_seq, p.last_seq) for p in result.problems} == {
        (CheckpointBreak.NOT_IN_DATABASE, 9, 9),
        (CheckpointBreak.ENTRY_MISSING, 3, 9),
    }


def test_verify_command_reads_a_kept_file_and_rejects_a_bad_one(
    signer: Ed25519Signer, tmp_path: Path
) -> None:
    _append(2)
    do_write_checkpoint()
    kept = tmp_path / "kept.json"
    kept.write_text(json.dumps(checkpoints_document(fetch_checkpoints())), encoding="utf-8")
    out = StringIO()
    call_command("ledger_verify", checkpoints=[str(kept)], stdout=out)
    assert "已校验 1 个检查点" in out.getvalue()
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("ledger_verify", checkpoints=[str(bad)], stdout=StringIO(), stderr=StringIO())
    assert excinfo.value.returncode == 2
    with pytest.raises(CommandError) as excinfo:
        call_command("ledger_verify", checkpoints=[str(tmp_path / "missing.json")], stdout=StringIO())
    assert excinfo.value.returncode == 2
