"""The calendar admin pages render and filter."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_core() -> Client:
    user = get_user_model().objects.create_superuser("core_admin", "core_admin@example.invalid", "x-pass-123")
    client = Client()
    client.force_login(user)
    return client


def test_the_holiday_list_filters_by_year_and_kind(admin_client_core: Client) -> None:
    response = admin_client_core.get(
        "/django-admin/core/holiday/", {"year": "2026", "kind": "adjusted_workday"}
    )
    assert response.status_code == 200
    shown = [holiday.date.isoformat() for holiday in response.context["cl"].result_list]
    assert shown == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]


def test_the_calendar_year_list_renders(admin_client_core: Client) -> None:
    response = admin_client_core.get("/django-admin/core/calendaryear/")
    assert response.status_code == 200
    assert [year.year for year in response.context["cl"].result_list] == [2024, 2025, 2026]
