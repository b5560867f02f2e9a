"""``GET /api/v1/catalog/items`` enumerates the published catalog: every item, paginated, filtered, in a stable
order; the item detail gives each material its id and says which are generated from the online form."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.catalog.models import Implementation
from tongban.catalog.services import do_create_implementation, do_start_draft
from tongban.catalog.tests.factories import make_item, publish

pytestmark = pytest.mark.django_db


def _more_items(world: Any) -> list[Implementation]:
    """Four more published items: a county one, an enterprise-only one, topics, and a cancelled draft."""
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    publish(county, None)
    passport = make_item("001110001000", "普通护照签发", "01")
    travel = do_create_implementation(passport, world.city_dept, actor=None)
    publish(travel, None, person_topics=["travel"], service_objects=["1"], result_name="护照")
    licence = make_item("001117009000", "营业执照变更登记", "20")
    enterprise = do_create_implementation(licence, world.city_dept, actor=None)
    publish(enterprise, None, enterprise_topics=["establish"], service_objects=["2", "4"], result_name="执照")
    unpublished = make_item("001117010000", "尚未发布的事项", "01")
    do_create_implementation(unpublished, world.city_dept, actor=None)  # a draft only: never listed
    return [county, travel, enterprise]


def _codes(client: Any, **params: Any) -> list[str]:
    response = client.get("/api/v1/catalog/items", params)
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["items"]]


def test_without_a_query_it_lists_every_published_item(client, world):
    _more_items(world)
    body = client.get("/api/v1/catalog/items").json()
    published = Implementation.objects.filter(is_active=True, current_version__status="published")
    assert body["count"] == published.count() == 4
    assert {item["code"] for item in body["items"]} == set(published.values_list("code", flat=True))
    assert body["page"] == 1 and body["size"] == 20 and body["num_pages"] == 1


def test_pages_cover_the_whole_catalog_once_in_a_stable_order(client, world):
    _more_items(world)
    everything = _codes(client, size=100)
    pages = [_codes(client, size=3, page=1), _codes(client, size=3, page=2)]
    assert pages[0] + pages[1] == everything
    assert len(set(everything)) == len(everything) == 4
    assert _codes(client, size=3, page=1) == pages[0]  # asking again gives the same page
    past_the_end = client.get("/api/v1/catalog/items", {"size": 3, "page": 9}).json()
    assert past_the_end["items"] == [] and past_the_end["count"] == 4 and past_the_end["num_pages"] == 2


def test_it_filters_by_department_region_type_level_service_object_and_topic(client, world):
    county, travel, enterprise = _more_items(world)
    assert set(_codes(client, department=world.xiangfu_dept.credit_code)) == {county.code}
    assert set(_codes(client, region="410212")) == {county.code}
    assert set(_codes(client, region="999999")) == set()
    assert set(_codes(client, type="20")) == {enterprise.code}
    assert set(_codes(client, level="4")) == {county.code}
    # complete_guide() serves 自然人 and 企业法人; the two published above narrow it.
    assert travel.code in _codes(client, service_object="person")
    assert enterprise.code not in _codes(client, service_object="person")
    assert set(_codes(client, service_object="4")) == {enterprise.code}
    assert travel.code not in _codes(client, service_object="legal_person")
    assert set(_codes(client, topic="travel")) == {travel.code}
    assert set(_codes(client, topic="establish")) == {enterprise.code}


def test_a_query_searches_within_the_filters(client, world):
    county, _travel, _enterprise = _more_items(world)
    assert set(_codes(client, q="食品经营")) == {world.city_impl.code, county.code}
    assert set(_codes(client, q="食品经营", level="4")) == {county.code}
    assert _codes(client, q="食品经营", topic="travel") == []


@pytest.mark.parametrize(
    "params",
    [{"type": "99"}, {"level": "9"}, {"service_object": "alien"}, {"topic": "nothing"}, {"size": "0"}],
)
def test_unknown_filter_values_are_a_422(client, world, params):
    response = client.get("/api/v1/catalog/items", params)
    assert response.status_code == 422 and response.json()["code"] == "VALIDATION_ERROR"


def test_the_list_costs_two_queries_whatever_its_length(client, world):
    _more_items(world)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/catalog/items")
    assert response.json()["count"] == 4
    assert len(ctx.captured_queries) <= 2


def test_the_detail_gives_each_material_its_id_and_the_generated_flag(client, world):
    version = world.city_impl.current_version
    body = client.get(f"/api/v1/catalog/items/{world.city_impl.code}").json()
    assert [m["id"] for m in body["materials"]] == list(version.materials.values_list("pk", flat=True))
    assert [m["generated_from_form"] for m in body["materials"]] == [False, False]


def test_a_new_draft_keeps_the_generated_flag(world):
    version = world.city_impl.current_version
    version.materials.filter(name="申请书").update(generated_from_form=True)
    draft = do_start_draft(world.city_impl, actor=None)
    assert list(draft.materials.values_list("name", "generated_from_form")) == [
        ("申请书", True),
        ("营业执照复印件", False),
    ]
