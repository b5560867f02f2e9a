"""Diff between versions and the admin scoping helpers."""

from __future__ import annotations

import pytest

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_staff
from tongban.catalog.queries import (
    access_implementation_for_edit,
    access_version_for_edit,
    diff_versions,
    fetch_implementations_for_admin,
    user_can_edit_implementation,
)
from tongban.catalog.services import do_create_implementation, do_start_draft, do_update_draft
from tongban.core.errors import DomainError

pytestmark = pytest.mark.django_db


def test_identical_versions_have_no_diff(world):
    draft = do_start_draft(world.city_impl, actor=None)
    assert diff_versions(world.city_impl.current_version, draft) == []


def test_diff_lists_scalar_and_list_changes(world):
    published = world.city_impl.current_version
    draft = do_start_draft(world.city_impl, actor=None)
    do_update_draft(
        draft,
        actor=None,
        fields={"promised_days": 5, "service_objects": ["1"], "is_fee": True},
        materials=[
            {"name": "申请书", "necessity": "3", "originals": 1},
            {"name": "身份证", "necessity": "1"},
        ],
        fees=[{"name": "工本费", "standard": "10元", "basis": "文件"}],
        faqs=[],
    )
    draft.refresh_from_db()
    changes = {(c.element, c.label): c for c in diff_versions(published, draft)}

    assert changes[("promised_days", "承诺办结时限（工作日）")].before == "10"
    assert changes[("promised_days", "承诺办结时限（工作日）")].after == "5"
    assert changes[("service_objects", "服务对象")].before == "自然人、企业法人"
    assert changes[("is_fee", "是否收费")].after == "是"
    assert "容缺后补" in changes[("materials", "申请材料“申请书”")].after
    assert changes[("materials", "申请材料“营业执照复印件”")].after == ""
    assert changes[("materials", "申请材料“身份证”")].before == ""
    assert "收费标准：10元" in changes[("fees", "收费项目“工本费”")].after
    assert changes[("faqs", "常见问题“需要现场核查吗？”")].after == ""


def test_edit_scope_of_city_and_county_admins(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    assert list(fetch_implementations_for_admin(world.admin_city)) == [world.city_impl]
    assert set(fetch_implementations_for_admin(world.admin_city, readable=True)) == {world.city_impl, county}
    assert list(fetch_implementations_for_admin(world.admin_xiangfu)) == [county]
    assert list(fetch_implementations_for_admin(world.admin_lankao)) == []
    assert list(fetch_implementations_for_admin(world.citizen)) == []


def test_access_helpers_give_the_same_not_found_for_missing_and_forbidden(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    draft = county.versions.get()
    assert access_implementation_for_edit(world.admin_xiangfu, county.code) == county
    assert access_version_for_edit(world.admin_xiangfu, draft.pk) == draft
    errors = []
    for user, key in [
        (world.admin_lankao, county.code),
        (world.admin_city, county.code),
        (world.admin_xiangfu, "X" * 31),
    ]:
        with pytest.raises(DomainError) as exc:
            access_implementation_for_edit(user, key)
        errors.append(exc.value.as_dict())
    for user, pk in [
        (world.admin_lankao, draft.pk),
        (world.citizen, draft.pk),
        (world.admin_xiangfu, 10**9),
        (world.admin_xiangfu, "x"),
    ]:
        with pytest.raises(DomainError) as exc:
            access_version_for_edit(user, pk)
        errors.append(exc.value.as_dict())
    assert all(e == errors[0] for e in errors) and errors[0]["code"] == "NOT_FOUND"


def test_department_scoped_grant_is_narrowed_to_that_department(world):
    from tongban.accounts.testing import make_department

    other = make_department("祥符区民政局", "民政", world.tree.xiangfu)
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    user = make_staff("t_catalog_civil", Role.CATALOG_ADMIN, department=other)
    assert list(fetch_implementations_for_admin(user)) == []
    user2 = make_staff("t_catalog_market", Role.CATALOG_ADMIN, department=world.xiangfu_dept)
    assert list(fetch_implementations_for_admin(user2)) == [county]


def test_the_edit_rule_follows_the_administrators_scope(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=None)
    assert user_can_edit_implementation(world.admin_xiangfu, county)
    assert not user_can_edit_implementation(world.admin_lankao, county)
    assert not user_can_edit_implementation(world.admin_city, county)
    assert user_can_edit_implementation(world.admin_city, world.city_impl)
