"""Query-count baselines of the public pages (STYLE §12): a regression, e.g. an N+1 in a template, fails here."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tongban.portal.tests.factories import make_department, make_published

pytestmark = pytest.mark.django_db

HOME_MAX_QUERIES = 2  # the published listing, counties for the region switch
SEARCH_MAX_QUERIES = 4  # filter departments + regions, count, page
GUIDE_MAX_QUERIES = 5  # implementation, other places; materials, fees, FAQs while the body is rendered
GUIDE_WARM_MAX_QUERIES = 2  # implementation, other places: the body comes from the cache


@pytest.fixture
def many_services(small_catalog) -> None:
    """Enough services across departments and topics that an N+1 would show."""
    health = make_department("开封市卫生健康委员会", "卫生健康")
    for n in range(12):
        make_published(f"医师执业注册{n:02d}", department=health, person_topics=["medical", "profession"])


def test_home_page_query_count_does_not_grow_with_the_catalog(
    client: Client, many_services, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        response = client.get(reverse("portal:home"))
    assert "医师执业注册11" in response.content.decode()


def test_search_page_query_count_is_bounded(
    client: Client, many_services, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(SEARCH_MAX_QUERIES):
        response = client.get(reverse("portal:search"), {"q": "医师"})
    assert "医师执业注册00" in response.content.decode()


def test_browsing_by_department_query_count_is_bounded(
    client: Client, many_services, django_assert_max_num_queries
) -> None:
    department = make_department("开封市卫生健康委员会", "卫生健康")
    with django_assert_max_num_queries(SEARCH_MAX_QUERIES):
        response = client.get(reverse("portal:search"), {"department": department.pk})
    assert "共 12 项服务" in response.content.decode()


def test_guide_page_query_count_is_bounded(client: Client, passport, django_assert_max_num_queries) -> None:
    url = reverse("portal:guide", args=[passport.code])
    with django_assert_max_num_queries(GUIDE_MAX_QUERIES):
        first = client.get(url)
    with django_assert_max_num_queries(GUIDE_WARM_MAX_QUERIES):
        second = client.get(url)
    assert "居民身份证" in first.content.decode()
    assert "居民身份证" in second.content.decode()  # the cached body is the same guide
