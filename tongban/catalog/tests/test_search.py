"""Public search (decision record 0006): short and long queries, filters, ranking, junk input, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.accounts.testing import make_department
from tongban.catalog.queries import (
    fetch_published_by_department,
    fetch_published_by_enterprise_topic,
    fetch_published_by_person_topic,
    get_published_implementation,
    search_published,
)
from tongban.catalog.services import do_create_implementation, do_start_draft
from tongban.catalog.tests.factories import make_item, publish
from tongban.core.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(world):
    tree = world.tree
    police = make_department("开封市公安局", "公安", tree.city)
    civil = make_department("开封市民政局", "民政", tree.city)
    xf_civil = make_department("祥符区民政局", "民政", tree.xiangfu)
    items = {
        "passport": (make_item("000106001000", "普通护照签发", "07"), police, {"person_topics": ["travel"]}),
        "marriage": (
            make_item("000105001000", "内地居民结婚登记", "07"),
            civil,
            {"person_topics": ["marriage"]},
        ),
        "dibao": (
            make_item("000105002000", "最低生活保障金给付", "05"),
            civil,
            {"person_topics": ["assistance"]},
        ),
        "licence_change": (
            make_item("000117003001", "食品经营许可变更", "01"),
            world.city_dept,
            {"enterprise_topics": ["permits"]},
        ),
    }
    impls = {"food": world.city_impl}
    for key, (item, dept, extra) in items.items():
        impl = do_create_implementation(item, dept, actor=None)
        publish(impl, None, result_name=f"{item.name}结果", **extra)
        impls[key] = impl
    county = do_create_implementation(items["dibao"][0], xf_civil, actor=None)
    publish(county, None, result_name="最低生活保障金给付结果", person_topics=["assistance"])
    impls["dibao_xf"] = county
    return impls


def names(page):
    return [impl.item.name for impl in page.results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("护照", "普通护照签发"),
        ("婚姻", "内地居民结婚登记"),
        ("低保", "最低生活保障金给付"),
        ("结婚", "内地居民结婚登记"),
    ],
)
def test_two_character_queries_find_the_item(catalog, query, expected):
    page = search_published(query)
    assert expected in names(page)
    assert "食品经营许可" not in names(page)


def test_longer_phrases_find_the_right_items(catalog):
    assert names(search_published("食品经营许可")) == ["食品经营许可", "食品经营许可变更"]
    assert names(search_published("最低生活保障"))[0] == "最低生活保障金给付"
    assert "普通护照签发" in names(search_published("办理普通护照"))


def test_exact_name_ranks_before_name_contains_before_other_text(catalog):
    # "营业执照复印件" is a material of every factory guide: other text; the two food items match by name.
    page = search_published("食品经营许可变更")
    assert names(page)[0] == "食品经营许可变更"
    page = search_published("营业执照")
    assert page.count == 6
    page = search_published("许可")
    assert names(page)[:2] == ["食品经营许可", "食品经营许可变更"]


def test_material_and_department_text_is_searchable(catalog):
    assert search_published("申请书").count == 6
    assert names(search_published("公安局")) == ["普通护照签发"]


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "%", "'", "''; DROP TABLE x;--", '"', "😀😀", "*", "NEAR(", "x" * 5000, "护照" * 500, None],
)
def test_junk_input_gives_an_empty_page_or_results_never_an_error(catalog, junk):
    page = search_published(junk)
    assert page.count >= 0
    if junk in ("", "   ", "%", "'", '"', "😀😀", "*", None):
        assert page.count == 0 and page.results == []


def test_filters_by_level_region_department_and_type(catalog):
    assert names(search_published("低保", level="4")) == ["最低生活保障金给付"]
    assert search_published("低保", level="4").results[0].region.code == "410212"
    assert search_published("低保", region="410212").count == 1
    assert search_published("低保", region="410200").count == 2  # the city and everything below it
    assert search_published("低保", region="999999").count == 0
    dept = catalog["passport"].department
    assert names(search_published("护照", department=dept.credit_code)) == ["普通护照签发"]
    assert names(search_published("护照", department=str(dept.pk))) == ["普通护照签发"]
    assert search_published("护照", department="not-a-department").count == 0
    assert search_published("许可", item_type="01").count == 2
    assert search_published("许可", item_type="07").count == 0


def test_pagination(catalog):
    page1 = search_published("申请书", page_size=4)
    page2 = search_published("申请书", page=2, page_size=4)
    assert page1.num_pages == 2 and len(page1.results) == 4 and len(page2.results) == 2
    assert not set(page1.results) & set(page2.results)
    assert search_published("申请书", page=99).results == []
    assert search_published("申请书", page="abc").page == 1


def test_unpublished_drafts_are_not_searchable(catalog, world):
    draft = do_start_draft(world.city_impl, actor=None)
    assert draft.status == "draft"
    assert search_published("食品经营许可").count == 2
    item = make_item("000117099000", "未发布的事项", "01")
    do_create_implementation(item, make_department("开封市卫生健康委员会", "卫健"), actor=None)
    assert search_published("未发布").count == 0


def test_search_query_count_is_constant(catalog):
    with CaptureQueriesContext(connection) as ctx:
        page = search_published("申请书")
        shown = [
            (impl.current_version.promised_days, impl.item.name, impl.department.name, impl.region.name)
            for impl in page.results
        ]
    assert len(shown) == 6
    # One count and one page query (plus at most one for a region filter), whatever the number of results.
    assert len(ctx.captured_queries) <= 3


def test_get_published_implementation_prefetches_everything(catalog):
    code = catalog["passport"].code
    with CaptureQueriesContext(connection) as ctx:
        impl = get_published_implementation(code)
        list(impl.current_version.materials.all())
        list(impl.current_version.fees.all())
        list(impl.current_version.faqs.all())
    assert len(ctx.captured_queries) <= 5
    with pytest.raises(DomainError) as exc:
        get_published_implementation("nope")
    assert exc.value.status == 404


def test_groupings_for_the_portal_home(catalog):
    by_dept = fetch_published_by_department()
    labels = [label for label, _key, _impls in by_dept]
    assert "开封市公安局" in labels and "祥符区民政局" in labels
    topics = {key: [i.item.name for i in impls] for _label, key, impls in fetch_published_by_person_topic()}
    assert topics["assistance"] == ["最低生活保障金给付", "最低生活保障金给付"]
    assert "travel" in topics and "birth" not in topics
    ent = fetch_published_by_enterprise_topic()
    assert ent[0][0] == "准营准办" and [i.item.name for i in ent[0][2]] == ["食品经营许可变更"]


def test_reindex_command_rebuilds_every_published_entry(catalog):
    from io import StringIO

    from django.core.management import call_command

    from tongban.catalog.models import SearchEntry

    SearchEntry.objects.update(name_terms="", segmented="")
    out = StringIO()
    call_command("catalog_reindex", stdout=out)
    assert "6" in out.getvalue()
    assert names(search_published("低保"))[0] == "最低生活保障金给付"


# --- grouping by item, ranking, English (issue 7 §4) -------------------------------------------------------------


def test_one_item_is_one_result_with_its_county_implementations_grouped(catalog):
    from tongban.catalog.queries import search_published_items

    page = search_published_items("低保")
    dibao = [g for g in page.groups if g.item.name == "最低生活保障金给付"]
    assert len(dibao) == 1 and page.count == len(page.groups)
    group = dibao[0]
    assert [i.region.code for i in group.implementations] == ["410200", "410212"]  # the city first by default
    near = search_published_items("低保", near="410212").groups[0]
    assert [i.region.code for i in near.implementations] == [
        "410212",
        "410200",
    ]  # the searcher's county first


def test_items_that_match_by_name_come_before_those_that_mention_the_words_in_their_guide(catalog):
    from tongban.catalog.queries import search_published_items

    # "营业执照复印件" is a material of every factory guide; no item is named after it.
    page = search_published_items("营业执照")
    assert page.name_groups == [] and len(page.body_groups) == page.count == 5
    page = search_published_items("食品经营许可")
    assert [g.item.name for g in page.name_groups] == ["食品经营许可", "食品经营许可变更"]
    assert page.name_groups[0].rank == 0 and page.body_groups == []


def test_grouped_search_takes_a_constant_number_of_queries(catalog):
    from tongban.catalog.queries import search_published_items

    with CaptureQueriesContext(connection) as ctx:
        page = search_published_items("申请书")
        shown = [(g.first.department.name, g.first.region.name, len(g.others)) for g in page.groups]
    assert len(shown) == 5
    assert len(ctx.captured_queries) <= 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("passport", "普通护照签发"),
        ("Passports", "普通护照签发"),
        ("marriage", "内地居民结婚登记"),
        ("wedding", "内地居民结婚登记"),
        ("food business license", "食品经营许可"),
    ],
)
def test_english_words_find_items_by_their_english_name_and_synonyms(catalog, query, expected):
    from tongban.catalog.models import Item
    from tongban.catalog.services import do_update_item_names

    names_en = {"食品经营许可": "Food business licence", "内地居民结婚登记": "Marriage registration"}
    for item in Item.objects.filter(name__in=names_en):
        do_update_item_names(item, actor=None, name_en=names_en[item.name])
    page = search_published(query)
    assert names(page)[0] == expected


def test_an_exact_english_name_ranks_first(catalog):
    from tongban.catalog.models import Item
    from tongban.catalog.queries import search_published_items
    from tongban.catalog.services import do_update_item_names

    do_update_item_names(Item.objects.get(name="食品经营许可"), actor=None, name_en="Food business licence")
    page = search_published_items("food business licence")
    assert page.groups[0].item.name == "食品经营许可" and page.groups[0].rank == 0
