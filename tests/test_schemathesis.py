"""schemathesis over every ``/api/v1`` operation: generated requests never get a 5xx (ARCHITECTURE §8).

The schema is read from the WSGI app itself (no server, no network). The demo city is loaded once per module
inside a transaction that is rolled back at the end; each operation's test runs in its own savepoint on top of
it, so one operation's writes never leak into another's. Requests carry a bearer token of the demo citizen so
authenticated operations are exercised beyond 401. The number of examples per operation is bounded to keep
the whole module under two minutes (``TONGBAN_SCHEMATHESIS_EXAMPLES`` raises it for a deeper local run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import connections, transaction
from django.test import Client
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

MAX_EXAMPLES = int(os.environ.get("TONGBAN_SCHEMATHESIS_EXAMPLES", "8"))
DEMO_USER = "citizen"
DEMO_PASSWORD = "tongban-demo"

config = SchemathesisConfig.from_dict(
    {
        "suppress-health-check": ["all"],
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "database": "none",
            "deterministic": True,
            # Our own token goes on every request instead of generated credentials.
            "with-security-parameters": False,
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": False},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
    }
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), config=config)


@pytest.fixture(scope="module")
def demo_token(django_db_setup: None, django_db_blocker: Any) -> Iterator[str | None]:
    """Load the demo city once for the module, log the demo citizen in, roll everything back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield _obtain_token()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for conn in connections.all():
                conn.close_if_unusable_or_obsolete()


def _obtain_token() -> str | None:
    """A bearer token from ``POST /api/v1/auth/token``, or None when that endpoint does not exist (yet)."""
    response = Client().post(
        "/api/v1/auth/token",
        {"username": DEMO_USER, "password": DEMO_PASSWORD},
        content_type="application/json",
    )
    if response.status_code == 404:
        return None
    assert response.status_code in (200, 201), response.content
    body = response.json()
    token = body.get("token") or body.get("access_token")
    assert token, f"no token in {body}"
    return str(token)


@pytest.mark.slow
@schema.parametrize()
def test_no_generated_request_gets_a_server_error(
    case: schemathesis.Case, demo_token: str | None, db: None
) -> None:
    headers = {"Authorization": f"Bearer {demo_token}"} if demo_token else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
