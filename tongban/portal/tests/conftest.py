"""Fixtures of the portal tests."""

from __future__ import annotations

import pytest

from tongban.catalog.models import Implementation
from tongban.portal.tests.factories import make_department, make_published


@pytest.fixture
def passport(db: None) -> Implementation:
    """The 普通护照签发 guide of the city public security bureau, with every element filled in."""
    return make_published("普通护照签发", with_details=True, online_depth="4", person_topics=["travel"])


@pytest.fixture
def small_catalog(passport: Implementation) -> list[Implementation]:
    """A few published services across two departments, plus one unpublished draft."""
    civil = make_department("开封市民政局", "民政")
    return [
        passport,
        make_published("结婚登记", department=civil, item_type="07", person_topics=["marriage"]),
        make_published("最低生活保障金给付", department=civil, item_type="05", person_topics=["assistance"]),
        make_published("企业设立登记", enterprise_topics=["establish"]),
        make_published("未发布的草稿事项", department=civil, publish=False),
    ]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Rendered guide bodies are cached per version; start every test without another test's fragments."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _chinese_after_each_test():  # type: ignore[no-untyped-def]
    """A request in English leaves English active in the thread (LocaleMiddleware); later tests expect zh-Hans."""
    yield
    from django.utils import translation

    translation.deactivate()
