"""Role scoping: ``user_has_role`` and the department/region sets of a role."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongban.accounts.access import (
    departments_for_role,
    is_staff_user,
    regions_for_role,
    user_has_role,
)
from tongban.accounts.choices import Role
from tongban.accounts.services import do_revoke_role
from tongban.accounts.testing import make_department, make_region_tree, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    tree = make_region_tree()
    return {
        "tree": tree,
        "city_scjg": make_department("开封市市场监督管理局", "市场监管", tree.city),
        "city_ga": make_department("开封市公安局", "公安", tree.city),
        "xf_scjg": make_department("开封市祥符区市场监督管理局", "市场监管", tree.xiangfu),
        "lk_scjg": make_department("兰考县市场监督管理局", "市场监管", tree.lankao),
    }


@pytest.mark.parametrize(
    ("kwargs_key", "expected"),
    [
        ("none", True),
        ("own_department", True),
        ("other_department", False),
        ("county_department_under_region", True),
        ("township_in_region", True),
        ("other_county", False),
        ("other_county_township", False),
    ],
)
def test_region_scoped_clerk_matrix(world, kwargs_key, expected) -> None:  # type: ignore[no-untyped-def]
    tree = world["tree"]
    clerk = make_staff("clerk_xf", Role.CLERK, region=tree.xiangfu)
    kwargs = {
        "none": {},
        "own_department": {"department": world["xf_scjg"]},
        "other_department": {"department": world["lk_scjg"]},
        "county_department_under_region": {"department": world["xf_scjg"], "region": tree.xiangfu_township},
        "township_in_region": {"region": tree.xiangfu_township},
        "other_county": {"region": tree.lankao},
        "other_county_township": {"region": tree.lankao_township},
    }[kwargs_key]
    assert user_has_role(clerk, Role.CLERK, **kwargs) is expected


def test_department_scoped_reviewer_matches_only_their_department(world) -> None:  # type: ignore[no-untyped-def]
    reviewer = make_staff("reviewer", Role.REVIEWER, department=world["city_scjg"])
    assert user_has_role(reviewer, Role.REVIEWER, department=world["city_scjg"])
    assert user_has_role(
        reviewer, "reviewer", department=world["city_scjg"], region=world["tree"].lankao_township
    )
    assert not user_has_role(reviewer, Role.REVIEWER, department=world["city_ga"])
    assert not user_has_role(reviewer, Role.APPROVER, department=world["city_scjg"])
    assert list(departments_for_role(reviewer, Role.REVIEWER)) == [world["city_scjg"]]
    assert not departments_for_role(reviewer, Role.APPROVER).exists()


def test_grant_with_department_and_region_needs_both(world) -> None:  # type: ignore[no-untyped-def]
    tree = world["tree"]
    user = make_staff("both", Role.REVIEWER, department=world["city_scjg"], region=tree.xiangfu)
    assert user_has_role(user, Role.REVIEWER, department=world["city_scjg"], region=tree.xiangfu_township)
    assert not user_has_role(user, Role.REVIEWER, department=world["city_scjg"], region=tree.lankao)
    assert not user_has_role(user, Role.REVIEWER, department=world["xf_scjg"], region=tree.xiangfu)


def test_region_grant_covers_departments_and_regions_of_the_subtree(world) -> None:  # type: ignore[no-untyped-def]
    tree = world["tree"]
    admin = make_staff("catalog_xf", Role.CATALOG_ADMIN, region=tree.xiangfu)
    assert list(departments_for_role(admin, Role.CATALOG_ADMIN)) == [world["xf_scjg"]]
    assert set(regions_for_role(admin, Role.CATALOG_ADMIN)) == {tree.xiangfu, tree.xiangfu_township}
    city_admin = make_staff("catalog_city", Role.CATALOG_ADMIN, region=tree.city)
    assert departments_for_role(city_admin, Role.CATALOG_ADMIN).count() == 4


def test_grants_are_cached_on_the_user_object(world) -> None:  # type: ignore[no-untyped-def]
    reviewer = make_staff("reviewer", Role.REVIEWER, department=world["city_scjg"])
    user_has_role(reviewer, Role.REVIEWER)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(20):
            user_has_role(reviewer, Role.REVIEWER, department=world["city_ga"])
            user_has_role(reviewer, Role.REVIEWER, department=world["city_scjg"])
    assert len(queries) == 0


def test_revoking_a_grant_removes_the_role(world) -> None:  # type: ignore[no-untyped-def]
    reviewer = make_staff("reviewer", Role.REVIEWER, department=world["city_scjg"])
    grant = reviewer.role_grants.get()
    assert user_has_role(reviewer, Role.REVIEWER)
    do_revoke_role(grant, actor=None)
    assert not user_has_role(reviewer, Role.REVIEWER)
    assert not reviewer.role_grants.exists()


def test_anonymous_and_citizens_hold_no_roles(world, citizen) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser

    assert not user_has_role(AnonymousUser(), Role.CLERK)
    assert not user_has_role(citizen, Role.CLERK)
    assert not is_staff_user(citizen)
    assert not is_staff_user(AnonymousUser())
    assert is_staff_user(make_staff("clerk", Role.CLERK, region=world["tree"].city))
