"""Applying over the API alone: uploads bound to the item detail's material ids (or their names), drafts edited,
the 告知承诺书 signed, materials removed, and the refusals fuzzing found (bodies, deadlines, idempotency keys)."""

from __future__ import annotations

from typing import Any

import pytest

from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.tests.api.client import Api
from tongban.cases.tests.factories import World, make_item, pdf, submitted_case
from tongban.cases.tests.helpers import actions
from tongban.catalog.choices import MaterialNecessity
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


def _draft(api: Api, code: str, **body: Any) -> str:
    response = api.post("/cases", {"implementation_code": code, **body})
    assert response.status_code == 201, response.content
    return str(response.json()["ref"])


def _nothing_written(before: tuple[int, int]) -> bool:
    return (LedgerEntry.objects.count(), OutboxMessage.objects.count()) == before


def _counts() -> tuple[int, int]:
    return LedgerEntry.objects.count(), OutboxMessage.objects.count()


def test_an_application_goes_from_the_item_detail_to_submission(world: World) -> None:
    version = make_item(world.scjg, materials=(("营业执照", "1"), ("场所证明", "1"), ("其他", "2")))
    code = version.implementation.code
    citizen = Api(world.citizen)
    detail = citizen.get(f"/catalog/items/{code}").json()
    required = [m for m in detail["materials"] if m["necessity"] == "1"]
    ref = _draft(citizen, code)
    for material in required:
        uploaded = citizen.upload(f"/cases/{ref}/materials", {"material_id": material["id"], "file": pdf()})
        assert uploaded.status_code == 201 and uploaded.json()["material_id"] == material["id"]
    submitted = citizen.post(f"/cases/{ref}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"


def test_an_upload_sent_with_the_material_name_is_bound_to_it(world: World) -> None:
    version = make_item(world.scjg)
    citizen = Api(world.citizen)
    ref = _draft(citizen, version.implementation.code)
    bound = citizen.upload(f"/cases/{ref}/materials", {"name": "营业执照", "file": pdf()})
    assert bound.json()["material_id"] == version.materials.get().pk
    extra = citizen.upload(f"/cases/{ref}/materials", {"name": "补充说明", "file": pdf()})
    assert extra.json()["material_id"] is None and extra.json()["name"] == "补充说明"
    assert citizen.post(f"/cases/{ref}/submit").json()["status"] == "submitted"


def test_it_refuses_an_unknown_or_foreign_material_id(world: World) -> None:
    version, other = make_item(world.scjg), make_item(world.scjg)
    citizen = Api(world.citizen)
    ref = _draft(citizen, version.implementation.code)
    before = _counts()
    for material_id in (other.materials.get().pk, 987654321):
        response = citizen.upload(f"/cases/{ref}/materials", {"material_id": material_id, "file": pdf()})
        assert response.status_code == 422 and response.json()["code"] == "MATERIAL_NOT_OF_CASE"
    assert _nothing_written(before) and not Case.objects.get(public_id=ref).materials.exists()


def test_a_draft_is_edited_signed_and_cleaned_up_over_the_api(world: World) -> None:
    schema = {
        "type": "object",
        "properties": {"shop": {"type": "string", "title": "店名"}},
        "required": ["shop"],
    }
    version = make_item(world.scjg, commitment=True, form_schema=schema)
    citizen = Api(world.citizen)
    ref = _draft(citizen, version.implementation.code)
    refused = citizen.post(f"/cases/{ref}/submit")
    assert refused.status_code == 422 and refused.json()["code"] == "FORM_INVALID"
    assert citizen.patch(f"/cases/{ref}", {"form_data": {"shop": "汴梁小吃"}}).status_code == 200
    wrong = citizen.upload(
        f"/cases/{ref}/materials", {"material_id": version.materials.get().pk, "file": pdf()}
    )
    assert citizen.delete(f"/cases/{ref}/materials/{wrong.json()['id']}").status_code == 204
    assert citizen.get(f"/cases/{ref}/materials").json() == []
    citizen.upload(f"/cases/{ref}/materials", {"material_id": version.materials.get().pk, "file": pdf()})
    signed = citizen.post(f"/cases/{ref}/commitment")
    assert signed.status_code == 200
    case = Case.objects.get(public_id=ref)
    assert case.form_data == {"shop": "汴梁小吃"} and case.commitment_signed_at is not None
    number = citizen.post(f"/cases/{ref}/submit").json()["number"]
    assert citizen.patch(f"/cases/{number}", {"form_data": {}}).status_code == 409
    assert citizen.delete(f"/cases/{number}/materials/{case.materials.get().pk}").status_code == 409


def test_signing_is_refused_where_the_item_has_no_commitment(world: World) -> None:
    citizen = Api(world.citizen)
    ref = _draft(citizen, make_item(world.scjg).implementation.code)
    response = citizen.post(f"/cases/{ref}/commitment")
    assert response.status_code == 409 and response.json()["code"] == "COMMITMENT_NOT_OFFERED"


@pytest.mark.parametrize("body", ["42", "null", "[]", '"withdraw"', "true"])
def test_withdraw_refuses_a_body_that_is_not_an_object_and_withdraws_nothing(world: World, body: str) -> None:
    case = submitted_case(world, make_item(world.scjg))
    citizen = Api(world.citizen)  # issuing the token is itself ledgered
    before = _counts()
    response = citizen.raw("post", f"/cases/{case.number}/withdraw", body)
    assert response.status_code == 422 and response.json()["code"] == "VALIDATION_ERROR"
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and _nothing_written(before)


def test_withdraw_with_an_object_still_works(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    response = Api(world.citizen).post(f"/cases/{case.number}/withdraw", {"reason": "不再需要"})
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"


@pytest.mark.parametrize("days", [-3, 0, 61])
def test_accept_refuses_a_supplement_deadline_out_of_range(world: World, days: int) -> None:
    version = make_item(world.scjg, tolerance=True, materials=(("卫生许可", MaterialNecessity.TOLERABLE),))
    case = submitted_case(world, version)
    clerk = Api(world.clerk)
    before = _counts()
    response = clerk.post(
        f"/cases/{case.number}/accept",
        {"tolerated_material_ids": [version.materials.get().pk], "supplement_deadline_days": days},
    )
    assert response.status_code == 422 and response.json()["code"] == "VALIDATION_ERROR"
    assert "supplement_deadline_days" in response.json()["fields"]
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and _nothing_written(before)


def test_idempotency_keys_over_the_api(world: World) -> None:
    code = make_item(world.scjg, materials=()).implementation.code
    citizen = Api(world.citizen)
    body = {"implementation_code": code, "form_data": {"a": "1"}}
    first = citizen.post("/cases", body, HTTP_IDEMPOTENCY_KEY="order-1")
    again = citizen.post("/cases", body, HTTP_IDEMPOTENCY_KEY="order-1")
    assert (
        first.status_code == again.status_code == 201 and again.json()["draft_id"] == first.json()["draft_id"]
    )
    before = _counts()
    reused = citizen.post("/cases", {**body, "form_data": {"a": "2"}}, HTTP_IDEMPOTENCY_KEY="order-1")
    assert reused.status_code == 422 and reused.json()["code"] == "IDEMPOTENCY_KEY_REUSED"
    long_key = "k" * 100
    too_long = citizen.post("/cases", body, HTTP_IDEMPOTENCY_KEY=long_key + "-a")
    assert too_long.status_code == 400 and too_long.json()["code"] == "IDEMPOTENCY_KEY_TOO_LONG"
    assert _nothing_written(before)
    # Two keys that differ after the 100th character no longer collide: the longer one is refused outright.
    kept = citizen.post("/cases", body, HTTP_IDEMPOTENCY_KEY=long_key)
    assert kept.status_code == 201 and kept.json()["draft_id"] != first.json()["draft_id"]
    assert citizen.post("/cases", body, HTTP_IDEMPOTENCY_KEY=long_key + "-b").status_code == 400
    case = Case.objects.get(public_id=first.json()["draft_id"])
    assert actions(case) == ["case.created"]
