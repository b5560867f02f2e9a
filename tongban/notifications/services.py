"""State-changing services of ``notifications``: writing outbox rows and delivering them.

Writers call :func:`enqueue_notification` inside their own transaction; the rows commit or roll back with the
change they report, and delivery is queued only after commit (``transaction.on_commit``). Workers
(:func:`deliver_pending`, the ``deliver_notifications`` command, the ``deliver_outbox`` task) are idempotent:
each row is locked, its status re-checked, delivered once, and retried with exponential backoff on failure.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from tongban.notifications.choices import Channel, OutboxStatus
from tongban.notifications.errors import UNKNOWN_CHANNEL
from tongban.notifications.models import InboxMessage, OutboxMessage
from tongban.notifications.sms import get_sms_backend

logger = logging.getLogger(__name__)

DEFAULT_CHANNELS = (Channel.INBOX, Channel.EMAIL, Channel.SMS)
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 60
BACKOFF_MAX_SECONDS = 6 * 60 * 60


class NothingToSend(Exception):
    """The recipient has no address on this channel; the row is marked skipped, not retried."""


def _case_number(case: Any) -> str:
    if case is None:
        return ""
    return str(getattr(case, "number", case))


def enqueue_notification(
    *,
    user: Any,
    event: str,
    title: str,
    body: str,
    url: str = "",
    case: Any = None,
    channels: Iterable[str] = DEFAULT_CHANNELS,
    dedupe_key: str = "",
    phone: str = "",
) -> list[OutboxMessage]:
    """Write one outbox row per channel in the caller's transaction and deliver them after it commits.

    ``user`` is the recipient; ``user=None`` with ``phone`` sends an SMS to a person who has no account.

    ``case`` is a ``Case`` (its ``number`` is stored) or a case number. ``dedupe_key``, when given, makes the call
    idempotent: a second call with the same key returns the rows of the first and writes nothing. Without it every
    call writes new rows. Nothing is sent before commit; a rolled-back transaction leaves no row and sends nothing.
    """
    channels = list(channels)
    if any(channel not in Channel.values for channel in channels):
        raise UNKNOWN_CHANNEL.error()
    fields = {
        "recipient": user,
        "phone": phone[:20],
        "event": event,
        "title": str(title)[:200],
        "body": str(body),
        "url": url[:300],
        "case_number": _case_number(case),
    }
    messages: list[OutboxMessage] = []
    if dedupe_key:
        for channel in channels:
            message, _created = OutboxMessage.objects.get_or_create(
                dedupe_key=f"{dedupe_key}:{channel}"[:200], defaults={"channel": channel, **fields}
            )
            messages.append(message)
    else:
        # A fresh random key cannot exist yet, so one multi-row INSERT replaces a SELECT, a savepoint and an
        # INSERT per channel (the case engine writes three events × three channels per lifecycle).
        base_key = uuid.uuid4().hex
        messages = OutboxMessage.objects.bulk_create(
            [OutboxMessage(channel=c, dedupe_key=f"{base_key}:{c}"[:200], **fields) for c in channels]
        )
    ids = [m.pk for m in messages if m.status == OutboxStatus.PENDING]
    if not ids:
        return messages
    # One delivery task per transaction, not one per event: rows written at the same savepoint level join the
    # batch this transaction already queues after commit (a rolled-back savepoint drops its batch with it, as
    # Django drops the callbacks registered inside it). Each queued task is a write of its own after commit.
    connection = transaction.get_connection()
    scope = set(connection.savepoint_ids)
    for sids, func, _robust in connection.run_on_commit:
        batch = getattr(func, "outbox_ids", None)
        if batch is not None and sids == scope:
            batch.extend(ids)
            return messages

    def queue_after_commit() -> None:
        _queue_delivery(ids)

    queue_after_commit.outbox_ids = ids  # type: ignore[attr-defined]
    transaction.on_commit(queue_after_commit)
    return messages


def _queue_delivery(ids: list[int]) -> None:
    """Hand committed rows to the task backend; if queueing fails the cron sweep still delivers them."""
    from tongban.notifications.tasks import deliver_outbox

    try:
        deliver_outbox.enqueue(ids)
    except Exception:  # a broken queue must not break the request that committed; the sweep picks rows up
        logger.exception("could not queue outbox delivery for %s", ids)


def backoff_delay(attempts: int) -> timedelta:
    """Delay before the next attempt after ``attempts`` failures: 1, 2, 4 … minutes, capped at six hours."""
    return timedelta(seconds=min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


def _send(message: OutboxMessage) -> None:
    """Deliver one row on its channel; raise on failure, :class:`NothingToSend` when there is no address."""
    user = message.recipient
    if message.channel == Channel.INBOX:
        if user is None:
            raise NothingToSend("no recipient")
        InboxMessage.objects.get_or_create(
            source=message,
            defaults={
                "user": user,
                "title": message.title,
                "body": message.body,
                "url": message.url,
                "case_number": message.case_number,
            },
        )
    elif message.channel == Channel.EMAIL:
        if user is None or not user.email:
            raise NothingToSend("no e-mail address")
        text = message.body
        if message.url:
            text = f"{text}\n\n{settings.TONGBAN_BASE_URL.rstrip('/')}{message.url}"
        send_mail(message.title, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    elif message.channel == Channel.SMS:
        phone = message.phone or (user.phone if user is not None else "")
        if not phone:
            raise NothingToSend("no phone number")
        get_sms_backend().send(phone, f"【通办】{message.title}。{message.body}"[:300])
    else:
        raise NothingToSend("webhooks are delivered by the integrations worker")


def deliver_message(message_id: int) -> str:
    """Deliver one outbox row if it is still due; return its status afterwards.

    Locks the row (``select_for_update(skip_locked=True)`` on PostgreSQL; SQLite's IMMEDIATE transactions
    serialise writers) so two workers never send it twice; a row another worker holds is left alone.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=message_id)
            .first()
        )
        if message is None:
            return ""
        if message.status != OutboxStatus.PENDING or message.next_attempt_at > timezone.now():
            return message.status
        now = timezone.now()
        message.attempts += 1
        try:
            with transaction.atomic():
                _send(message)
        except NothingToSend as exc:
            message.status = OutboxStatus.SKIPPED
            message.last_error = str(exc)[:500]
        except Exception as exc:  # any channel failure is retried later, never propagated to the caller
            logger.warning("outbox %s (%s) failed: %s", message.pk, message.channel, exc)
            message.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboxStatus.FAILED
            else:
                message.next_attempt_at = now + backoff_delay(message.attempts)
        else:
            message.status = OutboxStatus.SENT
            message.sent_at = now
            message.last_error = ""
        message.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "sent_at"])
        return message.status


def deliver_messages(ids: Iterable[int]) -> dict[str, int]:
    """Deliver the given rows that are due; return counts by resulting status."""
    counts: dict[str, int] = {}
    for message_id in ids:
        status = deliver_message(message_id)
        if status:
            counts[status] = counts.get(status, 0) + 1
    return counts


def deliver_pending(limit: int = 100) -> dict[str, int]:
    """Deliver up to ``limit`` due rows (the cron sweep); safe to run in several processes at once."""
    ids = list(
        OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "id")
        .values_list("id", flat=True)[:limit]
    )
    return deliver_messages(ids)


def do_mark_message_read(message: InboxMessage) -> InboxMessage:
    """Mark an in-app message read (idempotent: the first read time is kept)."""
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message


def do_mark_all_read(user: Any) -> int:
    """Mark every unread in-app message of ``user`` read; return how many changed."""
    return InboxMessage.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def send_sms_now(phone: str, text: str) -> None:
    """Send one SMS at once through the configured adapter, outside the outbox.

    Only for messages that are useless later and hold nothing to retry (one-time codes, sent after commit by the
    caller); everything a user must eventually receive goes through :func:`enqueue_notification`.
    """
    get_sms_backend().send(phone, text)
