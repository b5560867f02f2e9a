"""The request guard (``RequestGuardMiddleware``) and the API's strict parser, in process.

Each refusal happens before any view runs, so negative tests also check that nothing was written.
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tongban.accounts.models import ApiToken
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _nothing_written() -> bool:
    return not LedgerEntry.objects.exists() and not OutboxMessage.objects.exists()


# --- Web forms --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["a\x00b", "a\x01b", "\x1b[31m", "x\x7f"])
def test_it_refuses_control_characters_in_a_web_form_with_the_field_named(client, value: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/login/", {"username": value, "password": "secret"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "username" in page and "控制字符" in page
    assert response["Content-Type"].startswith("text/html")
    assert _nothing_written()


def test_it_refuses_nul_in_any_form_before_the_view_runs(client) -> None:  # type: ignore[no-untyped-def]
    # The apply form and the clerk's pre-review from the issue: any path, any field, checked in one place.
    for path, data in (
        ("/cases/apply/41020200000000000000000000000000/", {"f_name": "a\x00b", "action": "submit"}),
        ("/cases/staff/2026/pre-review/", {"reason-3": "x\x00", "note": "ok"}),
        ("/cases/apply/x/", {"idempotency_key": "\x00"}),
    ):
        response = client.post(path, data)
        assert response.status_code == 400, path
        bad_field = next(name for name, value in data.items() if "\x00" in value)
        assert f"“{bad_field}”" in response.content.decode(), path
    assert _nothing_written()


def test_tabs_and_line_breaks_pass(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/login/", {"username": "citizen\t", "password": "line\r\nbreak"})
    assert response.status_code == 200  # the login form re-renders with its own error


def test_it_refuses_control_characters_in_a_form_field_name(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/login/", {"user\x00name": "x"})
    assert response.status_code == 400


def test_it_refuses_a_control_character_in_an_upload_field_name_but_not_in_the_contents(client) -> None:  # type: ignore[no-untyped-def]
    # (Django itself drops non-printable characters from upload file names; field names are left to us.)
    bad = SimpleUploadedFile("scan.pdf", b"%PDF-1.7", content_type="application/pdf")
    response = client.post("/accounts/login/", {"fi\x00le": bad})
    assert response.status_code == 400
    binary = SimpleUploadedFile("scan.pdf", b"%PDF-1.7\x00\x01\x02 binary", content_type="application/pdf")
    assert client.post("/accounts/login/", {"file": binary, "username": "u"}).status_code == 200


# --- JSON bodies --------------------------------------------------------------------------------------------------


def _post_json(client: Client, path: str, raw: str | bytes, **extra: str) -> dict:  # type: ignore[type-arg]
    response = client.post(path, raw, content_type="application/json", **extra)  # type: ignore[arg-type]
    return {"status": response.status_code, **response.json()}


@pytest.fixture
def token(citizen) -> str:  # type: ignore[no-untyped-def]
    from tongban.accounts.services import do_issue_api_token

    raw = do_issue_api_token(citizen)[0]
    LEDGER_AT_START[0] = LedgerEntry.objects.count()
    return raw


def test_it_refuses_nul_in_a_json_string_with_the_field_named(client) -> None:  # type: ignore[no-untyped-def]
    answer = _post_json(client, "/api/v1/auth/token", '{"username": "a\\u0000b", "password": "x"}')
    assert answer["status"] == 400
    assert answer["code"] == "INVALID_CHARACTERS"
    assert list(answer["fields"]) == ["username"]


def test_it_names_nested_json_fields(client, token: str) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"implementation_code": "x", "form_data": {"rows": [{"note": "a\u0001"}]}})
    answer = _post_json(client, "/api/v1/cases", body, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer["status"] == 400
    assert answer["fields"] == {"form_data.rows.0.note": [answer["fields"]["form_data.rows.0.note"][0]]}
    assert _nothing_written_but_the_token()


def _nothing_written_but_the_token() -> bool:
    # The personas' registration and the token issue are ledgered before the request; nothing after it.
    return LedgerEntry.objects.count() == LEDGER_AT_START[0] and not OutboxMessage.objects.exists()


LEDGER_AT_START = [0]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/auth/token", '{"username": "\\ud800", "password": "x"}'),
        ("/api/v1/cases", '{"implementation_code": "x", "form_data": {"name": "\\udfff"}}'),
        ("/api/v1/cases/2026/withdraw", '{"reason": "\\ud800"}'),
        ("/api/v1/cases", '{"implementation_code": "x", "form_data": {"\\ud800": 1}}'),
    ],
)
def test_a_lone_surrogate_anywhere_is_a_400_malformed_request(
    client, token: str, path: str, body: str
) -> None:  # type: ignore[no-untyped-def]
    answer = _post_json(client, path, body, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer["status"] == 400
    assert answer["code"] == "MALFORMED_REQUEST"
    assert _nothing_written_but_the_token()


@pytest.mark.parametrize(
    ("literal", "status", "code"),
    [
        ("1e309", 422, "NUMBER_OUT_OF_RANGE"),
        ("-1e309", 422, "NUMBER_OUT_OF_RANGE"),
        ("1" + "0" * 400, 422, "NUMBER_OUT_OF_RANGE"),
        ("NaN", 400, "MALFORMED_REQUEST"),
        ("Infinity", 400, "MALFORMED_REQUEST"),
        ("-Infinity", 400, "MALFORMED_REQUEST"),
    ],
)
def test_non_finite_numbers_anywhere_are_refused(
    client, token: str, literal: str, status: int, code: str
) -> None:  # type: ignore[no-untyped-def]
    body = '{"implementation_code": "x", "form_data": {"amount": ' + literal + "}}"
    answer = _post_json(client, "/api/v1/cases", body, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert (answer["status"], answer["code"]) == (status, code)
    if status == 422:
        assert list(answer["fields"]) == ["form_data.amount"]
    assert _nothing_written_but_the_token()


def test_invalid_utf8_and_deep_nesting_are_malformed(client) -> None:  # type: ignore[no-untyped-def]
    assert _post_json(client, "/api/v1/auth/token", b'{"username": "\xff"}')["code"] == "MALFORMED_REQUEST"
    deep = "[" * 100_000 + "]" * 100_000
    assert _post_json(client, "/api/v1/auth/token", deep)["code"] == "MALFORMED_REQUEST"


def test_ordinary_json_passes(client, citizen) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"username": "citizen", "password": "tongban-demo"}, ensure_ascii=False)
    assert client.post("/api/v1/auth/token", body, content_type="application/json").status_code == 200


# --- Media types ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/x-www-form-urlencoded"]
)
def test_a_json_endpoint_answers_415_to_another_media_type(client, content_type: str) -> None:  # type: ignore[no-untyped-def]
    body = '{"username": "citizen", "password": "tongban-demo"}'
    response = client.post("/api/v1/auth/token", body, content_type=content_type)
    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert not ApiToken.objects.exists()


def test_a_json_endpoint_answers_415_to_multipart(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/auth/token", {"username": "citizen", "password": "tongban-demo"})
    assert response.status_code == 415
    assert not ApiToken.objects.exists()


def test_json_with_a_charset_parameter_is_json(client, citizen) -> None:  # type: ignore[no-untyped-def]
    body = '{"username": "citizen", "password": "tongban-demo"}'
    response = client.post("/api/v1/auth/token", body, content_type="application/json; charset=utf-8")
    assert response.status_code == 200


def test_an_upload_endpoint_answers_415_to_json(client, token: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/cases/2026/materials",
        '{"name": "x"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 415


# --- Authentication ---------------------------------------------------------------------------------------------------


def test_an_anonymous_post_is_401_like_a_get(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/cases/2026").status_code == 401
    response = client.post("/api/v1/cases", "{}", content_type="application/json")
    assert response.status_code == 401
    assert response.json()["code"] == "NOT_AUTHENTICATED"


def test_a_signed_in_session_without_its_csrf_token_is_still_403(citizen) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post("/api/v1/cases", "{}", content_type="application/json")
    assert response.status_code == 403


# --- Sizes ------------------------------------------------------------------------------------------------------------


def test_an_oversized_api_body_is_a_413_in_the_json_shape(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_REQUEST_MAX_BYTES = 1000
    body = json.dumps({"username": "x" * 2000, "password": "y"})
    response = client.post("/api/v1/auth/token", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "REQUEST_TOO_LARGE"


def test_a_body_over_djangos_memory_limit_is_a_413_too(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"username": "x" * 2000, "password": "y"})
    response = client.post("/api/v1/auth/token", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "REQUEST_TOO_LARGE"


def test_an_over_long_upload_file_name_is_a_400_in_the_json_shape(client, token: str) -> None:  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile("扫描件" * 100 + ".pdf", b"%PDF-1.7", content_type="application/pdf")
    response = client.post(
        "/api/v1/cases/2026/materials", {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "FILE_NAME_TOO_LONG"
    assert list(response.json()["fields"]) == ["file"]


def test_an_over_long_url_is_a_414_in_the_json_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/catalog/items?q=" + "a" * 5000)
    assert response.status_code == 414
    assert response.json()["code"] == "URI_TOO_LONG"


def test_an_over_long_header_is_a_431_in_the_json_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/catalog/items", HTTP_X_PADDING="a" * 9000)
    assert response.status_code == 431
    assert response.json()["code"] == "HEADERS_TOO_LARGE"
