"""Journey: a citizen applies online from a guide page with uploads, gets a one-time correction notice from the
window clerk, replaces only the flagged material and resubmits; the clerk accepts, the police reviewer and approver
approve, the result is handed out at the window against the pickup code, and the citizen follows progress to 办结.

The clerk and the staff act in a second browser context, through the same pages they use every day.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, SCREENSHOTS

ITEM = "11410200607356724L3002010008000"  # 无犯罪记录证明开具（开封市公安局, single-department flow）
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def _sign_in(page: Page, base: str, username: str, axe) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    axe(page)
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#main button[type=submit]")
    expect(page.locator("#id_password")).to_have_count(0)  # signed in
    axe(page)


def _complete_step(staff: Page, base: str, username: str, number: str, opinion: str, axe) -> None:
    """Sign in as ``username``, claim the case's task from the inbox and approve it on the case page."""
    _sign_in(staff, base, username, axe)
    staff.goto(f"{base}/cases/inbox/")
    row = staff.locator("#tasks tr", has_text=number)
    expect(row).to_be_visible()
    axe(staff)
    staff.screenshot(path=str(SCREENSHOTS / f"citizen-staff-inbox-{username}.png"), full_page=True)
    row.get_by_role("button", name="签收").click()
    expect(staff.locator(".alert-success")).to_contain_text("已签收")
    axe(staff)
    staff.screenshot(path=str(SCREENSHOTS / f"citizen-staff-case-{username}.png"), full_page=True)
    staff.get_by_label("同意", exact=True).check()
    staff.get_by_label("办理意见").fill(opinion)
    staff.get_by_role("button", name="提交办理意见").click()
    expect(staff.locator(".alert-success")).to_contain_text("已办理")
    axe(staff)


def test_citizen_applies_is_corrected_accepted_approved_and_collects_the_result(
    page: Page, new_context, live_server, demo_city, login, shot, axe
) -> None:
    base = live_server.url

    # The citizen signs in and starts from the guide page.
    login("citizen")
    page.goto(f"{base}/guide/{ITEM}/")
    page.get_by_role("link", name="在线申请").first.click()
    expect(page.locator("h1")).to_contain_text("无犯罪记录证明开具")
    expect(page.get_by_label("申请人姓名")).to_have_value("王秀英")  # prefilled from the account
    expect(page.locator("#upload-limits")).to_contain_text("20 MB")
    axe(page)

    # The 受托人 field only applies when someone else is entrusted (x-show-if).
    expect(page.get_by_label("受托人姓名")).to_be_hidden()
    page.get_by_label("是", exact=True).check()
    expect(page.get_by_label("受托人姓名")).to_be_visible()
    page.get_by_label("否", exact=True).check()
    expect(page.get_by_label("受托人姓名")).to_be_hidden()

    page.get_by_label("查询用途").select_option(label="就业")
    page.get_by_label("证明提交单位").fill("开封市某科技有限公司")
    page.get_by_label("本人（本单位）承诺所填信息及所交材料真实、合法、有效").check()
    inputs = page.locator("#materials input[type=file]")
    for i in range(inputs.count()):
        inputs.nth(i).set_input_files(_pdf(f"材料{i + 1}.pdf"))
    shot("citizen-01-apply-form")
    page.get_by_role("button", name="提交申请").click()

    expect(page.locator("h1")).to_contain_text("申请已提交")
    number = page.locator("#case-number").inner_text().strip()
    query_code = page.locator("#query-code").inner_text().strip()
    assert re.fullmatch(r"\d{20}", number)
    with page.expect_download() as receipt:
        page.get_by_role("link", name="下载收件回执（PDF）").click()
    assert receipt.value.suggested_filename.endswith(".pdf")
    shot("citizen-02-submitted")
    axe(page)

    # The window clerk pre-reviews in a second browser and flags the application form.
    staff = new_context().new_page()
    _sign_in(staff, base, "clerk", axe)
    staff.goto(f"{base}/cases/staff/{number}/pre-review/")
    axe(staff)
    staff.screenshot(path=str(SCREENSHOTS / "citizen-clerk-01-prereview.png"), full_page=True)
    first = staff.locator("#prereview-form tbody tr[data-material]").first
    first.get_by_label("有问题").check()
    first.get_by_label("问题及原因").fill("申请表未签名，请签名后重新上传")
    staff.get_by_role("button", name="出具一次性告知书（补正）").click()
    expect(staff.locator(".alert-success")).to_contain_text("一次性告知书")
    axe(staff)

    # The citizen is told in the in-app inbox (delivered from the outbox after commit) and opens the case from it.
    page.goto(f"{base}/cases/messages/")
    expect(page.locator("#unread-badge")).to_be_visible()
    expect(page.locator("#message-list")).to_contain_text("补正")
    shot("citizen-03a-messages")
    axe(page)
    page.locator("#message-list li", has_text=number).filter(has_text="补正").first.get_by_role(
        "button", name="查看"
    ).click()
    expect(page.locator("#correction")).to_be_visible()
    axe(page)

    # The case page shows the correction notice with only the flagged material; she replaces it and resubmits.
    page.goto(f"{base}/cases/my/")
    axe(page)
    page.locator("#my-cases tr", has_text=number).get_by_role("link", name="查看").click()
    correction = page.locator("#correction")
    expect(correction).to_contain_text("申请表未签名")
    expect(correction.locator("[data-problem]")).to_have_count(1)
    shot("citizen-03-correction")
    axe(page)
    correction.locator("input[type=file]").set_input_files(_pdf("已签名申请表.pdf"))
    correction.get_by_role("button", name="上传补正材料").click()
    expect(page.locator(".alert-success")).to_contain_text("补正材料")
    axe(page)
    page.get_by_role("button", name="提交补正").click()
    expect(page.locator(".alert-success")).to_contain_text("补正材料已提交")
    axe(page)

    # The clerk accepts; the police reviewer, then the approver (审核 and 决定) approve through their inboxes.
    staff.goto(f"{base}/cases/staff/{number}/pre-review/")
    axe(staff)
    staff.get_by_role("button", name="受理", exact=True).click()
    expect(staff.locator(".alert-success")).to_contain_text("已受理")
    axe(staff)
    _complete_step(staff, base, "reviewer_ga", number, "经核查，无犯罪记录。", axe)
    _complete_step(staff, base, "approver_ga", number, "同意。", axe)  # 审核
    _complete_step(staff, base, "leader_ga", number, "准予出具。", axe)  # 决定 by another approver (岗位分离)
    expect(staff.locator(".fs-5 [data-state]")).to_have_text("已决定")
    staff.screenshot(path=str(SCREENSHOTS / "citizen-clerk-02-decided-staff-page.png"), full_page=True)

    # The citizen sees the decision and the pickup code, and downloads the decision.
    page.goto(f"{base}/cases/my/")
    axe(page)
    page.locator("#my-cases tr", has_text=number).get_by_role("link", name="查看").click()
    expect(page.locator("#pickup-info")).to_be_visible()
    pickup_code = page.locator("#pickup-info strong").inner_text().strip()
    expect(page.locator("#notices")).to_contain_text("审批决定书")
    shot("citizen-04-decided")
    axe(page)

    # 统一窗口出件: the clerk hands the result out against the pickup code.
    _sign_in(staff, base, "clerk", axe)
    staff.goto(f"{base}/cases/window/pickup/")
    axe(staff)
    staff.get_by_label("办件编号").fill(number)
    staff.get_by_label("取件码").fill(pickup_code)
    staff.get_by_role("button", name="出件").click()
    expect(staff.locator(".alert-success")).to_contain_text("已出件")
    axe(staff)

    # The citizen follows the case to 办结, in the account and on the public progress page.
    page.goto(f"{base}/cases/my/")
    expect(page.locator("#my-cases tr", has_text=number).locator("[data-state]")).to_have_text("已办结")
    axe(page)
    page.goto(f"{base}/cases/progress/?number={number}&code={query_code}")
    expect(page.locator("#progress-state")).to_have_text("已办结")
    expect(page.locator("#progress-outcome")).to_have_text("准予")
    shot("citizen-05-closed")
    axe(page)
