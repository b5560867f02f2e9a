"""The catalog demo loader: publishes through the services, inherits for counties, attaches flows, idempotent."""

from __future__ import annotations

import pytest

from tongban.catalog.choices import VersionStatus
from tongban.catalog.demo import DemoCatalogError, load
from tongban.catalog.models import Implementation, Item
from tongban.catalog.tests.factories import complete_guide, complete_parts
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db


def two_items() -> list[dict]:
    guide = {**complete_guide(), **complete_parts()}
    return [
        {
            "base_code": "000117004000",
            "name": "食品生产许可",
            "item_type": "01",
            "category": "市场监管",
            "guide": {**guide, "result_name": "食品经营许可证"},
            "flow": "parallel",
            "review_categories": ["市场监管"],
            "countersign_mode": "any",
            "counties": {
                "410212": {},
                "410225": {
                    "overrides": {"promised_days": 5, "legal_days": 15},
                    "deviation_reasons": {"legal_days": "兰考县推行极简审批"},
                },
            },
        },
        {
            "base_code": "000112001000",
            "name": "最低生活保障金给付",
            "item_type": "05",
            "category": "市场监管",
            "guide": {**guide, "result_name": "低保金"},
            "flow": "single",
        },
    ]


@pytest.fixture
def orgs(world):
    """The test world plus the demo's catalog administrators (the loader drafts and publishes as them)."""
    from tongban.accounts.choices import Role
    from tongban.accounts.testing import make_staff

    make_staff("catalog_city", Role.CATALOG_ADMIN, region=world.tree.city)
    make_staff("catalog_city2", Role.CATALOG_ADMIN, region=world.tree.city)
    make_staff("catalog_xiangfu", Role.CATALOG_ADMIN, region=world.tree.xiangfu)
    make_staff("catalog_lankao", Role.CATALOG_ADMIN, region=world.tree.lankao)
    return world


def test_it_publishes_city_and_county_implementations(orgs):
    counts = load(two_items())
    assert counts == {"items": 2, "city": 2, "county": 2}
    lankao = Implementation.objects.get(item__base_code="000117004000", region__code="410225")
    assert lankao.parent.region.code == "410200"
    version = lankao.current_version
    assert (
        version.status == VersionStatus.PUBLISHED and version.promised_days == 5 and version.legal_days == 15
    )
    assert version.deviation_reasons == {"legal_days": "兰考县推行极简审批"}
    assert Item.objects.filter(base_code="000112001000").exists()
    assert LedgerEntry.objects.filter(action="catalog.version_published").count() >= 4


def test_it_attaches_flows_when_the_case_engine_ships_them(orgs):
    load(two_items())
    impl = Implementation.objects.get(item__base_code="000117004000", region__code="410200")
    version = impl.current_version
    assert version.flow_template.key == "parallel-review"
    assert version.countersign_mode == "any"
    assert [d.category for d in version.review_departments.all()] == ["市场监管"]


def test_it_is_idempotent(orgs):
    load(two_items())
    before = LedgerEntry.objects.count()
    counts = load(two_items())
    assert counts == {"items": 0, "city": 0, "county": 0}
    assert LedgerEntry.objects.count() == before


def test_it_raises_with_the_item_name_when_the_quality_gate_fails(orgs):
    items = two_items()[1:]
    items[0]["guide"]["materials"] = [{"name": "其他材料"}]
    with pytest.raises(DemoCatalogError) as exc:
        load(items)
    assert "最低生活保障金给付" in str(exc.value) and "兜底" in str(exc.value)
    assert not Implementation.objects.filter(
        item__base_code="000112001000", current_version__isnull=False
    ).exists()


def test_it_raises_for_a_county_deviation_without_reason(orgs):
    items = two_items()[:1]
    items[0]["counties"] = {"410212": {"overrides": {"result_name": "县证"}}}
    with pytest.raises(DemoCatalogError) as exc:
        load(items)
    assert "食品生产许可" in str(exc.value)


@pytest.mark.slow
def test_the_shipped_demo_catalog_passes_the_quality_gate(db):
    from tongban.accounts import demo as accounts_demo
    from tongban.catalog.demo_data import ITEMS
    from tongban.organizations import demo as organizations_demo

    organizations_demo.load()
    accounts_demo.load()
    counts = load()
    assert counts["city"] == len(ITEMS)
    assert load() == {"items": 0, "city": 0, "county": 0}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("护照", "普通护照签发"),
        ("婚姻", "内地居民结婚登记"),
        ("结婚", "内地居民结婚登记"),
        ("低保", "最低生活保障审核确认"),
        ("驾照", "机动车驾驶证核发（换证、补证）"),
        ("公积金提取", "住房公积金提取"),
        ("普通护照签发", "普通护照签发"),
    ],
)
def test_everyday_words_find_the_demo_items(db, query, expected_first):
    from tongban.accounts import demo as accounts_demo
    from tongban.catalog.queries import search_published
    from tongban.organizations import demo as organizations_demo

    organizations_demo.load()
    accounts_demo.load()
    load()
    page = search_published(query, level="3")
    assert page.results and page.results[0].item.name == expected_first


@pytest.mark.slow
def test_searching_the_demo_catalog_groups_places_and_ranks_names_first_in_both_languages(db):
    """营业执照 once gave 62 flat results; English words find items on the English UI (issue 7 §4)."""
    from tongban.accounts import demo as accounts_demo
    from tongban.catalog.queries import search_published_items
    from tongban.organizations import demo as organizations_demo

    organizations_demo.load()
    accounts_demo.load()
    load()
    page = search_published_items("营业执照", page_size=100)
    first = [g.item.name for g in page.name_groups]
    assert first[:2] == ["个体工商户登记", "企业设立登记"]
    assert page.count == len({g.item.pk for g in page.groups}) < 62
    assert len(page.groups[0].implementations) == 4  # the city and three counties, under one result
    near = search_published_items("营业执照", near="410225").groups[0]
    assert near.first.region.code == "410225"
    for query, expected in (
        ("passport", "普通护照签发"),
        ("marriage", "内地居民结婚登记"),
        ("business licence", "企业设立登记"),
        ("business license", "企业设立登记"),
        ("criminal record", "无犯罪记录证明开具"),
    ):
        names = [g.item.name for g in search_published_items(query).groups[:2]]
        assert expected in names, (query, names)


def test_every_free_text_field_of_the_demo_forms_has_a_real_example():
    """Seeded cases fill their forms from ``examples``: no “演示：” placeholder text (issue 7 §4)."""
    import re

    from tongban.catalog.demo_data import ITEMS
    from tongban.catalog.demo_data.examples import is_free_text
    from tongban.catalog.form_dialect import validate_form_schema

    for item in ITEMS:
        schema = item["guide"]["form_schema"]
        assert validate_form_schema(schema) == [], item["name"]
        for name, prop in schema["properties"].items():
            if not is_free_text(prop):
                continue
            examples = prop.get("examples") or []
            assert examples, f"{item['name']}: {prop['title']}"
            value = examples[0]
            assert "演示" not in value
            assert len(value) <= prop["maxLength"] and len(value) >= prop.get("minLength", 0), (name, value)
            assert not prop.get("pattern") or re.search(prop["pattern"], value), (name, value)
