"""Reads owned by ``core``: verifying the hash-chained ledger (ARCHITECTURE §5.3, ADR 0003)."""

from __future__ import annotations

from dataclasses import dataclass

from tongban.core.choices import LedgerBreak
from tongban.core.models import LedgerEntry, LedgerHead
from tongban.core.services import canonical_entry, chain_hash

GENESIS_HASH = "0" * 64
VERIFY_CHUNK_SIZE = 2000


@dataclass(frozen=True)
class LedgerVerification:
    """The outcome of a chain check: ``ok``, how many entries were checked, and where and why it broke."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: LedgerBreak | None = None
    last_seq: int = 0

    @property
    def reason_label(self) -> str:
        """The reason in the user's language, or an empty string when the chain is intact."""
        return str(self.reason.label) if self.reason is not None else ""


def verify_ledger(*, chunk_size: int = VERIFY_CHUNK_SIZE) -> LedgerVerification:
    """Recompute every entry's hash in ``seq`` order and stop at the first broken link.

    Streams rows with ``iterator()`` so memory stays flat however long the ledger is. Checks, per entry, that
    the sequence has no gap, that ``prev_hash`` equals the previous entry's hash and that the stored hash equals
    ``SHA-256(prev_hash || canonical(entry))``; finally that the chain head points at the last entry, which
    catches rows cut off the end.
    """
    fields = (
        "seq",
        "created_at",
        "actor_id",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "data",
        "prev_hash",
        "hash",
    )
    rows = LedgerEntry.objects.order_by("seq").values_list(*fields).iterator(chunk_size=chunk_size)
    checked = 0
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for (
        seq,
        created_at,
        actor_id,
        actor_label,
        action,
        object_type,
        object_id,
        data,
        stored_prev,
        stored,
    ) in rows:
        if seq != expected_seq:
            return LedgerVerification(
                False, checked, expected_seq, LedgerBreak.SEQUENCE_GAP, expected_seq - 1
            )
        if stored_prev != prev_hash:
            return LedgerVerification(False, checked, seq, LedgerBreak.BROKEN_PREV_LINK, seq - 1)
        canonical = canonical_entry(
            seq=seq,
            created_at=created_at.isoformat(),
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            object_type=object_type,
            object_id=object_id,
            data=data,
        )
        if chain_hash(stored_prev, canonical) != stored:
            return LedgerVerification(False, checked, seq, LedgerBreak.HASH_MISMATCH, seq - 1)
        checked += 1
        prev_hash = stored
        expected_seq = seq + 1
    head = LedgerHead.objects.filter(id=1).values_list("seq", "hash").first()
    head_seq, head_hash = head if head is not None else (0, GENESIS_HASH)
    if head_seq != checked or head_hash != prev_hash:
        # Entries after the last stored one existed once (the head moved past them): report the first missing.
        return LedgerVerification(False, checked, checked + 1, LedgerBreak.HEAD_MISMATCH, checked)
    return LedgerVerification(True, checked, None, None, checked)


def get_ledger_entry(seq: int) -> LedgerEntry | None:
    """The ledger entry with sequence number ``seq``, if it exists."""
    return LedgerEntry.objects.filter(seq=seq).first()
