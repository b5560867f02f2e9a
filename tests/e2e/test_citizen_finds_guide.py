"""Journey: a citizen finds the passport guide from the home page, reads it in 大字版 and downloads the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tongban.catalog.models import Implementation


@pytest.fixture
def city_with_passport(demo_city: None) -> None:
    """The demo city; if its catalog has no published passport guide, one is published through the services."""
    published = Implementation.objects.filter(
        item__name__contains="护照", current_version__status="published"
    )
    if not published.exists():
        from tongban.portal.tests.factories import make_published

        make_published("普通护照签发", with_details=True, online_depth="4", person_topics=["travel"])


def _font_size(page: Page) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))


def test_citizen_finds_the_passport_guide_reads_it_large_and_downloads_the_pdf(
    page: Page, live_server, city_with_passport, shot, axe, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/")
    expect(page.locator("h1")).to_contain_text("办事")
    shot("portal-01-home")
    axe(page)

    # Search from the big home-page search box.
    page.get_by_label("搜索事项名称或部门").fill("护照")
    page.get_by_label("搜索事项名称或部门").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    results = page.locator(".tb-result-title a", has_text="护照")
    expect(results.first).to_be_visible()
    shot("portal-02-search-passport")
    axe(page)

    # Open the 普通护照签发 guide (fall back to the first passport result).
    target = page.locator(".tb-result-title a", has_text="普通护照")
    (target.first if target.count() else results.first).click()
    expect(page.locator("h1")).to_contain_text("护照")
    expect(page.locator("#materials")).to_be_visible()
    guide_url = page.url
    shot("portal-03-guide")
    axe(page)

    # Switch to elderly mode: the text gets larger, and it stays on after navigating.
    normal_size = _font_size(page)
    page.locator("[data-tb-elderly-toggle]").click()
    page.wait_for_url(guide_url)
    expect(page.locator("html")).to_have_class(re.compile(r"\belderly\b"))
    assert _font_size(page) >= 20 > normal_size
    shot("portal-04-guide-elderly")
    axe(page)
    page.get_by_role("link", name="首页", exact=True).first.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\belderly\b"))
    assert _font_size(page) >= 20
    shot("portal-05-home-elderly")
    axe(page)

    # Download the PDF of the guide.
    page.goto(guide_url)
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载PDF").click()
    path = tmp_path / "guide.pdf"
    download_info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename.endswith(".pdf")

    # Back to the standard layout, on a phone.
    page.locator("[data-tb-elderly-toggle]").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\belderly\b"))
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(guide_url)
    expect(page.locator("h1")).to_be_visible()
    shot("portal-06-guide-phone")
    axe(page)
    page.goto(f"{live_server.url}/")
    shot("portal-07-home-phone")
    axe(page)


def test_changing_a_search_filter_updates_the_results_in_place(
    page: Page, live_server, city_with_passport, axe
) -> None:
    page.goto(f"{live_server.url}/search/?q=护照")
    expect(page.locator(".tb-result").first).to_be_visible()
    axe(page)
    before = page.locator(".tb-result").count()
    page.evaluate("window.tbMarker = 'same page'")  # survives only if the page is not reloaded
    page.get_by_label("行使层级").select_option(label="市级")
    expect(page).to_have_url(re.compile(r"level=3"))
    expect(page.locator(".tb-result-meta", has_text="县级")).to_have_count(0)
    assert page.locator(".tb-result").count() <= before
    assert page.evaluate("window.tbMarker") == "same page"
    axe(page)  # after the HTMX swap


def test_without_javascript_a_citizen_still_searches_reads_the_guide_and_switches_to_large_text(
    browser, live_server, city_with_passport, axe, tmp_path: Path
) -> None:
    context = browser.new_context(
        java_script_enabled=False, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    axe.watch(page)
    page.goto(f"{live_server.url}/")
    expect(page.locator("#tb-nav-links").get_by_role("link", name="办事指南")).to_be_visible()  # menu open
    axe(page)
    page.get_by_label("搜索事项名称或部门").fill("护照")
    page.get_by_role("button", name="搜索").click()
    expect(page.locator(".tb-result").first).to_be_visible()
    axe(page)
    page.locator(".tb-result-title a", has_text="护照").first.click()
    expect(page.locator("h1")).to_contain_text("护照")
    axe(page)
    page.get_by_role("button", name="大字版").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\belderly\b"))
    axe(page)
    context.close()
