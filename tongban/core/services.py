"""State-changing services owned by ``core``: appending to the ledger."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from tongban.core.models import LedgerEntry, LedgerHead


def canonical_entry(
    *,
    seq: int,
    created_at: str,
    actor_id: int | None,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    data: dict[str, Any],
) -> str:
    """The canonical JSON text of an entry that its hash covers (sorted keys, no spaces, UTF-8)."""
    return json.dumps(
        {
            "seq": seq,
            "created_at": created_at,
            "actor_id": actor_id,
            "actor_label": actor_label,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "data": data,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )


def chain_hash(prev_hash: str, canonical: str) -> str:
    """``SHA-256(prev_hash || canonical)`` as lowercase hex."""
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def append_ledger_entry(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    data: dict[str, Any] | None = None,
    actor_label: str = "",
) -> LedgerEntry:
    """Append one entry to the ledger inside the caller's transaction.

    Must be called from within the service's ``transaction.atomic`` block so the entry commits or rolls back
    with the change it records. Appends are serialised by locking the single :class:`LedgerHead` row
    (``select_for_update`` on PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers).
    ``data`` should hold a small before/after summary, never full personal data.
    """
    if obj is not None:
        object_type = object_type or f"{obj._meta.app_label}.{obj._meta.model_name}"
        object_id = object_id or str(obj.pk)
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    if not actor_label:
        actor_label = str(actor_obj) if actor_obj is not None else "system"
    payload = json.loads(json.dumps(data or {}, default=str, ensure_ascii=False))
    # No savepoint inside the caller's transaction: a failed append must roll the whole change back anyway, and a
    # savepoint costs two statements per entry (several entries per case transition).
    with transaction.atomic(savepoint=False):
        head, _created = LedgerHead.objects.select_for_update().get_or_create(id=1)
        seq = head.seq + 1
        # Millisecond precision: Django's JSON serializer (dumpdata, hence backups) keeps only milliseconds,
        # and the timestamp is part of the hashed text, so a restored entry must read back identical.
        now = timezone.now()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        created_at = now.isoformat()
        canonical = canonical_entry(
            seq=seq,
            created_at=created_at,
            actor_id=actor_obj.pk if actor_obj is not None else None,
            actor_label=actor_label,
            action=action,
            object_type=object_type,
            object_id=object_id,
            data=payload,
        )
        digest = chain_hash(head.hash, canonical)
        entry = LedgerEntry(
            seq=seq,
            created_at=now,
            actor=actor_obj,
            actor_label=actor_label,
            action=action,
            object_type=object_type,
            object_id=object_id,
            data=payload,
            prev_hash=head.hash,
            hash=digest,
        )
        entry.save(force_insert=True)
        head.seq = seq
        head.hash = digest
        head.save(update_fields=["seq", "hash"])
    return entry
