"""Request-level guards in ``tongban.core.middleware``."""

from __future__ import annotations

import pytest

from tongban.core.models import LedgerEntry


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/guide/%00/", "/search/?q=%00", "/cases/progress/?number=%00&code=x", "/guide/abc%01/"],
)
def test_it_refuses_control_characters_in_pages_with_a_400(client, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 400
    assert "非法字符" in response.content.decode()
    assert not LedgerEntry.objects.exists()


@pytest.mark.django_db
def test_it_refuses_nul_in_api_queries_with_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/catalog/items?q=%00")
    assert response.status_code == 400
    assert response.json()["code"] == "MALFORMED_REQUEST"


@pytest.mark.django_db
def test_ordinary_chinese_queries_pass_through(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/search/?q=护照%0A").status_code == 200
    assert (
        client.get("/api/v1/calendar/add-working-days?start=2025-09-30&days=1").json()["date"] == "2025-10-09"
    )


# --- Cache-Control: no-store ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_signed_in_pages_and_api_replies_are_not_stored(client, citizen) -> None:  # type: ignore[no-untyped-def]
    assert "no-store" in client.get("/api/v1/auth/me")["Cache-Control"]
    client.force_login(citizen)
    assert client.get("/accounts/profile/")["Cache-Control"] == "no-store"
    assert client.get("/")["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_public_pages_for_anonymous_visitors_stay_cacheable(client) -> None:  # type: ignore[no-untyped-def]
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]  # a form for personal data


def test_a_view_can_mark_an_anonymous_page_personal(rf) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from tongban.core.middleware import NoStoreMiddleware, mark_personal

    def view(request):  # type: ignore[no-untyped-def]
        mark_personal(request)
        return HttpResponse("progress of case 4102…")

    request = rf.get("/cases/lookup/")
    request.user = AnonymousUser()
    assert NoStoreMiddleware(view)(request)["Cache-Control"] == "no-store"
