"""The search filter dropdowns are cached per catalog publish revision (a publish shows new departments at once)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongban.catalog.models import Implementation
from tongban.portal.tests.factories import make_department, make_published

pytestmark = pytest.mark.django_db


def _option_queries(ctx: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith(('SELECT "organizations_department"', 'SELECT "organizations_region"'))
    ]


def test_filter_options_are_cached_until_the_next_publish(client: Client, passport: Implementation) -> None:
    url = reverse("portal:search")
    first = client.get(url, {"q": "护照"}).content.decode()
    assert "开封市公安局" in first and "开封市民政局" not in first
    with CaptureQueriesContext(connection) as ctx:
        warm = client.get(url, {"q": "护照"}).content.decode()
    assert _option_queries(ctx) == []  # the department and region lists came from the cache
    assert "开封市公安局" in warm
    civil = make_department("开封市民政局", "民政")
    make_published("结婚登记", department=civil)
    with CaptureQueriesContext(connection) as ctx:
        after = client.get(url, {"q": "护照"}).content.decode()
    assert len(_option_queries(ctx)) == 2  # a publish started a new revision: the lists are read again
    assert "开封市民政局" in after


def test_filter_labels_follow_the_request_language(client: Client, passport: Implementation) -> None:
    url = reverse("portal:search")
    client.get(url, {"q": "护照"})  # fills the cache in Chinese
    english = client.get(url, {"q": "护照"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, {"q": "护照"}, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert ">Administrative licensing</option>" in english  # item types are not cached in the first language
    assert ">行政许可</option>" in chinese
