"""Staff pages: scoping for every view (404 for other scopes), the editor round trip, lifecycle buttons."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongban.catalog.choices import VersionStatus
from tongban.catalog.models import Implementation, ItemVersion
from tongban.catalog.services import do_create_implementation, do_start_draft, do_submit_version
from tongban.catalog.tests.browser_form import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(world):
    return do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)


def editor_post(client, version, **changes):
    """What a browser submits when the editor of ``version`` is saved unchanged, with ``changes`` applied.

    Read from the page the signed-in ``client`` gets (``form_data``); for a user who may not open the editor,
    read as the version's own administrator first.
    """
    response = client.get(reverse("catalog:version_edit", args=[version.pk]))
    if response.status_code != 200:
        from django.test import Client

        owner = Client()
        owner.force_login(version.created_by or version.implementation.versions.first().created_by)
        response = owner.get(reverse("catalog:version_edit", args=[version.pk]))
    data = form_data(response.content.decode(), "version-form")
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [str(value)]
    return data


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("catalog:admin_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_citizen_gets_404(client, world):
    client.force_login(world.citizen)
    assert client.get(reverse("catalog:admin_list")).status_code == 404
    assert (
        client.get(reverse("catalog:implementation_detail", args=[world.city_impl.code])).status_code == 404
    )


def test_admin_list_shows_the_scope_and_the_new_form(client, world, county):
    client.force_login(world.admin_lankao)
    body = client.get(reverse("catalog:admin_list")).content.decode()
    assert county.code not in body  # 祥符区's draft is invisible to 兰考县
    assert "新增实施清单" in body and "食品经营许可" in body  # the city item can be implemented in 兰考县
    client.force_login(world.admin_city)
    body = client.get(reverse("catalog:admin_list")).content.decode()
    assert "辖区内其他实施清单（只读）" in body and county.code in body


def test_county_admin_creates_an_inherited_implementation(client, world):
    client.force_login(world.admin_lankao)
    choice = f"{world.city_impl.pk}:{world.lankao_dept.pk}"
    response = client.post(reverse("catalog:implementation_create"), {"choice": choice})
    impl = Implementation.objects.get(department=world.lankao_dept)
    draft = impl.versions.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "catalog:version_edit", args=[draft.pk]
    )
    assert impl.parent == world.city_impl and draft.materials.count() == 2


def test_county_admin_cannot_create_for_another_county(client, world):
    client.force_login(world.admin_lankao)
    choice = f"{world.city_impl.pk}:{world.xiangfu_dept.pk}"
    client.post(reverse("catalog:implementation_create"), {"choice": choice})
    assert not Implementation.objects.filter(department=world.xiangfu_dept).exists()


@pytest.mark.parametrize("url_name", ["version_edit", "version_quality", "version_diff"])
def test_other_county_gets_404_on_version_pages(client, world, county, url_name):
    draft = county.versions.get()
    client.force_login(world.admin_lankao)
    assert client.get(reverse(f"catalog:{url_name}", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("url_name", ["version_submit", "version_publish", "version_return"])
def test_other_county_cannot_move_the_version(client, world, county, url_name):
    draft = county.versions.get()
    if url_name != "version_submit":
        do_submit_version(draft, actor=world.admin_xiangfu)
    status = ItemVersion.objects.get(pk=draft.pk).status
    client.force_login(world.admin_lankao)
    response = client.post(reverse(f"catalog:{url_name}", args=[draft.pk]), {"reason": "x"})
    assert response.status_code == 404
    assert ItemVersion.objects.get(pk=draft.pk).status == status


def test_city_admin_cannot_edit_a_county_implementation_but_can_view_it(client, world, county):
    draft = county.versions.get()
    client.force_login(world.admin_city)
    assert client.get(reverse("catalog:version_edit", args=[draft.pk])).status_code == 404
    assert (
        client.post(reverse("catalog:version_edit", args=[draft.pk]), editor_post(client, draft)).status_code
        == 404
    )
    assert client.post(reverse("catalog:draft_start", args=[county.code])).status_code == 404
    response = client.get(reverse("catalog:implementation_detail", args=[county.code]))
    assert response.status_code == 200 and "无权修改" in response.content.decode()
    assert client.get(reverse("catalog:version_diff", args=[draft.pk])).status_code == 200


def test_unknown_objects_are_404(client, world):
    client.force_login(world.admin_city)
    assert client.get(reverse("catalog:version_edit", args=[999999])).status_code == 404
    assert client.get(reverse("catalog:implementation_detail", args=["NOPE"])).status_code == 404


def test_editor_round_trip_and_quality_panel(client, world, county):
    draft = county.versions.get()
    client.force_login(world.admin_xiangfu)
    url = reverse("catalog:version_edit", args=[draft.pk])
    page = client.get(url).content.decode()
    assert "质量检查" in page and "差异说明" in page
    data = editor_post(client, draft, promised_days="30")
    data["materials-TOTAL_FORMS"] = 3
    data["materials-2-name"] = "其他相关材料"
    for f, v in {
        "material_type": "3",
        "source": "applicant",
        "necessity": "1",
        "material_format": "3",
        "originals": "0",
        "copies": "0",
    }.items():
        data[f"materials-2-{f}"] = v
    response = client.post(url, data)
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "PROMISED_EXCEEDS_LEGAL" in page and "CATCH_ALL_WORDING" in page
    draft.refresh_from_db()
    assert draft.promised_days == 30 and draft.materials.count() == 3
    response = client.get(reverse("catalog:version_quality", args=[draft.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="quality-issues"' in response.content.decode()
    assert 'id="quality-status" hx-swap-oob="innerHTML"' in response.content.decode()
    assert "<html" not in response.content.decode()


def test_invalid_input_keeps_what_was_typed(client, world, county):
    draft = county.versions.get()
    client.force_login(world.admin_xiangfu)
    url = reverse("catalog:version_edit", args=[draft.pk])
    data = editor_post(client, draft, promised_days="abc", office_hours="周一至周五 8:30-12:00")
    response = client.post(url, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "周一至周五 8:30-12:00" in body and 'value="abc"' in body
    draft.refresh_from_db()
    assert draft.office_hours != "周一至周五 8:30-12:00"


def test_submit_publish_and_return_buttons(client, world, county):
    draft = county.versions.get()
    client.force_login(world.admin_xiangfu)
    client.post(reverse("catalog:version_submit", args=[draft.pk]))
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED
    client.post(reverse("catalog:version_return", args=[draft.pk]), {"reason": ""})
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED  # a reason is required
    client.post(reverse("catalog:version_return", args=[draft.pk]), {"reason": "请补充常见问题"})
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.DRAFT
    assert "请补充常见问题" in client.get(reverse("catalog:version_edit", args=[draft.pk])).content.decode()
    client.post(reverse("catalog:version_submit", args=[draft.pk]))
    client.force_login(world.admin_xiangfu2)  # a second administrator of the county publishes (双人复核)
    response = client.post(reverse("catalog:version_publish", args=[draft.pk]), {"confirm": "on"})
    assert response.status_code == 302
    county.refresh_from_db()
    assert county.current_version_id == draft.pk


def test_publish_refused_by_quality_shows_the_issues(client, world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    from tongban.catalog.services import do_update_draft

    do_update_draft(draft, actor=world.admin_city, fields={"consult_phone": ""})
    do_submit_version(draft, actor=world.admin_city)
    client.force_login(world.admin_city2)
    response = client.post(reverse("catalog:version_publish", args=[draft.pk]), follow=True)
    assert "未通过质量检查" in response.content.decode()
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED


def test_detail_start_draft_and_diff(client, world):
    client.force_login(world.admin_city)
    body = client.get(reverse("catalog:implementation_detail", args=[world.city_impl.code])).content.decode()
    assert "开始修订" in body
    response = client.post(reverse("catalog:draft_start", args=[world.city_impl.code]))
    draft = world.city_impl.versions.get(number=2)
    assert response["Location"] == reverse("catalog:version_edit", args=[draft.pk])
    from tongban.catalog.services import do_update_draft

    do_update_draft(draft, actor=world.admin_city, fields={"promised_days": 7})
    body = client.get(reverse("catalog:version_diff", args=[draft.pk])).content.decode()
    assert 'data-element="promised_days"' in body


def test_posting_to_a_submitted_version_changes_nothing(client, world, county):
    draft = county.versions.get()
    data = editor_post(client, draft, promised_days="3")
    do_submit_version(draft, actor=world.admin_xiangfu)
    client.force_login(world.admin_xiangfu)
    response = client.post(reverse("catalog:version_edit", args=[draft.pk]), data)
    assert response.status_code == 409
    assert ItemVersion.objects.get(pk=draft.pk).promised_days == 10


def test_admin_list_query_count_does_not_grow_per_row(client, world, django_assert_max_num_queries):
    from tongban.catalog.tests.factories import make_item, publish

    for n in range(6):
        item = make_item(f"00011700{n + 4}000", f"列表测试事项{n}", "01")
        publish(
            do_create_implementation(item, world.city_dept, actor=None), None, result_name=f"列表测试事项{n}"
        )
    client.force_login(world.admin_city)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("catalog:admin_list"))
    assert response.status_code == 200 and response.content.decode().count("列表测试事项") >= 6


def test_a_published_version_is_shown_read_only_with_labels(client, world):
    client.force_login(world.admin_city)
    body = client.get(
        reverse("catalog:version_edit", args=[world.city_impl.current_version.pk])
    ).content.decode()
    assert "不能修改" in body and 'id="version-form"' not in body
    assert "法定本级行使" in body and "自然人、企业法人" in body and "营业执照复印件" in body


def _all_urls(world, county):
    draft = county.versions.get()
    return [
        ("get", reverse("catalog:admin_list")),
        ("post", reverse("catalog:implementation_create")),
        ("get", reverse("catalog:implementation_detail", args=[county.code])),
        ("post", reverse("catalog:draft_start", args=[world.city_impl.code])),
        ("get", reverse("catalog:version_edit", args=[draft.pk])),
        ("post", reverse("catalog:version_edit", args=[draft.pk])),
        ("get", reverse("catalog:version_quality", args=[draft.pk])),
        ("post", reverse("catalog:version_submit", args=[draft.pk])),
        ("post", reverse("catalog:version_return", args=[draft.pk])),
        ("post", reverse("catalog:version_publish", args=[draft.pk])),
        ("get", reverse("catalog:version_diff", args=[draft.pk])),
    ]


def test_every_page_sends_anonymous_users_to_login_and_gives_citizens_404(client, world, county):
    versions_before = list(ItemVersion.objects.values_list("pk", "status"))
    for method, url in _all_urls(world, county):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(world.citizen)
    for method, url in _all_urls(world, county):
        assert getattr(client, method)(url).status_code == 404, url
    assert list(ItemVersion.objects.values_list("pk", "status")) == versions_before


def test_a_city_admin_sets_an_items_english_name_and_others_cannot(client, world, county):
    from tongban.core.models import LedgerEntry

    url = reverse("catalog:item_names_update", args=[world.city_impl.code])
    assert client.post(url, {"name_en": "Food licence"}).status_code == 302  # anonymous: to the login page
    for outsider in (world.citizen, world.admin_xiangfu):
        client.force_login(outsider)
        assert client.post(url, {"name_en": "Food licence"}).status_code == 404
    client.force_login(world.admin_xiangfu)  # their own county implementation: the city keeps the name
    client.post(reverse("catalog:item_names_update", args=[county.code]), {"name_en": "County name"})
    world.item.refresh_from_db()
    assert (
        world.item.name_en == ""
        and not LedgerEntry.objects.filter(action="catalog.item_names_updated").exists()
    )
    client.force_login(world.admin_city)
    page = client.get(reverse("catalog:implementation_detail", args=[world.city_impl.code])).content.decode()
    assert 'id="item-names-form"' in page
    response = client.post(url, {"name_en": "x" * 301})
    assert response.status_code == 422 and "x" * 301 in response.content.decode()  # what was typed is kept
    assert client.post(url, {"name_en": "Food business licence"}).status_code == 302
    world.item.refresh_from_db()
    assert world.item.name_en == "Food business licence"
    assert LedgerEntry.objects.filter(action="catalog.item_names_updated").count() == 1
