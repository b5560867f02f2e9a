"""The licences API end to end with bearer tokens: wallet, detail, JWKS, verify, present, PDF, staff actions."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tongban.accounts.services import do_issue_api_token
from tongban.cases.tests.factories import at
from tongban.core.models import LedgerEntry
from tongban.licenses.models import License
from tongban.licenses.tests.factories import issue_license, verify

pytestmark = pytest.mark.django_db

NOW = at("2026-03-02 10:00")


class Api:
    """A client calling ``/api/v1/licenses`` as one user with a bearer token (or anonymously)."""

    def __init__(self, user: Any = None) -> None:
        self.client = Client()
        self.headers: dict[str, Any] = {}
        if user is not None:
            raw, _token = do_issue_api_token(user)
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1/licenses{path}", params, **self.headers)

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(
            f"/api/v1/licenses{path}",
            body if body is not None else {},
            content_type="application/json",
            **self.headers,
        )


@pytest.fixture
def lic(world, license_type):  # type: ignore[no-untyped-def]
    verify(world.citizen)
    return issue_license(world, license_type, now=NOW)


def test_the_wallet_lists_the_holders_licences(world, lic) -> None:  # type: ignore[no-untyped-def]
    response = Api(world.citizen).get("")
    assert response.status_code == 200, response.content
    [row] = response.json()
    assert row["identifier"] == lic.identifier and row["status"] == "valid"
    assert row["type_name"] == "食品经营许可证" and row["valid_until"] == "2031-03-01"
    assert row["payload"] == lic.payload
    number = world.citizen.id_number
    assert row["holder"] == {
        "category": "person",
        "name": "王秀英",
        "number": f"{number[:6]}********{number[-4:]}",
    }


def test_the_detail_has_the_face_and_no_staff_actions_for_the_holder(world, lic) -> None:  # type: ignore[no-untyped-def]
    body = Api(world.citizen).get(f"/{lic.identifier}").json()
    assert body["face"]["shop_name"] == "汴梁小吃店" and body["allowed_actions"] == []
    assert body["current_identifier"] == lic.identifier and body["source_case"] == lic.source_case.number
    staff = Api(world.approver).get(f"/{lic.identifier}").json()
    assert staff["allowed_actions"] == ["suspend", "revoke", "correct"]


def test_the_jwks_needs_no_login(world, lic) -> None:  # type: ignore[no-untyped-def]
    response = Api().get("/jwks.json")
    assert response.status_code == 200
    keys = response.json()["keys"]
    assert keys and all("d" not in key for key in keys)


def test_verify_needs_no_login_and_reports_signature_and_status(world, lic) -> None:  # type: ignore[no-untyped-def]
    anonymous = Api()
    body = anonymous.get("/verify", payload=lic.payload).json()
    assert (body["signature"], body["status"], body["status_label"]) == (
        "valid",
        "valid",
        "签名有效，证照有效",
    )
    Api(world.approver).post(f"/{lic.identifier}/revoke", {"reason": "r", "legal_basis": "《行政许可法》"})
    body = anonymous.get("/verify", payload=lic.payload).json()
    assert body["status_label"] == "签名有效，证照已撤销"
    garbage = anonymous.get("/verify", payload="not-a-token")
    assert garbage.status_code == 200 and garbage.json()["signature"] == "invalid"


def test_public_verification_never_shows_the_holders_full_id_number(world, lic) -> None:  # type: ignore[no-untyped-def]
    """The face maps the holder's ID number into a field; the anonymous answer leaves it out (masked holder only)."""
    assert lic.holder_id_number and lic.holder_id_number in str(lic.face)
    response = Api().get("/verify", payload=lic.payload)
    assert response.status_code == 200 and response.json()["signature"] == "valid"
    assert lic.holder_id_number not in response.content.decode()
    assert response.json()["face"]["shop_name"] == "汴梁小吃店"


@pytest.mark.parametrize("payload", ["", "   ", "x" * 4001])
def test_verify_refuses_an_empty_or_oversized_parameter(db, payload: str) -> None:  # type: ignore[no-untyped-def]
    response = Api().get("/verify", payload=payload)
    assert response.status_code == 400 and response.json()["code"] == "PAYLOAD_INVALID"


def test_present_gives_a_token_that_verifies(world, lic) -> None:  # type: ignore[no-untyped-def]
    response = Api(world.citizen).post(f"/{lic.identifier}/present")
    assert response.status_code == 201, response.content
    body = response.json()
    assert "/verify/?p=" in body["verify_url"]
    check = Api().get("/verify", payload=body["token"]).json()
    assert check["is_presentation"] and check["signature"] == "valid" and not check["presentation_expired"]


def test_the_pdf_downloads_as_a_signed_pdf(world, lic) -> None:  # type: ignore[no-untyped-def]
    response = Api(world.citizen).get(f"/{lic.identifier}/pdf")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and b"/ByteRange" in response.content


def test_the_uses_list_the_authorised_uses(world, lic) -> None:  # type: ignore[no-untyped-def]
    from tongban.licenses import services

    services.do_authorise_license_use(
        lic, lic.source_case, actor=world.citizen, material_name="食品经营许可证"
    )
    [use] = Api(world.citizen).get(f"/{lic.identifier}/uses").json()
    assert use["material_name"] == "食品经营许可证" and use["department"] == world.scjg.name


def test_staff_suspend_reinstate_revoke(world, lic) -> None:  # type: ignore[no-untyped-def]
    approver = Api(world.approver)
    suspended = approver.post(f"/{lic.identifier}/suspend", {"reason": "调查"})
    assert suspended.status_code == 200 and suspended.json()["status"] == "suspended"
    again = approver.post(f"/{lic.identifier}/suspend", {"reason": "调查"})
    assert again.status_code == 409 and again.json()["code"] == "LICENSE_TRANSITION_NOT_ALLOWED"
    assert approver.post(f"/{lic.identifier}/reinstate", {"reason": "结束"}).json()["status"] == "valid"
    no_basis = approver.post(f"/{lic.identifier}/revoke", {"reason": "r"})
    assert no_basis.status_code == 422 and no_basis.json()["code"] == "LICENSE_LEGAL_BASIS_REQUIRED"
    revoked = approver.post(f"/{lic.identifier}/revoke", {"reason": "r", "legal_basis": "b"})
    assert revoked.json()["status"] == "revoked" and revoked.json()["allowed_actions"] == []


def test_staff_correct_returns_the_new_version(world, lic) -> None:  # type: ignore[no-untyped-def]
    approver = Api(world.approver)
    response = approver.post(
        f"/{lic.identifier}/correct", {"face": {**lic.face, "shop_name": "新名"}, "reason": "更正"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == "002" and body["face"]["shop_name"] == "新名"
    old = approver.get(f"/{lic.identifier}").json()
    assert old["status"] == "superseded" and old["superseded_by"] == body["identifier"]
    bad = approver.post(f"/{body['identifier']}/correct", {"face": {"holder": "x"}, "reason": "更正"})
    assert bad.status_code == 400 and bad.json()["code"] == "LICENSE_FACE_INVALID"
    assert License.objects.count() == 2


@pytest.mark.parametrize("body", [None, [], 42, "text", {"reason": 5}])
def test_a_body_that_is_not_an_object_is_refused(world, lic, body) -> None:  # type: ignore[no-untyped-def]
    api = Api(world.approver)
    response = api.client.post(
        f"/api/v1/licenses/{lic.identifier}/suspend",
        "null" if body is None else __import__("json").dumps(body),
        content_type="application/json",
        **api.headers,
    )
    assert 400 <= response.status_code < 500
    assert License.objects.get(pk=lic.pk).state == "valid"


@pytest.mark.parametrize("identifier", ["nope", quote("1.2.156.3005.2.x"), "%00", "a" * 300])
def test_unknown_identifiers_are_404(world, identifier: str) -> None:  # type: ignore[no-untyped-def]
    response = Api(world.citizen).get(f"/{identifier}")
    assert response.status_code in (404, 400), response.content
    if response.status_code == 404:
        assert response.json()["code"] in ("LICENSE_NOT_FOUND", "NOT_FOUND")


def test_the_stock_import_paths_are_not_taken_for_identifiers(world) -> None:  # type: ignore[no-untyped-def]
    api = Api(world.citizen)
    response = api.client.post("/api/v1/licenses/imports", {}, **api.headers)
    # Not 405 (which ``/{identifier}`` would answer): the stock import's own handler refuses the caller.
    assert response.status_code in (403, 404, 422), response.content


def test_actions_leave_ledger_entries(world, lic) -> None:  # type: ignore[no-untyped-def]
    Api(world.approver).post(f"/{lic.identifier}/suspend", {"reason": "调查"})
    assert LedgerEntry.objects.filter(action="license.suspended", object_id=str(lic.pk)).exists()


def test_the_wallet_query_count_does_not_grow_with_the_licences(  # type: ignore[no-untyped-def]
    world, license_type
) -> None:
    verify(world.citizen)
    issue_license(world, license_type, now=NOW)
    api = Api(world.citizen)
    api.get("")  # warm up: the token row is touched on first use
    with CaptureQueriesContext(connection) as one:
        assert len(api.get("").json()) == 1
    for _ in range(3):
        issue_license(world, license_type, now=NOW)
    with CaptureQueriesContext(connection) as four:
        assert len(api.get("").json()) == 4
    assert len(four) == len(one) <= 8, [q["sql"] for q in four.captured_queries]


def test_an_approver_lists_and_searches_the_departments_licences(world, lic) -> None:  # type: ignore[no-untyped-def]
    """What the 电子证照管理 page shows, through the API alone: the list, the search, then an action."""
    body = Api(world.approver).get("/managed").json()
    assert [item["identifier"] for item in body] == [lic.identifier]
    assert [i["identifier"] for i in Api(world.approver).get("/managed", q=lic.holder_name).json()] == [
        lic.identifier
    ]
    assert Api(world.approver).get("/managed", q="没有这个人").json() == []
    # Another department's approver sees none of them; a citizen or an anonymous caller is refused.
    assert Api(world.approver_ga).get("/managed").json() == []
    refused = Api(world.citizen).get("/managed")
    assert refused.status_code == 403 and refused.json()["code"] == "PERMISSION_DENIED"
    assert Api().get("/managed").status_code == 401
    suspended = Api(world.approver).post(f"/{body[0]['identifier']}/suspend", {"reason": "核查中"})
    assert suspended.status_code == 200 and suspended.json()["status"] == "suspended"
