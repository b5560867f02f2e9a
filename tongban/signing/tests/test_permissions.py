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
