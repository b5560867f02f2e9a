"""``GET /api/v1/cases``: the applicant's own, an agent's enterprises' and a staff member's scope, filtered and
paginated; nobody lists what they may not see."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.cases import services
from tongban.cases.tests.api.client import Api
from tongban.cases.tests.factories import World, make_item, submitted_case


def _refs(api: Api, **params: Any) -> list[str]:
    response = api.get("/cases", **params)
    assert response.status_code == 200, response.content
    return [item["ref"] for item in response.json()["items"]]


@pytest.fixture
def cases(world: World) -> dict[str, Any]:
    """A draft and a submitted case of the citizen, one of citizen2, one of the agent's enterprise, one of 公安."""
    scjg_item, ga_item = make_item(world.scjg), make_item(world.ga)
    return {
        "scjg_item": scjg_item,
        "draft": services.do_create_case(actor=world.citizen, version=scjg_item, form_data={}),
        "mine": submitted_case(world, scjg_item),
        "theirs": submitted_case(world, scjg_item, applicant=world.citizen2),
        "enterprise": services.do_submit_case(
            _with_materials(
                services.do_create_case(actor=world.agent, version=scjg_item, enterprise=world.enterprise),
                world.agent,
            ),
            actor=world.agent,
        ),
        "ga": submitted_case(world, ga_item),
    }


def _with_materials(case: Any, actor: Any) -> Any:
    from tongban.cases.tests.factories import upload_required

    upload_required(case, actor)
    return case


def test_an_applicant_lists_their_own_cases_drafts_included_newest_first(
    world: World, cases: dict[str, Any]
) -> None:
    refs = _refs(Api(world.citizen))
    assert refs == [cases["ga"].ref, cases["mine"].ref, cases["draft"].ref]
    assert cases["theirs"].ref not in refs and cases["enterprise"].ref not in refs


def test_an_agent_lists_their_enterprises_cases(world: World, cases: dict[str, Any]) -> None:
    assert _refs(Api(world.agent)) == [cases["enterprise"].ref]


def test_staff_list_the_cases_in_their_scope_never_drafts(world: World, cases: dict[str, Any]) -> None:
    clerk_refs = set(_refs(Api(world.clerk)))
    assert clerk_refs == {cases[k].ref for k in ("mine", "theirs", "enterprise", "ga")}
    assert set(_refs(Api(world.reviewer))) == {cases[k].ref for k in ("mine", "theirs", "enterprise")}
    assert _refs(Api(world.reviewer_ga)) == [cases["ga"].ref]
    assert _refs(Api(world.reviewer_xf)) == []  # a county department sees nothing of the city's
    assert _refs(Api(world.clerk), role="applicant") == []
    assert _refs(Api(world.citizen), role="staff") == []


def test_staff_see_applicant_names_masked(world: World, cases: dict[str, Any]) -> None:
    items = Api(world.reviewer).get("/cases").json()["items"]
    assert {item["applicant_name"] for item in items} >= {"王*英"}
    assert Api(world.citizen).get("/cases").json()["items"][0]["applicant_name"] == "王秀英"


def test_it_filters_by_status_and_item(world: World, cases: dict[str, Any]) -> None:
    citizen = Api(world.citizen)
    assert _refs(citizen, status="draft") == [cases["draft"].ref]
    code = cases["scjg_item"].implementation.code
    assert _refs(citizen, implementation_code=code) == [cases["mine"].ref, cases["draft"].ref]
    assert _refs(citizen, implementation_code="not-a-code") == []
    bad = citizen.get("/cases", status="nonsense")
    assert bad.status_code == 422 and bad.json()["code"] == "VALIDATION_ERROR"


def test_it_pages_with_a_total(world: World, cases: dict[str, Any]) -> None:
    citizen = Api(world.citizen)
    first = citizen.get("/cases", size=2).json()
    second = citizen.get("/cases", size=2, page=2).json()
    assert first["count"] == second["count"] == 3 and first["num_pages"] == 2
    assert [i["ref"] for i in first["items"] + second["items"]] == _refs(citizen)
    item = first["items"][0]
    assert item["url"] == f"/api/v1/cases/{item['ref']}" and item["implementation_code"]
    assert citizen.get("/cases", size=2, page=5).json()["items"] == []


def test_anonymous_callers_get_a_401(cases: dict[str, Any]) -> None:
    response = Api().get("/cases")
    assert response.status_code == 401 and response.json()["code"] == "NOT_AUTHENTICATED"


def test_the_list_query_count_does_not_grow_with_its_length(world: World, cases: dict[str, Any]) -> None:
    clerk = Api(world.clerk)
    clerk.get("/cases")  # warm the token and grant caches
    with CaptureQueriesContext(connection) as few:
        clerk.get("/cases", size=1)
    with CaptureQueriesContext(connection) as many:
        clerk.get("/cases", size=20)
    assert len(many.captured_queries) == len(few.captured_queries)
