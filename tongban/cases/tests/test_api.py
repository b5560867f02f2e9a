"""The cases API end to end with bearer tokens, and its refusals (4xx with stable codes, never 5xx)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tongban.accounts.services import do_issue_api_token
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseTask
from tongban.cases.tests.factories import World, make_item, make_world, pdf
from tongban.catalog.models import ItemVersion


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


class Api:
    """A client calling ``/api/v1`` as one user with a bearer token (or anonymously)."""

    def __init__(self, user: Any = None) -> None:
        self.client = Client()
        self.headers = {}
        if user is not None:
            raw, _token = do_issue_api_token(user)
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, **self.headers)

    def post(self, path: str, body: Any = None, **extra: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}", body or {}, content_type="application/json", **self.headers, **extra
        )

    def upload(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.post(f"/api/v1{path}", data, **self.headers)


def test_full_parallel_lifecycle_over_the_api(world: World) -> None:
    version = make_item(world.scjg, review_departments=(world.ga, world.zj))
    citizen, clerk = Api(world.citizen), Api(world.clerk)

    created = citizen.post(
        "/cases",
        {"implementation_code": version.implementation.code, "form_data": {"a": "b"}},
        HTTP_IDEMPOTENCY_KEY="key-1",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["number"] is None and body["status"] == "draft"
    ref = body["ref"]
    again = citizen.post(
        "/cases",
        {"implementation_code": version.implementation.code, "form_data": {"a": "b"}},
        HTTP_IDEMPOTENCY_KEY="key-1",
    )
    assert again.json()["draft_id"] == body["draft_id"]

    missing = citizen.post(f"/cases/{ref}/submit")
    assert missing.status_code == 422 and missing.json()["code"] == "MATERIALS_MISSING"
    uploaded = citizen.upload(
        f"/cases/{ref}/materials", {"material_id": version.materials.get().pk, "file": pdf()}
    )
    assert uploaded.status_code == 201, uploaded.content
    submitted = citizen.post(f"/cases/{ref}/submit")
    assert submitted.status_code == 200
    number = submitted.json()["number"]
    assert number and submitted.json()["status"] == "submitted"

    accepted = clerk.post(f"/cases/{number}/accept", {"note": "材料齐全"})
    assert accepted.status_code == 200 and accepted.json()["status"] == "in_review"

    for user in (world.reviewer_ga, world.reviewer_zj):
        api = Api(user)
        inbox = api.get("/tasks").json()
        assert [t["case_number"] for t in inbox] == [number]
        task_id = inbox[0]["id"]
        assert api.post(f"/tasks/{task_id}/claim").json()["state"] == "claimed"
        done = api.post(f"/tasks/{task_id}/complete", {"outcome": "approve", "opinion": "同意"})
        assert done.status_code == 200 and done.json()["state"] == "completed"

    decided = Api(world.approver).post(f"/cases/{number}/decide", {"approve": True, "opinion": "准予"})
    assert decided.status_code == 200 and decided.json()["status"] == "decided"

    detail = citizen.get(f"/cases/{number}").json()
    assert detail["decision"]["approve"] is True
    assert detail["warning_level"] == "none"
    assert all("t_" not in entry["actor_label"] for entry in detail["timeline"])  # plain: no staff names

    pickup = Case.objects.get(number=number).pickup_code
    delivered = clerk.post(f"/cases/{number}/deliver", {"mode": "window", "pickup_code": pickup})
    assert delivered.json()["status"] == "closed"

    public = Client().get(f"/api/v1/public/cases/{number}", {"code": detail["query_code"]})
    assert public.status_code == 200 and public.json()["result"] == "准予"
    assert "applicant" not in public.json()


def test_the_detail_shows_the_clock_and_open_tasks(world: World) -> None:
    version = make_item(world.scjg, materials=())
    citizen = Api(world.citizen)
    number = citizen.post(
        "/cases", {"implementation_code": version.implementation.code, "submit": True}
    ).json()["number"]
    Api(world.clerk).post(f"/cases/{number}/accept", {})
    detail = Api(world.reviewer).get(f"/cases/{number}").json()
    assert detail["status"] == "in_review" and detail["deadline"]
    assert detail["remaining_working_days"] is not None and detail["warning_level"] in (
        "green",
        "yellow",
        "red",
    )
    assert [t["step"] for t in detail["tasks"]] == ["review"]
    assert any(entry["actor_label"] for entry in detail["timeline"])  # staff timeline names actors


def test_two_completions_of_one_task_give_a_409_to_the_second(world: World) -> None:
    version = make_item(world.scjg, materials=())
    number = (
        Api(world.citizen)
        .post("/cases", {"implementation_code": version.implementation.code, "submit": True})
        .json()["number"]
    )
    Api(world.clerk).post(f"/cases/{number}/accept", {})
    task = CaseTask.objects.get(case__number=number, step="review")
    first = Api(world.reviewer).post(f"/tasks/{task.pk}/complete", {"outcome": "approve"})
    second = Api(world.reviewer2).post(f"/tasks/{task.pk}/complete", {"outcome": "approve"})
    assert first.status_code == 200
    assert second.status_code == 409 and second.json()["code"] == "TASK_ALREADY_COMPLETED"
    assert "他人" in second.json()["message"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/accept", {}),
        ("/refuse", {"reasons": ["x"]}),
        ("/decide", {"approve": True}),
        ("/deliver", {"mode": "electronic"}),
        ("/terminate", {"reason": "x"}),
        ("/withdraw", {}),
        ("", None),
    ],
)
def test_other_people_get_not_found_and_nothing_changes(world: World, path: str, body: Any) -> None:
    version = make_item(world.scjg, materials=())
    number = (
        Api(world.citizen)
        .post("/cases", {"implementation_code": version.implementation.code, "submit": True})
        .json()["number"]
    )
    for user in (world.citizen2, world.clerk_township, world.reviewer_xf):
        api = Api(user)
        response = api.get(f"/cases/{number}") if body is None else api.post(f"/cases/{number}{path}", body)
        assert response.status_code == 404, (user, path, response.content)
        assert response.json()["code"] == "CASE_NOT_FOUND"
    assert Case.objects.get(number=number).state == CaseState.SUBMITTED


def test_anonymous_callers_are_refused(world: World) -> None:
    version = make_item(world.scjg, materials=())
    anonymous = Api()
    response = anonymous.post("/cases", {"implementation_code": version.implementation.code})
    assert response.status_code == 401 and response.json()["code"] == "NOT_AUTHENTICATED"
    assert anonymous.get("/tasks").status_code == 401
    assert not Case.objects.exists()


def test_wrong_state_and_bad_input_are_4xx_with_codes(world: World) -> None:
    version = make_item(world.scjg, materials=())
    citizen, clerk = Api(world.citizen), Api(world.clerk)
    number = citizen.post(
        "/cases", {"implementation_code": version.implementation.code, "submit": True}
    ).json()["number"]
    decided = clerk.post(f"/cases/{number}/deliver", {"mode": "electronic"})
    assert decided.status_code == 409 and decided.json()["code"] == "CASE_INVALID_STATE"
    bad = clerk.post(f"/cases/{number}/accept", {"tolerated_material_ids": "nope"})
    assert bad.status_code == 422 and bad.json()["code"] == "VALIDATION_ERROR"
    unknown = citizen.post("/cases", {"implementation_code": "x" * 31})
    assert unknown.status_code == 422 and unknown.json()["code"] == "ITEM_NOT_AVAILABLE"
    no_task = Api(world.reviewer).post("/tasks/999999/complete", {"outcome": "approve"})
    assert no_task.status_code == 404 and no_task.json()["code"] == "TASK_NOT_FOUND"
    assert Case.objects.get(number=number).state == CaseState.SUBMITTED


def test_public_progress_needs_the_right_query_code(world: World) -> None:
    version = make_item(world.scjg, materials=())
    number = (
        Api(world.citizen)
        .post("/cases", {"implementation_code": version.implementation.code, "submit": True})
        .json()["number"]
    )
    response = Client().get(f"/api/v1/public/cases/{number}", {"code": "WRONG1"})
    assert response.status_code == 404 and response.json()["code"] == "CASE_NOT_FOUND"


def test_correction_and_resubmission_over_the_api(world: World) -> None:
    version = make_item(world.scjg)
    citizen, clerk = Api(world.citizen), Api(world.clerk)
    ref = citizen.post("/cases", {"implementation_code": version.implementation.code}).json()["ref"]
    material_id = version.materials.get().pk
    citizen.upload(f"/cases/{ref}/materials", {"material_id": material_id, "file": pdf()})
    number = citizen.post(f"/cases/{ref}/submit").json()["number"]
    case_material = Case.objects.get(number=number).materials.get()
    flagged = clerk.post(
        f"/cases/{number}/request-correction",
        {"problems": [{"case_material_id": case_material.pk, "reason": "不清晰"}], "note": "请补正"},
    )
    assert flagged.json()["status"] == "correction_requested"
    early = citizen.post(f"/cases/{number}/resubmit")
    assert early.status_code == 422 and early.json()["code"] == "CORRECTION_INCOMPLETE"
    citizen.upload(f"/cases/{number}/materials", {"material_id": material_id, "file": pdf("清晰.pdf")})
    assert citizen.post(f"/cases/{number}/resubmit").json()["status"] == "submitted"


def test_nul_characters_are_a_400_naming_the_field_not_a_500(world: World) -> None:
    version = make_item(world.scjg, materials=())
    citizen = Api(world.citizen)
    response = citizen.post(
        "/cases", {"implementation_code": version.implementation.code, "form_data": {"a": "x\u0000"}}
    )
    assert response.status_code == 400 and response.json()["code"] == "INVALID_CHARACTERS"
    assert "form_data.a" in response.json()["fields"]
    # NUL in a path or query never reaches a view: the core middleware answers 400 MALFORMED_REQUEST.
    in_path = citizen.get("/cases/4102%00")
    assert in_path.status_code == 400 and in_path.json()["code"] == "MALFORMED_REQUEST"
    assert Client().get("/api/v1/public/cases/1%002", {"code": "A\u0000"}).status_code == 400
    assert not Case.objects.exists()


def test_the_applicant_chooses_delivery_over_the_api_and_the_hand_out_follows_it(world: World) -> None:
    version = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=version.pk).update(delivery_modes=["window", "post"])
    citizen, clerk = Api(world.citizen), Api(world.clerk)
    number = citizen.post(
        "/cases",
        {
            "implementation_code": version.implementation.code,
            "submit": True,
            "delivery_mode": "window",
        },
    ).json()["number"]
    assert citizen.get(f"/cases/{number}").json()["requested_delivery_mode"] == "window"

    no_address = citizen.post(f"/cases/{number}/delivery", {"mode": "post"})
    assert no_address.status_code == 422 and no_address.json()["code"] == "DELIVERY_ADDRESS_REQUIRED"
    wrong = citizen.post(f"/cases/{number}/delivery", {"mode": "electronic"})
    assert wrong.status_code == 422 and wrong.json()["code"] == "DELIVERY_MODE_NOT_OFFERED"
    for staff in (clerk, Api(world.reviewer)):
        refused = staff.post(f"/cases/{number}/delivery", {"mode": "post", "address": "x"})
        assert refused.status_code == 404 and refused.json()["code"] == "CASE_NOT_FOUND"
    other = Api(world.citizen2).post(f"/cases/{number}/delivery", {"mode": "post", "address": "x"})
    assert other.status_code == 404 and other.json()["code"] == "CASE_NOT_FOUND"
    assert Case.objects.get(number=number).requested_delivery_mode == "window"

    chosen = citizen.post(f"/cases/{number}/delivery", {"mode": "post", "address": "开封市鼓楼区1号"})
    assert chosen.status_code == 200 and chosen.json()["ref"] == number
    detail = citizen.get(f"/cases/{number}").json()
    assert (detail["requested_delivery_mode"], detail["delivery_address"]) == ("post", "开封市鼓楼区1号")
    assert clerk.get(f"/cases/{number}").json()["requested_delivery_mode"] == "post"

    clerk.post(f"/cases/{number}/accept", {})
    for step, user in (("review", world.reviewer), ("audit", world.approver)):
        task = CaseTask.objects.get(case__number=number, step=step, state="open")
        assert Api(user).post(f"/tasks/{task.pk}/complete", {"outcome": "approve"}).status_code == 200
    assert Api(world.approver2).post(f"/cases/{number}/decide", {"approve": True}).status_code == 200
    pickup = Case.objects.get(number=number).pickup_code
    mismatch = clerk.post(f"/cases/{number}/deliver", {"mode": "window", "pickup_code": pickup})
    assert mismatch.status_code == 409 and mismatch.json()["code"] == "DELIVERY_MODE_MISMATCH"
    delivered = clerk.post(f"/cases/{number}/deliver", {"mode": "post", "tracking_number": "SF1"})
    assert delivered.status_code == 200 and delivered.json()["status"] == "closed"
    late = citizen.post(f"/cases/{number}/delivery", {"mode": "window"})
    assert late.status_code == 409 and late.json()["code"] == "CASE_INVALID_STATE"
    assert citizen.get(f"/cases/{number}").json()["tracking_number"] == "SF1"


def test_creating_with_post_but_no_address_creates_nothing(world: World) -> None:
    version = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=version.pk).update(delivery_modes=["post"])
    response = Api(world.citizen).post(
        "/cases", {"implementation_code": version.implementation.code, "delivery_mode": "post"}
    )
    assert response.status_code == 422 and response.json()["code"] == "DELIVERY_ADDRESS_REQUIRED"
    assert not Case.objects.exists()


def test_public_progress_over_the_api_gives_the_item_code(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = Case.objects.get(
        number=Api(world.citizen)
        .post("/cases", {"implementation_code": version.implementation.code, "submit": True})
        .json()["number"]
    )
    body = Api().get(f"/public/cases/{case.number}", code=case.query_code).json()
    assert body["item_code"] == version.implementation.code
