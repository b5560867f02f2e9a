"""Journey: a citizen on a 390 px phone in 大字版 submits an incomplete application and is led to each problem; 我的办件
and the guide fit the phone; a keyboard user sees where the focus is on a radio; a clerk's inbox filter and the
public 办件公示 filter announce their new counts through a status line that stays on the page.

What axe does not score, checked the way a person meets it.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PHONE, unresolved_references

ITEM = "11410200607356724L3002010008000"  # 无犯罪记录证明开具: a required select, a required radio group, a checkbox

FITS = "document.documentElement.scrollWidth <= window.innerWidth"

# The focus indicator of the focused element: its outline, and its contrast with the page background (WCAG 1.4.11).
FOCUS_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = rgb(getComputedStyle(document.body).backgroundColor);
  return {id: el.id, type: el.type, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: style.outlineStyle === "none" ? 0 : ratio(rgb(style.outlineColor), background)};
}"""


def test_a_citizen_on_a_phone_in_large_text_is_led_to_every_problem(
    page: Page, new_context, live_server, demo_city, login, axe
) -> None:
    base = live_server.url
    page.set_viewport_size(PHONE)
    login("citizen")
    page.goto(f"{base}/guide/{ITEM}/")
    page.locator("[data-tb-elderly-toggle]").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\belderly\b"))
    axe(page)
    assert page.evaluate(FITS), "the guide's material cards fit the phone in 大字版"

    # Submit without choosing the purpose, the 委托 radio or the promise.
    page.goto(f"{base}/cases/apply/{ITEM}/")
    axe(page)
    page.get_by_role("button", name="提交申请").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    axe(page)
    assert page.title().startswith("错误：")
    assert page.evaluate("document.activeElement.id") == "error-summary"  # announced on arrival
    links = summary.locator("a")
    texts = links.all_inner_texts()
    assert any("查询用途" in t for t in texts) and any("是否委托他人办理" in t for t in texts), texts
    assert any("承诺" in t for t in texts), texts
    assert (
        "[错误代码" not in page.content() and "FORM_INVALID" not in summary.inner_text()
    )  # no internal codes
    assert unresolved_references(page) == []

    # The radio group's fieldset carries its error, and the summary link takes the keyboard to the first radio.
    fieldset = page.get_by_role("group", name="是否委托他人办理")
    described = fieldset.get_attribute("aria-describedby") or ""
    assert "id_f-agent_error" in described.split()
    expect(page.locator("#id_f-agent_error")).not_to_be_empty()
    summary.get_by_role("link", name=re.compile("是否委托他人办理")).focus()
    page.keyboard.press("Enter")
    ring = page.evaluate(FOCUS_RING)
    assert ring["id"] == "id_f-agent_0" and ring["type"] == "radio"
    assert ring["style"] != "none" and ring["width"] >= 2 and ring["contrast"] >= 3, ring
    assert page.evaluate(FITS), "the application form with its errors fits the phone in 大字版"

    # 我的办件 on the phone, in 大字版 and in the standard layout: cards, no sideways scrolling.
    page.goto(f"{base}/cases/my/")
    axe(page)
    expect(page.locator("#my-cases tbody tr").first).to_be_visible()
    assert page.evaluate(FITS)
    first_row = page.locator("#my-cases tbody tr").first
    assert first_row.evaluate("tr => getComputedStyle(tr).display") == "block"  # a card, not a table row
    page.locator("[data-tb-elderly-toggle]").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\belderly\b"))
    axe(page)
    assert page.evaluate(FITS)
    page.goto(f"{base}/guide/{ITEM}/")
    axe(page)
    assert page.evaluate(FITS), "the guide's material cards fit the phone"

    # The public 办件公示: the status line is the same element before and after the HTMX update.
    page.goto(f"{base}/cases/disclosure/")
    axe(page)
    status = page.locator("#disclosure-status")
    expect(status).to_have_attribute("role", "status")
    status.evaluate("el => { el.dataset.kept = 'yes'; }")
    option = page.locator("#department option").nth(1)
    with page.expect_response(re.compile(r"/cases/disclosure/\?department=")):
        page.select_option("#department", option.get_attribute("value"))
    expect(page).to_have_url(re.compile(r"department="))
    axe(page)
    expect(page.locator("#disclosure-status[data-kept='yes']")).to_have_count(1)
    expect(status).to_contain_text("件")

    # A clerk filters the inbox: the count is announced through the status line that stays.
    clerk = new_context().new_page()
    clerk.goto(f"{base}/accounts/login/")
    axe(clerk)
    clerk.fill("#id_username", "clerk")
    clerk.fill("#id_password", "tongban-demo")
    with clerk.expect_navigation():
        clerk.click("#login-form button[type=submit]")
    axe(clerk)
    clerk.goto(f"{base}/cases/inbox/")
    axe(clerk)
    inbox_status = clerk.locator("#inbox-status")
    expect(inbox_status).to_have_attribute("role", "status")
    inbox_status.evaluate("el => { el.dataset.kept = 'yes'; }")
    clerk.evaluate("window.tbMarker = 'same page'")
    with clerk.expect_response(re.compile(r"/cases/inbox/\?status=completed")):
        clerk.select_option("#status", "completed")
    expect(clerk).to_have_url(re.compile(r"status=completed"))
    axe(clerk)
    assert clerk.evaluate("window.tbMarker") == "same page"
    expect(clerk.locator("#inbox-status[data-kept='yes']")).to_have_count(1)
    expect(inbox_status).to_have_text(re.compile(r"共 \d+ 件"))
    n = clerk.locator("#tasks tbody tr[data-task]").count()
    expect(inbox_status).to_have_text(f"共 {n} 件")
