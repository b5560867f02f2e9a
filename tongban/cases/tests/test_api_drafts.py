"""``DELETE /api/v1/cases/{ref}``: an applicant deletes their draft; others and submitted cases are refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tongban.accounts.services import do_issue_api_token
from tongban.cases import services
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, make_item, make_world, submitted_case
from tongban.core.models import LedgerEntry


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _delete(user: Any, ref: str) -> Any:
    headers = {}
    if user is not None:
        raw, _token = do_issue_api_token(user)
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return Client().delete(f"/api/v1/cases/{ref}", **headers)


def test_the_applicant_deletes_a_draft_over_the_api(world: World) -> None:
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg), form_data={"a": "b"})
    response = _delete(world.citizen, draft.ref)
    assert response.status_code == 204 and not Case.objects.filter(pk=draft.pk).exists()
    assert LedgerEntry.objects.filter(object_id=str(draft.pk), action="case.draft_deleted").exists()
    again = _delete(world.citizen, draft.ref)
    assert again.status_code == 404 and again.json()["code"] == "CASE_NOT_FOUND"


@pytest.mark.parametrize("persona", ["citizen2", "clerk", "reviewer"])
def test_nobody_else_deletes_the_draft(world: World, persona: str) -> None:
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg))
    response = _delete(getattr(world, persona), draft.ref)
    assert response.status_code == 404 and response.json()["code"] == "CASE_NOT_FOUND"
    assert Case.objects.filter(pk=draft.pk).exists()
    assert not LedgerEntry.objects.filter(action="case.draft_deleted").exists()


def test_anonymous_callers_are_refused(world: World) -> None:
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg))
    assert _delete(None, draft.ref).status_code == 401
    assert Case.objects.filter(pk=draft.pk).exists()


def test_a_submitted_case_is_not_deleted(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    response = _delete(world.citizen, case.number)
    assert response.status_code == 409 and response.json()["code"] == "CASE_INVALID_STATE"
    assert Case.objects.filter(pk=case.pk).exists()
