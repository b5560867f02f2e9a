"""``manage.py run_worker`` (``tongban worker``): django-tasks-db's ``db_worker`` that also writes a heartbeat.

Same options as ``db_worker``. The heartbeat (:class:`~tongban.core.models.WorkerHeartbeat`) is written when the
worker starts, after tasks and while idle, at most every ``TONGBAN_WORKER_HEARTBEAT_SECONDS``; ``/health/`` calls
the worker dead once it is older than ``TONGBAN_WORKER_STALE_SECONDS``. The loop is ``db_worker``'s own, run in
batches: drain the ready tasks, beat, sleep ``--interval``, repeat — so a stuck task also stops the heartbeat.

Between batches, at most once a minute, the worker also runs the hourly ledger checkpoint sweep
(:func:`tongban.core.checkpoints.do_write_hourly_checkpoint`): the platform has no other scheduler, and several
workers doing it are harmless (the sweep locks the ledger head and writes only when the last checkpoint is old).
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from tongban.core.checkpoints import do_write_hourly_checkpoint
from tongban.core.health import (
    do_prune_worker_heartbeats,
    do_record_worker_heartbeat,
    do_remove_worker_heartbeat,
)

CHECKPOINT_SWEEP_SECONDS = 60
logger = logging.getLogger(__name__)


class HeartbeatWorker(db_worker.Worker):
    """``db_worker``'s worker with a heartbeat between batches and tasks."""

    def __init__(self, *, heartbeat_seconds: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heartbeat_seconds = heartbeat_seconds
        self.started_at = timezone.now()
        self._last_beat = float("-inf")
        self._last_checkpoint_sweep = float("-inf")

    def sweep_checkpoint(self) -> None:
        if time.monotonic() - self._last_checkpoint_sweep < CHECKPOINT_SWEEP_SECONDS:
            return
        self._last_checkpoint_sweep = time.monotonic()
        try:
            do_write_hourly_checkpoint()
        except Exception:  # the worker must keep running tasks; the next sweep tries again
            logger.exception("hourly ledger checkpoint sweep failed")

    def beat(self) -> None:
        if time.monotonic() - self._last_beat < self.heartbeat_seconds:
            return
        do_record_worker_heartbeat(self.worker_id, started_at=self.started_at)
        self._last_beat = time.monotonic()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        self.beat()

    def run(self) -> None:
        once = self.batch
        self.batch = True  # the parent loop returns when the queue is empty; beat, sleep and go again
        do_prune_worker_heartbeats()
        try:
            while self.running:
                self.beat()
                self.sweep_checkpoint()
                super().run()
                self.startup_delay = False
                if once or (self.max_tasks is not None and self._run_tasks >= self.max_tasks):
                    return
                close_old_connections()
                time.sleep(self.interval)
        finally:
            # Runs on a clean stop (SIGTERM/SIGINT exit through SystemExit), not after SIGKILL: that one goes stale.
            # The database may be what failed; the row then goes stale instead.
            with contextlib.suppress(Exception):
                do_remove_worker_heartbeat(self.worker_id)


class Command(db_worker.Command):
    help = "运行后台任务进程并写入心跳（run the django-tasks-db worker with a heartbeat for /health/）"

    def handle(self, *args: Any, **options: Any) -> None:
        heartbeat = float(settings.TONGBAN_WORKER_HEARTBEAT_SECONDS)
        original = db_worker.Worker
        # db_worker.Command.handle builds its Worker by name; hand it ours for the length of this call.
        db_worker.Worker = lambda **kwargs: HeartbeatWorker(heartbeat_seconds=heartbeat, **kwargs)  # type: ignore[misc,assignment]
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original  # type: ignore[misc]
