"""Journey: 并联审批 — two departments countersign (会签) one case in parallel through their own inboxes, then the lead
department's approver decides and the applicant sees the decision.

The enterprise application and its acceptance are set up through the services; the countersigning and the decision
happen in three browser contexts, one per staff member, through the inbox and the case page.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, SCREENSHOTS
from tongban.accounts.choices import Role
from tongban.accounts.models import Enterprise, User
from tongban.accounts.testing import make_staff
from tongban.cases import services
from tongban.catalog.queries import get_published_implementation
from tongban.organizations.models import Department

ITEM = "11410200122046031H3000119002000"  # 商品房预售许可（住建局牵头，自然资源和规划局、住建局会签）
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _accepted_case():
    agent = User.objects.get(username="agent")
    enterprise = Enterprise.objects.get(name="开封市汴梁食品有限公司")
    version = get_published_implementation(ITEM).current_version
    case = services.do_create_case(
        actor=agent,
        version=version,
        enterprise=enterprise,
        form_data={
            "enterprise_name": enterprise.name,
            "credit_code": enterprise.credit_code,
            "legal_representative": enterprise.legal_representative or "赵敏",
            "contact_name": agent.real_name,
            "contact_phone": agent.phone,
            "project_name": "汴梁花园二期",
            "buildings": "3号楼、5号楼",
            "presale_area": 18600.5,
            "units": 168,
            "investment_ratio": 38,
            "delivery_date": "2027-12-31",
            "escrow_bank": "中国银行开封分行",
            "agree": True,
        },
    )
    for material in version.materials.filter(necessity="1", exempt_if_shared=False):
        services.do_add_material(
            case, actor=agent, file=SimpleUploadedFile(f"{material.name[:20]}.pdf", PDF), material=material
        )
    case = services.do_submit_case(case, actor=agent)
    return services.do_accept_case(case, actor=User.objects.get(username="clerk"))


def _staff_page(new_context, base: str, username: str, axe) -> Page:
    page = new_context().new_page()
    page.goto(f"{base}/accounts/login/")
    axe(page)
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#main button[type=submit]")
    expect(page.locator("#id_password")).to_have_count(0)
    axe(page)
    return page


def _snap(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_two_departments_countersign_in_parallel_then_the_lead_decides(
    page: Page, new_context, live_server, demo_city, login, shot, axe
) -> None:
    base = live_server.url
    zrzy = Department.objects.get(name="开封市自然资源和规划局")
    make_staff("reviewer_zrzy", Role.REVIEWER, department=zrzy, real_name="周明")
    case = _accepted_case()
    number = case.number
    assert case.tasks.filter(step="dept_review", state="open").count() == 2

    # Both departments see their own task in their inbox at the same time.
    reviewers = {name: _staff_page(new_context, base, name, axe) for name in ("reviewer_zrzy", "reviewer_zj")}
    for staff in reviewers.values():
        staff.goto(f"{base}/cases/inbox/")
        row = staff.locator("#tasks tr", has_text=number)
        expect(row).to_have_count(1)
        axe(staff)
        row.get_by_role("button", name="签收").click()
        expect(staff.locator(".alert-success")).to_contain_text("已签收")
        axe(staff)
    _snap(reviewers["reviewer_zj"], "countersign-01-both-claimed")

    # The case page lists both parallel tasks; each reviewer approves with an opinion.
    task_list = reviewers["reviewer_zj"].locator("#task-list")
    expect(task_list).to_contain_text("开封市自然资源和规划局")
    expect(task_list).to_contain_text("开封市住房和城乡建设局")
    opinions = {"reviewer_zrzy": "用地和规划条件符合要求。", "reviewer_zj": "工程进度达到预售条件。"}
    for name, staff in reviewers.items():
        staff.get_by_label("同意", exact=True).check()
        staff.get_by_label("办理意见").fill(opinions[name])
        staff.get_by_role("button", name="提交办理意见").click()
        expect(staff.locator(".alert-success")).to_contain_text("已办理")
        axe(staff)
    _snap(reviewers["reviewer_zrzy"], "countersign-02-both-approved")

    # The lead department's approver decides.
    approver = _staff_page(new_context, base, "approver_zj", axe)
    approver.goto(f"{base}/cases/inbox/")
    row = approver.locator("#tasks tr", has_text=number)
    expect(row).to_have_count(1)
    axe(approver)
    row.get_by_role("button", name="签收").click()
    expect(approver.locator("#task-list")).to_contain_text("用地和规划条件符合要求。")
    axe(approver)
    approver.get_by_label("同意", exact=True).check()
    approver.get_by_label("办理意见").fill("准予商品房预售许可。")
    approver.get_by_role("button", name="提交办理意见").click()
    expect(approver.locator(".fs-5 [data-state]")).to_have_text("已决定")
    axe(approver)
    _snap(approver, "countersign-03-decided")

    # The city supervisor sees the case in the supervision list.
    supervisor = _staff_page(new_context, base, "supervisor", axe)
    supervisor.goto(f"{base}/cases/supervision/")
    expect(supervisor.locator("#supervised-cases")).to_contain_text(number)
    axe(supervisor)
    _snap(supervisor, "countersign-04-supervision")

    # The enterprise agent sees the decision on the case page.
    login("agent")
    page.goto(f"{base}/cases/{number}/")
    expect(page.locator(".fs-5 [data-state]")).to_have_text("已决定")
    expect(page.locator("#notices")).to_contain_text("审批决定书")
    expect(page.locator("#timeline")).to_contain_text("审批决定")
    shot("countersign-05-applicant-sees-decision")
    axe(page)
