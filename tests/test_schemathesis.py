"""schemathesis over every ``/api/v1`` operation, with every check (ARCHITECTURE §8): no server error, every status
and content type documented, every response body conforming to its schema, schema-valid requests accepted and
schema-violating ones refused, authentication not ignored, unsupported methods refused, and the stateful checks
(a created case can be read back, a removed one is gone).

Phases: coverage (boundary and negative values derived from each schema), fuzzing (positive and negative
generation) and stateful (sequences that follow the OpenAPI links: create → upload → submit → accept …). The
schema's examples phase has nothing to draw from: the document carries no examples.

The schema is read from the WSGI app itself (no server, no network). The demo city is loaded once for the module,
with the clock frozen on a working day the seeded holiday calendar covers, inside a transaction rolled back at the
end; each operation's test runs in its own savepoint on top of it. Requests rotate through anonymous and the bearer
tokens of three demo personas (citizen, window clerk, reviewer — from ``/api/v1/auth/token``), and about half of
the schema-valid identifiers in paths (case refs and numbers with their query codes, implementation codes, task
ids, material and notice ids) are swapped for ones that exist, so the handlers run past their lookups. Each
stateful scenario starts from a real draft of a 市场监管 item (its form filled from the schema, its required
materials uploaded) and every step is called by the persona whose job it is (the applicant, the clerk for
acceptance and delivery, the approver for the decision, the supervisor for termination).

Two adjustments, both narrower than switching a check off:

* ``positive_data_acceptance`` also accepts 400 and 422 for schema-valid requests: the platform refuses by its
  domain rules (an unpublished item, a case in another state, a material of another item …) with those statuses
  and a stable code, which no schema can express; and 413/415 for an upload whose bytes are not the file type
  they claim (``UPLOAD_TYPE_NOT_ALLOWED``) or too large — the schema can only say "binary". :func:`schema_valid_requests_pass_validation` keeps the check's
  point: a request the schema allows is never refused by our request validation (``VALIDATION_ERROR``).
* ``TONGBAN_SCHEMATHESIS_EXAMPLES`` (default 6) bounds the fuzzing examples per operation and
  ``TONGBAN_SCHEMATHESIS_SCENARIOS`` (default 40) the stateful scenarios, to keep the module under a minute here
  (about 45 s); raise them for a deeper local run.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import hypothesis
import pytest
import schemathesis
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client, override_settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.stateful.state_machine import StepInput

from tongban.cases.tests.api.formfill import fill_form
from tongban.cases.tests.factories import PDF_BYTES

MAX_EXAMPLES = int(os.environ.get("TONGBAN_SCHEMATHESIS_EXAMPLES", "6"))
SCENARIOS = int(os.environ.get("TONGBAN_SCHEMATHESIS_SCENARIOS", "40"))
PERSONAS = ("citizen", "clerk", "reviewer_scjg")  # plus anonymous
STATEFUL_ROLES = {  # who calls which operation in a stateful scenario (the applicant otherwise)
    "accept_case": "clerk",
    "refuse_case": "clerk",
    "request_correction": "clerk",
    "deliver_case": "clerk",
    "decide_case": "approver_scjg",
    "terminate_case": "supervisor",
}
DEMO_PASSWORD = "tongban-demo"
NOW = "2026-06-16 10:00:00+08:00"

config = SchemathesisConfig.from_dict(
    {
        "suppress-health-check": ["all"],
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "mode": "all",
            "database": "none",
            "deterministic": True,
            # Our own tokens go on every request instead of generated credentials.
            "with-security-parameters": False,
        },
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "3xx", 400, 401, 403, 404, 409, 413, 415, 422, 429],
            },
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": True, "max-steps": 8},
        },
    }
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), config=config)


def schema_valid_requests_pass_validation(ctx: Any, response: Any, case: schemathesis.Case) -> bool | None:
    """A request the OpenAPI document allows is never refused for its shape: ``VALIDATION_ERROR`` on a positive
    case means the document promises what the handler refuses (domain rules answer with their own codes)."""
    if case.meta is None or case.meta.generation.mode.is_negative or response.status_code not in (400, 422):
        return None
    try:
        code = response.json().get("code")
    except ValueError:
        code = None
    if code == "VALIDATION_ERROR":
        raise AssertionError(f"a schema-valid request was refused as invalid: {response.text[:500]}")
    return None


@dataclass
class DemoWorld:
    """Tokens of the demo personas and identifiers that exist in the demo data."""

    tokens: dict[str, str | None] = field(default_factory=dict)
    case_refs: list[str] = field(default_factory=list)
    case_lookups: list[tuple[str, str]] = field(default_factory=list)  # (number, query code)
    implementation_codes: list[str] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)
    material_ids: list[int] = field(default_factory=list)
    # Drafts a stateful scenario starts from: (implementation code, filled form, required material ids).
    applications: list[tuple[str, dict[str, Any], list[int]]] = field(default_factory=list)
    notice_ids: list[int] = field(default_factory=list)
    counter: Iterator[int] = field(default_factory=itertools.count)
    media_root: str = ""  # where the demo's files are (each test points its own MEDIA_ROOT back here)

    def rotating_headers(self, case: schemathesis.Case) -> dict[str, str]:
        """The next persona's ``Authorization`` header (none for anonymous)."""
        names = [None, *PERSONAS]
        name = names[next(self.counter) % len(names)]
        if name and case.operation.path == "/api/v1/auth/token/revoke":
            return {"Authorization": f"Bearer {_fresh_token(name)}"}  # revoking must not sign a persona out
        return self.headers_of(name)

    def django_headers(self, username: str) -> dict[str, str]:
        """The persona's ``Authorization`` for Django's test client."""
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[username]}"}

    def headers_of(self, username: str | None) -> dict[str, str]:
        token = self.tokens.get(username) if username else None
        return {"Authorization": f"Bearer {token}"} if token else {}


WORLD = DemoWorld()  # filled by the module fixture; the stateful machine reads it


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[DemoWorld]:
    """Load the demo city once for the module, sign the personas in, roll everything back afterwards."""
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        time_machine.travel(NOW, tick=False),
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            _collect_world(WORLD)
            WORLD.media_root = str(media)
            # schemathesis calls the bare WSGI handler, whose request signals close "obsolete" connections: inside
            # this module's transaction that closes it (PostgreSQL). Django's test client unhooks them the same way
            # per request (and hooks them back afterwards, so this comes after the logins above).
            request_started.disconnect(close_old_connections)
            request_finished.disconnect(close_old_connections)
            yield WORLD
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _fresh_token(username: str) -> str:
    from tongban.accounts.models import User
    from tongban.accounts.services import do_issue_api_token

    raw, _token = do_issue_api_token(User.objects.get(username=username))
    return raw


def _collect_world(world: DemoWorld) -> None:
    from tongban.cases.models import Case, CaseMaterial, CaseTask, Notice
    from tongban.catalog.models import Implementation

    for username in (*PERSONAS, *STATEFUL_ROLES.values()):
        response = Client().post(
            "/api/v1/auth/token",
            {"username": username, "password": DEMO_PASSWORD},
            content_type="application/json",
        )
        assert response.status_code == 200, (username, response.content)
        world.tokens[username] = response.json()["token"]
    submitted = Case.objects.exclude(number=None).order_by("id")
    world.case_refs = list(submitted.values_list("number", flat=True)[:30])
    world.case_refs += [
        str(u) for u in Case.objects.filter(number=None).values_list("public_id", flat=True)[:5]
    ]
    world.case_lookups = list(submitted.exclude(query_code="").values_list("number", "query_code")[:30])
    world.implementation_codes = list(
        Implementation.objects.filter(current_version__status="published").values_list("code", flat=True)[:30]
    )
    world.task_ids = list(CaseTask.objects.order_by("id").values_list("id", flat=True)[:30])
    world.material_ids = list(CaseMaterial.objects.order_by("id").values_list("id", flat=True)[:30])
    world.notice_ids = list(Notice.objects.order_by("id").values_list("id", flat=True)[:30])
    for implementation in Implementation.objects.filter(
        current_version__status="published", department__name="开封市市场监督管理局"
    ).select_related("current_version")[:10]:
        version = implementation.current_version
        assert version is not None
        if "1" not in (version.service_objects or []) or version.commitment:
            continue
        required = [
            m.pk
            for m in version.materials.all()
            if m.necessity == "1" and not m.exempt_if_shared and not m.generated_from_form
        ]
        world.applications.append((implementation.code, fill_form(version.form_schema or {}), required))


def _swap_in_known_values(case: schemathesis.Case, world: DemoWorld) -> None:
    """Replace about half of the schema-valid identifiers with ones that exist, so handlers run past lookup.

    Only where the generated value is schema-valid: swapping a deliberately invalid value for a real one would turn
    a negative case into a positive one, and the negative checks would rightly complain that it was accepted.
    """
    n = next(world.counter)
    if n % 2 or case.meta is None:
        return
    if not case.meta.is_negative_at(ParameterLocation.PATH):
        params = case.path_parameters or {}
        for name, values in (
            ("ref", world.case_refs),
            ("implementation_code", world.implementation_codes),
            ("task_id", world.task_ids),
            ("material_id", world.material_ids),
            ("notice_id", world.notice_ids),
        ):
            if name in params and values:
                params[name] = values[n % len(values)]
        if "number" in params and world.case_lookups:
            number, code = world.case_lookups[n % len(world.case_lookups)]
            params["number"] = number
            if (
                isinstance(case.query, dict)
                and "code" in case.query
                and not case.meta.is_negative_at(ParameterLocation.QUERY)
            ):
                case.query["code"] = code
    _swap_implementation_code(case, world, n)


def _swap_implementation_code(case: schemathesis.Case, world: DemoWorld, n: int) -> None:
    """A real 实施编码 in a schema-valid ``POST /cases`` body, so a draft is really created."""
    if (
        case.operation.method.upper() == "POST"
        and case.operation.path == "/api/v1/cases"
        and isinstance(case.body, dict)
        and "implementation_code" in case.body
        and case.meta is not None
        and not case.meta.is_negative_at(ParameterLocation.BODY)
        and world.implementation_codes
    ):
        case.body["implementation_code"] = world.implementation_codes[n % len(world.implementation_codes)]


@pytest.mark.slow
@schema.parametrize()
def test_every_operation_passes_every_check(
    case: schemathesis.Case, demo: DemoWorld, db: None, settings: Any
) -> None:
    settings.MEDIA_ROOT = demo.media_root
    _swap_in_known_values(case, demo)
    case.call_and_validate(
        headers=demo.rotating_headers(case), additional_checks=[schema_valid_requests_pass_validation]
    )


BaseWorkflow = schema.as_state_machine()


class ApiWorkflow(BaseWorkflow):  # type: ignore[misc,valid-type]
    """Sequences along the OpenAPI links; each step is called by the persona whose job it is.

    schemathesis picks no root for ``POST /cases`` (its dependency analysis takes ``implementation_code`` for a
    reference nothing produces), so every scenario starts from a real draft: created through the machine, so its
    links are followed, with its required materials uploaded alongside, so that ``submit`` and what follows run.
    """

    @initialize(
        target=BaseWorkflow.bundles["POST /api/v1/cases -> 201"], index=st.integers(min_value=0, max_value=99)
    )
    def a_real_draft(self, index: int) -> Any:
        code, form_data, required = WORLD.applications[index % len(WORLD.applications)]
        case = schema["/api/v1/cases"]["POST"].Case(
            body={"implementation_code": code, "form_data": form_data}, media_type="application/json"
        )
        step = StepInput.initial(case)
        # As schemathesis' own root steps do: the scenario's recorder must know the case its links start from.
        self.recorder.record_case(case=case)
        self.control.record_step(step, self.recorder)
        output = self.step(step)
        if output.response.status_code == 201:
            ref = output.response.json()["ref"]
            client = Client(**WORLD.django_headers("citizen"))
            for material_id in required:
                upload = SimpleUploadedFile("材料.pdf", PDF_BYTES, content_type="application/pdf")
                response = client.post(
                    f"/api/v1/cases/{ref}/materials", {"material_id": material_id, "file": upload}
                )
                assert response.status_code == 201, response.content
            # The test client hooks the connection-closing request signals back after each request; unhook them
            # again, or the next bare WSGI call closes the module's connection (PostgreSQL; see ``demo``).
            request_started.disconnect(close_old_connections)
            request_finished.disconnect(close_old_connections)
        return output

    def setup(self) -> None:
        # Every scenario starts from the same world: its writes are rolled back in teardown, counters (rate
        # limits, idempotency) and the identifier rotation start afresh. Otherwise hypothesis sees the same
        # choices lead to different responses, hence different rules, and rightly calls the scenarios flaky.
        self.savepoint = transaction.savepoint()
        cache.clear()
        WORLD.counter = itertools.count()

    def teardown(self) -> None:
        transaction.savepoint_rollback(self.savepoint)
        cache.clear()

    def before_call(self, case: schemathesis.Case) -> None:
        _swap_implementation_code(case, WORLD, next(WORLD.counter))

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        handler = (case.operation.definition.raw.get("operationId") or "").rsplit("_api_cases_", 1)[-1]
        return {"headers": WORLD.headers_of(STATEFUL_ROLES.get(handler, "citizen"))}

    def validate_response(
        self, response: Any, case: schemathesis.Case, additional_checks: Any = None, **kwargs: Any
    ) -> None:
        # The headers our persona sent are passed on explicitly: without them ``ignored_auth`` takes the real token
        # for a generated (hence invalid) one and complains that it was accepted.
        case.validate_response(
            response,
            additional_checks=[schema_valid_requests_pass_validation],
            headers=kwargs.get("headers"),
            transport_kwargs=kwargs or None,
            recorder=self.recorder,
        )


@pytest.mark.slow
def test_stateful_sequences_pass_every_check(demo: DemoWorld, db: None, settings: Any) -> None:
    settings.MEDIA_ROOT = demo.media_root
    ApiWorkflow.run(
        settings=hypothesis.settings(
            max_examples=SCENARIOS,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
