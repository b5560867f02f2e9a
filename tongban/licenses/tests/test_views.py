"""The licence pages: 证照夹, one licence, 亮证, the PDF, the public verification page and the department's pages.

The permission matrix covers the holder, the agent of the holding enterprise, another citizen, an unverified
account, staff of the issuing and of another department, and an anonymous visitor; every refusal also checks
that nothing changed (no state change, no presentation, no ledger entry).
"""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_citizen, make_staff
from tongban.cases.tests.factories import make_world
from tongban.core.masking import mask_id_number
from tongban.core.models import LedgerEntry
from tongban.licenses import services
from tongban.licenses.choices import LicenseState
from tongban.licenses.models import License, Presentation
from tongban.licenses.tests.factories import DEFINING_AGENCY_CODE, issue_license, make_license_type, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_world()
    verify(world.citizen)
    verify(world.agent)
    return world


@pytest.fixture
def lic(world):
    """王秀英's 食品经营许可证, issued by the city market regulator (市场监管局) for an approved case."""
    return issue_license(world)


@pytest.fixture
def enterprise_lic(world):
    """The enterprise's licence (its agent applied for it)."""
    license_type = make_license_type(
        f"{DEFINING_AGENCY_CODE}033", name="营业执照", holder_category="enterprise"
    )
    return issue_license(world, license_type, applicant=world.agent, on_behalf_of_enterprise=True)


def _detail(lic):
    return reverse("licenses:license_detail", args=[lic.identifier])


def _ledger_count(lic):
    return LedgerEntry.objects.filter(object_type="licenses.license", object_id=str(lic.pk)).count()


# --- the wallet -----------------------------------------------------------------------------------------------------


def test_the_wallet_shows_the_holders_own_licence_with_status_and_validity(client, world, lic):
    client.force_login(world.citizen)
    response = client.get(reverse("licenses:wallet"))
    html = response.content.decode()
    assert response.status_code == 200
    assert lic.identifier in html and "食品经营许可证" in html
    assert 'data-status="valid"' in html
    assert f"{lic.valid_from:%Y-%m-%d}" in html and f"{lic.valid_until:%Y-%m-%d}" in html


def test_the_agent_sees_the_enterprises_licence_under_the_enterprise(client, world, lic, enterprise_lic):
    client.force_login(world.agent)
    html = client.get(reverse("licenses:wallet")).content.decode()
    assert enterprise_lic.identifier in html
    assert f'data-enterprise="{world.enterprise.credit_code}"' in html
    assert lic.identifier not in html  # 王秀英's own licence is not the agent's


def test_another_citizen_and_an_unverified_account_see_an_empty_wallet(client, world, lic):
    other = verify(make_citizen("t_citizen3", "周杰", id_number=None))
    client.force_login(other)
    assert lic.identifier not in client.get(reverse("licenses:wallet")).content.decode()
    # 李建国 holds a licence too, but nobody has confirmed that his account is his.
    his = issue_license(world, lic.type, applicant=world.citizen2)
    client.force_login(world.citizen2)
    html = client.get(reverse("licenses:wallet")).content.decode()
    assert his.identifier not in html
    assert 'id="wallet-unverified"' in html


def test_the_wallet_asks_an_anonymous_visitor_to_sign_in(client, lic):
    response = client.get(reverse("licenses:wallet"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_wallet_shows_derived_statuses(client, world, lic):
    services.do_suspend_license(lic, actor=world.approver, reason="检查整改")
    client.force_login(world.citizen)
    assert 'data-status="suspended"' in client.get(reverse("licenses:wallet")).content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=6 * 366), tick=False):
        services.do_reinstate_license(lic, actor=world.approver, reason="整改完成")
        client.force_login(world.citizen)  # the session of six years ago has ended
        assert 'data-status="expired"' in client.get(reverse("licenses:wallet")).content.decode()


def test_the_wallet_page_has_a_query_baseline(
    client, world, lic, enterprise_lic, django_assert_max_num_queries
):
    client.force_login(world.agent)
    with django_assert_max_num_queries(20):
        client.get(reverse("licenses:wallet"))


# --- one licence --------------------------------------------------------------------------------------------------


def test_the_detail_page_shows_the_face_history_and_uses(client, world, lic):
    client.force_login(world.citizen)
    response = client.get(_detail(lic))
    html = response.content.decode()
    assert response.status_code == 200
    assert "经营场所名称" in html and "汴梁小吃店" in html  # a face field with its schema title
    assert lic.holder_id_number not in html  # the holder's ID number only masked
    assert 'id="license-history"' in html and "颁发电子证照" in html
    assert 'id="uses-empty"' in html
    assert reverse("licenses:license_pdf", args=[lic.identifier]) in html
    assert 'id="present-button"' in html


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("holder", 200),
        ("other_citizen", 404),
        ("approver_other_department", 404),
        ("clerk", 404),
        ("approver", 302),  # sent on to the department's page of the licence
    ],
)
def test_who_may_open_the_licence_page(client, world, lic, who, expected):
    users = {
        "holder": world.citizen,
        "other_citizen": world.citizen2,
        "approver_other_department": world.approver_ga,
        "clerk": world.clerk,
        "approver": world.approver,
    }
    client.force_login(users[who])
    response = client.get(_detail(lic))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"] == reverse("licenses:manage_detail", args=[lic.identifier])


def test_an_unverified_holder_cannot_open_their_licence_yet(client, world, lic):
    his = issue_license(world, lic.type, applicant=world.citizen2)
    client.force_login(world.citizen2)
    assert client.get(_detail(his)).status_code == 404
    verify(world.citizen2)
    assert client.get(_detail(his)).status_code == 200


def test_a_missing_licence_is_the_same_404(client, world, lic):
    client.force_login(world.citizen)
    assert client.get(reverse("licenses:license_detail", args=["1.2.156.3005.2.nothing"])).status_code == 404


def test_the_agent_opens_the_enterprises_licence_and_another_citizen_cannot(client, world, enterprise_lic):
    client.force_login(world.agent)
    assert client.get(_detail(enterprise_lic)).status_code == 200
    client.force_login(world.citizen)
    assert client.get(_detail(enterprise_lic)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_for_every_holder_page(client, lic):
    for name in ("license_detail", "license_pdf"):
        response = client.get(reverse(f"licenses:{name}", args=[lic.identifier]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("licenses:license_present", args=[lic.identifier]))
    assert response.status_code == 302
    assert not Presentation.objects.exists()


# --- 亮证 -------------------------------------------------------------------------------------------------------


def test_presenting_shows_a_qr_of_the_verification_url_with_a_five_minute_expiry(
    client, world, lic, settings
):
    settings.TONGBAN_BASE_URL = "https://zwfw.example.gov.cn"
    client.force_login(world.citizen)
    with time_machine.travel("2026-12-04 10:00:00 +0800", tick=False):
        response = client.post(reverse("licenses:license_present", args=[lic.identifier]))
    html = response.content.decode()
    assert response.status_code == 200
    assert Presentation.objects.filter(license=lic).count() == 1
    assert '<svg role="img"' in html and 'id="presentation-qr"' in html
    assert 'id="presentation-expires"' in html and ">10:05:00<" in html
    assert 'data-tb-countdown="2026-12-04T10:05:00+08:00"' in html and ">5:00<" in html
    assert 'id="present-refresh"' in html


def test_an_htmx_refresh_gets_only_the_presentation_partial(client, world, lic):
    client.force_login(world.citizen)
    response = client.post(reverse("licenses:license_present", args=[lic.identifier]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card mb-3" id="presentation"')
    assert "<html" not in html


def test_a_suspended_licence_cannot_be_presented(client, world, lic):
    services.do_suspend_license(lic, actor=world.approver, reason="检查整改")
    before = _ledger_count(lic)
    client.force_login(world.citizen)
    response = client.post(reverse("licenses:license_present", args=[lic.identifier]))
    assert response.status_code == 409
    assert 'id="present-error"' in response.content.decode()
    assert not Presentation.objects.exists() and _ledger_count(lic) == before


@pytest.mark.parametrize("who", ["other_citizen", "approver"])
def test_only_the_holder_presents(client, world, lic, who):
    client.force_login(world.citizen2 if who == "other_citizen" else world.approver)
    before = _ledger_count(lic)
    response = client.post(reverse("licenses:license_present", args=[lic.identifier]))
    assert response.status_code == 404
    assert not Presentation.objects.exists() and _ledger_count(lic) == before


# --- the PDF -------------------------------------------------------------------------------------------------------


def test_the_pdf_is_rendered_signed_once_and_then_served_from_the_cache(client, world, lic):
    from pyhanko.pdf_utils.reader import PdfFileReader

    client.force_login(world.citizen)
    response = client.get(reverse("licenses:license_pdf", args=[lic.identifier]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{lic.identifier}.pdf"'
    body = response.content
    assert body.startswith(b"%PDF")
    reader = PdfFileReader(BytesIO(body))
    assert len(reader.embedded_signatures) == 1
    lic.refresh_from_db()
    assert lic.pdf
    signed_entries = LedgerEntry.objects.filter(action="signing.pdf_signed").count()
    again = client.get(reverse("licenses:license_pdf", args=[lic.identifier]))
    assert again.content == body
    assert LedgerEntry.objects.filter(action="signing.pdf_signed").count() == signed_entries


def test_the_face_names_the_type_holder_validity_issuer_and_marks_demo_types(world):
    from tongban.licenses import documents

    license_type = make_license_type(
        f"{DEFINING_AGENCY_CODE}034", name="残疾人证", validity_years=None, is_demo=True
    )
    lic = issue_license(world, license_type)
    html = documents.render_face_html(lic)
    assert "残疾人证" in html and "王秀英" in html
    assert mask_id_number(lic.holder_id_number) in html and lic.holder_id_number not in html
    assert "至长期" in html and "开封市市场监督管理局" in html
    assert "演示数据" in html
    assert lic.seal is not None and lic.seal.svg[:40] in html  # the seal picture over the date
    assert "<svg" in html and "扫码核验" in html  # the QR code of the verification URL


def test_another_citizen_cannot_download_the_pdf(client, world, lic):
    client.force_login(world.citizen2)
    assert client.get(reverse("licenses:license_pdf", args=[lic.identifier])).status_code == 404
    lic.refresh_from_db()
    assert not lic.pdf


# --- the public verification page -------------------------------------------------------------------------------


def _verify(client, token):
    return client.get(reverse("verify:verify") + "?p=" + quote(token, safe=""))


def test_an_anonymous_visitor_verifies_a_valid_licence(client, world, lic):
    response = _verify(client, lic.payload)
    html = response.content.decode()
    assert response.status_code == 200
    assert "签名有效，证照有效" in html
    assert 'data-signature="valid"' in html and 'data-status="valid"' in html
    assert "王*英" in html and lic.holder_id_number not in html  # masked holder only
    assert "食品经营许可证" in html and "开封市市场监督管理局" in html and "现行版本" in html
    assert "/api/v1/licenses/jwks.json" in html


def test_a_revoked_licence_reads_signature_valid_licence_revoked(client, world, lic):
    services.do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="行政许可法第六十九条"
    )
    html = _verify(client, lic.payload).content.decode()
    assert "签名有效，证照已撤销" in html
    assert 'data-signature="valid"' in html and 'data-status="revoked"' in html


def test_a_pasted_verification_link_is_read_for_its_token(client, world, lic):
    link = f"https://zwfw.example.gov.cn/verify/?p={quote(lic.payload, safe='')}"
    html = _verify(client, link).content.decode()
    assert "签名有效，证照有效" in html


@pytest.mark.parametrize("garbage", ["garbage", "eyJ.eyJ.AAAA", "a" * 3000, "\u4e2d\u6587", "..", "?p="])
def test_garbage_is_signature_invalid_never_a_500(client, lic, garbage):
    response = _verify(client, garbage)
    assert response.status_code in (200, 422)
    html = response.content.decode()
    assert "签名无效" in html or 'id="error-summary"' in html


def test_an_oversized_paste_is_refused_with_a_4xx(client, lic):
    # Longer than any licence or presentation token (about 0.7 and 1.1 kB): the URL limit answers first.
    assert 400 <= _verify(client, "a" * 5000).status_code < 500


def test_a_tampered_payload_is_signature_invalid(client, lic):
    header, body, signature = lic.payload.split(".")
    tampered = f"{header}.{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}.{signature}"
    html = _verify(client, tampered).content.decode()
    assert 'data-signature="invalid"' in html and "签名无效" in html
    assert "王*英" not in html


def test_an_empty_form_shows_the_error_summary(client):
    response = client.get(reverse("verify:verify") + "?p=")
    assert response.status_code == 422
    assert 'id="error-summary"' in response.content.decode()


def test_a_presentation_shows_its_expiry_and_then_reads_expired(client, world, lic):
    with time_machine.travel("2026-12-04 10:00:00 +0800", tick=False):
        token = services.do_present_license(lic, actor=world.citizen)
        html = _verify(client, token).content.decode()
        assert "签名有效，证照有效" in html and 'id="verify-presentation-expires"' in html
        assert "2026-12-04 10:05:00" in html
    with time_machine.travel("2026-12-04 10:05:01 +0800", tick=False):
        html = _verify(client, token).content.decode()
        assert "展示码已过期" in html
        assert "汴梁小吃店" not in html  # no face once the code has expired


def test_verification_is_rate_limited_per_address(client, lic, settings):
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "verify": "2/m"}
    assert _verify(client, lic.payload).status_code == 200
    assert _verify(client, lic.payload).status_code == 200
    response = _verify(client, lic.payload)
    assert response.status_code == 429
    assert 'id="verify-result"' not in response.content.decode()


def test_a_corrected_licence_says_which_version_is_current(client, world, lic):
    new = services.do_correct_license(
        lic, actor=world.approver, face={**lic.face, "shop_name": "汴梁小吃总店"}, reason="名称有误"
    )
    html = _verify(client, lic.payload).content.decode()
    assert "签名有效，证照已更正" in html and new.identifier in html
    assert "现行版本" in _verify(client, new.payload).content.decode()


# --- the issuing department ---------------------------------------------------------------------------------------


def test_the_department_list_shows_its_licences_and_searches_by_holder(client, world, lic):
    other = issue_license(
        world, make_license_type(f"{DEFINING_AGENCY_CODE}035", name="教师资格证"), applicant=world.citizen2
    )
    client.force_login(world.approver)
    html = client.get(reverse("licenses:manage")).content.decode()
    assert lic.identifier in html and other.identifier in html
    html = client.get(reverse("licenses:manage"), {"q": "王秀英"}).content.decode()
    assert lic.identifier in html and other.identifier not in html
    html = client.get(reverse("licenses:manage"), {"q": other.identifier}).content.decode()
    assert other.identifier in html and lic.identifier not in html


def test_another_departments_approver_does_not_see_the_licences(client, world, lic):
    client.force_login(world.approver_ga)
    response = client.get(reverse("licenses:manage"))
    assert response.status_code == 200 and lic.identifier not in response.content.decode()
    assert client.get(reverse("licenses:manage_detail", args=[lic.identifier])).status_code == 404


@pytest.mark.parametrize("who", ["citizen", "clerk", "anonymous"])
def test_the_department_list_is_not_for_holders_clerks_or_visitors(client, world, lic, who):
    if who != "anonymous":
        client.force_login(world.citizen if who == "citizen" else world.clerk)
    response = client.get(reverse("licenses:manage"))
    assert response.status_code == (302 if who == "anonymous" else 404)


def test_the_department_list_has_a_query_baseline(client, world, lic, django_assert_max_num_queries):
    client.force_login(world.approver)
    with django_assert_max_num_queries(15):
        client.get(reverse("licenses:manage"))


def test_the_approver_suspends_and_reinstates(client, world, lic):
    client.force_login(world.approver)
    url = reverse("licenses:manage_action", args=[lic.identifier, "suspend"])
    response = client.post(url, {"suspend-reason": "抽查不合格，责令整改"})
    assert response.status_code == 302
    lic.refresh_from_db()
    assert lic.state == LicenseState.SUSPENDED
    page = client.get(reverse("licenses:manage_detail", args=[lic.identifier])).content.decode()
    assert "电子证照已暂停" in page and 'id="reinstate"' in page and 'id="suspend"' not in page
    client.post(
        reverse("licenses:manage_action", args=[lic.identifier, "reinstate"]),
        {"reinstate-reason": "整改完成"},
    )
    lic.refresh_from_db()
    assert lic.state == LicenseState.VALID


def test_revoking_without_a_legal_basis_is_refused_with_the_error_summary(client, world, lic):
    client.force_login(world.approver)
    before = _ledger_count(lic)
    response = client.post(
        reverse("licenses:manage_action", args=[lic.identifier, "revoke"]),
        {"revoke-reason": "以欺骗手段取得"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="error-summary"' in html and 'href="#id_revoke-legal_basis"' in html
    lic.refresh_from_db()
    assert lic.state == LicenseState.VALID and _ledger_count(lic) == before


def test_the_approver_revokes_with_reason_and_legal_basis(client, world, lic):
    client.force_login(world.approver)
    response = client.post(
        reverse("licenses:manage_action", args=[lic.identifier, "revoke"]),
        {"revoke-reason": "以欺骗手段取得", "revoke-legal_basis": "《中华人民共和国行政许可法》第六十九条"},
    )
    assert response.status_code == 302
    lic.refresh_from_db()
    assert lic.state == LicenseState.REVOKED and lic.legal_basis.startswith("《中华人民共和国行政许可法》")
    page = client.get(reverse("licenses:manage_detail", args=[lic.identifier])).content.decode()
    assert 'id="no-actions"' in page and "撤销电子证照" in page


def test_an_illegal_transition_is_a_409_with_the_error_summary(client, world, lic):
    services.do_revoke_license(lic, actor=world.approver, reason="撤销", legal_basis="依据")
    client.force_login(world.approver)
    before = _ledger_count(lic)
    response = client.post(
        reverse("licenses:manage_action", args=[lic.identifier, "suspend"]), {"suspend-reason": "再暂停"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-error-code="LICENSE_TRANSITION_NOT_ALLOWED"' in html and "当前状态下不能执行此操作" in html
    lic.refresh_from_db()
    assert lic.state == LicenseState.REVOKED and _ledger_count(lic) == before


def test_the_approver_corrects_a_face_field_and_version_002_is_issued(client, world, lic):
    client.force_login(world.approver)
    data = {f"correct-face_{k}": v for k, v in lic.face.items()}
    data |= {"correct-face_shop_name": "汴梁小吃总店", "correct-reason": "经营场所名称登记有误"}
    response = client.post(reverse("licenses:manage_action", args=[lic.identifier, "correct"]), data)
    assert response.status_code == 302
    new = License.objects.get(supersedes=lic)
    assert response["Location"] == reverse("licenses:manage_detail", args=[new.identifier])
    assert new.version == "002" and new.face["shop_name"] == "汴梁小吃总店"
    lic.refresh_from_db()
    assert lic.state == LicenseState.SUPERSEDED
    # The holder sees both versions, the old one marked as corrected with a link to the current one.
    client.force_login(world.citizen)
    html = client.get(_detail(lic)).content.decode()
    assert 'id="versions"' in html and _detail(new) in html


def test_a_correction_that_breaks_the_face_schema_is_refused_on_the_field(client, world, lic):
    client.force_login(world.approver)
    data = {f"correct-face_{k}": v for k, v in lic.face.items()}
    data |= {"correct-face_shop_name": "", "correct-reason": "清空"}
    response = client.post(reverse("licenses:manage_action", args=[lic.identifier, "correct"]), data)
    assert response.status_code in (400, 422)
    assert 'href="#id_correct-face_shop_name"' in response.content.decode()
    assert not License.objects.filter(supersedes=lic).exists()


@pytest.mark.parametrize("who", ["approver_other_department", "holder", "reviewer"])
def test_only_the_issuing_departments_approver_acts(client, world, lic, who):
    users = {
        "approver_other_department": world.approver_ga,
        "holder": world.citizen,
        "reviewer": world.reviewer,
    }
    client.force_login(users[who])
    before = _ledger_count(lic)
    response = client.post(
        reverse("licenses:manage_action", args=[lic.identifier, "revoke"]),
        {"revoke-reason": "撤销", "revoke-legal_basis": "依据"},
    )
    assert response.status_code == 404
    lic.refresh_from_db()
    assert lic.state == LicenseState.VALID and _ledger_count(lic) == before


def test_an_unknown_action_is_404(client, world, lic):
    client.force_login(world.approver)
    assert (
        client.post(reverse("licenses:manage_action", args=[lic.identifier, "delete"]), {}).status_code == 404
    )


def test_the_workspace_offers_the_licence_tool_to_approvers(client, world):
    client.force_login(world.approver)
    assert reverse("licenses:manage") in client.get(reverse("accounts:workspace")).content.decode()
    county = make_staff("t_county_approver", Role.APPROVER, department=world.xf_scjg)
    client.force_login(county)
    assert reverse("licenses:manage") in client.get(reverse("accounts:workspace")).content.decode()


def test_the_user_menu_links_the_wallet_for_citizens_only(client, world):
    client.force_login(world.citizen)
    assert 'id="user-menu-wallet"' in client.get(reverse("portal:home")).content.decode()
    client.force_login(world.approver)
    assert 'id="user-menu-wallet"' not in client.get(reverse("portal:home")).content.decode()
