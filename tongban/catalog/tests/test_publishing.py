"""Four-eyes publishing (双人复核), publishing rules, and the form checks of the quality gate (issue 7 §2)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tongban.catalog.access import can_publish_version, second_admin_required
from tongban.catalog.choices import FlowKind, VersionStatus
from tongban.catalog.form_requirements import (
    FieldRequirement,
    register_field_requirements,
    unregister_field_requirements,
)
from tongban.catalog.models import FlowTemplate, ItemVersion, PublishingRule
from tongban.catalog.services import (
    do_create_implementation,
    do_publish_version,
    do_set_publishing_rule,
    do_start_draft,
    do_submit_version,
    do_update_draft,
)
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db

FORM = {
    "type": "object",
    "properties": {
        "situation": {"type": "string", "title": "申请情形", "enum": ["new", "change"]},
        "reason": {
            "type": "string",
            "title": "变更原因",
            "maxLength": 200,
            "x-show-if": {"situation": "change"},
        },
    },
}


def published_count() -> int:
    return LedgerEntry.objects.filter(action="catalog.version_published").count()


def submitted_draft(world, actor=None, **fields):
    actor = actor or world.admin_city
    draft = do_start_draft(world.city_impl, actor=actor)
    if fields:
        do_update_draft(draft, actor=actor, fields=fields)
    return do_submit_version(draft, actor=actor)


def test_it_refuses_publishing_by_the_administrator_who_submitted(world):
    draft = submitted_draft(world)
    before = published_count()
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city)
    assert exc.value.code == "SECOND_ADMIN_REQUIRED"
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED
    assert published_count() == before


def test_it_refuses_an_administrator_who_only_edited_the_draft(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city2, fields={"promised_days": 9})
    do_submit_version(draft, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city2)
    assert exc.value.code == "SECOND_ADMIN_REQUIRED"


def test_a_second_administrator_of_the_same_scope_publishes_and_it_is_ledgered(world):
    draft = submitted_draft(world)
    do_publish_version(draft, actor=world.admin_city2)
    entry = LedgerEntry.objects.filter(action="catalog.version_published").order_by("-seq").first()
    assert entry.actor == world.admin_city2
    assert entry.data["second_admin"] is True and world.admin_city.pk in entry.data["authors"]
    draft.refresh_from_db()
    assert draft.published_by == world.admin_city2 and draft.submitted_by == world.admin_city


@pytest.mark.parametrize("who", ["admin_xiangfu", "citizen", None])
def test_it_refuses_a_publisher_outside_the_scope(world, who):
    draft = submitted_draft(world)
    before = published_count()
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=getattr(world, who) if who else None)
    assert exc.value.code == "PUBLISHER_NOT_IN_SCOPE"
    assert published_count() == before


def test_a_single_admin_county_rule_lets_the_author_publish_and_says_so(world):
    county = do_create_implementation(world.item, world.lankao_dept, actor=world.admin_lankao)
    draft = county.versions.get()
    do_submit_version(draft, actor=world.admin_lankao)
    assert not can_publish_version(world.admin_lankao, draft)
    rule = do_set_publishing_rule(
        actor=world.admin_city,
        region=world.tree.lankao,
        second_admin_required=False,
        note="兰考县只有一名事项管理员",
    )
    assert LedgerEntry.objects.filter(action="catalog.publishing_rule_set", object_id=str(rule.pk)).exists()
    do_publish_version(draft, actor=world.admin_lankao)
    entry = LedgerEntry.objects.filter(action="catalog.version_published").order_by("-seq").first()
    assert entry.data["second_admin"] is False and entry.data["rule"] == rule.pk


def test_the_nearest_rule_wins_and_a_level_rule_applies_without_a_region_rule(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)
    assert second_admin_required(county) is True
    do_set_publishing_rule(actor=None, level="4", second_admin_required=False)
    assert second_admin_required(county) is False
    do_set_publishing_rule(actor=None, region=world.tree.xiangfu, second_admin_required=True)
    assert second_admin_required(county) is True
    assert second_admin_required(world.city_impl) is True


def test_four_eyes_can_be_switched_off_for_a_whole_deployment(world, settings):
    settings.TONGBAN_CATALOG_FOUR_EYES = False
    draft = submitted_draft(world)
    do_publish_version(draft, actor=world.admin_city)
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.PUBLISHED


def test_a_publishing_rule_needs_exactly_one_scope(world):
    for kwargs in ({}, {"region": world.tree.city, "level": "3"}, {"level": "x"}):
        with pytest.raises(DomainError) as exc:
            do_set_publishing_rule(actor=None, second_admin_required=False, **kwargs)
        assert exc.value.code == "PUBLISHING_RULE_SCOPE_REQUIRED"
    assert not PublishingRule.objects.exists()


# --- the editor page -------------------------------------------------------------------------------------------


def test_the_author_sees_why_they_cannot_publish_and_the_second_admin_sees_the_button(client, world):
    draft = submitted_draft(world)
    url = reverse("catalog:version_edit", args=[draft.pk])
    client.force_login(world.admin_city)
    body = client.get(url).content.decode()
    assert 'id="publish-refused"' in body and 'id="publish-version"' not in body
    response = client.post(
        reverse("catalog:version_publish", args=[draft.pk]), {"confirm": "on"}, follow=True
    )
    assert "双人复核" in response.content.decode()
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED
    client.force_login(world.admin_city2)
    assert 'id="publish-version"' in client.get(url).content.decode()
    client.post(reverse("catalog:version_publish", args=[draft.pk]), {"confirm": "on"})
    assert ItemVersion.objects.get(pk=draft.pk).status == VersionStatus.PUBLISHED


def test_before_publishing_the_page_calls_out_removed_content(client, world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(
        draft,
        actor=world.admin_city,
        fields={"office_hours": ""},
        materials=[{"name": "申请书", "necessity": "1", "originals": 1}],  # 营业执照复印件 removed
    )
    do_submit_version(draft, actor=world.admin_city)
    client.force_login(world.admin_city2)
    body = client.get(reverse("catalog:version_edit", args=[draft.pk])).content.decode()
    assert 'id="removed-content"' in body
    assert "营业执照复印件" in body and "办理时间" in body
    diff = client.get(reverse("catalog:version_diff", args=[draft.pk])).content.decode()
    assert 'id="removed-summary"' in diff and 'data-kind="removed"' in diff and 'data-kind="cleared"' in diff


# --- the form schema at save and in the quality gate -------------------------------------------------------------


def test_a_nonsense_form_schema_is_refused_at_save_with_the_bad_path(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    before = LedgerEntry.objects.count()
    with pytest.raises(DomainError) as exc:
        do_update_draft(
            draft,
            actor=world.admin_city,
            fields={"form_schema": {"type": "object", "properties": {"a": {"type": "strin"}}}},
        )
    assert exc.value.code == "FORM_SCHEMA_INVALID"
    assert any("/properties/a/type" in m for m in exc.value.fields["form_schema"])
    assert LedgerEntry.objects.count() == before
    assert ItemVersion.objects.get(pk=draft.pk).form_schema == world.city_impl.current_version.form_schema


def test_the_editor_keeps_a_bad_schema_as_typed_and_shows_the_path(client, world):
    from tongban.catalog.tests.browser_form import form_data

    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    client.force_login(world.admin_city)
    url = reverse("catalog:version_edit", args=[draft.pk])
    data = form_data(client.get(url).content.decode(), "version-form")
    data["form_schema"] = ['{"type": "object", "properties": {"a": {"type": "string", "title": "甲"}}}']
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "/properties/a" in body and "maxLength" in body and 'id="error-summary"' in body
    assert "错误：" in body.split("<title>")[1].split("</title>")[0]
    data["form_schema"] = ['{"type": "object", ']
    body = client.post(url, data).content.decode()
    assert "第 1 行" in body and "{&quot;type&quot;: &quot;object&quot;, " in body


def test_an_invalid_stored_schema_blocks_publishing(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    ItemVersion.objects.filter(pk=draft.pk).update(
        form_schema={"type": "object", "properties": {"x": {"type": "strin"}}}
    )
    do_submit_version(draft, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city2)
    assert exc.value.code == "GUIDE_QUALITY_FAILED"
    assert {i["code"] for i in exc.value.fields["issues"]} == {"FORM_SCHEMA_INVALID"}


def test_a_form_that_drops_a_field_the_flow_uses_cannot_be_published(world):
    flow = FlowTemplate.objects.create(
        key="by-situation",
        name="按情形审批",
        kind=FlowKind.SINGLE_DEPARTMENT,
        bpmn_xml="<x/>",
        process_id="p",
        form_fields=[{"name": "situation", "type": "string", "options": ["new", "change"]}],
    )
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city, fields={"flow_template": flow, "form_schema": FORM})
    without = {
        "type": "object",
        "properties": {"reason": {"type": "string", "title": "原因", "maxLength": 9}},
    }
    do_update_draft(draft, actor=world.admin_city, fields={"form_schema": without})
    do_submit_version(draft, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city2)
    messages = [i["message"] for i in exc.value.fields["issues"] if i["code"] == "FORM_FIELD_REQUIRED"]
    assert messages and "situation" in messages[0] and "按情形审批" in messages[0]


def test_another_consumer_can_declare_the_fields_it_needs(world):
    register_field_requirements(
        "test.licence",
        lambda version: [
            FieldRequirement("holder_id", "证照“食品经营许可证”的字段映射", x_format="id_number")
        ],
    )
    try:
        draft = submitted_draft(world, form_schema=FORM)
        with pytest.raises(DomainError) as exc:
            do_publish_version(draft, actor=world.admin_city2)
        assert "证照“食品经营许可证”的字段映射" in str(exc.value.fields)
    finally:
        unregister_field_requirements("test.licence")


@override_settings(LANGUAGE_CODE="zh-hans")
def test_control_characters_in_the_editor_are_refused_with_the_field_named_and_nothing_saved(client, world):
    from tongban.catalog.tests.browser_form import form_data

    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    client.force_login(world.admin_city)
    url = reverse("catalog:version_edit", args=[draft.pk])
    data = form_data(client.get(url).content.decode(), "version-form")
    data["office_hours"] = ["工作日\x00上午"]
    data["materials-0-accept_standard"] = ["a\x07b"]
    response = client.post(url, data)
    body = response.content.decode()
    # The core request guard refuses the whole post before the editor runs, naming the first field it found.
    assert response.status_code == 400 and "控制字符" in body and "office_hours" in body
    assert ItemVersion.objects.get(pk=draft.pk).office_hours == world.city_impl.current_version.office_hours


def test_the_command_sets_and_lists_a_single_admin_county(world):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("catalog_publishing_rule", region="410225", single_admin=True, note="一人县", stdout=out)
    assert "单人发布" in out.getvalue()
    assert second_admin_required(do_create_implementation(world.item, world.lankao_dept, actor=None)) is False
    call_command("catalog_publishing_rule", list=True, stdout=out)
    assert "一人县" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("catalog_publishing_rule", region="999999", single_admin=True)
    with pytest.raises(CommandError):
        call_command("catalog_publishing_rule", region="410225")
