"""Reads of the portal: the home page's one-pass groupings agree with the catalog's own groupings."""

from __future__ import annotations

import pytest

from tongban.catalog import queries as catalog_queries
from tongban.portal.queries import collapse_by_item, fetch_home_page
from tongban.portal.tests.factories import make_department, make_published

pytestmark = pytest.mark.django_db


def _shape(groups) -> list[tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(str(label), key, [entry.impl.code for entry in entries]) for label, key, entries in groups]


def test_home_groupings_match_the_catalogs_groupings(small_catalog) -> None:
    health = make_department("开封市卫生健康委员会", "卫生健康")
    make_published("医师执业注册", department=health, person_topics=["medical", "profession"])
    page = fetch_home_page()
    catalog_person = [
        (label, key, collapse_by_item(impls))
        for label, key, impls in catalog_queries.fetch_published_by_person_topic()
    ]
    catalog_enterprise = [
        (label, key, collapse_by_item(impls))
        for label, key, impls in catalog_queries.fetch_published_by_enterprise_topic()
    ]
    assert _shape(page.by_person) == _shape(catalog_person)
    assert _shape(page.by_enterprise) == _shape(catalog_enterprise)
    assert [
        (label, key, sorted(e.impl.code for e in entries)) for label, key, entries in page.by_department
    ] == [
        (label, key, sorted(i.code for i in impls))
        for label, key, impls in catalog_queries.fetch_published_by_department()
    ]
    assert page.total == catalog_queries.fetch_published().count() == 5


def test_popular_services_put_fully_online_ones_first(small_catalog) -> None:
    page = fetch_home_page()
    assert page.popular[0].impl.item.name == "普通护照签发"  # the only 全程网办 (Ⅳ级) service
    assert len({entry.impl.item_id for entry in page.popular}) == len(page.popular)
