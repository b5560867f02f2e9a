"""Authorisation matrix of the signing pages and endpoints: system administrator, superuser, other staff, citizen,
anonymous. The root certificate is public; everything about seals is for system administrators only."""

from __future__ import annotations

import pytest
from cryptography import x509
from django.urls import reverse

from tongban.accounts.services import do_issue_api_token
from tongban.signing import services
from tongban.signing.tests.factories import make_reviewer, make_system_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def seal():  # type: ignore[no-untyped-def]
    return services.ensure_seal(None, actor=None)


def _persona(name: str, django_user_model, citizen):  # type: ignore[no-untyped-def]
    if name == "system_admin":
        return make_system_admin()
    if name == "superuser":
        return django_user_model.objects.create_superuser("root", password="x-Strong-9!")
    if name == "reviewer":
        return make_reviewer()
    if name == "citizen":
        return citizen
    return None


ALLOWED = ["system_admin", "superuser"]
REFUSED = ["reviewer", "citizen"]


@pytest.mark.parametrize("persona", ALLOWED)
def test_system_admins_see_the_seals_page(client, django_user_model, citizen, seal, persona) -> None:  # type: ignore[no-untyped-def]
    client.force_login(_persona(persona, django_user_model, citizen))
    response = client.get(reverse("signing:seal_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        seal.name in body and "<svg" in body and reverse("signing:seal_certificate", args=[seal.pk]) in body
    )


@pytest.mark.parametrize("persona", REFUSED)
def test_other_users_are_refused_the_seals_page(client, django_user_model, citizen, seal, persona) -> None:  # type: ignore[no-untyped-def]
    client.force_login(_persona(persona, django_user_model, citizen))
    assert client.get(reverse("signing:seal_list")).status_code == 403
    response = client.get(reverse("signing:seal_certificate", args=[seal.pk]))
    assert response.status_code == 403 and b"CERTIFICATE" not in response.content


def test_anonymous_visitors_are_sent_to_the_login_page(client, seal) -> None:  # type: ignore[no-untyped-def]
    for url in (reverse("signing:seal_list"), reverse("signing:seal_certificate", args=[seal.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_system_admin_downloads_a_seal_certificate(client, seal) -> None:  # type: ignore[no-untyped-def]
    client.force_login(make_system_admin())
    response = client.get(reverse("signing:seal_certificate", args=[seal.pk]))
    assert response.status_code == 200 and response.content.decode() == seal.certificate_pem
    assert client.get(reverse("signing:seal_certificate", args=[seal.pk + 999])).status_code == 404


@pytest.mark.parametrize("url", ["/signing/root.pem", "/api/v1/signing/root.pem"])
def test_anyone_downloads_the_root_certificate(client, url) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/x-pem-file"
    cert = x509.load_pem_x509_certificate(response.content)
    assert cert.issuer == cert.subject
    assert client.get(url).content == response.content  # made once


@pytest.mark.parametrize("persona", ALLOWED)
def test_system_admins_list_seals_in_the_api(client, django_user_model, citizen, seal, persona) -> None:  # type: ignore[no-untyped-def]
    raw, _token = do_issue_api_token(_persona(persona, django_user_model, citizen))
    response = client.get("/api/v1/signing/seals", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["name"] == seal.name and item["kid"] == seal.key.kid and item["kind"] == "approval"
    assert "PRIVATE" not in response.content.decode()


@pytest.mark.parametrize("persona", REFUSED)
def test_other_users_are_refused_the_seals_api(client, django_user_model, citizen, seal, persona) -> None:  # type: ignore[no-untyped-def]
    raw, _token = do_issue_api_token(_persona(persona, django_user_model, citizen))
    response = client.get("/api/v1/signing/seals", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 403 and response.json()["code"] == "PERMISSION_DENIED"


def test_anonymous_callers_are_refused_the_seals_api(client, seal) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/signing/seals")
    assert response.status_code == 401


def test_the_seals_page_is_a_workspace_tool_of_system_admins() -> None:
    from tongban.core.workspace import workspace_tools

    assert any(t.role == "system_admin" and t.url_name == "signing:seal_list" for t in workspace_tools())


def test_the_seal_list_takes_a_fixed_number_of_queries(
    client, settings, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from tongban.accounts.testing import make_department, make_region_tree

    settings.TONGBAN_APPROVAL_SEAL = False
    for name in ("开封市市场监督管理局", "开封市教育局", "开封市民政局"):
        services.ensure_seal(make_department(name, region=make_region_tree().city), actor=None)
    admin = make_system_admin()
    client.force_login(admin)
    raw, _token = do_issue_api_token(admin)
    client.get(reverse("signing:seal_list"))  # warm the session and grant caches
    with django_assert_max_num_queries(8):
        assert client.get(reverse("signing:seal_list")).status_code == 200
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/signing/seals", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and len(response.json()) == 3


@pytest.mark.parametrize("persona", ALLOWED)
def test_system_admins_rotate_the_key_on_the_page_and_by_api(
    client, django_user_model, citizen, persona
) -> None:  # type: ignore[no-untyped-def]
    from tongban.core.models import LedgerEntry
    from tongban.signing.queries import verify_jws

    user = _persona(persona, django_user_model, citizen)
    old_token = services.sign_jws({"a": 1}, actor=None, purpose="test")
    client.force_login(user)
    response = client.post(reverse("signing:key_rotate"))
    assert response.status_code == 302 and response["Location"] == reverse("signing:seal_list")
    raw, _token = do_issue_api_token(user)
    response = client.post("/api/v1/signing/keys/rotate", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201 and response.json()["retired_at"] is None
    assert LedgerEntry.objects.filter(action="signing.key_rotated").count() == 2
    assert verify_jws(old_token).valid  # the retired key keeps verifying
    new_token = services.sign_jws({"a": 2}, actor=None, purpose="test")
    assert verify_jws(new_token).header["kid"] == response.json()["kid"]


@pytest.mark.parametrize("persona", REFUSED)
def test_other_users_cannot_rotate_the_key(client, django_user_model, citizen, persona) -> None:  # type: ignore[no-untyped-def]
    from tongban.core.models import LedgerEntry

    user = _persona(persona, django_user_model, citizen)
    client.force_login(user)
    assert client.post(reverse("signing:key_rotate")).status_code == 403
    raw, _token = do_issue_api_token(user)
    response = client.post("/api/v1/signing/keys/rotate", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 403 and response.json()["code"] == "PERMISSION_DENIED"
    assert client.logout() is None and client.post("/api/v1/signing/keys/rotate").status_code == 401
    assert not LedgerEntry.objects.filter(action="signing.key_rotated").exists()


def test_the_rotate_command_rotates(db) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    from tongban.signing.queries import jwks

    services.sign_jws({"a": 1}, actor=None, purpose="test")
    call_command("signing_rotate_key")
    assert len(jwks()["keys"]) == 2
