"""Journeys: a citizen whose case was approved opens 证照夹, shows the five-minute presentation QR (亮证) and
downloads the signed PDF; an anonymous visitor verifies the licence on /verify/ as a phone camera opens it, and
after the issuing department revokes it (through its own page) reads "签名有效，证照已撤销".

The licence comes from a real decision: a case of an item whose version names a licence type, walked through
review, audit and decision by the case services, so the cases hook issues it inside the decision's transaction.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, DESKTOP, PHONE, SCREENSHOTS
from tongban.accounts.models import User
from tongban.cases import services as case_services
from tongban.cases.tests.factories import World, make_world, open_task
from tongban.licenses.models import License
from tongban.licenses.queries import fetch_licenses_for_case
from tongban.licenses.tests.factories import (
    DEFINING_AGENCY_CODE,
    case_for,
    make_license_item,
    make_license_type,
)


def _approved_licence(citizen: User) -> tuple[License, World]:
    """The citizen's case for a 食品经营许可证 approved by the city market regulator; its licence and the world."""
    world = make_world()
    license_type = make_license_type(f"{DEFINING_AGENCY_CODE}032", is_demo=True)
    version = make_license_item(world.scjg, license_type)
    case = case_for(world, version, applicant=citizen, form_data={"shop_name": "汴梁小吃店"})
    for step, actor in (("review", world.reviewer), ("audit", world.approver), ("decide", world.approver2)):
        case_services.do_complete_task(open_task(case, step), actor=actor, outcome="approve", opinion="同意")
    return fetch_licenses_for_case(case).get(), world


def _qr_paths(page: Page) -> str:
    return page.locator("#presentation-qr path").first.get_attribute("d") or ""


def test_a_citizen_shows_the_presentation_qr_and_downloads_the_signed_pdf(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    base = live_server.url
    lic, _world = _approved_licence(User.objects.get(username="citizen"))

    login("citizen")
    page.locator("#user-menu-wallet").click()
    page.wait_for_url(f"{base}/licenses/")
    expect(page.locator("h1")).to_have_text("证照夹")
    card = page.locator(f'article[data-identifier="{lic.identifier}"]')
    expect(card).to_contain_text("食品经营许可证")
    expect(card.locator("[data-status]")).to_have_text("有效")
    axe(page)
    shot("licence-01-wallet")

    card.get_by_role("link", name="食品经营许可证").click()
    page.wait_for_url(re.compile(r"/licenses/1\.2\.156\."))
    expect(page.locator("#license-identifier")).to_have_text(lic.identifier)
    expect(page.locator("#license-face")).to_contain_text("汴梁小吃店")
    expect(page.locator("#license-face")).to_contain_text("开封市市场监督管理局")
    expect(page.locator("#license-history")).to_contain_text("颁发电子证照")
    expect(page.locator("#uses-empty")).to_be_visible()
    axe(page)
    shot("licence-02-detail")

    # 亮证: HTMX swaps in the QR with its expiry; the countdown runs in the page.
    page.locator("#present-button").click()
    expect(page.locator("#presentation-qr")).to_be_visible()
    expect(page.locator("#presentation-expires")).to_have_text(re.compile(r"^\d\d:\d\d:\d\d$"))
    countdown = page.locator("#presentation-countdown")
    expect(countdown).to_have_text(re.compile(r"^[45]:\d\d$"))
    first = countdown.inner_text()
    expect(countdown).not_to_have_text(first, timeout=3000)  # it ticks
    expect(page.locator("#presentation-expired")).to_be_hidden()
    axe(page, what="licence page with the presentation QR")
    shot("licence-03-presented")
    # The same page on a phone in 大字版, for a person to look at (axe checked both layouts above).
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    page.evaluate("() => document.documentElement.classList.add('elderly')")
    shot("licence-03-presented-phone-elderly")
    page.evaluate("() => document.documentElement.classList.remove('elderly')")
    page.set_viewport_size({"width": DESKTOP["width"], "height": DESKTOP["height"]})

    before = _qr_paths(page)
    page.locator("#present-refresh").click()
    expect(page.locator("#presentation-qr path").first).not_to_have_attribute("d", before)
    assert lic.presentations.count() == 2

    with page.expect_download() as download_info:
        page.locator("#pdf-download").click()
    download = download_info.value
    assert download.suggested_filename == f"{lic.identifier}.pdf"
    body = Path(download.path()).read_bytes()
    assert body.startswith(b"%PDF")
    assert len(PdfFileReader(BytesIO(body)).embedded_signatures) == 1


def test_a_visitor_verifies_the_licence_and_sees_it_revoked_after_the_department_revokes_it(
    page: Page, new_context, live_server, demo_city, shot, axe
) -> None:
    base = live_server.url
    lic, world = _approved_licence(User.objects.get(username="citizen"))

    # What a phone camera opens from the QR on the printed face.
    page.goto(f"{base}/verify/?p={quote(lic.payload, safe='')}")
    expect(page.locator("#verify-verdict")).to_have_text("签名有效，证照有效")
    expect(page.locator("#verify-signature")).to_contain_text("签名有效")
    expect(page.locator("#verify-status")).to_have_text("有效")
    expect(page.locator("#verify-holder")).to_contain_text("王*英")
    expect(page.locator("#verify-version")).to_contain_text("现行版本")
    expect(page.locator("#jwks-link")).to_have_attribute("href", re.compile(r"/api/v1/licenses/jwks\.json$"))
    axe(page)
    shot("licence-04-verify-valid")

    # Garbage pasted into the form is "签名无效", a page and not an error.
    page.get_by_label("证照签名数据或核验链接").fill("eyJhbGciOiJFZERTQSJ9.bm90IGEgbGljZW5jZQ.AAAA")
    page.locator("#verify-submit").click()
    expect(page.locator("#verify-verdict")).to_have_text("签名无效")
    axe(page)

    # The issuing department's approver revokes it on the department's page, in their own browser.
    staff = new_context().new_page()
    staff.goto(f"{base}/accounts/login/")
    axe(staff)
    staff.fill("#id_username", world.approver.username)
    staff.fill("#id_password", DEMO_PASSWORD)
    with staff.expect_navigation():
        staff.click("#main button[type=submit]")
    axe(staff)
    staff.goto(f"{base}/accounts/workspace/")
    staff.get_by_role("link", name="电子证照管理").click()
    staff.wait_for_url(f"{base}/licenses/manage/")
    axe(staff)
    staff.get_by_label("证照标识、持证主体或证件号码").fill(lic.identifier)
    staff.get_by_role("button", name="搜索").click()
    staff.wait_for_url(re.compile(r"/licenses/manage/\?q="))
    expect(staff.locator("#manage-list tbody tr")).to_have_count(1)
    axe(staff)
    staff.locator(f'#manage-list tr[data-identifier="{lic.identifier}"]').get_by_role("link").click()
    staff.wait_for_url(re.compile(r"/licenses/manage/1\.2\.156\."))
    axe(staff)
    # Without a legal basis the revocation is refused, with the error summary.
    staff.get_by_label("撤销事由").fill("申请人以欺骗手段取得行政许可")
    staff.locator("#revoke-submit").click()
    expect(staff.locator("#error-summary")).to_be_focused()
    expect(staff.locator("#error-summary")).to_contain_text("法律依据")
    axe(staff)
    staff.get_by_label("法律依据").fill("《中华人民共和国行政许可法》第六十九条第二款")
    staff.locator("#revoke-submit").click()
    expect(staff.locator(".alert-success")).to_contain_text("电子证照已撤销")
    expect(staff.locator("#license-status")).to_have_text("已撤销")
    axe(staff)
    staff.screenshot(path=str(SCREENSHOTS / "licence-05-staff-revoked.png"), full_page=True)

    page.goto(f"{base}/verify/?p={quote(lic.payload, safe='')}")
    expect(page.locator("#verify-verdict")).to_have_text("签名有效，证照已撤销")
    expect(page.locator("#verify-signature")).to_contain_text("签名有效")
    expect(page.locator("#verify-status")).to_have_text("已撤销")
    axe(page)
    shot("licence-06-verify-revoked")
