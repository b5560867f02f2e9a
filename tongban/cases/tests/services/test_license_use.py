"""Electronic licences in cases (issue 9): issued in the decision's transaction, reused instead of an upload."""

from __future__ import annotations

import pytest

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseMaterial, Decision
from tongban.cases.tests.factories import World, open_task, pdf
from tongban.cases.tests.helpers import actions, refused
from tongban.cases.tests.licensing import (
    define_type,
    issued_license,
    issuing_item,
    licence_material,
    reusing_item,
    verified,
    walk_to_decision,
)
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


def _uses() -> int:
    from tongban.licenses.models import LicenseUse

    return LicenseUse.objects.count()


# --- issuance ------------------------------------------------------------------------------------------------------


def test_an_approval_issues_the_licence_of_the_item_in_the_decision(world: World) -> None:
    lic = issued_license(world)
    case = lic.source_case
    assert case.decided_at is not None and Decision.objects.get(case=case).approve
    assert lic.holder_id_number == world.citizen.id_number
    assert lic.face == {"holder": world.citizen.real_name, "shop": "开封市鼓楼区书店街1号"}
    assert lic.payload


def test_a_licence_that_cannot_be_issued_rolls_the_decision_back(world: World) -> None:
    define_type()
    version = issuing_item(world)
    # No 经营场所 in the form: the face misses a required field of the type's schema.
    case = services.do_create_case(actor=world.citizen, version=version, form_data={})
    case = services.do_accept_case(services.do_submit_case(case, actor=world.citizen), actor=world.clerk)
    with pytest.raises(DomainError) as refusal:
        walk_to_decision(world, case)
    assert refusal.value.code == "LICENSE_FACE_INVALID"
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and case.decided_at is None
    assert "case.decided" not in actions(case)
    assert not Decision.objects.filter(case=case).exists()
    from tongban.licenses.models import License

    assert not License.objects.filter(source_case=case).exists()


def test_a_refusal_issues_no_licence(world: World) -> None:
    define_type()
    version = issuing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version, form_data={"shop": "书店街"})
    case = services.do_accept_case(services.do_submit_case(case, actor=world.citizen), actor=world.clerk)
    for step, actor in (("review", world.reviewer), ("audit", world.approver)):
        services.do_complete_task(open_task(case, step), actor=actor, outcome="approve", opinion="同意")
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver2, outcome="reject", opinion="不符合"
    )
    from tongban.licenses.models import License

    assert Decision.objects.filter(case=case, approve=False).exists()
    assert not License.objects.filter(source_case=case).exists()


def test_electronic_delivery_names_the_licence(world: World) -> None:
    from tongban.catalog.models import ItemVersion
    from tongban.licenses.queries import fetch_licenses_for_case

    define_type()
    version = issuing_item(world)
    ItemVersion.objects.filter(pk=version.pk).update(delivery_modes=["electronic", "window"])
    version.refresh_from_db()
    case = services.do_create_case(
        actor=world.citizen, version=version, form_data={"shop": "书店街"}, delivery_mode="electronic"
    )
    case = services.do_accept_case(services.do_submit_case(case, actor=world.citizen), actor=world.clerk)
    case = walk_to_decision(world, case)
    assert case.state == CaseState.CLOSED
    identifier = next(iter(fetch_licenses_for_case(case))).identifier
    delivered = LedgerEntry.objects.get(
        object_type="cases.case", object_id=str(case.pk), action="case.delivered"
    )
    assert delivered.data["licenses"] == [identifier]
    assert OutboxMessage.objects.filter(body__contains=identifier).exists()


# --- reuse instead of paper (免证可办) ----------------------------------------------------------------------------


def test_a_licence_satisfies_a_required_material(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    refused("MATERIALS_MISSING", services.do_submit_case, case, actor=world.citizen)
    row = services.do_use_license(
        case, actor=world.citizen, material=licence_material(version), license_identifier=lic.identifier
    )
    assert row.license_identifier == lic.identifier and not row.file
    case = services.do_submit_case(case, actor=world.citizen)
    assert case.state == CaseState.SUBMITTED
    assert "case.license_used" in actions(case)
    from tongban.licenses.models import LicenseUse

    use = LicenseUse.objects.get(case=case)
    assert (use.license_id, use.department_id, use.authorised_by_id) == (
        lic.pk,
        world.zj.pk,
        world.citizen.pk,
    )
    assert use.material_name == "食品经营许可证"


def test_a_licence_replaces_an_upload_and_an_upload_replaces_it(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    material = licence_material(version)
    case = services.do_create_case(actor=world.citizen, version=version)
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=material)
    services.do_use_license(case, actor=world.citizen, material=material, license_identifier=lic.identifier)
    current = CaseMaterial.objects.get(case=case, material=material, is_current=True)
    assert current.license_identifier == lic.identifier
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=material)
    current = CaseMaterial.objects.get(case=case, material=material, is_current=True)
    assert current.license_identifier == "" and current.file


def _refused_without_trace(world: World, case: Case, code: str, **kwargs: object) -> None:
    rows, uses, entries = CaseMaterial.objects.count(), _uses(), LedgerEntry.objects.count()
    refused(code, services.do_use_license, case, **kwargs)
    assert (CaseMaterial.objects.count(), _uses(), LedgerEntry.objects.count()) == (rows, uses, entries)


def test_another_persons_licence_is_refused_and_nothing_is_written(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=verified(world.citizen2), version=version)
    _refused_without_trace(
        world,
        case,
        "LICENSE_NOT_REUSABLE",
        actor=world.citizen2,
        material=licence_material(version),
        license_identifier=lic.identifier,
    )


def test_a_revoked_licence_is_refused(world: World) -> None:
    from tongban.licenses.services import do_revoke_license

    lic = issued_license(world)
    do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="《行政许可法》第六十九条"
    )
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused_without_trace(
        world,
        case,
        "LICENSE_NOT_REUSABLE",
        actor=world.citizen,
        material=licence_material(version),
        license_identifier=lic.identifier,
    )


def test_an_unknown_identifier_is_refused(world: World) -> None:
    issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused_without_trace(
        world,
        case,
        "LICENSE_NOT_REUSABLE",
        actor=world.citizen,
        material=licence_material(version),
        license_identifier="1.2.156.3005.2.nothing",
    )


def test_a_material_no_licence_replaces_refuses_one(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    _refused_without_trace(
        world,
        case,
        "LICENSE_NOT_ACCEPTED",
        actor=world.citizen,
        material=version.materials.get(name="场所平面图"),
        license_identifier=lic.identifier,
    )


def test_a_licence_cannot_be_used_after_submission(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    case = services.do_create_case(actor=world.citizen, version=version)
    material = licence_material(version)
    services.do_use_license(case, actor=world.citizen, material=material, license_identifier=lic.identifier)
    case = services.do_submit_case(case, actor=world.citizen)
    refused(
        "CASE_INVALID_STATE",
        services.do_use_license,
        case,
        actor=world.citizen,
        material=material,
        license_identifier=lic.identifier,
    )


def test_the_window_uses_the_licence_of_a_verified_applicant(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    clerk = world.clerk
    case = services.do_window_intake(
        actor=clerk,
        version=version,
        id_number=world.citizen.id_number,
        name=world.citizen.real_name,
        licenses=[(licence_material(version), lic.identifier)],
    )
    assert case.state == CaseState.SUBMITTED
    row = case.materials.get(material=licence_material(version), is_current=True)
    assert row.license_identifier == lic.identifier
    from tongban.licenses.models import LicenseUse

    assert LicenseUse.objects.get(case=case).authorised_by_id == world.citizen.pk


def test_the_window_refuses_a_licence_for_someone_else(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    cases = Case.objects.count()
    other = verified(world.citizen2)
    refused(
        "LICENSE_NOT_REUSABLE",
        services.do_window_intake,
        actor=world.clerk,
        version=version,
        id_number=other.id_number,
        name=other.real_name,
        licenses=[(licence_material(version), lic.identifier)],
    )
    assert Case.objects.count() == cases


def test_the_window_uses_no_licence_for_an_applicant_it_cannot_link(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    cases = Case.objects.count()
    # citizen2's account is not verified: the window case would not be linked to it, nor use licences.
    refused(
        "LICENSE_APPLICANT_UNVERIFIED",
        services.do_window_intake,
        actor=world.clerk,
        version=version,
        id_number=world.citizen2.id_number,
        name=world.citizen2.real_name,
        licenses=[(licence_material(version), lic.identifier)],
    )
    assert Case.objects.count() == cases


def test_a_proxy_cannot_use_the_principals_licence_online(world: World) -> None:
    from tongban.accounts.services import do_authorize_agent

    lic = issued_license(world)
    version = reusing_item(world)
    proxy = verified(world.citizen2)
    do_authorize_agent(proxy, world.citizen, actor=world.citizen, document_note="委托书")
    case = services.do_create_case(actor=proxy, version=version, principal=world.citizen)
    _refused_without_trace(
        world,
        case,
        "LICENSE_APPLICANT_UNVERIFIED",
        actor=proxy,
        material=licence_material(version),
        license_identifier=lic.identifier,
    )
