"""Organisations: credit codes, demo loader, queries and the public API."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc

from tongban.accounts.testing import make_department, make_region_tree
from tongban.organizations import demo
from tongban.organizations.codes import government_credit_code, org_code_check
from tongban.organizations.models import Department, Hall, Region, Window
from tongban.organizations.queries import fetch_departments, regions_within


def test_org_code_check_matches_gb_11714_examples() -> None:
    assert org_code_check("00000000") == "0"  # 11 - 0 = 11 → "0"
    body = "12345678"
    total = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    expected = {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
    assert org_code_check(body) == expected


def test_government_credit_codes_are_valid_and_deterministic() -> None:
    code = government_credit_code("410200", "开封市市场监督管理局")
    assert uscc.is_valid(code)
    assert code.startswith("11410200")
    assert org_code_check(code[8:16]) == code[16]
    assert code == government_credit_code("410200", "开封市市场监督管理局")
    assert code != government_credit_code("410200", "开封市公安局")


@pytest.mark.django_db
def test_demo_loader_builds_the_city_and_is_idempotent() -> None:
    demo.load()
    counts = (
        Region.objects.count(),
        Department.objects.count(),
        Hall.objects.count(),
        Window.objects.count(),
    )
    demo.load()
    assert (
        Region.objects.count(),
        Department.objects.count(),
        Hall.objects.count(),
        Window.objects.count(),
    ) == counts
    city = Region.objects.get(code="410200")
    assert set(city.children.filter(has_national_code=True).values_list("code", flat=True)) == {
        "410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225",
    }  # fmt: skip
    zone = Region.objects.get(name="开封市城乡一体化示范区")
    assert zone.has_national_code is False and "龙亭区" in zone.note
    assert Region.objects.get(code="410221213203").parent.code == "410221213000"
    for department in Department.objects.all():
        assert uscc.is_valid(department.credit_code), department.name
    assert Department.objects.filter(region=city).count() >= demo.CITY_DEPARTMENT_COUNT
    assert Department.objects.get(name="开封市公安局祥符分局").parent.name == "开封市公安局"
    for county in ("410212", "410225", "410221"):
        assert Department.objects.filter(region__code=county).count() == len(demo.COUNTY_DEPARTMENT_TEMPLATES)
    hall = demo.get_city_hall()
    assert hall.windows.filter(kind="general_intake").count() == 8
    assert set(hall.windows.values_list("kind", flat=True)) >= {
        "general_intake", "result_pickup", "assisted", "cross_province", "enterprise",
    }  # fmt: skip
    assert Hall.objects.filter(region__level=3).exists()


@pytest.mark.django_db
def test_township_and_village_codes_follow_gb_t_10114_ranges() -> None:
    demo.load()
    for region in Region.objects.filter(level=3):
        segment = int(region.code[6:9])
        assert region.code.endswith("000")
        if region.name.endswith("街道"):
            assert 1 <= segment <= 99
        elif region.name.endswith("镇"):
            assert 100 <= segment <= 199
        elif region.name.endswith("乡"):
            assert 200 <= segment <= 399
    for region in Region.objects.filter(level=4):
        segment = int(region.code[9:12])
        assert (1 <= segment <= 199) if "居民委员会" in region.name else (200 <= segment <= 399)


@pytest.mark.django_db
def test_regions_within_and_departments_of_a_subtree() -> None:
    tree = make_region_tree()
    city_dept = make_department("开封市市场监督管理局", "市场监管", tree.city)
    county_dept = make_department("兰考县市场监督管理局", "市场监管", tree.lankao)
    assert set(regions_within(tree.lankao)) == {tree.lankao, tree.lankao_township}
    assert tree.xiangfu not in regions_within(tree.lankao)
    assert list(fetch_departments(tree.city)) == [city_dept]
    assert set(fetch_departments(tree.city, include_children=True)) == {city_dept, county_dept}
    assert list(fetch_departments(tree.lankao, include_children=True)) == [county_dept]


@pytest.mark.django_db
def test_regions_api_filters_by_parent_and_level(client) -> None:  # type: ignore[no-untyped-def]
    demo.load()
    response = client.get("/api/v1/regions", {"parent": "410200"})
    assert response.status_code == 200
    codes = {r["code"] for r in response.json()}
    assert "410212" in codes and demo.DEMO_ZONE_CODE in codes and "410212100000" not in codes
    zone = next(r for r in response.json() if r["code"] == demo.DEMO_ZONE_CODE)
    assert zone == {
        "code": demo.DEMO_ZONE_CODE, "name": "开封市城乡一体化示范区", "level": 2,
        "parent_code": "410200", "has_national_code": False,
    }  # fmt: skip
    villages = client.get("/api/v1/regions", {"level": 4}).json()
    assert villages and all(r["level"] == 4 for r in villages)
    assert client.get("/api/v1/regions", {"parent": "999999"}).json() == []
    assert client.get("/api/v1/regions", {"level": "abc"}).status_code == 422


@pytest.mark.django_db
def test_departments_api_filters_by_region_and_category(client) -> None:  # type: ignore[no-untyped-def]
    demo.load()
    rows = client.get("/api/v1/departments", {"region": "410225", "category": "公安"}).json()
    assert len(rows) == 1
    assert rows[0]["name"] == "兰考县公安局"
    assert rows[0]["region_code"] == "410225" and rows[0]["level"] == "4"
    assert uscc.is_valid(rows[0]["credit_code"])
    assert len(client.get("/api/v1/departments", {"region": "410200"}).json()) >= 21


@pytest.mark.django_db
def test_list_endpoints_use_a_fixed_number_of_queries(client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    demo.load()
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/regions").json()) > 20
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/departments").json()) > 50
