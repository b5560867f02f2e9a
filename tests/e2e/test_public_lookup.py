"""Journey: an anonymous visitor looks a case up by its number and query code; a wrong code shows "not found"."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from tests.e2e.conftest import unresolved_references
from tongban.accounts.models import User
from tongban.cases import services
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.queries import get_published_implementation

ITEM = "11410200607356724L3002010008000"  # 无犯罪记录证明开具（开封市公安局）
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _submitted_case():
    citizen = User.objects.get(username="citizen")
    version = get_published_implementation(ITEM).current_version
    case = services.do_create_case(
        actor=citizen,
        version=version,
        form_data={
            "applicant_name": citizen.real_name,
            "id_number": citizen.id_number,
            "phone": citizen.phone,
            "purpose": "job",
            "agent": "no",
            "agree": True,
        },
    )
    for material in version.materials.filter(necessity=MaterialNecessity.REQUIRED):
        services.do_add_material(
            case, actor=citizen, file=SimpleUploadedFile(f"{material.name}.pdf", PDF), material=material
        )
    return services.do_submit_case(case, actor=citizen)


def test_a_visitor_looks_up_progress_and_a_wrong_code_is_not_found(
    page: Page, live_server, demo_city, shot, axe
) -> None:
    case = _submitted_case()

    page.goto(f"{live_server.url}/cases/progress/")
    axe(page)
    # An empty lookup is refused with an error summary; each field's error is where aria-describedby points.
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.title().startswith("错误：")
    assert page.locator("#error-summary a").count() == 2
    assert unresolved_references(page) == []
    axe(page)
    expect(page.locator("h1")).to_contain_text("办件进度查询")
    page.get_by_label("办件编号").fill(case.number)
    page.get_by_label("查询码").fill(case.query_code.lower())
    page.get_by_role("button", name="查询").click()
    result = page.locator("#progress-result")
    expect(result).to_contain_text("无犯罪记录证明开具")
    expect(result).to_contain_text("开封市公安局")
    expect(page.locator("#progress-state")).to_have_text("已申请")
    expect(page.locator("body")).not_to_contain_text(case.applicant_name)  # no personal data
    axe(page)
    shot("public-01-progress-found")

    wrong = "ZZZZZZ" if case.query_code != "ZZZZZZ" else "YYYYYY"
    page.get_by_label("查询码").fill(wrong)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#not-found")).to_contain_text("未找到该办件")
    expect(page.locator("#progress-result")).to_have_count(0)
    axe(page)
    shot("public-02-progress-not-found")

    # 办件公示 lists only items marked public: a 无犯罪记录证明 is personal and never appears, even masked.
    page.goto(f"{live_server.url}/cases/disclosure/")
    expect(page.locator("#disclosure")).to_be_visible()
    expect(page.locator("#disclosure")).not_to_contain_text(case.number)
    expect(page.locator("#disclosure")).not_to_contain_text(case.applicant_name)
    axe(page)
    shot("public-03-disclosure")
