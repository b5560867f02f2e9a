"""Background tasks of ``notifications`` (``django.tasks`` API; django-tasks-db in the embedded default)."""

from __future__ import annotations

from django_tasks import task

from tongban.notifications import services


@task()
def deliver_outbox(message_ids: list[int]) -> dict[str, int]:
    """Deliver the given outbox rows; idempotent, so a repeated or late run sends nothing twice."""
    return services.deliver_messages(message_ids)


@task()
def deliver_pending_outbox(limit: int = 100) -> dict[str, int]:
    """Deliver due outbox rows, including retries whose backoff has passed."""
    return services.deliver_pending(limit)
