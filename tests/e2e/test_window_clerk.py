"""Journey: a window clerk at 市民之家 takes an application for an applicant present at the window — first the ID number
is checked and refused when wrong (nothing typed is lost), then a family member applies on the applicant's behalf
(代办) with scanned materials and originals checked; the 收件即受理 item is accepted on the spot.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tongban.accounts.testing import make_id_number
from tongban.cases.models import Case

ITEM = "11410200458874623K3000117002000"  # 个体工商户登记（开封市市场监督管理局, 收件即受理）
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_clerk_takes_a_proxy_application_at_the_window(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    before = set(Case.objects.values_list("pk", flat=True))  # the demo may ship sample cases
    login("clerk")
    page.goto(f"{live_server.url}/cases/window/")
    expect(page.locator("h1")).to_contain_text("窗口收件")
    axe(page)
    page.get_by_label("办理事项").select_option(value=ITEM)
    page.get_by_role("button", name="选择").click()
    expect(page.locator("#window-form")).to_contain_text("个体工商户登记")
    expect(page.locator("#window-form")).to_contain_text("收件即受理")
    axe(page)

    # A mistyped ID number is refused; the other fields keep what was typed.
    page.get_by_label("办事人居民身份证号码").fill("410202199001010019")
    page.get_by_label("办事人姓名").fill("张建华")
    page.get_by_label("联系电话").first.fill("13912345678")
    page.get_by_role("button", name="收件并受理").click()
    expect(page.locator("#error-message")).to_be_visible()
    expect(page.locator("#window-form")).to_contain_text("居民身份证号码不正确")
    expect(page.get_by_label("办事人姓名")).to_have_value("张建华")
    shot("window-01-id-refused")
    axe(page)
    assert set(Case.objects.values_list("pk", flat=True)) == before

    proxy_id = make_id_number("window-proxy")
    page.get_by_label("办事人居民身份证号码").fill(proxy_id)
    page.get_by_label("代办（办事人代他人申请）").check()
    page.get_by_label("被代办人居民身份证号码").fill("410202199001010018")
    page.get_by_label("被代办人姓名").fill("王秀英")
    page.get_by_label("授权委托书说明").fill("王秀英签署的授权委托书原件已核验")

    page.locator("#id_f-applicant_name").fill("王秀英")
    page.locator("#id_f-id_number").fill("410202199001010018")
    page.locator("#id_f-phone").fill("13812345678")
    page.get_by_label("设立登记").check()
    page.locator("#id_f-business_place").fill("开封市鼓楼区书店街18号")
    page.locator("#id_f-business_scope").fill("小吃服务；预包装食品销售")
    page.get_by_label("本人（本单位）承诺", exact=False).check()
    inputs = page.locator("#materials input[type=file]")
    for i in range(inputs.count()):
        inputs.nth(i).set_input_files(
            {"name": f"扫描件{i + 1}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.get_by_label("已核验纸质材料原件").check()
    shot("window-02-filled")
    page.get_by_role("button", name="收件并受理").click()

    expect(page.locator(".alert-success")).to_contain_text("收件成功")
    expect(page.locator(".fs-5 [data-state]")).to_have_text("审查中")  # 收件即受理: accepted on the spot
    expect(page.locator("body")).to_contain_text("受理通知书")
    expect(page.locator("body")).not_to_contain_text("410202199001010018")  # masked on staff pages
    shot("window-03-accepted")
    axe(page)

    case = Case.objects.exclude(pk__in=before).get()
    assert case.channel == "window" and case.state == "in_review"
    assert case.applicant_user.id_number == "410202199001010018"
    assert case.agent.id_number == proxy_id
    assert all(m.originals_checked for m in case.materials.all())
