"""Journey (免证可办, issue 9 §4): a citizen who holds an electronic licence applies for an item whose required
material that licence replaces, picks the licence instead of uploading a copy and submits; the reviewer opens the
case and sees the verified licence face instead of a scan — and, once the licence is revoked, "证照已撤销".

The licence is issued the real way (an approved case of an item that produces it); the cast is the case tests'.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tongban.cases import services
from tongban.cases.models import Case
from tongban.cases.tests.factories import make_world
from tongban.cases.tests.licensing import issued_license, licence_material, reusing_item


def test_citizen_uses_a_licence_instead_of_a_copy_and_the_reviewer_sees_its_face(
    page: Page, live_server, transactional_db, login, shot, axe
) -> None:
    base = live_server.url
    world = make_world()
    lic = issued_license(world)
    version = reusing_item(world)
    material = licence_material(version)

    login("t_citizen")
    page.goto(f"{base}/cases/apply/{version.implementation.code}/")
    expect(page.locator(f"#license-choice-{material.pk}")).to_contain_text("食品经营许可证（测试）")
    axe(page)
    page.get_by_label(lic.identifier).check()
    shot("licence-reuse-apply")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(lambda url: "/cases/submitted/" in url)
    axe(page)
    shot("licence-reuse-submitted")
    case = Case.objects.get(created_by=world.citizen, version=version)
    row = case.materials.get(material=material, is_current=True)
    assert row.license_identifier == lic.identifier and not row.file

    # The window accepts; the reviewer of the department opens the case and sees the face, not a scan.
    services.do_accept_case(case, actor=world.clerk)
    page.context.clear_cookies()
    login("t_reviewer_zj")
    page.goto(f"{base}/cases/staff/{case.number}/")
    used = page.locator(f'#used-licenses [data-license="{lic.identifier}"]')
    expect(used).to_contain_text("食品经营许可证（测试）")
    expect(used).to_contain_text("开封市鼓楼区书店街1号")  # a face field, from the verified licence
    expect(used.locator('[data-signature="valid"]')).to_be_visible()
    expect(used.locator('[data-status="valid"]')).to_be_visible()
    axe(page)
    shot("licence-reuse-reviewer")

    # The issuing department revokes the licence before the decision: the reviewer sees it at once.
    from tongban.licenses.services import do_revoke_license

    do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="《行政许可法》第六十九条"
    )
    page.reload()
    expect(used.locator("[data-license-revoked]")).to_contain_text("证照已撤销")
    axe(page)
    shot("licence-reuse-reviewer-revoked")
