"""The hash-chained ledger: verification, tamper detection, database-level append-only, concurrent appends."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from tongban.core.choices import LedgerBreak
from tongban.core.dbtriggers import install_ledger_triggers, remove_ledger_triggers
from tongban.core.models import LedgerAppendOnlyError, LedgerEntry, LedgerHead
from tongban.core.queries import verify_ledger
from tongban.core.services import append_ledger_entry, canonical_entry, chain_hash

pytestmark = pytest.mark.django_db


def _append_three() -> list[LedgerEntry]:
    with transaction.atomic():
        return [
            append_ledger_entry(
                actor=None, action="test.created", object_type="test.thing", object_id="1", data={"n": i}
            )
            for i in range(3)
        ]


@contextmanager
def _triggers_lifted() -> Iterator[None]:
    # Only tests may do this: it stands for someone with direct database access tampering with rows.
    remove_ledger_triggers(connection)
    try:
        yield
    finally:
        install_ledger_triggers(connection)


def test_an_untouched_chain_verifies() -> None:
    entries = _append_three()
    result = verify_ledger()
    assert result.ok is True
    assert result.checked == entries[-1].seq
    assert result.first_broken_seq is None


def test_an_empty_ledger_verifies() -> None:
    assert LedgerEntry.objects.count() == 0
    assert verify_ledger().ok is True


def test_verification_streams_in_small_chunks() -> None:
    _append_three()
    assert verify_ledger(chunk_size=1).ok is True


def test_changed_data_is_detected_at_that_entry() -> None:
    entries = _append_three()
    target = entries[1].seq
    with _triggers_lifted():
        LedgerEntry.objects.filter(seq=target).update(data={"n": 99})
    result = verify_ledger()
    assert result.ok is False
    assert result.first_broken_seq == target
    assert result.reason == LedgerBreak.HASH_MISMATCH
    assert result.checked == target - 1


def test_a_removed_entry_is_detected_as_a_gap() -> None:
    entries = _append_three()
    target = entries[1].seq
    with _triggers_lifted():
        LedgerEntry.objects.filter(seq=target).delete()
    result = verify_ledger()
    assert result.ok is False
    assert result.first_broken_seq == target
    assert result.reason == LedgerBreak.SEQUENCE_GAP


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link() -> None:
    entries = _append_three()
    middle = entries[1]
    canonical = canonical_entry(
        seq=middle.seq,
        created_at=middle.created_at.isoformat(),
        actor_id=None,
        actor_label=middle.actor_label,
        action=middle.action,
        object_type=middle.object_type,
        object_id=middle.object_id,
        data={"n": 42},
    )
    with _triggers_lifted():
        LedgerEntry.objects.filter(seq=middle.seq).update(
            data={"n": 42}, hash=chain_hash(middle.prev_hash, canonical)
        )
    result = verify_ledger()
    assert result.ok is False
    assert result.first_broken_seq == entries[2].seq
    assert result.reason == LedgerBreak.BROKEN_PREV_LINK


def test_entries_cut_off_the_end_are_detected() -> None:
    entries = _append_three()
    with _triggers_lifted():
        LedgerEntry.objects.filter(seq=entries[2].seq).delete()
    result = verify_ledger()
    assert result.ok is False
    assert result.first_broken_seq == entries[2].seq
    assert result.reason == LedgerBreak.HEAD_MISMATCH


def test_the_orm_refuses_to_change_or_delete_entries() -> None:
    entries = _append_three()
    entry = entries[0]
    with pytest.raises(LedgerAppendOnlyError):
        entry.action = "test.changed"
        entry.save()
    with pytest.raises(LedgerAppendOnlyError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(seq=entry.seq).update(action="test.changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(seq=entry.seq).delete()
    assert LedgerEntry.objects.get(seq=entry.seq).action == "test.created"
    assert LedgerEntry.objects.count() == len(entries)
    assert verify_ledger().ok is True


def test_the_command_reports_an_intact_chain(capsys: pytest.CaptureFixture[str]) -> None:
    _append_three()
    call_command("ledger_verify")
    assert "账本完整" in capsys.readouterr().out


def test_the_command_exits_1_and_names_the_first_broken_entry(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _append_three()
    with _triggers_lifted():
        LedgerEntry.objects.filter(seq=entries[1].seq).update(action="test.forged")
    with pytest.raises(CommandError) as excinfo:
        call_command("ledger_verify")
    assert excinfo.value.returncode == 1
    err = capsys.readouterr().err
    assert f"第 {entries[1].seq} 条" in err
    assert "test.forged" in err


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_produce_a_gap_free_chain() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locking is only meaningful on PostgreSQL; SQLite serialises writers itself")
    append_ledger_entry(actor=None, action="test.start", object_type="test.thing", object_id="0")
    per_thread = 15
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def worker(name: str) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                with transaction.atomic():
                    append_ledger_entry(actor=None, action="test.append", object_type=name, object_id=str(i))
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(f"thread-{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = list(LedgerEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 2 * per_thread + 2))
    assert LedgerHead.objects.get(id=1).seq == 2 * per_thread + 1
    assert verify_ledger().ok is True


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_ledger_keeps_it_append_only_and_reseeds_the_calendar() -> None:
    from datetime import date

    from tongban.core.calendar import is_working_day
    from tongban.core.models import CalendarYear

    append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="1")
    call_command("flush", interactive=False, verbosity=0)
    assert LedgerEntry.objects.count() == 0
    assert CalendarYear.objects.count() == 3
    assert is_working_day(date(2025, 10, 8)) is False
    entry = append_ledger_entry(
        actor=None, action="test.after_flush", object_type="test.thing", object_id="2"
    )
    assert entry.seq == 1
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(seq=1).delete()
    assert LedgerEntry.objects.count() == 1
