"""Health check of ``notifications`` for ``/health/``: the outbox backlog (see :mod:`tongban.core.health`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.conf import settings
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from tongban.notifications.queries import fetch_outbox_backlog


@dataclasses.dataclass
class OutboxBacklog(HealthCheck):
    """Pending outbox messages and the age of the oldest; unhealthy when it is older than the allowed age."""

    details: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    def run(self) -> None:
        self.details = {**fetch_outbox_backlog(), "max_age_seconds": settings.TONGBAN_OUTBOX_MAX_AGE_SECONDS}
        age = self.details["oldest_pending_seconds"]
        if age is not None and age > settings.TONGBAN_OUTBOX_MAX_AGE_SECONDS:
            raise ServiceUnavailable(f"{self.details['pending']} messages pending, the oldest for {age:g} s")
