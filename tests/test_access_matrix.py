"""The authorisation matrix (ARCHITECTURE §5.4, §8) over the demo city: who gets what for the objects that matter.

Read :data:`MATRIX` as the policy: one row per (persona, request, expected answer). The requests are defined in
:data:`REQUESTS` against the demo objects of ``tests/matrix.py``:

* ``case …``: 王秀英's (``citizen``) case in review at the city 市场监督管理局, its staff page, files and actions;
* ``draft``, ``submitted``, ``pre-review``: her draft and her submitted 公安局 case waiting for pre-review;
* ``parallel case``: her 文旅 case countersigned by 公安局 (a parallel department sees it);
* ``enterprise case``: the case the agent 赵敏 filed for her company;
* ``xiangfu draft`` / ``city draft``: open catalog drafts of a 祥符区 and of a city implementation;
* ``API …``: ``/api/v1`` with bearer tokens from ``POST /api/v1/auth/token``.

Expected answers: a status code, ``LOGIN`` (302 to the sign-in page) or a tuple of acceptable statuses. Missing
and forbidden objects answer the same 404. Refused POSTs must leave the object as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.matrix import ANONYMOUS, DEMO_PASSWORD, Demo, is_login_redirect, loaded_demo

LOGIN = "LOGIN"  # 302 to the sign-in page
ANON = ANONYMOUS


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
    yield from loaded_demo(django_db_blocker, tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(autouse=True)
def _demo_settings(_test_settings, settings, demo, db):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = demo.media_root
    cache.clear()  # login failure counters must not leak between rows


# --- requests ---------------------------------------------------------------------------------------------------------


def _state(model_attr: str, field: str = "state") -> Callable[[Demo], Any]:
    """A snapshot of one field of a demo object plus the ledger length, to show a refusal changed nothing."""

    def snapshot(demo: Demo) -> Any:
        from tongban.core.models import LedgerEntry

        obj = getattr(demo, model_attr)
        value = type(obj).objects.filter(pk=obj.pk).values_list(field, flat=True).get()
        return value, LedgerEntry.objects.count()

    return snapshot


@dataclass(frozen=True)
class Req:
    """One request of the matrix: method, path built from the demo, web session or API bearer token."""

    method: str
    path: Callable[[Demo], str]
    api: bool = False
    snapshot: Callable[[Demo], Any] | None = None  # for POSTs: what a refusal must leave unchanged


def _web(name: str, *args: Callable[[Demo], Any], method: str = "GET", snapshot: Any = None) -> Req:
    return Req(method, lambda d: reverse(name, args=[a(d) for a in args]), snapshot=snapshot)


REQUESTS: dict[str, Req] = {
    # 王秀英's case in review at the city 市场监督管理局
    "case page": _web("cases:case_detail", lambda d: d.review.ref),
    "case staff page": _web("cases:staff_case", lambda d: d.review.number),
    "case material": _web(
        "cases:material_download", lambda d: d.review.ref, lambda d: d.review.materials.order_by("id")[0].pk
    ),
    "case notice": _web(
        "cases:notice_download", lambda d: d.review.ref, lambda d: d.review.notices.order_by("id")[0].pk
    ),
    "case withdraw (POST)": _web(
        "cases:withdraw", lambda d: d.review.ref, method="POST", snapshot=_state("review")
    ),
    "case terminate (POST)": _web(
        "cases:terminate", lambda d: d.review.number, method="POST", snapshot=_state("review")
    ),
    "case task claim (POST)": _web(
        "cases:task_claim", lambda d: d.review_task.pk, method="POST", snapshot=_state("review_task")
    ),
    # her draft, her submitted case, other cases
    "draft": _web("cases:draft_edit", lambda d: d.draft.ref),
    "submitted page": _web("cases:submitted", lambda d: d.submitted.number),
    "pre-review": _web("cases:pre_review", lambda d: d.submitted.number),
    "parallel case staff page": _web("cases:staff_case", lambda d: d.parallel.number),
    "enterprise case page": _web("cases:case_detail", lambda d: d.closed.ref),
    "message open (POST)": _web(
        "cases:message_open",
        lambda d: d.citizen_message.pk,
        method="POST",
        snapshot=_state("citizen_message", "read_at"),
    ),
    "profile of citizen": _web("accounts:profile_of", lambda d: "citizen"),
    "token revoke (POST)": _web(
        "accounts:token_revoke",
        lambda d: d.citizen_token.pk,
        method="POST",
        snapshot=_state("citizen_token", "revoked"),
    ),
    # catalog editing
    "catalog admin list": _web("catalog:admin_list"),
    "xiangfu implementation": _web("catalog:implementation_detail", lambda d: d.xiangfu_implementation.code),
    "xiangfu draft editor": _web("catalog:version_edit", lambda d: d.xiangfu_draft.pk),
    "xiangfu draft diff": _web("catalog:version_diff", lambda d: d.xiangfu_draft.pk),
    "xiangfu draft submit (POST)": _web(
        "catalog:version_submit",
        lambda d: d.xiangfu_draft.pk,
        method="POST",
        snapshot=_state("xiangfu_draft", "status"),
    ),
    "city draft editor": _web("catalog:version_edit", lambda d: d.city_draft.pk),
    # staff workspaces
    "workspace": _web("accounts:workspace"),
    "inbox": _web("cases:inbox"),
    "window intake": _web("cases:window_intake"),
    "pickup": _web("cases:pickup"),
    "supervision": _web("cases:supervision"),
    # API
    "API case": Req("GET", lambda d: f"/api/v1/cases/{d.review.number}", api=True),
    "API draft": Req("GET", lambda d: f"/api/v1/cases/{d.draft.public_id}", api=True),
    "API tasks": Req("GET", lambda d: "/api/v1/tasks", api=True),
    "API task claim (POST)": Req(
        "POST", lambda d: f"/api/v1/tasks/{d.review_task.pk}/claim", api=True, snapshot=_state("review_task")
    ),
    "API withdraw (POST)": Req(
        "POST", lambda d: f"/api/v1/cases/{d.review.number}/withdraw", api=True, snapshot=_state("review")
    ),
}

# --- the policy -------------------------------------------------------------------------------------------------------

MATRIX: list[tuple[str, str, int | str | tuple[int, ...]]] = [
    # 王秀英's case: the owner, the department (reviewer, approver, city window clerk), the city supervisor
    ("citizen", "case page", 200),
    ("citizen2", "case page", 404),
    ("agent", "case page", 404),
    (ANON, "case page", LOGIN),
    ("reviewer_scjg", "case page", 302),  # staff are sent to the staff page
    ("reviewer_ga", "case page", 404),
    ("clerk_township", "case page", 404),
    ("reviewer_scjg", "case staff page", 200),
    ("approver_scjg", "case staff page", 200),
    ("clerk", "case staff page", 200),
    ("supervisor", "case staff page", 200),
    ("reviewer_ga", "case staff page", 404),  # another department
    ("reviewer_xf_scjg", "case staff page", 404),  # same line of business, a county department
    ("clerk_township", "case staff page", 404),  # a township clerk, city case
    ("clerk_xiangfu", "case staff page", 404),
    ("supervisor_xiangfu", "case staff page", 404),  # a county supervisor, city case
    ("catalog_city", "case staff page", 404),
    ("citizen", "case staff page", 404),
    ("citizen2", "case staff page", 404),
    (ANON, "case staff page", LOGIN),
    ("citizen", "case material", 200),
    ("reviewer_scjg", "case material", 200),
    ("supervisor", "case material", 200),
    ("citizen2", "case material", 404),
    ("reviewer_ga", "case material", 404),
    ("clerk_township", "case material", 404),
    (ANON, "case material", LOGIN),
    ("citizen", "case notice", 200),
    ("reviewer_scjg", "case notice", 200),
    ("citizen2", "case notice", 404),
    ("reviewer_ga", "case notice", 404),
    (ANON, "case notice", LOGIN),
    ("citizen2", "case withdraw (POST)", 404),
    ("reviewer_scjg", "case withdraw (POST)", 404),
    (ANON, "case withdraw (POST)", LOGIN),
    ("citizen", "case terminate (POST)", 404),
    ("reviewer_ga", "case terminate (POST)", 404),
    (ANON, "case terminate (POST)", LOGIN),
    ("reviewer_scjg", "case task claim (POST)", 302),
    ("citizen", "case task claim (POST)", 404),
    ("reviewer_ga", "case task claim (POST)", 404),
    ("approver_scjg", "case task claim (POST)", 404),  # the task is a reviewer's
    ("clerk_township", "case task claim (POST)", 404),
    (ANON, "case task claim (POST)", LOGIN),
    # her draft: only she sees it; staff never see drafts
    ("citizen", "draft", 200),
    ("citizen2", "draft", 404),
    ("supervisor", "draft", 404),
    ("reviewer_ga", "draft", 404),
    (ANON, "draft", LOGIN),
    # her submitted 公安局 case: the receipt page is hers; the city window clerk pre-reviews it
    ("citizen", "submitted page", 200),
    ("citizen2", "submitted page", 404),
    (ANON, "submitted page", LOGIN),
    ("clerk", "pre-review", 200),
    ("clerk_township", "pre-review", 404),
    ("clerk_xiangfu", "pre-review", 404),
    ("reviewer_scjg", "pre-review", 404),
    ("citizen", "pre-review", 404),
    (ANON, "pre-review", LOGIN),
    # 并联审批: the countersigning department (公安局) sees the 文旅 case; others do not
    ("reviewer_ga", "parallel case staff page", 200),
    ("reviewer_scjg", "parallel case staff page", 404),
    ("clerk_township", "parallel case staff page", 404),
    # the case filed by the agent for her company: the agent sees it, the citizen does not
    ("agent", "enterprise case page", 200),
    ("citizen", "enterprise case page", 404),
    # her messages and API tokens are hers
    ("citizen", "message open (POST)", 302),
    ("citizen2", "message open (POST)", 404),
    ("supervisor", "message open (POST)", 404),
    (ANON, "message open (POST)", LOGIN),
    ("citizen", "profile of citizen", 200),
    ("citizen2", "profile of citizen", 404),
    ("supervisor", "profile of citizen", 404),
    (ANON, "profile of citizen", LOGIN),
    ("citizen2", "token revoke (POST)", 404),
    (ANON, "token revoke (POST)", LOGIN),
    # catalog: a county admin edits their county; a city admin edits city implementations and reads the rest
    ("catalog_xiangfu", "xiangfu draft editor", 200),
    ("catalog_lankao", "xiangfu draft editor", 404),
    ("catalog_city", "xiangfu draft editor", 404),
    ("citizen", "xiangfu draft editor", 404),
    ("clerk", "xiangfu draft editor", 404),
    (ANON, "xiangfu draft editor", LOGIN),
    ("catalog_xiangfu", "xiangfu draft diff", 200),
    ("catalog_city", "xiangfu draft diff", 200),
    ("catalog_lankao", "xiangfu draft diff", 404),
    ("catalog_xiangfu", "xiangfu implementation", 200),
    ("catalog_city", "xiangfu implementation", 200),
    ("catalog_lankao", "xiangfu implementation", 404),
    ("citizen", "xiangfu implementation", 404),
    ("catalog_lankao", "xiangfu draft submit (POST)", 404),
    ("catalog_city", "xiangfu draft submit (POST)", 404),
    ("citizen", "xiangfu draft submit (POST)", 404),
    (ANON, "xiangfu draft submit (POST)", LOGIN),
    ("catalog_city", "city draft editor", 200),
    ("catalog_xiangfu", "city draft editor", 404),
    ("catalog_lankao", "city draft editor", 404),
    ("catalog_lankao", "catalog admin list", 200),
    ("citizen", "catalog admin list", 404),
    ("clerk", "catalog admin list", 404),
    (ANON, "catalog admin list", LOGIN),
    # staff workspaces: citizens and agents never get them
    *[(who, page, 404) for who in ("citizen", "citizen2", "agent") for page in ("workspace", "inbox")],
    *[
        (who, page, 404)
        for who in ("citizen", "agent")
        for page in ("window intake", "pickup", "supervision")
    ],
    *[(ANON, page, LOGIN) for page in ("workspace", "inbox", "window intake", "pickup", "supervision")],
    ("clerk", "workspace", 200),
    ("reviewer_scjg", "workspace", 200),
    ("reviewer_scjg", "inbox", 200),
    ("clerk", "inbox", 200),
    ("clerk", "window intake", 200),
    ("clerk_township", "window intake", 200),
    ("reviewer_scjg", "window intake", 404),
    ("clerk", "pickup", 200),
    ("reviewer_scjg", "pickup", 404),
    ("supervisor", "supervision", 200),
    ("reviewer_scjg", "supervision", 404),
    ("clerk", "supervision", 404),
    # API: the same rules with bearer tokens; anonymous callers get 401
    ("citizen", "API case", 200),
    ("citizen2", "API case", 404),
    ("agent", "API case", 404),
    ("reviewer_scjg", "API case", 200),
    ("supervisor", "API case", 200),
    ("reviewer_ga", "API case", 404),
    ("clerk_township", "API case", 404),
    ("catalog_city", "API case", 404),
    (ANON, "API case", 401),
    ("citizen", "API draft", 200),
    ("citizen2", "API draft", 404),
    ("supervisor", "API draft", 404),
    ("citizen", "API tasks", (200, 403)),  # and never anyone's tasks: see the tests below
    ("reviewer_scjg", "API tasks", 200),
    (ANON, "API tasks", 401),
    ("reviewer_scjg", "API task claim (POST)", 200),
    ("citizen", "API task claim (POST)", 404),
    ("reviewer_ga", "API task claim (POST)", 404),
    (ANON, "API task claim (POST)", 401),
    ("citizen2", "API withdraw (POST)", 404),
    ("reviewer_scjg", "API withdraw (POST)", 404),
    (ANON, "API withdraw (POST)", 401),
]

# Known policy leaks, each written down in the QA report: {(persona, request): reason} → strict xfail.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def _rows() -> list[Any]:
    rows = []
    for persona, name, expected in MATRIX:
        bug = KNOWN_BUGS.get((persona, name))
        marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
        rows.append(pytest.param(persona, name, expected, marks=marks, id=f"{persona}-{name}-{expected}"))
    return rows


def _token(client: Client, username: str) -> str:
    response = client.post(
        "/api/v1/auth/token",
        json.dumps({"username": username, "password": DEMO_PASSWORD}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return str(response.json()["token"])


def _sign_in(client: Client, demo: Demo, persona: str, req: Req) -> dict[str, str]:
    """Sign the persona in (session for pages, a bearer token for the API); returns the extra request headers."""
    if persona == ANON:
        return {}
    if req.api:
        return {"HTTP_AUTHORIZATION": f"Bearer {_token(client, persona)}"}
    client.force_login(demo.user(persona))
    return {}


def _send(client: Client, demo: Demo, persona: str, req: Req, headers: dict[str, str] | None = None) -> Any:
    if headers is None:
        headers = _sign_in(client, demo, persona, req)
    path = req.path(demo)
    if req.api and req.method == "POST":
        return client.post(path, "{}", content_type="application/json", **headers)
    return client.post(path, **headers) if req.method == "POST" else client.get(path, **headers)


def test_every_row_names_a_known_request_and_persona(demo) -> None:  # type: ignore[no-untyped-def]
    for persona, name, _expected in MATRIX:
        assert name in REQUESTS
        assert persona == ANON or persona in demo.users, persona
    assert not set(REQUESTS) - {name for _p, name, _e in MATRIX}, "every request has at least one row"


@pytest.mark.parametrize(("persona", "name", "expected"), _rows())
def test_access(client, demo, persona, name, expected) -> None:  # type: ignore[no-untyped-def]
    req = REQUESTS[name]
    headers = _sign_in(client, demo, persona, req)  # before the snapshot: issuing a token is on the ledger
    before = req.snapshot(demo) if req.snapshot else None
    response = _send(client, demo, persona, req, headers)
    status = response.status_code
    where = f"{req.method} {req.path(demo)} as {persona}"
    if expected == LOGIN:
        assert is_login_redirect(response), (
            f"{where}: {status} {response.get('Location', '')}, expected login"
        )
    elif isinstance(expected, tuple):
        assert status in expected, f"{where}: {status}, expected one of {expected}"
    else:
        assert status == expected, f"{where}: {status}, expected {expected}"
    refused = expected == LOGIN or (isinstance(expected, int) and expected >= 400)
    if req.snapshot and refused:
        assert req.snapshot(demo) == before, f"{where} was refused but changed something"


# --- content, not only status ---------------------------------------------------------------------------------------


def test_staff_are_sent_from_the_applicant_page_to_the_staff_page(client, demo) -> None:  # type: ignore[no-untyped-def]
    client.force_login(demo.user("reviewer_scjg"))
    response = client.get(reverse("cases:case_detail", args=[demo.review.ref]))
    assert response["Location"] == reverse("cases:staff_case", args=[demo.review.number])


def test_a_citizen_gets_nobodys_tasks_through_the_api(client, demo) -> None:  # type: ignore[no-untyped-def]
    for persona in ("citizen", "citizen2", "agent"):
        response = client.get("/api/v1/tasks", HTTP_AUTHORIZATION=f"Bearer {_token(client, persona)}")
        assert response.status_code == 403 or response.json() == [], (persona, response.content)


def test_a_reviewer_gets_only_their_departments_tasks_through_the_api(client, demo) -> None:  # type: ignore[no-untyped-def]
    from tongban.cases.models import CaseTask

    response = client.get("/api/v1/tasks", HTTP_AUTHORIZATION=f"Bearer {_token(client, 'reviewer_ga')}")
    ids = {row["id"] for row in response.json()}
    assert ids, "the 公安局 reviewer has open demo tasks"
    departments = set(CaseTask.objects.filter(pk__in=ids).values_list("department__name", flat=True))
    assert departments == {"开封市公安局"}
    assert demo.review_task.pk not in ids


def test_an_applicants_case_list_holds_only_their_cases(client, demo) -> None:  # type: ignore[no-untyped-def]
    client.force_login(demo.user("citizen2"))
    page = client.get(reverse("cases:my_cases")).content.decode()
    for case in (demo.review, demo.submitted, demo.correction, demo.parallel, demo.decided):
        assert case.number not in page
    assert demo.review_other.number in page


@pytest.mark.parametrize("persona", ["citizen", "citizen2", "agent"])
@pytest.mark.parametrize("name", ["workspace", "inbox", "window intake", "pickup", "supervision"])
def test_citizens_see_no_staff_data(client, demo, persona, name) -> None:  # type: ignore[no-untyped-def]
    response = _send(client, demo, persona, REQUESTS[name])
    assert response.status_code != 200 or not any(
        case.number in response.content.decode() for case in (demo.review_other, demo.special)
    )
    assert response.status_code in (302, 403, 404)


def test_the_township_clerks_inbox_holds_no_city_case(client, demo) -> None:  # type: ignore[no-untyped-def]
    client.force_login(demo.user("clerk_township"))
    page = client.get(reverse("cases:inbox")).content.decode()
    for case in (demo.submitted, demo.review, demo.decided):
        assert case.number not in page
