"""Journey: a city catalog administrator builds an application form with the form builder — a 情形 choice and a
field shown only in one situation — saves and submits; they cannot publish their own version (双人复核), the
second city administrator publishes it, and a citizen's application page renders the conditional field.
Without JavaScript the same editor offers the JSON textarea.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, SCREENSHOTS

ITEM = "食品经营许可"


def _sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#main button[type=submit]")
    expect(page.locator("#id_password")).to_have_count(0)


def _set(page: Page, field: str, suffix: str, value: str) -> None:
    """Type into one builder input of ``field`` and leave it (the builder saves on change)."""
    control = page.locator(f'#form-builder [data-field="{field}"] [id$="-{suffix}"]').first
    control.fill(value)
    control.dispatch_event("change")


def _add_field(page: Page, section: int) -> str:
    before = set(page.locator("#form-builder .fb-field").evaluate_all("els => els.map(e => e.dataset.field)"))
    page.locator("#form-builder .fb-section").nth(section).locator('[data-action="add-field"]').click()
    after = page.locator("#form-builder .fb-field").evaluate_all("els => els.map(e => e.dataset.field)")
    (name,) = [n for n in after if n not in before]
    return name


def test_admin_builds_a_conditional_form_a_second_admin_publishes_and_the_citizen_sees_it(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    from tongban.catalog.models import Implementation

    base = live_server.url
    impl = Implementation.objects.get(item__name=ITEM, region__code="410200")

    login("catalog_city")
    page.goto(f"{base}/catalog/admin/{impl.code}/")
    page.get_by_role("button", name="开始修订（新建草稿）").click()
    expect(page.locator("#version-status")).to_have_text("草稿")
    edit_url = page.url

    # The builder replaces the JSON textarea; the JSON view is one click away.
    expect(page.locator("#form-builder")).to_be_visible()
    expect(page.locator("#id_form_schema")).to_be_hidden()
    shot("builder-01-editor")
    axe(page)

    premises = _add_field(page, 1)
    _set(page, premises, "title", "经营场所性质")
    _set(page, premises, "name", "premises")
    page.locator('#form-builder [data-field="premises"] [id$="-type"]').select_option("choice")
    _set(page, "premises", "options", "own｜自有房产\nlease｜租赁房产")
    page.locator('#form-builder [data-field="premises"] [id$="-required"]').check()

    lease = _add_field(page, 1)
    _set(page, lease, "title", "租赁合同编号")
    _set(page, lease, "name", "lease_no")
    page.locator('#form-builder [data-field="lease_no"] [id$="-cond"]').select_option("premises")
    card = page.locator('#form-builder [data-field="lease_no"]')
    card.get_by_label("租赁房产").check()
    card.get_by_label("自有房产").uncheck()
    card.locator('[id$="-required"]').check()
    # Order: the situation question before the field it controls (it already is; moving down and up again).
    page.locator('#form-builder [data-field="premises"] [data-action="down"]').click()
    page.locator('#form-builder [data-field="premises"] [data-action="up"]').click()
    shot("builder-02-conditional-field")
    page.locator('#form-builder [data-field="lease_no"]').scroll_into_view_if_needed()
    page.locator("#form-builder .fb-section").nth(1).screenshot(
        path=str(SCREENSHOTS / "builder-02b-section.png")
    )

    page.get_by_role("button", name="显示 JSON（专家）").click()
    expect(page.locator("#id_form_schema")).to_be_visible()
    expect(page.locator("#id_form_schema")).to_have_value(
        re.compile(r'"x-show-if": \{\s*"premises": "lease"\s*\}')
    )
    page.click("#save-draft")
    expect(page.locator(".alert-success")).to_contain_text("草稿已保存")
    axe(page)
    draft = impl.versions.get(status="draft")
    schema = draft.form_schema
    assert schema["properties"]["premises"]["enum"] == ["own", "lease"]
    assert schema["properties"]["lease_no"]["x-show-if"] == {"premises": "lease"}
    assert "premises" in schema["required"]
    assert {"if": {"premises": "lease"}, "then": ["lease_no"]} in schema["x-required-if"]

    page.click("#submit-version")
    expect(page.locator("#version-status")).to_have_text("待审核")
    expect(page.locator("#publish-refused")).to_contain_text("双人复核")
    expect(page.locator("#publish-version")).to_have_count(0)
    shot("builder-03-author-cannot-publish")
    axe(page)

    _sign_in(page, base, "catalog_city2")
    page.goto(edit_url)
    page.check("#confirm-publish")
    page.click("#publish-version")
    expect(page.locator("#version-status")).to_have_text("已发布")
    shot("builder-04-published-by-second-admin")
    axe(page)
    impl.refresh_from_db()
    assert (
        impl.current_version_id == draft.pk and impl.current_version.published_by.username == "catalog_city2"
    )

    _sign_in(page, base, "citizen")
    page.goto(f"{base}/cases/apply/{impl.code}/")
    lease_field = page.locator('[data-field="lease_no"]')
    expect(page.get_by_text("经营场所性质").first).to_be_visible()
    expect(lease_field).to_be_hidden()
    page.get_by_label("租赁房产").check()
    expect(lease_field).to_be_visible()
    shot("builder-05-application-page")
    axe(page)
    lease_field.screenshot(path=str(SCREENSHOTS / "builder-05b-conditional-field.png"))


def test_without_javascript_the_editor_offers_the_json_textarea(browser, live_server, demo_city) -> None:
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    try:
        _sign_in(page, live_server.url, "catalog_city")
        page.goto(f"{live_server.url}/catalog/admin/")
        page.locator("#editable-implementations a").first.click()
        page.get_by_role("button", name="开始修订（新建草稿）").click()
        expect(page.locator("#id_form_schema")).to_be_visible()
        expect(page.locator("#form-builder")).to_be_hidden()
        page.fill(
            "#id_form_schema", '{"type": "object", "properties": {"a": {"type": "strin", "title": "甲"}}}'
        )
        page.click("#save-draft")
        expect(page.locator("#error-summary")).to_contain_text("/properties/a/type")
        expect(page.locator("#id_form_schema")).to_have_value(
            '{"type": "object", "properties": {"a": {"type": "strin", "title": "甲"}}}'
        )
        page.screenshot(path=str(SCREENSHOTS / "builder-06-no-js.png"), full_page=True)
    finally:
        context.close()
