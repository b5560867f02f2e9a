"""Health of a running installation at ``/health/`` (django-health-check): database, cache, job worker, outbox.

``GET /health/`` answers JSON for machines — ``{"status": "healthy"|"unhealthy", "checks": {name: {"status":
"ok"|"unavailable", "message": …, …details}}}`` — with 200 when every check passes and 503 otherwise, so a load
balancer or systemd watchdog can act on the status alone. It carries no personal data and needs no login (restrict
it in nginx if the counts are not for the public).

The checks are django-health-check ``HealthCheck`` classes, listed in ``TONGBAN_HEALTH_CHECKS`` by dotted path (so
``core`` names no other app). They run one after another in the request's thread, on the request's database
connection, instead of the library's thread pool: a probe every few seconds must not open a connection per thread.
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import socket
from datetime import timedelta
from typing import Any

from asgiref.sync import async_to_sync
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django.views import View
from health_check.base import HealthCheck
from health_check.exceptions import HealthCheckException, ServiceUnavailable

from tongban.core.models import WorkerHeartbeat

DEFAULT_CHECKS = {
    "database": "health_check.checks.Database",
    "cache": "health_check.checks.Cache",
    "worker": "tongban.core.health.JobWorker",
    "outbox": "tongban.notifications.health.OutboxBacklog",
}


def worker_required() -> bool:
    """Whether tasks go through the database queue (and so need a running ``tongban worker``)."""
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    return backend.startswith("django_tasks_db")


# --- Heartbeats ---------------------------------------------------------------------------------------------------


def do_record_worker_heartbeat(worker_id: str, *, started_at: Any, now: Any = None) -> WorkerHeartbeat:
    """Upsert the heartbeat row of worker ``worker_id`` (called by the worker itself)."""
    now = now or timezone.now()
    beat, _created = WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "beat_at": now,
        },
    )
    return beat


def do_remove_worker_heartbeat(worker_id: str) -> None:
    """Forget a worker that stops cleanly; rows of crashed workers stay and go stale."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def do_prune_worker_heartbeats(*, now: Any = None, older_than: timedelta = timedelta(days=1)) -> int:
    """Delete heartbeats of workers gone for longer than ``older_than``; returns how many."""
    now = now or timezone.now()
    deleted, _ = WorkerHeartbeat.objects.filter(beat_at__lt=now - older_than).delete()
    return deleted


def fetch_worker_liveness(*, now: Any = None) -> dict[str, Any]:
    """How many workers beat within ``TONGBAN_WORKER_STALE_SECONDS`` and how old the newest heartbeat is."""
    now = now or timezone.now()
    stale = timedelta(seconds=settings.TONGBAN_WORKER_STALE_SECONDS)
    newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    alive = WorkerHeartbeat.objects.filter(beat_at__gte=now - stale).count()
    return {
        "workers_alive": alive,
        "last_heartbeat_seconds": round((now - newest).total_seconds(), 1) if newest else None,
        "stale_after_seconds": settings.TONGBAN_WORKER_STALE_SECONDS,
    }


# --- Checks -------------------------------------------------------------------------------------------------------


@dataclasses.dataclass
class JobWorker(HealthCheck):
    """At least one job worker wrote a heartbeat within ``TONGBAN_WORKER_STALE_SECONDS``.

    Passes without a worker when tasks run immediately (``TONGBAN_TASKS_IMMEDIATE``), since nothing is queued.
    """

    details: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    def run(self) -> None:
        if not worker_required():
            self.details = {"mode": "immediate"}
            return
        self.details = fetch_worker_liveness()
        if not self.details["workers_alive"]:
            age = self.details["last_heartbeat_seconds"]
            if age is None:
                raise ServiceUnavailable("no job worker has reported; start `tongban worker`")
            raise ServiceUnavailable(f"no job worker heartbeat for {age:g} s")


# --- The view -----------------------------------------------------------------------------------------------------


def _run(check: HealthCheck) -> HealthCheckException | None:
    try:
        if inspect.iscoroutinefunction(check.run):
            async_to_sync(check.run)()
        else:
            check.run()
    except HealthCheckException as exc:
        return exc
    except Exception as exc:  # a broken check is an unhealthy service, never a 500 of the health page
        return ServiceUnavailable(type(exc).__name__)
    return None


def run_checks() -> tuple[bool, dict[str, dict[str, Any]]]:
    """Run every configured check; returns ``(healthy, results by name)``."""
    configured: dict[str, str] = getattr(settings, "TONGBAN_HEALTH_CHECKS", DEFAULT_CHECKS)
    results: dict[str, dict[str, Any]] = {}
    for name, path in configured.items():
        check = import_string(path)()
        error = _run(check)
        result: dict[str, Any] = {"status": "ok" if error is None else "unavailable"}
        if error is not None:
            result["message"] = str(error)
        result.update(getattr(check, "details", {}) or {})
        results[name] = result
    return all(r["status"] == "ok" for r in results.values()), results


class HealthView(View):
    """``GET /health/``: every check as JSON; 200 when healthy, 503 when any check fails."""

    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest) -> JsonResponse:
        healthy, results = run_checks()
        response = JsonResponse(
            {"status": "healthy" if healthy else "unhealthy", "checks": results},
            status=200 if healthy else 503,
        )
        add_never_cache_headers(response)
        return response
