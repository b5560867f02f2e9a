"""办件公示 eligibility per item: only items whose current published version is marked public are disclosed."""

from __future__ import annotations

import pytest

from tongban.catalog.queries import disclosed_implementation_ids, disclosed_implementations, is_disclosed
from tongban.catalog.services import do_create_implementation, do_start_draft, do_update_draft
from tongban.catalog.tests.factories import make_item, publish, submit_and_publish

pytestmark = pytest.mark.django_db


def test_items_are_private_unless_marked_public(world):
    assert disclosed_implementation_ids() == set()
    assert not is_disclosed(world.city_impl)


def test_the_current_published_version_decides(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city, fields={"disclose_cases": True})
    assert disclosed_implementation_ids() == set()  # a draft changes nothing yet
    submit_and_publish(draft, world.admin_city)
    world.city_impl.refresh_from_db()
    assert disclosed_implementation_ids() == {world.city_impl.pk} and is_disclosed(world.city_impl)
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city, fields={"disclose_cases": False})
    submit_and_publish(draft, world.admin_city)
    assert disclosed_implementation_ids() == set()  # unmarking hides the item's earlier cases too


def test_it_works_as_a_subquery_for_the_disclosure_page(world):
    from tongban.catalog.models import Implementation

    item = make_item("000117004000", "食品生产许可", "01")
    impl = do_create_implementation(item, world.city_dept, actor=world.admin_city)
    publish(impl, world.admin_city, disclose_cases=True)
    rows = Implementation.objects.filter(pk__in=disclosed_implementations())
    assert list(rows.values_list("pk", flat=True)) == [impl.pk]


@pytest.mark.slow
def test_the_demo_catalog_keeps_personal_matters_private(db):
    from tongban.accounts import demo as accounts_demo
    from tongban.catalog.demo import load
    from tongban.catalog.models import Implementation
    from tongban.organizations import demo as organizations_demo

    organizations_demo.load()
    accounts_demo.load()
    load()
    public = set(
        Implementation.objects.filter(pk__in=disclosed_implementations()).values_list("item__name", flat=True)
    )
    for private in ("户口迁移（迁入）", "无犯罪记录证明开具", "内地居民结婚登记", "最低生活保障审核确认"):
        assert private not in public
    assert {"企业设立登记", "食品经营许可", "个体工商户登记"} <= public
