"""The calendar endpoints (public arithmetic, years, entering a notice) and the ledger check, via the test client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_citizen, make_region_tree, make_staff
from tongban.core.models import CalendarYear, Holiday, LedgerEntry
from tongban.core.services import append_ledger_entry

NOTICE_2027 = (Path(__file__).parents[1] / "tongban/core/tests/notices/2027-test.txt").read_text(
    encoding="utf-8"
)

pytestmark = pytest.mark.django_db


def test_add_working_days_skips_national_day() -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2025-09-30", "days": 1})
    assert response.status_code == 200
    assert response.json() == {"start": "2025-09-30", "days": 1, "date": "2025-10-09", "provisional": False}


def test_working_days_between_counts_after_the_start() -> None:
    response = Client().get(
        "/api/v1/calendar/working-days-between", {"start": "2025-09-30", "end": "2025-10-09"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "start": "2025-09-30",
        "end": "2025-10-09",
        "working_days": 1,
        "provisional": False,
    }


@pytest.mark.parametrize("start", ["2025-13-01", "2025-02-30", "20250101", "昨天", ""])
def test_a_bad_date_is_a_422_with_a_stable_code(start: str) -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": start, "days": 1})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "CALENDAR_BAD_DATE"
    assert "start" in body["fields"]


@pytest.mark.parametrize("days", ["-1", "1001", "99999999999999999999"])
def test_days_out_of_range_are_refused(days: str) -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2025-01-02", "days": days})
    assert response.status_code == 422
    assert response.json()["code"] == "CALENDAR_DAYS_OUT_OF_RANGE"


def test_non_numeric_days_are_a_validation_error() -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2025-01-02", "days": "三"})
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_a_year_without_a_notice_is_answered_and_marked_provisional() -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2026-12-20", "days": 20})
    assert response.status_code == 200
    assert response.json() == {"start": "2026-12-20", "days": 20, "date": "2027-01-18", "provisional": True}
    response = Client().get(
        "/api/v1/calendar/working-days-between", {"start": "2026-12-31", "end": "2027-01-04"}
    )
    assert response.json()["working_days"] == 1
    assert response.json()["provisional"] is True


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/calendar/add-working-days", {"start": "1999-12-31", "days": 1}),
        ("/api/v1/calendar/add-working-days", {"start": "2100-12-30", "days": 5}),
        ("/api/v1/calendar/working-days-between", {"start": "2026-01-01", "end": "2101-01-01"}),
    ],
)
def test_a_date_outside_2000_to_2100_is_a_400_with_a_stable_code(path: str, params: dict[str, Any]) -> None:
    response = Client().get(path, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "CALENDAR_DATE_OUT_OF_RANGE"
    assert "2000" in body["message"] and "2100" in body["message"]
    assert "date" in body["fields"]


def test_an_entered_year_lists_its_days_and_its_notice() -> None:
    response = Client().get("/api/v1/calendar/years/2026")
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["provisional"], body["entered_at"]) == (2026, False, None)
    assert "2026" in body["source"]
    assert {"date": "2026-01-04", "name": "元旦调休上班"} in body["workdays"]
    assert len(body["holidays"]) == 33


def test_a_provisional_year_lists_the_statutory_days() -> None:
    body = Client().get("/api/v1/calendar/years/2027").json()
    assert body["provisional"] is True
    assert body["workdays"] == []
    assert {"date": "2027-02-09", "name": "春节（补假）"} in body["holidays"]


@pytest.mark.parametrize(
    ("year", "status", "code"),
    [
        ("1999", 400, "CALENDAR_YEAR_OUT_OF_RANGE"),
        ("2101", 400, "CALENDAR_YEAR_OUT_OF_RANGE"),
        ("二〇二七", 422, "VALIDATION_ERROR"),
    ],
)
def test_a_year_outside_the_range_is_refused(year: str, status: int, code: str) -> None:
    response = Client().get(f"/api/v1/calendar/years/{year}")
    assert response.status_code == status
    assert response.json()["code"] == code


def _post(client: Client, path: str, payload: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(payload), content_type="application/json")


@pytest.fixture
def sysadmin_client() -> Client:
    client = Client()
    client.force_login(make_staff("sysadmin_cal", Role.SYSTEM_ADMIN))
    return client


def test_a_system_admin_previews_a_notice_without_saving_it(sysadmin_client: Client) -> None:
    entries = LedgerEntry.objects.count()
    response = _post(sysadmin_client, "/api/v1/calendar/notices/preview", {"text": NOTICE_2027})
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["currently_provisional"], body["flags"]) == (2027, True, [])
    assert {"date": "2027-02-14", "name": "春节调休上班"} in body["workdays"]
    assert {"date": "2027-02-09", "name": "春节（补假）"} in body["statutory"]
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert LedgerEntry.objects.count() == entries


def test_a_system_admin_enters_a_notice_and_the_year_stops_being_provisional(sysadmin_client: Client) -> None:
    response = _post(sysadmin_client, "/api/v1/calendar/notices", {"text": NOTICE_2027, "source": "测试通知"})
    assert response.status_code == 201
    body = response.json()
    assert body["calendar"]["provisional"] is False
    assert body["calendar"]["source"] == "测试通知"
    assert body["calendar"]["entered_at"] is not None
    assert body["recomputed"] == 0
    again = Client().get("/api/v1/calendar/add-working-days", {"start": "2027-02-01", "days": 10}).json()
    assert (again["date"], again["provisional"]) == ("2027-02-20", False)
    assert LedgerEntry.objects.filter(action="calendar.notice_entered", object_id="2027").count() == 1


def test_an_unreadable_notice_is_a_422_naming_the_line(sysadmin_client: Client) -> None:
    text = NOTICE_2027.replace("5月8日（周六）上班", "5月8日（周六）上斑")
    response = _post(sysadmin_client, "/api/v1/calendar/notices", {"text": text})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "CALENDAR_NOTICE_UNREADABLE_LINE"
    assert body["fields"]["line"] == 6
    assert not Holiday.objects.filter(date__year=2027).exists()


@pytest.mark.parametrize("path", ["/api/v1/calendar/notices/preview", "/api/v1/calendar/notices"])
def test_only_system_admins_may_read_or_enter_notices(path: str) -> None:
    tree = make_region_tree()
    reviewer = Client()
    reviewer.force_login(make_staff("rev_cal", Role.REVIEWER, region=tree.city))
    citizen = Client()
    citizen.force_login(make_citizen("citizen_cal"))
    entries = LedgerEntry.objects.count()
    for client in (reviewer, citizen):
        response = _post(client, path, {"text": NOTICE_2027})
        assert response.status_code == 403
        assert response.json()["code"] == "PERMISSION_DENIED"
    response = _post(Client(), path, {"text": NOTICE_2027})
    assert response.status_code == 401
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert LedgerEntry.objects.count() == entries


def test_the_openapi_documents_the_error_responses() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/calendar/add-working-days"]["get"]
    assert {"200", "400", "422"} <= set(operation["responses"])


def test_a_supervisor_can_verify_the_ledger() -> None:
    tree = make_region_tree()
    supervisor = make_staff("sup_core", Role.SUPERVISOR, region=tree.city)
    append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="1")
    client = Client()
    client.force_login(supervisor)
    response = client.get("/api/v1/ledger/verify")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checked"] == LedgerEntry.objects.count()
    assert body["first_broken_seq"] is None


def test_a_system_admin_can_verify_the_ledger() -> None:
    admin = make_staff("sysadmin_core", Role.SYSTEM_ADMIN)
    client = Client()
    client.force_login(admin)
    assert client.get("/api/v1/ledger/verify").status_code == 200


def test_a_reviewer_may_not_verify_the_ledger() -> None:
    tree = make_region_tree()
    reviewer = make_staff("rev_core", Role.REVIEWER, region=tree.city)
    client = Client()
    client.force_login(reviewer)
    response = client.get("/api/v1/ledger/verify")
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
    assert "checked" not in response.json()


def test_a_citizen_may_not_verify_the_ledger() -> None:
    citizen = make_citizen("citizen_core")
    client = Client()
    client.force_login(citizen)
    assert client.get("/api/v1/ledger/verify").status_code == 403


def test_anonymous_callers_must_sign_in_to_verify_the_ledger() -> None:
    response = Client().get("/api/v1/ledger/verify")
    assert response.status_code == 401
    assert response.json()["code"] == "NOT_AUTHENTICATED"


def test_a_broken_chain_is_reported_with_the_first_broken_entry() -> None:
    from django.db import connection

    from tongban.core.dbtriggers import install_ledger_triggers, remove_ledger_triggers

    admin = make_staff("sysadmin_core2", Role.SYSTEM_ADMIN)
    entry = append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="1")
    append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="2")
    remove_ledger_triggers(connection)
    LedgerEntry.objects.filter(seq=entry.seq).update(object_id="999")
    install_ledger_triggers(connection)
    client = Client()
    client.force_login(admin)
    body = client.get("/api/v1/ledger/verify").json()
    assert body["ok"] is False
    assert body["first_broken_seq"] == entry.seq
    assert body["reason"] == "hash_mismatch"
    assert body["reason_label"] == "哈希不符"
