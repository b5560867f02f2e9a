"""``/health/``: database, cache, job-worker heartbeat and outbox backlog, as JSON with 200 or 503."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from tongban.core.health import do_record_worker_heartbeat
from tongban.core.models import WorkerHeartbeat
from tongban.notifications.choices import Channel, OutboxStatus
from tongban.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 15, 2, 0, tzinfo=UTC)
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):  # type: ignore[no-untyped-def]
    """Tasks go through the database queue, as in production: a worker is required."""
    settings.TASKS = DB_QUEUE
    settings.TONGBAN_WORKER_STALE_SECONDS = 30
    return settings


def _health(client) -> tuple[int, dict]:  # type: ignore[no-untyped-def,type-arg]
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_it_is_healthy_with_a_fresh_heartbeat_and_no_backlog(client, queued) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False):
        do_record_worker_heartbeat("w1", started_at=NOW - timedelta(hours=1), now=NOW - timedelta(seconds=5))
        status, body = _health(client)
    assert status == 200
    assert body["status"] == "healthy"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "worker": "ok",
        "outbox": "ok",
    }
    assert body["checks"]["worker"]["workers_alive"] == 1
    assert body["checks"]["worker"]["last_heartbeat_seconds"] == 5.0
    assert body["checks"]["outbox"]["pending"] == 0
    assert body["checks"]["outbox"]["oldest_pending_seconds"] is None


def test_it_is_unhealthy_when_the_heartbeat_is_stale(client, queued) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False):
        do_record_worker_heartbeat("w1", started_at=NOW - timedelta(hours=1), now=NOW - timedelta(seconds=31))
        status, body = _health(client)
    assert status == 503
    assert body["status"] == "unhealthy"
    assert body["checks"]["worker"]["status"] == "unavailable"
    assert "31" in body["checks"]["worker"]["message"]
    assert body["checks"]["database"]["status"] == "ok"


def test_it_is_unhealthy_when_no_worker_ever_reported(client, queued) -> None:  # type: ignore[no-untyped-def]
    status, body = _health(client)
    assert status == 503
    assert "tongban worker" in body["checks"]["worker"]["message"]


def test_it_needs_no_worker_when_tasks_run_immediately(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    status, body = _health(client)
    assert body["checks"]["worker"] == {"status": "ok", "mode": "immediate"}
    assert status == 200


def test_it_reports_the_outbox_backlog_and_fails_when_it_is_too_old(client, queued) -> None:  # type: ignore[no-untyped-def]
    queued.TONGBAN_OUTBOX_MAX_AGE_SECONDS = 600
    with time_machine.travel(NOW - timedelta(minutes=20), tick=False):
        OutboxMessage.objects.create(channel=Channel.INBOX, event="e", title="旧", dedupe_key="a")
    with time_machine.travel(NOW - timedelta(minutes=1), tick=False):
        OutboxMessage.objects.create(channel=Channel.INBOX, event="e", title="新", dedupe_key="b")
        OutboxMessage.objects.create(
            channel=Channel.INBOX, event="e", title="已发", dedupe_key="c", status=OutboxStatus.SENT
        )
    with time_machine.travel(NOW, tick=False):
        do_record_worker_heartbeat("w1", started_at=NOW, now=NOW)
        status, body = _health(client)
    outbox = body["checks"]["outbox"]
    assert (outbox["pending"], outbox["oldest_pending_seconds"]) == (2, 1200.0)
    assert outbox["status"] == "unavailable"
    assert status == 503
    assert body["checks"]["worker"]["status"] == "ok"


def test_a_failing_database_is_reported_not_raised(client, queued, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tongban.core import health

    def broken() -> dict:  # type: ignore[type-arg]
        raise RuntimeError("boom")

    monkeypatch.setattr(health, "fetch_worker_liveness", broken)
    status, body = _health(client)
    assert status == 503
    assert body["checks"]["worker"]["message"] == "Unavailable: RuntimeError"


# The worker closes connections between batches (close_old_connections), as in production: no test transaction.
@pytest.mark.django_db(transaction=True)
def test_the_worker_writes_its_heartbeat_and_removes_it_on_a_clean_stop(queued, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tongban.core.management.commands import run_worker

    seen: list[int] = []
    original = run_worker.HeartbeatWorker.beat

    def beat(self) -> None:  # type: ignore[no-untyped-def]
        original(self)
        seen.append(WorkerHeartbeat.objects.filter(worker_id=self.worker_id).count())

    monkeypatch.setattr(run_worker.HeartbeatWorker, "beat", beat)
    call_command("run_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker", verbosity=0)
    assert seen and seen[0] == 1
    assert not WorkerHeartbeat.objects.filter(worker_id="test-worker").exists()
