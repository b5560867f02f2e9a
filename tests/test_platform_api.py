"""The public calendar endpoints and the supervisors' ledger check, through Django's test client."""

from __future__ import annotations

import pytest
from django.test import Client

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_citizen, make_region_tree, make_staff
from tongban.core.models import LedgerEntry
from tongban.core.services import append_ledger_entry

pytestmark = pytest.mark.django_db


def test_add_working_days_skips_national_day() -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2025-09-30", "days": 1})
    assert response.status_code == 200
    assert response.json() == {"start": "2025-09-30", "days": 1, "date": "2025-10-09"}


def test_working_days_between_counts_after_the_start() -> None:
    response = Client().get(
        "/api/v1/calendar/working-days-between", {"start": "2025-09-30", "end": "2025-10-09"}
    )
    assert response.status_code == 200
    assert response.json() == {"start": "2025-09-30", "end": "2025-10-09", "working_days": 1}


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


def test_a_missing_year_is_a_400_naming_the_year() -> None:
    response = Client().get("/api/v1/calendar/add-working-days", {"start": "2026-12-30", "days": 10})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "CALENDAR_YEAR_MISSING"
    assert "2027" in body["message"]


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
