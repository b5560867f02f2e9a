"""The calendar admin: read-only lists, and the "录入放假通知" page (paste → preview → confirm)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from tongban.core.calendar import is_provisional_year, is_working_day
from tongban.core.models import CalendarYear, Holiday, LedgerEntry

pytestmark = pytest.mark.django_db

ENTER_URL = "/django-admin/core/calendaryear/enter-notice/"
NOTICE_2027 = (Path(__file__).parent / "notices" / "2027-test.txt").read_text(encoding="utf-8")


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


def test_the_calendar_year_list_renders_and_links_to_the_notice_page(admin_client_core: Client) -> None:
    response = admin_client_core.get("/django-admin/core/calendaryear/")
    assert response.status_code == 200
    assert [year.year for year in response.context["cl"].result_list] == [2024, 2025, 2026]
    assert ENTER_URL in response.content.decode()


def test_listed_days_cannot_be_edited_one_by_one(admin_client_core: Client) -> None:
    holiday = Holiday.objects.get(date=date(2026, 1, 1))
    assert admin_client_core.get("/django-admin/core/holiday/add/").status_code == 403
    assert admin_client_core.get("/django-admin/core/calendaryear/add/").status_code == 403
    response = admin_client_core.post(
        f"/django-admin/core/holiday/{holiday.pk}/change/", {"date": "2026-01-05", "kind": "holiday"}
    )
    assert response.status_code == 403
    assert Holiday.objects.get(pk=holiday.pk).date == date(2026, 1, 1)
    assert (
        admin_client_core.post(
            f"/django-admin/core/holiday/{holiday.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Holiday.objects.filter(pk=holiday.pk).exists()


def test_the_notice_page_shows_the_form_and_the_warning(admin_client_core: Client) -> None:
    with time_machine.travel("2026-10-08 09:00 +0800", tick=False):
        response = admin_client_core.get(ENTER_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="notice-form"' in html
    assert "尚未录入2027年的放假通知" in html


def test_a_preview_shows_the_year_and_saves_nothing(admin_client_core: Client) -> None:
    entries = LedgerEntry.objects.count()
    response = admin_client_core.post(ENTER_URL, {"text": NOTICE_2027, "action": "preview"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="notice-preview"' in html
    assert 'id="notice-flags-none"' in html
    assert len(response.context["months"]) == 12
    # 2027-02-14 (Sun) becomes a workday; 2027-02-11 (Thu) a day off; 2027-02-09 is a statutory make-up day.
    assert 'data-date="2027-02-14"' in html
    changes = {change["day"]: change["after_working"] for change in response.context["changes"]}
    assert changes[date(2027, 2, 14)] is True
    assert changes[date(2027, 2, 11)] is False
    assert any(rule["day"] == date(2027, 2, 9) and rule["make_up"] for rule in response.context["rules"])
    assert 'id="notice-confirm"' in html
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert LedgerEntry.objects.count() == entries


def test_a_preview_lists_the_flags(admin_client_core: Client) -> None:
    text = NOTICE_2027.replace("共9天", "共8天")
    response = admin_client_core.post(ENTER_URL, {"text": text, "action": "preview"})
    html = response.content.decode()
    assert 'data-code="COUNT_MISMATCH"' in html
    assert "共8天" in html


def test_confirming_saves_the_year_and_records_it(admin_client_core: Client) -> None:
    assert is_provisional_year(2027)
    preview = admin_client_core.post(ENTER_URL, {"text": NOTICE_2027, "action": "preview"})
    assert preview.status_code == 200
    response = admin_client_core.post(
        ENTER_URL,
        {"text": NOTICE_2027, "year": "2027", "source": "测试通知", "action": "confirm"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/django-admin/core/calendaryear/"
    assert "已录入2027年的放假安排" in response.content.decode()
    year = CalendarYear.objects.get(year=2027)
    assert (year.source, year.entered_by.username) == ("测试通知", "core_admin")  # type: ignore[union-attr]
    assert year.notice_text.startswith("国务院办公厅关于2027年")
    assert not is_provisional_year(2027)
    assert is_working_day(date(2027, 2, 14)) is True
    assert LedgerEntry.objects.filter(action="calendar.notice_entered", object_id="2027").count() == 1


def test_going_back_keeps_the_pasted_text(admin_client_core: Client) -> None:
    response = admin_client_core.post(ENTER_URL, {"text": NOTICE_2027, "action": "edit"})
    html = response.content.decode()
    assert 'id="notice-form"' in html
    assert "七、国庆节：10月1日（周五）至7日（周四）" in html
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_an_unreadable_notice_names_the_line_and_keeps_the_text(admin_client_core: Client) -> None:
    text = NOTICE_2027.replace("5月8日（周六）上班", "5月8日（周六）上斑")
    entries = LedgerEntry.objects.count()
    response = admin_client_core.post(ENTER_URL, {"text": text, "action": "confirm"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "第6行无法识别" in html
    assert 'id="notice-bad-line"' in html
    assert "上斑" in html  # the text is still in the form
    assert not Holiday.objects.filter(date__year=2027).exists()
    assert LedgerEntry.objects.count() == entries


def test_a_year_that_disagrees_with_the_title_is_refused_on_the_year_field(admin_client_core: Client) -> None:
    response = admin_client_core.post(ENTER_URL, {"text": NOTICE_2027, "year": "2028", "action": "confirm"})
    assert response.status_code == 200
    assert "year" in response.context["form"].errors
    assert not CalendarYear.objects.filter(year__in=[2027, 2028]).exists()


def test_staff_without_the_calendar_permission_may_not_enter_a_notice() -> None:
    user = get_user_model().objects.create_user("plain_staff", "plain@example.invalid", "x-pass-123")
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get(ENTER_URL).status_code == 403
    assert client.post(ENTER_URL, {"text": NOTICE_2027, "action": "confirm"}).status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_anonymous_visitors_are_sent_to_the_admin_login() -> None:
    response = Client().post(ENTER_URL, {"text": NOTICE_2027, "action": "confirm"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not CalendarYear.objects.filter(year=2027).exists()
