"""schemathesis over every ``/api/v1`` operation: generated requests never get a 5xx (ARCHITECTURE §8).

The schema is read from the WSGI app itself (no server, no network). The demo city is loaded once per module
inside a transaction that is rolled back at the end; each operation's test runs in its own savepoint on top of
it, so one operation's writes never leak into another's.

To get past 401 and 404 into the real logic, requests rotate through bearer tokens of four demo personas
(citizen, window clerk, reviewer, supervisor), and about half of the generated identifiers in paths and queries
(case refs, numbers and query codes, implementation codes, task ids) are swapped for ones that exist in the demo.
The number of examples per operation is bounded to keep the module within a couple of minutes
(``TONGBAN_SCHEMATHESIS_EXAMPLES`` raises it for a deeper local run).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

MAX_EXAMPLES = int(os.environ.get("TONGBAN_SCHEMATHESIS_EXAMPLES", "8"))
PERSONAS = ("citizen", "clerk", "reviewer_scjg", "supervisor")
DEMO_PASSWORD = "tongban-demo"

config = SchemathesisConfig.from_dict(
    {
        "suppress-health-check": ["all"],
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "database": "none",
            "deterministic": True,
            # Our own tokens go on every request instead of generated credentials.
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


@dataclass
class DemoWorld:
    """Tokens of the demo personas and identifiers that exist in the demo data."""

    tokens: list[str] = field(default_factory=list)
    case_refs: list[str] = field(default_factory=list)
    case_lookups: list[tuple[str, str]] = field(default_factory=list)  # (number, query code)
    implementation_codes: list[str] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)
    counter: Iterator[int] = field(default_factory=itertools.count)

    def next_token(self) -> str | None:
        return self.tokens[next(self.counter) % len(self.tokens)] if self.tokens else None


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[DemoWorld]:
    """Load the demo city once for the module, sign the personas in, roll everything back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            world = _collect_world()
            # schemathesis calls the bare WSGI handler, whose request signals close "obsolete" connections: inside
            # this module's transaction that closes it (PostgreSQL). Django's test client unhooks them the same way
            # per request (and hooks them back afterwards, so this comes after the logins above).
            request_started.disconnect(close_old_connections)
            request_finished.disconnect(close_old_connections)
            yield world
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _collect_world() -> DemoWorld:
    from tongban.cases.models import Case, CaseTask
    from tongban.catalog.models import Implementation

    world = DemoWorld()
    for username in PERSONAS:
        response = Client().post(
            "/api/v1/auth/token",
            {"username": username, "password": DEMO_PASSWORD},
            content_type="application/json",
        )
        assert response.status_code == 200, (username, response.content)
        world.tokens.append(response.json()["token"])
    submitted = Case.objects.exclude(number=None).order_by("id")
    world.case_refs = list(submitted.values_list("number", flat=True)[:30])
    world.case_refs += [
        str(u) for u in Case.objects.filter(number=None).values_list("public_id", flat=True)[:5]
    ]
    world.case_lookups = list(submitted.exclude(query_code="").values_list("number", "query_code")[:30])
    world.implementation_codes = list(Implementation.objects.values_list("code", flat=True)[:30])
    world.task_ids = list(CaseTask.objects.order_by("id").values_list("id", flat=True)[:30])
    return world


def _swap_in_known_values(case: schemathesis.Case, world: DemoWorld) -> None:
    """Replace about half of the generated identifiers with ones that exist, so handlers run past lookup."""
    n = next(world.counter)
    if n % 2:
        return
    params = case.path_parameters or {}
    if "ref" in params and world.case_refs:
        params["ref"] = world.case_refs[n % len(world.case_refs)]
    if "implementation_code" in params and world.implementation_codes:
        params["implementation_code"] = world.implementation_codes[n % len(world.implementation_codes)]
    if "task_id" in params and world.task_ids:
        params["task_id"] = world.task_ids[n % len(world.task_ids)]
    if "number" in params and world.case_lookups:
        number, code = world.case_lookups[n % len(world.case_lookups)]
        params["number"] = number
        if isinstance(case.query, dict) and "code" in case.query:
            case.query["code"] = code


@pytest.mark.slow
@schema.parametrize()
def test_no_generated_request_gets_a_server_error(case: schemathesis.Case, demo: DemoWorld, db: None) -> None:
    _swap_in_known_values(case, demo)
    token = demo.next_token()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
