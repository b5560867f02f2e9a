"""The working-day calendar banner: system administrators are told, from 1 October, that next year is provisional."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_citizen, make_region_tree, make_staff

pytestmark = pytest.mark.django_db

AUTUMN = "2026-10-08 09:00 +0800"  # 2027 has no entered notice in the seed
SUMMER = "2026-09-30 09:00 +0800"


def _home(user: object | None, when: str) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    with time_machine.travel(when, tick=False):
        return client.get(reverse("portal:home")).content.decode()


def test_a_system_admin_sees_the_banner_from_october_with_a_link_to_enter_the_notice() -> None:
    html = _home(make_staff("sysadmin_banner", Role.SYSTEM_ADMIN), AUTUMN)
    assert 'id="calendar-warning"' in html
    assert "尚未录入2027年的放假通知" in html
    assert reverse("admin:core_calendaryear_enter_notice") in html


def test_there_is_no_banner_before_october() -> None:
    assert 'id="calendar-warning"' not in _home(make_staff("sysadmin_banner2", Role.SYSTEM_ADMIN), SUMMER)


def test_the_banner_goes_once_next_year_is_entered() -> None:
    from tongban.core.models import CalendarYear

    CalendarYear.objects.create(year=2027, source="测试")
    assert 'id="calendar-warning"' not in _home(make_staff("sysadmin_banner3", Role.SYSTEM_ADMIN), AUTUMN)


def test_other_people_never_see_the_banner() -> None:
    tree = make_region_tree()
    for user in (
        None,
        make_citizen("citizen_banner"),
        make_staff("rev_banner", Role.REVIEWER, region=tree.city),
    ):
        assert 'id="calendar-warning"' not in _home(user, AUTUMN)


def test_anonymous_pages_cost_no_query_for_the_banner(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    with time_machine.travel(AUTUMN, tick=False), django_assert_max_num_queries(2):
        client.get(reverse("portal:home"))
