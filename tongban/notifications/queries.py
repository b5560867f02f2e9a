"""Read-side queries of ``notifications``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tongban.notifications.errors import MESSAGE_NOT_FOUND
from tongban.notifications.models import InboxMessage


def fetch_messages_for_user(user: Any) -> QuerySet[InboxMessage]:
    """The user's in-app messages, newest first."""
    return InboxMessage.objects.filter(user=user).order_by("-created_at", "-id")


def count_unread_messages(user: Any) -> int:
    """How many in-app messages the user has not read yet (0 for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return InboxMessage.objects.filter(user=user, read_at__isnull=True).count()


def access_message_by_id(user: Any, message_id: int) -> InboxMessage:
    """The user's own message; the same error for missing and someone else's."""
    message = InboxMessage.objects.filter(pk=message_id, user=user).first()
    if message is None:
        raise MESSAGE_NOT_FOUND.error()
    return message


def fetch_outbox_backlog(*, now: Any = None) -> dict[str, Any]:
    """Pending outbox rows: how many, and the age in seconds of the oldest (``None`` when there are none).

    Read by the health endpoint; the age counts from the row's creation, so a backlog that the worker does not
    drain keeps growing older.
    """
    from django.db.models import Count, Min
    from django.utils import timezone

    from tongban.notifications.choices import OutboxStatus
    from tongban.notifications.models import OutboxMessage

    now = now or timezone.now()
    row = OutboxMessage.objects.filter(status=OutboxStatus.PENDING).aggregate(
        pending=Count("id"), oldest=Min("created_at")
    )
    oldest = row["oldest"]
    return {
        "pending": row["pending"],
        "oldest_pending_seconds": round((now - oldest).total_seconds(), 1) if oldest else None,
    }
