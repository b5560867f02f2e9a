"""免证可办 pages: the application page offers the applicant's licences in place of an upload, the reviewer sees
the verified face (and a revocation), the staff page lists the licence a case produced."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.tests.factories import make_world
from tongban.cases.tests.licensing import issued_license, licence_material, reusing_item, verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _apply_url(version):
    return reverse("cases:apply", args=[version.implementation.code])


def test_the_application_page_offers_the_applicants_licence_and_submits_with_it(client, world):
    lic = issued_license(world)
    version = reusing_item(world)
    material = licence_material(version)
    client.force_login(world.citizen)
    page = client.get(_apply_url(version)).content.decode()
    assert f'id="license-choice-{material.pk}"' in page and lic.identifier in page
    response = client.post(
        _apply_url(version), {"action": "submit", f"license-{material.pk}": lic.identifier}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get(created_by=world.citizen, version=version)
    assert case.state == CaseState.SUBMITTED
    assert case.materials.get(material=material, is_current=True).license_identifier == lic.identifier


def test_another_person_is_offered_no_licence_of_the_citizen(client, world):
    lic = issued_license(world)
    version = reusing_item(world)
    client.force_login(verified(world.citizen2))
    page = client.get(_apply_url(version)).content.decode()
    assert lic.identifier not in page and "您暂无可用的该类电子证照" in page
    response = client.post(
        _apply_url(version), {"action": "submit", f"license-{licence_material(version).pk}": lic.identifier}
    )
    assert response.status_code == 422
    assert "所选电子证照不能用于该材料" in response.content.decode()
    case = Case.objects.get(created_by=world.citizen2)
    assert case.state == CaseState.DRAFT and not case.materials.exists()


def _case_with_licence(world):
    lic = issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    services.do_use_license(
        case, actor=world.citizen, material=licence_material(version), license_identifier=lic.identifier
    )
    case = services.do_accept_case(services.do_submit_case(case, actor=world.citizen), actor=world.clerk)
    return lic, case


def test_the_reviewer_sees_the_verified_face_instead_of_a_scan(client, world):
    lic, case = _case_with_licence(world)
    client.force_login(world.reviewer_zj)
    page = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert 'id="used-licenses"' in page and f'data-license="{lic.identifier}"' in page
    assert 'data-signature="valid"' in page and 'data-status="valid"' in page
    assert "开封市鼓楼区书店街1号" in page  # the face, read from the verified payload
    assert "证照已撤销" not in page


def test_a_licence_revoked_before_the_decision_shows_as_revoked_to_the_reviewer(client, world):
    from tongban.licenses.services import do_revoke_license

    lic, case = _case_with_licence(world)
    do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="《行政许可法》第六十九条"
    )
    client.force_login(world.reviewer_zj)
    page = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert "data-license-revoked" in page and "证照已撤销" in page
    assert 'data-status="revoked"' in page


def test_the_staff_page_links_the_licence_the_case_produced(client, world):
    lic = issued_license(world)
    client.force_login(world.reviewer)
    page = client.get(reverse("cases:staff_case", args=[lic.source_case.number])).content.decode()
    assert 'id="produced-licenses"' in page and lic.identifier in page
    assert f"/licenses/{lic.identifier}/" in page


def test_the_window_takes_the_licence_of_the_verified_applicant_present(client, world):
    lic = issued_license(world)
    version = reusing_item(world)
    material = licence_material(version)
    client.force_login(world.clerk)
    page = client.get(reverse("cases:window_intake"), {"code": version.implementation.code}).content.decode()
    assert f'name="license-{material.pk}"' in page
    response = client.post(
        reverse("cases:window_intake"),
        {
            "code": version.implementation.code,
            "id_number": world.citizen.id_number,
            "name": world.citizen.real_name,
            "phone": "13812345678",
            f"license-{material.pk}": lic.identifier,
            "idempotency_key": "w-licence",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get(version=version)
    assert case.materials.get(material=material, is_current=True).license_identifier == lic.identifier
