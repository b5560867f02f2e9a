"""Catalog administrator journey: a county administrator implements a city item, fixes the quality issues,
submits and publishes it (祥符区 has a single catalog administrator in the demo, so its publishing rule waives the
second one); another county's administrator cannot open the draft editor (404)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import unresolved_references
from tongban.catalog.models import Implementation


def test_county_admin_drafts_fixes_and_publishes(page, live_server, demo_city, login, shot, axe):
    login("catalog_xiangfu")
    page.goto(f"{live_server.url}/catalog/admin/")
    shot("catalog-01-admin-list")
    axe(page)
    option = page.locator("#id_choice option").first
    item_label = option.inner_text()
    page.select_option("#id_choice", option.get_attribute("value"))
    page.click("#new-implementation-form button[type=submit]")
    page.wait_for_url(re.compile(r"/catalog/admin/versions/\d+/edit/"))
    edit_url = page.url
    assert item_label.split("（")[0] in page.inner_text("h1")
    axe(page)

    # A negative number of days is refused: the error summary links to it, and the field's error and help text
    # are under the ids its aria-describedby names.
    page.fill("#id_promised_days", "-3")
    page.click("#save-draft")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.title().startswith("错误：")
    expect(page.locator("#error-summary a[href='#id_promised_days']")).to_have_count(1)
    expect(page.locator("#id_promised_days_error")).not_to_be_empty()
    assert "id_promised_days_error" in (page.get_attribute("#id_promised_days", "aria-describedby") or "")
    assert unresolved_references(page) == []
    axe(page)

    # Make two mistakes: a promised limit longer than the legal one and a catch-all material.
    legal = int(page.input_value("#id_legal_days"))
    page.fill("#id_promised_days", str(legal + 5))
    total = int(page.input_value("#id_materials-TOTAL_FORMS"))
    page.fill(f"#id_materials-{total - 1}-name", "其他相关材料")
    page.click("#save-draft")
    page.wait_for_load_state("networkidle")
    issues = page.locator("#quality-issues")
    assert issues.locator('[data-code="PROMISED_EXCEEDS_LEGAL"]').count() == 1
    assert issues.locator('[data-code="CATCH_ALL_WORDING"]').count() == 1
    assert "不得超过法定办结时限" in issues.inner_text()
    shot("catalog-02-quality-errors")
    axe(page)
    # 重新检查 refreshes the panel in place; the status line stays and carries the new result for screen readers.
    status = page.locator("#quality-status")
    expect(status).to_have_attribute("role", "status")
    status.evaluate("el => { el.textContent = ''; el.dataset.kept = 'yes'; }")
    with page.expect_response(re.compile(r"/quality/")):
        page.get_by_role("link", name="重新检查").click()
    expect(page.locator("#quality-status[data-kept='yes']")).to_contain_text("质量检查：共")
    expect(page.locator("#quality-issues [data-code='CATCH_ALL_WORDING']")).to_have_count(1)
    axe(page)

    # Fix them: a shorter promised limit, and delete the catch-all material.
    page.fill("#id_promised_days", str(max(legal - 1, 1)))
    page.check(f"#id_materials-{total - 1}-DELETE")
    page.click("#save-draft")
    page.wait_for_load_state("networkidle")
    assert page.locator("#quality-blocking").count() == 0
    assert page.locator('[data-code="PROMISED_EXCEEDS_LEGAL"]').count() == 0
    shot("catalog-03-quality-fixed")
    axe(page)

    page.click("#submit-version")
    page.wait_for_load_state("networkidle")
    assert "待审核" in page.inner_text("#version-status")
    axe(page)
    page.check("#confirm-publish")
    page.click("#publish-version")
    page.wait_for_load_state("networkidle")
    assert "已发布" in page.inner_text("#version-status")
    shot("catalog-04-published")
    axe(page)

    version_id = int(re.search(r"/versions/(\d+)/", edit_url).group(1))
    implementation = Implementation.objects.get(versions__id=version_id)
    assert implementation.region.code == "410212"
    assert implementation.current_version_id == version_id
    response = page.request.get(f"{live_server.url}/api/v1/catalog/items/{implementation.code}")
    assert response.status == 200 and response.json()["version"] == 1

    # Another county's administrator gets the same "not found" as for a missing page.
    page.context.clear_cookies()
    login("catalog_lankao")
    response = page.goto(edit_url)
    assert response.status == 404
    shot("catalog-05-other-county-404")
    axe(page)
