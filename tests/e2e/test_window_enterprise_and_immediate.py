"""Journey: at the 市民之家 window a clerk takes in a hotel company's application through its 经办人 (the enterprise,
not the person present, is the applicant and every notice is addressed to it), then takes in a 即办件 for a citizen,
decides it on the spot and hands the result out the same visit after sending the pickup code.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from playwright.sync_api import Page, expect

from tongban.accounts.testing import make_id_number
from tongban.cases.demo import demo_form_data
from tongban.cases.formschema import parse_fields
from tongban.cases.models import Case
from tongban.catalog.models import Implementation
from tongban.core.validators import make_credit_code

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _implementation(item: str, department: str) -> Any:
    return Implementation.objects.select_related("current_version").get(
        item__name=item, department__name=department, current_version__isnull=False
    )


def _fill_application(page: Page, version: Any, person: Any, enterprise: Any = None) -> None:
    """Fill the schema part of the window form with plausible values, as a clerk copies them from paper."""
    data = demo_form_data(version, person, enterprise)
    for name, spec in parse_fields(version.form_schema or {}).items():
        if name not in data:
            continue
        value = data[name]
        if spec.enum and page.locator(f"select#id_f-{name}").count():
            page.locator(f"#id_f-{name}").select_option(value=str(value))
        elif spec.enum:
            page.locator(f"input[name='f-{name}'][value='{value}']").check()
        elif spec.type == "boolean":
            page.locator(f"#id_f-{name}").check()
        elif page.locator(f"#id_f-{name}").is_visible():
            page.locator(f"#id_f-{name}").fill(str(value))


def _scans(page: Page) -> None:
    inputs = page.locator("#materials input[type=file]")
    for i in range(inputs.count()):
        inputs.nth(i).set_input_files(
            {"name": f"扫描件{i + 1}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )


def test_a_clerk_takes_in_an_enterprise_application_and_decides_an_immediate_one_on_the_spot(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    base = live_server.url
    login("clerk")

    # 1. 旅馆业特种行业许可 is for organisations: the form asks for the company first, the person is its 经办人.
    hotel = _implementation("旅馆业特种行业许可证核发", "开封市公安局")
    page.goto(f"{base}/cases/window/?code={hotel.code}")
    expect(page.locator("#enterprise-fields")).to_contain_text("申请人是单位")
    expect(page.locator("#window-form")).to_contain_text("经办人身份核验")
    expect(page.locator("#proxy-fields")).to_have_count(0)
    agent_id = make_id_number("e2e-hotel-agent")
    page.get_by_label("办事人居民身份证号码").fill(agent_id)
    page.get_by_label("办事人姓名").fill("钱志远")
    page.get_by_label("联系电话").first.fill("13603781234")
    # A mistyped credit code is refused and nothing typed is lost.
    page.get_by_label("申请单位统一社会信用代码").fill("91410202MA9TEQ0355")
    page.get_by_label("申请单位名称").fill("开封市汴水宾馆有限公司")
    page.get_by_label("单位授权委托书说明").fill("法定代表人签署的授权委托书原件已核验")
    code = make_credit_code("91410202MA9TEQ036")
    company = SimpleNamespace(credit_code=code, name="开封市汴水宾馆有限公司", legal_representative="钱志远")
    _fill_application(page, hotel.current_version, None, company)
    _scans(page)
    page.get_by_label("已核验纸质材料原件").check()
    page.get_by_role("button", name="收件", exact=True).click()
    expect(page.locator("#window-form")).to_contain_text("统一社会信用代码不正确")
    expect(page.get_by_label("申请单位名称")).to_have_value("开封市汴水宾馆有限公司")
    shot("window-enterprise-01-code-refused")
    axe(page)

    page.get_by_label("申请单位统一社会信用代码").fill(code)
    _scans(page)  # files are chosen again after a refusal
    page.get_by_role("button", name="收件", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("收件成功")
    expect(page.locator("body")).to_contain_text("开封市汴水宾馆有限公司")
    expect(page.locator("#timeline")).to_contain_text("窗口收件")
    expect(page.locator("#timeline")).to_contain_text("刘芳")
    shot("window-enterprise-02-taken-in")
    axe(page)
    case = Case.objects.get(enterprise__credit_code=code)
    assert case.applicant_kind == "enterprise" and case.applicant_user is None
    assert case.agent.id_number == agent_id and case.authorization.enterprise == case.enterprise
    assert {n.content["applicant"] for n in case.notices.all()} == {"开封市汴水宾馆有限公司"}

    # 2. 个体工商户登记 is a 即办件 (承诺时限 0, 收件即受理): decided on the spot by the window.
    shop = _implementation("个体工商户登记", "开封市市场监督管理局")
    page.goto(f"{base}/cases/window/?code={shop.code}")
    expect(page.locator("#enterprise-fields")).to_have_count(0)  # only for natural persons
    citizen_id = make_id_number("e2e-shop-owner")
    page.get_by_label("办事人居民身份证号码").fill(citizen_id)
    page.get_by_label("办事人姓名").fill("孟凡英")
    page.get_by_label("联系电话").first.fill("13783780011")

    person = SimpleNamespace(pk=0, real_name="孟凡英", id_number=citizen_id, phone="13783780011")
    _fill_application(page, shop.current_version, person)
    _scans(page)
    page.get_by_label("已核验纸质材料原件").check()
    page.get_by_role("button", name="收件并受理").click()
    expect(page.locator(".alert-success")).to_contain_text("收件成功")
    expect(page.locator("#on-the-spot")).to_contain_text("即办件")
    shot("window-immediate-01-accepted")
    axe(page)
    page.get_by_label("当场决定意见（可选）").fill("材料齐全，当场核准登记。")
    page.get_by_role("button", name="当场作出准予决定").click()
    expect(page.locator(".alert-success")).to_contain_text("当场作出准予决定")
    expect(page.locator(".fs-5 [data-state]")).to_have_text("已决定")
    number = page.locator("#case-number").inner_text().strip()
    case = Case.objects.get(number=number)
    assert case.decision.decided_by.username == "clerk" and case.time_limit_days == 0
    assert case.pickup_code_sent_at is None  # no choice made yet: no pickup code went out

    # 3. The applicant is still at the window: the clerk sends the pickup code, the applicant reads it out.
    page.goto(f"{base}/cases/window/pickup/")
    axe(page)
    page.get_by_label("办件编号").fill(number)
    page.get_by_role("button", name="向申请人发送取件码").click()
    expect(page.locator(".alert-success")).to_contain_text("取件码已发送")
    case.refresh_from_db()
    page.get_by_label("办件编号").fill(number)
    page.get_by_label("取件码").fill(case.pickup_code)
    page.get_by_role("button", name="出件").click()
    expect(page.locator(".alert-success")).to_contain_text("已出件")
    shot("window-immediate-02-handed-out")
    axe(page)
    case.refresh_from_db()
    assert case.state == "closed" and case.delivery_mode == "window"


def test_a_window_case_never_shows_up_in_an_unverified_account_that_typed_the_number(
    page: Page, live_server, demo_city, login, shot, axe
) -> None:
    """李建国's account (citizen2) was registered online without a real-name check. Someone at the window gives the
    same ID number: the case is filed under the person present, and citizen2 never sees it; the person present
    follows it with the number and query code from the receipt."""
    from tongban.accounts.models import User

    base = live_server.url
    unverified = User.objects.get(username="citizen2")
    assert not unverified.identity_verified
    shop = _implementation("个体工商户登记", "开封市市场监督管理局")
    login("clerk")
    page.goto(f"{base}/cases/window/?code={shop.code}")
    page.get_by_label("办事人居民身份证号码").fill(unverified.id_number)
    page.get_by_label("办事人姓名").fill("李建国")
    page.get_by_label("联系电话").first.fill("13783780022")
    person = SimpleNamespace(pk=0, real_name="李建国", id_number=unverified.id_number, phone="13783780022")
    _fill_application(page, shop.current_version, person)
    _scans(page)
    page.get_by_label("已核验纸质材料原件").check()
    page.get_by_role("button", name="收件并受理").click()
    expect(page.locator(".alert-success")).to_contain_text("收件成功")
    expect(page.locator("body")).to_contain_text("本办件不在任何网上账号中显示")
    shot("window-identity-01-not-linked")
    axe(page)
    number = page.locator("#case-number").inner_text().strip()
    case = Case.objects.get(number=number)
    assert case.applicant_user is None and case.applicant_id_number == unverified.id_number

    page.context.clear_cookies()
    login("citizen2")
    page.goto(f"{base}/cases/my/")
    expect(page.locator("main")).not_to_contain_text(number)
    axe(page)
    page.context.clear_cookies()
    page.goto(f"{base}/cases/progress/")
    page.get_by_label("办件编号").fill(number)
    page.get_by_label("查询码").fill(case.query_code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#progress-result")).to_contain_text("个体工商户登记")
    shot("window-identity-02-found-by-number")
    axe(page)
