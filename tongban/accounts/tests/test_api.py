"""Accounts API: the token flow, ``/me``, revocation, lockout and bad input."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from tongban.accounts.choices import Role
from tongban.accounts.models import ApiToken
from tongban.accounts.testing import PERSONA_PASSWORD, make_department, make_region_tree, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def _token(client, username: str = "citizen", password: str = PERSONA_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/auth/token",
        json.dumps({"username": username, "password": password}),
        content_type="application/json",
    )


def test_token_flow_and_me(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = _token(client)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer" and body["token"] and body["expires_at"]
    me = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200
    assert me.json() == {
        "username": "citizen",
        "kind": "citizen",
        "real_name": "王秀英",
        "id_number_masked": me.json()["id_number_masked"],
        "identity_level": "unverified",
        "roles": [],
    }
    assert "410202199001010018" not in me.content.decode()
    assert ApiToken.objects.get(user=citizen).last_used_at is not None


def test_me_lists_roles_with_scope(client) -> None:  # type: ignore[no-untyped-def]
    tree = make_region_tree()
    dept = make_department("开封市公安局", "公安", tree.city)
    make_staff("reviewer_ga", Role.REVIEWER, department=dept)
    token = _token(client, "reviewer_ga").json()["token"]
    roles = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {token}").json()["roles"]
    assert roles == [{"role": "reviewer", "department": "开封市公安局", "region": None}]


def test_me_works_with_the_session_too(client, citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    assert client.get("/api/v1/auth/me").json()["username"] == "citizen"


def test_me_refuses_missing_or_bad_tokens(client, citizen) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/auth/me").status_code == 401
    response = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401 and response.json()["code"] == "NOT_AUTHENTICATED"


def test_wrong_credentials_get_401_invalid_credentials(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = _token(client, password="wrong")
    assert response.status_code == 401 and response.json()["code"] == "INVALID_CREDENTIALS"
    assert not ApiToken.objects.exists()


def test_lockout_applies_to_the_api(client, citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_LOGIN_MAX_FAILURES = 2
    _token(client, password="wrong")
    response = _token(client, password="wrong")
    assert response.status_code == 423 and response.json()["code"] == "ACCOUNT_LOCKED"
    response = _token(client)
    assert response.status_code == 423
    assert not ApiToken.objects.exists()


def test_revoked_token_stops_working(client, citizen) -> None:  # type: ignore[no-untyped-def]
    token = _token(client).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.post("/api/v1/auth/token/revoke", **auth).json() == {"revoked": True}
    assert client.get("/api/v1/auth/me", **auth).status_code == 401
    assert client.post("/api/v1/auth/token/revoke", **auth).status_code == 401


@pytest.mark.parametrize("body", ["{}", '{"username": "citizen"}', "[]", '{"username": 1, "password": []}'])
def test_wrong_json_shape_gets_422_not_500(client, citizen, body) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/auth/token", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert not ApiToken.objects.exists()


def test_unparsable_json_gets_a_4xx_not_500(client, citizen) -> None:  # type: ignore[no-untyped-def]
    # django-ninja refuses an unparsable body before validation; the API layer maps it to 400 MALFORMED_REQUEST with a Chinese message.
    response = client.post("/api/v1/auth/token", "not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "MALFORMED_REQUEST"
    assert "无法解析" in response.json()["message"]
    assert not ApiToken.objects.exists()


def test_openapi_documents_the_error_responses(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/openapi.json").json()
    responses = schema["paths"]["/api/v1/auth/token"]["post"]["responses"]
    assert {"200", "401", "422", "423"} <= set(responses)
