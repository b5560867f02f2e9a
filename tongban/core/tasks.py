"""Background jobs of ``core`` (``django.tasks``; run by the django-tasks-db worker, or immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from tongban.core.checkpoints import do_write_hourly_checkpoint


@task()
def write_hourly_ledger_checkpoint() -> int | None:
    """Sign the ledger head if it moved and the last checkpoint is an hour old; returns the covered ``seq``.

    Idempotent: a second run in the same hour, or with no new entries, writes nothing and returns ``None``. The
    job worker runs the same sweep itself every minute (``run_worker``), so no external scheduler is needed.
    """
    checkpoint = do_write_hourly_checkpoint()
    return checkpoint.seq if checkpoint is not None else None
