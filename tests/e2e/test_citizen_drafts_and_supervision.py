"""Journey: a citizen's submit fails and is fixed on the same draft (no orphan draft), 我的办件 lists the last
changed case first and a forgotten draft is deleted; then the supervisor's list shows overdue cases first with the
counts by warning level.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tongban.cases.models import Case

ITEM = "11410200607356724L3002010008000"  # 无犯罪记录证明开具（开封市公安局）
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _draft_ref() -> str:
    return str(
        Case.objects.get(
            applicant_user__username="citizen", state="draft", version__implementation__code=ITEM
        ).public_id
    )


def test_a_failed_submit_keeps_one_draft_drafts_are_deleted_and_the_supervisor_sees_overdue_first(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    base = live_server.url
    login("citizen")
    before = Case.objects.filter(applicant_user__username="citizen").count()

    # The submit fails: 证明提交单位 and 是否委托 are missing. The uploads and what was typed stay on the draft.
    page.goto(f"{base}/cases/apply/{ITEM}/")
    page.get_by_label("查询用途").select_option(label="就业")
    page.get_by_label("本人（本单位）承诺所填信息及所交材料真实、合法、有效").check()
    inputs = page.locator("#materials input[type=file]")
    for i in range(inputs.count()):
        inputs.nth(i).set_input_files(
            {"name": f"材料{i + 1}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#error-message")).to_be_visible()
    expect(page.get_by_label("查询用途")).to_have_value("job")
    shot("drafts-01-submit-refused")
    axe(page)
    assert Case.objects.filter(applicant_user__username="citizen").count() == before + 1

    # Fixed and sent again: the same draft is submitted, no second draft appears.
    expect(page.locator("#apply-form")).to_have_attribute("action", f"/cases/drafts/{_draft_ref()}/")
    page.get_by_label("证明提交单位").fill("开封市某科技有限公司")
    page.get_by_label("否", exact=True).check()
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("h1")).to_contain_text("申请已提交")
    number = page.locator("#case-number").inner_text().strip()
    axe(page)
    assert Case.objects.filter(applicant_user__username="citizen").count() == before + 1
    assert not Case.objects.filter(
        applicant_user__username="citizen", state="draft", version__implementation__code=ITEM
    ).exists()

    # 我的办件: the case just submitted comes first; the forgotten 居住证 draft is deleted.
    page.goto(f"{base}/cases/my/")
    expect(page.locator("#my-cases tbody tr").first).to_contain_text(number)
    draft_row = page.locator("#my-cases tbody tr", has_text="居住证申领")
    expect(draft_row).to_contain_text("草稿")
    draft_row.get_by_role("button", name="删除").click()
    expect(page.locator(".alert-success")).to_contain_text("草稿已删除")
    expect(page.locator("#my-cases")).not_to_contain_text("居住证申领")
    shot("drafts-02-deleted")
    axe(page)
    # (The licences demo's own draft, "licences-demo-…", which reuses a licence, stays.)
    assert not Case.objects.filter(
        applicant_user__username="citizen", state="draft", idempotency_key__startswith="demo-"
    ).exists()

    # The supervisor's list: counts by level, red (overdue) at the top.
    page.context.clear_cookies()
    login("supervisor")
    page.goto(f"{base}/cases/supervision/")
    counts = page.locator("#level-counts")
    expect(counts).to_contain_text("红牌（已超期）")
    expect(counts).to_contain_text("黄牌（即将到期）")
    expect(page.locator("#supervised-cases tbody tr").first.locator(".badge.text-bg-danger")).to_be_visible()
    shot("supervision-01-overdue-first")
    axe(page)
