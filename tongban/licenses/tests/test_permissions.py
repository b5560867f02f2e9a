"""Who sees and acts on which licence (ADR 0013 "Roles"): holders, agents, the issuing department, anonymous."""

from __future__ import annotations

import pytest

from tongban.accounts.choices import Role
from tongban.accounts.services import do_revoke_agent_authorization
from tongban.accounts.testing import make_enterprise, make_enterprise_agent, make_staff
from tongban.cases.tests.factories import at
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.core.validators import make_credit_code
from tongban.licenses import access, queries, services
from tongban.licenses.models import License, LicenseUse, Presentation
from tongban.licenses.tests.factories import issue_license, verify
from tongban.licenses.tests.test_api import Api

pytestmark = pytest.mark.django_db

NOW = at("2026-03-02 10:00")


@pytest.fixture
def lic(world, license_type):  # type: ignore[no-untyped-def]
    verify(world.citizen)
    return issue_license(world, license_type, now=NOW)


@pytest.fixture
def enterprise_lic(world, license_type):  # type: ignore[no-untyped-def]
    verify(world.agent)
    return issue_license(world, license_type, applicant=world.agent, on_behalf_of_enterprise=True, now=NOW)


def _not_found(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        call()
    assert (caught.value.code, caught.value.status) == ("LICENSE_NOT_FOUND", 404)


def test_the_holder_sees_only_their_own(world, lic) -> None:  # type: ignore[no-untyped-def]
    other = verify(world.citizen2)
    assert list(queries.fetch_wallet(world.citizen)) == [lic]
    assert list(queries.fetch_wallet(other)) == []
    _not_found(lambda: access.access_license_by_identifier(other, lic.identifier))
    assert Api(other).get(f"/{lic.identifier}").status_code == 404
    assert Api(other).get(f"/{lic.identifier}/pdf").status_code == 404
    assert Api(other).get(f"/{lic.identifier}/uses").status_code == 404


def test_missing_and_forbidden_look_the_same(world, lic) -> None:  # type: ignore[no-untyped-def]
    other = verify(world.citizen2)
    forbidden = Api(other).get(f"/{lic.identifier}")
    missing = Api(other).get(f"/{lic.identifier[:-1]}X")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()


def test_an_unverified_account_sees_nothing(world, license_type) -> None:  # type: ignore[no-untyped-def]
    lic = issue_license(world, license_type, now=NOW)  # the citizen is not verified
    assert not world.citizen.identity_verified
    assert list(queries.fetch_wallet(world.citizen)) == []
    _not_found(lambda: access.access_license_by_identifier(world.citizen, lic.identifier))
    _not_found(lambda: services.do_present_license(lic, actor=world.citizen))
    assert not Presentation.objects.exists()


def test_an_agent_sees_only_their_enterprises_licences(world, lic, enterprise_lic) -> None:  # type: ignore[no-untyped-def]
    assert list(queries.fetch_wallet(world.agent)) == [enterprise_lic]
    assert enterprise_lic not in queries.fetch_wallet(world.citizen)
    other_enterprise = make_enterprise("开封市另一家公司", make_credit_code("91410200MA9TEQ015"))
    stranger = verify(make_enterprise_agent("t_agent_other", "钱七", enterprise=other_enterprise))
    assert list(queries.fetch_wallet(stranger)) == []
    _not_found(lambda: access.access_license_by_identifier(stranger, enterprise_lic.identifier))
    assert Api(stranger).get("").json() == []


def test_an_agent_whose_authorisation_is_revoked_loses_the_licences(world, enterprise_lic) -> None:  # type: ignore[no-untyped-def]
    authorization = world.agent.authorizations.get(enterprise=world.enterprise)
    do_revoke_agent_authorization(authorization, actor=None)
    assert list(queries.fetch_wallet(world.agent)) == []
    _not_found(lambda: services.do_present_license(enterprise_lic, actor=world.agent))


def test_only_the_issuing_departments_approver_may_revoke(world, lic) -> None:  # type: ignore[no-untyped-def]
    other_department, holder = Api(world.approver_ga), Api(world.citizen)  # issuing tokens is recorded too
    entries = LedgerEntry.objects.count()
    for actor in (world.approver_ga, world.reviewer, world.clerk, world.citizen, world.supervisor):
        _not_found(
            lambda actor=actor: services.do_revoke_license(lic, actor=actor, reason="r", legal_basis="b")
        )
        _not_found(lambda actor=actor: services.do_suspend_license(lic, actor=actor, reason="r"))
        _not_found(
            lambda actor=actor: services.do_correct_license(lic, actor=actor, face=lic.face, reason="r")
        )
    response = other_department.post(f"/{lic.identifier}/revoke", {"reason": "r", "legal_basis": "b"})
    assert response.status_code == 404 and response.json()["code"] == "LICENSE_NOT_FOUND"
    assert holder.post(f"/{lic.identifier}/revoke", {"reason": "r", "legal_basis": "b"}).status_code == 404
    assert License.objects.get(pk=lic.pk).state == "valid" and License.objects.count() == 1
    assert LedgerEntry.objects.count() == entries


def test_a_county_approver_of_another_department_cannot_suspend(world, lic) -> None:  # type: ignore[no-untyped-def]
    county = make_staff("t_approver_xf", Role.APPROVER, department=world.xf_scjg)
    _not_found(lambda: services.do_suspend_license(lic, actor=county, reason="r"))
    assert License.objects.get(pk=lic.pk).state == "valid"


def test_staff_cannot_present_or_authorise_use(world, lic) -> None:  # type: ignore[no-untyped-def]
    _not_found(lambda: services.do_present_license(lic, actor=world.approver))
    _not_found(
        lambda: services.do_authorise_license_use(
            lic, lic.source_case, actor=world.approver, material_name="x"
        )
    )
    assert not Presentation.objects.exists() and not LicenseUse.objects.exists()


def test_a_suspended_licence_cannot_be_authorised_for_use(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_suspend_license(lic, actor=world.approver, reason="调查")
    with pytest.raises(DomainError) as caught:
        services.do_authorise_license_use(lic, lic.source_case, actor=world.citizen, material_name="许可证")
    assert caught.value.code == "LICENSE_NOT_USABLE"
    assert not LicenseUse.objects.exists()


def test_authorising_a_use_twice_records_it_once(world, lic) -> None:  # type: ignore[no-untyped-def]
    first = services.do_authorise_license_use(
        lic, lic.source_case, actor=world.citizen, material_name="许可证"
    )
    again = services.do_authorise_license_use(
        lic, lic.source_case, actor=world.citizen, material_name="许可证"
    )
    assert first == again and LicenseUse.objects.count() == 1
    assert LedgerEntry.objects.filter(action="license.use_authorised").count() == 1


def test_anonymous_gets_401_except_for_jwks_and_verify(db, lic) -> None:  # type: ignore[no-untyped-def]
    anonymous = Api()
    assert anonymous.get("").status_code == 401
    assert anonymous.get(f"/{lic.identifier}").status_code == 401
    assert anonymous.get(f"/{lic.identifier}/pdf").status_code == 401
    assert anonymous.post(f"/{lic.identifier}/present").status_code == 401
    assert anonymous.post(f"/{lic.identifier}/revoke", {"reason": "r", "legal_basis": "b"}).status_code == 401
    assert anonymous.get("/jwks.json").status_code == 200
    assert anonymous.get("/verify", payload=lic.payload).status_code == 200
    assert License.objects.get(pk=lic.pk).state == "valid"


def test_reusable_licences_are_the_holders_valid_ones_of_the_types(world, license_type, lic) -> None:  # type: ignore[no-untyped-def]
    assert queries.fetch_reusable_licenses(world.citizen, [license_type.code]) == [lic]
    assert queries.fetch_reusable_licenses(world.citizen, ["91410200MA9TEQ007A001"]) == []
    assert queries.fetch_reusable_licenses(verify(world.citizen2), [license_type.code]) == []
    services.do_suspend_license(lic, actor=world.approver, reason="调查")
    assert queries.fetch_reusable_licenses(world.citizen, [license_type.code]) == []


def test_reusable_enterprise_licences_need_the_enterprise(world, license_type, enterprise_lic) -> None:  # type: ignore[no-untyped-def]
    assert queries.fetch_reusable_licenses(world.agent, [license_type.code]) == []
    assert queries.fetch_reusable_licenses(world.agent, [license_type.code], enterprise=world.enterprise) == [
        enterprise_lic
    ]
