"""An integrator applies for every published demo item through the API alone, and carries a representative set to
办结 (closed).

Everything below goes over ``/api/v1`` with bearer tokens from ``/api/v1/auth/token``, reading only what the
OpenAPI document describes: the catalog list (every published item, page by page), each item's detail (the form
schema, the materials with their ids, which are generated from the form, the 告知承诺 and 领取方式 offered), the
departments list. Per item: create with form data filled from the form schema → upload each required material by its
id → sign the 告知承诺书 where offered → submit. The generated application forms must then be among the case's
materials. Then, for every item whose departments have demo staff (reviewer and approver), and every 告知承诺 item
(decided at acceptance), the clerk accepts, the departments' staff work their inboxes, the result is delivered and
the case is closed; the others are accepted and left in review.

The demo city is loaded once for the module inside a transaction that is rolled back at the end, with the clock
frozen on a working day of a year the seeded holiday calendar covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from tongban.accounts import demo as accounts_demo
from tongban.accounts.choices import Role
from tongban.cases.tests.api.formfill import ENTERPRISE, fill_form
from tongban.cases.tests.factories import PDF_BYTES

PASSWORD = "tongban-demo"
# A working Tuesday in a year the seeded holiday calendar covers (deadlines of every flow stay inside it).
NOW = "2026-06-16 10:00:00+08:00"


@dataclass
class Integrator:
    """An API client that signs demo accounts in through ``/api/v1/auth/token`` and keeps their tokens."""

    client: Client = field(default_factory=Client)
    tokens: dict[str, str] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)  # credit code → name, from /departments

    def token(self, username: str) -> str:
        if username not in self.tokens:
            response = self.client.post(
                "/api/v1/auth/token",
                {"username": username, "password": PASSWORD},
                content_type="application/json",
            )
            assert response.status_code == 200, (username, response.content)
            self.tokens[username] = response.json()["token"]
        return self.tokens[username]

    def _auth(self, as_user: str | None) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token(as_user)}"} if as_user else {}

    def get(self, path: str, as_user: str | None = None, **params: Any) -> Any:
        response = self.client.get(f"/api/v1{path}", params, **self._auth(as_user))
        assert response.status_code == 200, (path, response.status_code, response.content[:500])
        return response.json()

    def post(
        self, path: str, body: Any = None, as_user: str | None = None, expect: int = 200, **extra: Any
    ) -> Any:
        response = self.client.post(
            f"/api/v1{path}",
            {} if body is None else body,
            content_type="application/json",
            **self._auth(as_user),
            **extra,
        )
        assert response.status_code == expect, (path, response.status_code, response.content[:500])
        return response.json()

    def upload(self, path: str, material_id: int, name: str, as_user: str) -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        file = SimpleUploadedFile(f"{name[:40]}.pdf", PDF_BYTES, content_type="application/pdf")
        response = self.client.post(
            f"/api/v1{path}", {"material_id": material_id, "file": file}, **self._auth(as_user)
        )
        assert response.status_code == 201, (path, name, response.status_code, response.content[:500])
        return response.json()


@pytest.fixture(scope="module")
def integrator(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[Integrator]:
    """The demo city, loaded once for the module (fast password hashing, files in a temporary folder)."""
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
            yield Integrator()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --- what an integrator derives from the documents ---------------------------------------------------------------


def published_items(api: Integrator) -> list[dict[str, Any]]:
    """Every published item, page by page."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        body = api.get("/catalog/items", size=100, page=page)
        items += body["items"]
        if page >= body["num_pages"]:
            return items
        page += 1


def delivery_choice(guide: dict[str, Any]) -> dict[str, str]:
    """领取方式: electronic where offered, else by post, else at the window."""
    offered = guide.get("delivery_modes") or ["window"]
    if "electronic" in offered:
        return {"delivery_mode": "electronic"}
    if "post" in offered:
        return {"delivery_mode": "post", "delivery_address": "河南省开封市龙亭区宋城路1号（演示）"}
    return {"delivery_mode": "window"}


def staff_by_department() -> dict[str, dict[str, list[str]]]:
    """The demo staff accounts of each department: ``{department name: {role: [usernames]}}`` (the integrator's
    own list of who works where)."""
    staff: dict[str, dict[str, list[str]]] = {}
    for person in accounts_demo.STAFF:
        for role, department, _region in person.grants:
            if department is not None:
                staff.setdefault(department, {}).setdefault(role, []).append(person.username)
    return staff


@dataclass
class Application:
    """One item applied for: who applied, the case's ref, number and state, and the item's detail."""

    detail: dict[str, Any]
    applicant: str
    ref: str
    number: str
    status: str


def apply_for(api: Integrator, item: dict[str, Any], n: int) -> Application:
    """create → upload each required material by id → sign the commitment where offered → submit."""
    detail = api.get(f"/catalog/items/{item['code']}")
    guide = detail["guide"]
    for_persons = "1" in (guide.get("service_objects") or [])
    applicant = "citizen" if for_persons else "agent"
    body: dict[str, Any] = {
        "implementation_code": detail["code"],
        "form_data": fill_form(guide.get("form_schema") or {}),
        **delivery_choice(guide),
    }
    if not for_persons:
        body["on_behalf_of"] = ENTERPRISE
    created = api.post("/cases", body, as_user=applicant, expect=201, HTTP_IDEMPOTENCY_KEY=f"every-item-{n}")
    ref = created["ref"]
    for material in detail["materials"]:
        if (
            material["necessity"] == "1"
            and not material["exempt_if_shared"]
            and not material["generated_from_form"]
        ):
            row = api.upload(f"/cases/{ref}/materials", material["id"], material["name"], applicant)
            assert row["material_id"] == material["id"]
    if guide.get("commitment"):
        api.post(f"/cases/{ref}/commitment", as_user=applicant)
    submitted = api.post(f"/cases/{ref}/submit", as_user=applicant)
    assert submitted["number"], submitted
    return Application(detail, applicant, submitted["ref"], submitted["number"], submitted["status"])


def check_generated_forms(api: Integrator, application: Application) -> None:
    """Each material the guide generates from the form is among the case's materials, as a downloadable PDF."""
    rows = api.get(f"/cases/{application.number}/materials", as_user=application.applicant)
    generated = {row["material_id"]: row for row in rows if row["generated"]}
    for material in application.detail["materials"]:
        if material["generated_from_form"]:
            row = generated.get(material["id"])
            assert row is not None, (application.number, material["name"])
            assert (
                row["content_type"] == "application/pdf" and len(row["sha256"]) == 64 and row["download_url"]
            )


def involved_departments(api: Integrator, detail: dict[str, Any]) -> list[str]:
    """The names of the lead department and every review department of an item."""
    if not api.departments:
        api.departments = {d["credit_code"]: d["name"] for d in api.get("/departments")}
    names = api.departments
    codes = [detail["department_credit_code"], *detail["review_departments"]]
    return sorted({names.get(code, code) for code in codes})


def can_close(detail: dict[str, Any], departments: list[str], staff: dict[str, dict[str, list[str]]]) -> bool:
    """Whether the demo has the people to carry the item to 办结: 告知承诺 is decided at acceptance; otherwise
    every involved department needs a reviewer and an approver."""
    if detail["guide"].get("commitment"):
        return True
    return all(Role.REVIEWER in staff.get(d, {}) and Role.APPROVER in staff.get(d, {}) for d in departments)


def work_until_decided(api: Integrator, application: Application, people: list[str]) -> None:
    """The departments' staff claim and approve every task of the case in their inboxes until it is decided.

    As in a real department, whoever completed the step before leaves the next one to a colleague (the flows
    separate duties: 审核 and 决定 by two people)."""
    last_worker = None
    for _round in range(10):
        status = api.get(f"/cases/{application.number}", as_user="clerk")["status"]
        if status in ("decided", "closed"):
            return  # a result delivered electronically closes the case with the decision
        worked = 0
        for username in people:
            for task in api.get("/tasks", as_user=username):
                if task["case_number"] != application.number or username == last_worker:
                    continue
                if task["state"] == "open":
                    api.post(f"/tasks/{task['id']}/claim", as_user=username)
                api.post(
                    f"/tasks/{task['id']}/complete",
                    {"outcome": "approve", "opinion": "同意"},
                    as_user=username,
                )
                worked += 1
                last_worker = username
                break  # the next step goes to a colleague
        assert worked, (application.number, status, "no task for", people)
    raise AssertionError(f"{application.number} was not decided after ten rounds")


def deliver(api: Integrator, application: Application) -> dict[str, Any]:
    """The clerk hands out the result as the applicant chose; a window pickup with the applicant's pickup code."""
    detail = api.get(f"/cases/{application.number}", as_user=application.applicant)
    if detail["status"] == "closed":
        assert detail["requested_delivery_mode"] == "electronic", detail
        return detail  # 电子送达: the decision itself delivered the result
    mode = detail["requested_delivery_mode"] or "window"
    body: dict[str, Any] = {"mode": mode}
    if mode == "post":
        body["tracking_number"] = "SF1234567890"
    if mode == "window":
        body["pickup_code"] = detail["pickup_code"]
    return api.post(f"/cases/{application.number}/deliver", body, as_user="clerk")


# --- the tests ---------------------------------------------------------------------------------------------------


def test_the_catalog_list_reaches_every_published_item(integrator: Integrator, db: None) -> None:
    from tongban.catalog.models import Implementation

    codes = [item["code"] for item in published_items(integrator)]
    published = Implementation.objects.filter(is_active=True, current_version__status="published")
    assert len(codes) == len(set(codes)) == published.count() > 100
    assert set(codes) == set(published.values_list("code", flat=True))


def test_every_published_demo_item_can_be_applied_for_and_the_staffed_ones_closed(
    integrator: Integrator, db: None
) -> None:
    api = integrator
    staff = staff_by_department()
    closed, accepted_only, generated = [], [], 0
    for n, item in enumerate(published_items(api)):
        application = apply_for(api, item, n)
        # A 告知承诺 item is decided on acceptance, and an electronic delivery then closes it at once.
        assert application.status in ("submitted", "in_review", "decided", "closed"), application
        check_generated_forms(api, application)
        generated += sum(1 for m in application.detail["materials"] if m["generated_from_form"])
        # Acceptance by the city clerk (收件即受理 items were accepted on submission).
        if application.status == "submitted":
            accepted = api.post(f"/cases/{application.number}/accept", {"note": "材料齐全"}, as_user="clerk")
            application.status = accepted["status"]
        assert application.status in ("in_review", "decided", "closed"), application
        departments = involved_departments(api, application.detail)
        if not can_close(application.detail, departments, staff):
            assert application.status == "in_review"
            assert api.get(f"/cases/{application.number}", as_user="clerk")["tasks"], application.number
            accepted_only.append((item["name"], item["department"]))
            continue
        people = [
            u
            for d in departments
            for role in (Role.REVIEWER, Role.APPROVER)
            for u in staff.get(d, {}).get(role, [])
        ]
        work_until_decided(api, application, people)
        delivered = deliver(api, application)
        assert delivered["status"] == "closed", (application.number, delivered)
        notices = api.get(f"/cases/{application.number}/notices", as_user=application.applicant)
        assert {"receipt", "acceptance", "decision"} <= {n["kind"] for n in notices}
        closed.append((item["name"], item["department"], application.detail["flow"]))
    assert generated > 0
    flows = {flow for _name, _department, flow in closed}
    assert {"single-department", "commitment"} <= flows, flows
    assert len(closed) >= 30, closed
    print(f"\nclosed {len(closed)}, accepted only {len(accepted_only)}")
    print("departments without the staff to close:", sorted({d for _n, d in accepted_only}))
