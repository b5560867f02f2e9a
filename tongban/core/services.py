"""State-changing services owned by ``core``: appending to the ledger, entering a year's holiday notice."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from tongban.core import checkpoints
from tongban.core.choices import HolidayKind
from tongban.core.events import CoreLedgerAction
from tongban.core.models import CalendarYear, Holiday, LedgerEntry, LedgerHead

if TYPE_CHECKING:
    from tongban.core.calendar_notice import ParsedNotice


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
    ``data`` should hold a small before/after summary, never full personal data. Every
    ``TONGBAN_CHECKPOINT_EVERY``-th entry, and the first one an hour after the last checkpoint, also writes a
    signed checkpoint (:mod:`tongban.core.checkpoints`) in the same transaction.
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
        update_fields = ["seq", "hash"]
        # The checkpoint rule reads only what is already in hand (seq, the locked head), so the other 999 of every
        # 1000 appends cost no extra statement; the head's first append starts the hourly clock.
        due = checkpoints.is_checkpoint_due(seq, now, head.checkpointed_at)
        if due or head.checkpointed_at is None:
            head.checkpointed_at = now
            update_fields.append("checkpointed_at")
        head.save(update_fields=update_fields)
        if due:
            # After the head moved: should the signer ever append an entry itself, it chains after this one.
            checkpoints.write_checkpoint_quietly(seq=seq, head_hash=digest, now=now)
    return entry


def do_enter_calendar_notice(parsed: ParsedNotice, *, actor: Any, source: str) -> CalendarYear:
    """Enter a year's State Council holiday notice: the year stops being provisional.

    In one transaction: the days of that year's earlier entry (and the days the notice lists across New Year)
    are replaced by the notice's days, the :class:`CalendarYear` row records the source, the pasted text, who and
    when, and one ledger entry records the change. Then every listener registered with
    :func:`tongban.core.calendar.register_calendar_listener` is called as ``callback(year, actor=actor)``, still
    inside the transaction and seeing the new calendar, so that deadlines are recomputed with the notice or not at
    all: an exception in a listener rolls everything back. ``parsed`` comes from
    :func:`tongban.core.calendar_notice.parse_notice`; its flags are recorded, never enforced.
    """
    from tongban.core.calendar import calendar_listeners, clear_calendar_cache, is_provisional_year

    year = parsed.year
    source = (source or parsed.title).replace("\x00", "").strip()[:200]
    holidays = parsed.holidays
    workdays = parsed.workdays
    listed = {day: (HolidayKind.HOLIDAY, name) for day, name in holidays.items()}
    listed.update({day: (HolidayKind.ADJUSTED_WORKDAY, name) for day, name in workdays.items()})
    with transaction.atomic():
        was_provisional = is_provisional_year(year)
        previous = list(
            Holiday.objects.select_for_update()
            .filter(
                Q(notice_year=year) | Q(notice_year__isnull=True, date__year=year) | Q(date__in=list(listed))
            )
            .values_list("date", "kind")
        )
        Holiday.objects.filter(date__in=[day for day, _kind in previous]).delete()
        Holiday.objects.bulk_create(
            Holiday(date=day, kind=kind, name=name[:50], source=source, notice_year=year)
            for day, (kind, name) in sorted(listed.items())
        )
        calendar_year, _created = CalendarYear.objects.update_or_create(
            year=year,
            defaults={
                "source": source,
                "notice_text": parsed.text,
                "entered_by": actor if getattr(actor, "is_authenticated", False) else None,
                "entered_at": timezone.now(),
            },
        )
        # bulk_create sends no post_save: drop the cache explicitly so the listeners see the new year.
        clear_calendar_cache()
        old_days = {day.isoformat() for day, _kind in previous}
        new_days = {day.isoformat() for day in listed}
        append_ledger_entry(
            actor=actor,
            action=CoreLedgerAction.CALENDAR_NOTICE_ENTERED,
            obj=calendar_year,
            data={
                "year": year,
                "source": source,
                "was_provisional": was_provisional,
                "holidays": sorted(day.isoformat() for day in holidays),
                "workdays": sorted(day.isoformat() for day in workdays),
                "removed": sorted(old_days - new_days),
                "flags": sorted({flag.code for flag in parsed.flags}),
            },
        )
        recomputed = 0
        for callback in calendar_listeners():
            recomputed += int(callback(year, actor=actor))
    calendar_year.recomputed = recomputed
    return calendar_year
