"""The public catalog API: shape, filters, bad input, unknown codes, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.catalog.services import do_create_implementation, do_start_draft
from tongban.catalog.tests.factories import make_item, publish

pytestmark = pytest.mark.django_db


def test_list_items_shape(client, world):
    response = client.get("/api/v1/catalog/items", {"q": "食品经营"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert set(item) == {
        "code",
        "name",
        "name_en",
        "disclose_cases",
        "type",
        "department",
        "region",
        "level",
        "promised_days",
        "legal_days",
        "url",
    }
    assert item["code"] == world.city_impl.code and item["name"] == "食品经营许可"
    assert (
        item["type"] == "01"
        and item["level"] == "3"
        and item["promised_days"] == 10
        and item["legal_days"] == 20
    )
    assert item["url"].endswith(f"/guide/{world.city_impl.code}/")


def test_list_items_filters(client, world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    publish(county, None)
    assert client.get("/api/v1/catalog/items", {"q": "食品", "level": "4"}).json()["count"] == 1
    assert client.get("/api/v1/catalog/items", {"q": "食品", "region": "410225"}).json()["count"] == 0
    assert client.get("/api/v1/catalog/items", {"q": "食品", "type": "01"}).json()["count"] == 2
    dept = world.xiangfu_dept.credit_code
    assert client.get("/api/v1/catalog/items", {"q": "食品", "department": dept}).json()["count"] == 1


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "999999999999"])
def test_bad_page_numbers_are_422(client, world, page):
    response = client.get("/api/v1/catalog/items", {"q": "食品", "page": page})
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize("q", ["%", "'", "😀", "x" * 3000])
def test_junk_queries_give_an_empty_list(client, world, q):
    response = client.get("/api/v1/catalog/items", {"q": q})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_item_detail_has_every_element(client, world):
    code = world.city_impl.code
    response = client.get(f"/api/v1/catalog/items/{code}")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1 and body["published_at"]
    assert body["base_code"] == "000117003000"
    guide = body["guide"]
    for element in (
        "legal_basis",
        "acceptance_conditions",
        "legal_days",
        "promised_days",
        "consult_phone",
        "complaint_phone",
        "office_address",
        "office_hours",
        "handling_forms",
        "result_name",
        "service_objects",
        "form_schema",
        "one_visit",
        "commitment",
        "online_depth",
        "visits",
    ):
        assert element in guide
    assert guide["legal_basis"][0]["name"] == "《中华人民共和国食品安全法》"
    assert [m["name"] for m in body["materials"]] == ["申请书", "营业执照复印件"]
    assert set(body["materials"][0]) >= {
        "necessity",
        "originals",
        "copies",
        "material_format",
        "source",
        "basis",
    }
    assert body["faqs"][0]["question"] == "需要现场核查吗？"
    assert body["fees"] == [] and body["flow"] is None
    ids = list(world.city_impl.current_version.materials.values_list("pk", flat=True))
    assert [m["id"] for m in body["materials"]] == ids
    assert body["guide"]["disclose_cases"] is body["disclose_cases"]


def test_the_catalog_schemas_have_names_of_their_own():
    """cases defines another MaterialSchema; the catalog's must not collide with it in the OpenAPI components."""
    from tongban.api.routes import api

    components = api.get_openapi_schema()["components"]["schemas"]
    assert {"CatalogMaterialSchema", "CatalogFeeSchema", "CatalogFaqSchema"} <= set(components)
    assert "id" in components["CatalogMaterialSchema"]["required"]


def test_unknown_or_unpublished_code_is_404(client, world):
    response = client.get("/api/v1/catalog/items/NOPE")
    assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    response = client.get(f"/api/v1/catalog/items/{county.code}")
    assert response.status_code == 404


def test_detail_shows_the_published_version_not_the_open_draft(client, world):
    from tongban.catalog.services import do_update_draft

    draft = do_start_draft(world.city_impl, actor=None)
    do_update_draft(draft, actor=None, fields={"promised_days": 3})
    body = client.get(f"/api/v1/catalog/items/{world.city_impl.code}").json()
    assert body["guide"]["promised_days"] == 10 and body["version"] == 1


def test_list_query_count_does_not_grow_with_results(client, world):
    for n in range(5):
        item = make_item(f"00011700{n + 4}000", f"食品测试事项{n}", "01")
        publish(
            do_create_implementation(item, world.city_dept, actor=None),
            None,
            result_name=f"食品测试事项{n}结果",
        )
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/catalog/items", {"q": "食品"})
    assert response.json()["count"] == 6
    assert len(ctx.captured_queries) <= 3


def test_detail_query_count(client, world):
    with CaptureQueriesContext(connection) as ctx:
        client.get(f"/api/v1/catalog/items/{world.city_impl.code}")
    assert len(ctx.captured_queries) <= 6
