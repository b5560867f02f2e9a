"""Applying: drafts, materials, submission, enterprises and proxies."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState, NoticeKind
from tongban.cases.models import Case, Notice
from tongban.cases.tests.factories import (
    World,
    make_item,
    pdf,
    submitted_case,
    upload_required,
)
from tongban.cases.tests.helpers import actions, refused


def test_a_draft_has_no_number_until_it_is_submitted(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version, form_data={"a": 1})
    assert case.state == CaseState.DRAFT and case.number is None
    assert case.applicant_user == world.citizen and case.applicant_name == "王秀英"
    upload_required(case, world.citizen)
    case = services.do_submit_case(case, actor=world.citizen)
    assert case.state == CaseState.SUBMITTED
    assert len(case.number) == 20 and case.number[:6] == "410200"
    assert len(case.query_code) == 6 and not set(case.query_code) & set("01OI")
    assert case.acceptance_deadline is not None
    assert Notice.objects.filter(case=case, kind=NoticeKind.RECEIPT).count() == 1
    assert actions(case)[-1] == "case.submitted"


def test_submission_is_refused_while_a_required_material_is_missing(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    error = refused("MATERIALS_MISSING", services.do_submit_case, case, actor=world.citizen)
    assert error.fields["materials"] == ["营业执照"]
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.number is None
    assert "case.submitted" not in actions(case)


def test_submitting_twice_returns_the_same_case_without_a_second_entry(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    again = services.do_submit_case(case, actor=world.citizen)
    assert again.number == case.number
    assert actions(case).count("case.submitted") == 1


def test_one_idempotency_key_creates_one_case(world: World) -> None:
    version = make_item(world.scjg, materials=())
    first = services.do_create_case(actor=world.citizen, version=version, idempotency_key="k-1", submit=True)
    second = services.do_create_case(actor=world.citizen, version=version, idempotency_key="k-1", submit=True)
    assert first.pk == second.pk and second.number == first.number
    assert Case.objects.filter(created_by=world.citizen).count() == 1


def test_an_unpublished_item_cannot_be_applied_for(world: World) -> None:
    refused("ITEM_NOT_AVAILABLE", services.do_create_case, actor=world.citizen, implementation_code="nope")
    assert not Case.objects.exists()


def test_an_enterprise_agent_applies_for_the_enterprise(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(
        actor=world.agent, version=version, enterprise=world.enterprise, submit=True
    )
    assert case.applicant_kind == "enterprise" and case.enterprise == world.enterprise
    assert case.agent == world.agent and case.applicant_name == world.enterprise.name


def test_someone_without_authorisation_cannot_apply_for_an_enterprise(world: World) -> None:
    version = make_item(world.scjg, materials=())
    refused(
        "NOT_AUTHORISED_FOR_APPLICANT",
        services.do_create_case,
        actor=world.citizen2,
        version=version,
        enterprise=world.enterprise,
    )
    assert not Case.objects.exists()


def test_a_proxy_applies_for_a_principal_with_a_recorded_authorisation(world: World) -> None:
    from tongban.accounts.services import do_authorize_agent

    do_authorize_agent(world.citizen2, world.citizen, actor=None, document_note="委托书")
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(
        actor=world.citizen2, version=version, principal=world.citizen, submit=True
    )
    assert case.applicant_user == world.citizen and case.agent == world.citizen2
    assert case.authorization is not None


def test_uploading_again_replaces_the_current_material(world: World) -> None:
    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    material = version.materials.get()
    first = services.do_add_material(case, actor=world.citizen, file=pdf(), material=material)
    second = services.do_add_material(case, actor=world.citizen, file=pdf("新.pdf"), material=material)
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    assert second.sha256 and second.size > 0 and second.content_type == "application/pdf"
    assert second.file.name.startswith(f"cases/{case.public_id}/")


def test_a_material_of_another_item_is_refused(world: World) -> None:
    version = make_item(world.scjg)
    other = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    refused(
        "MATERIAL_NOT_OF_CASE",
        services.do_add_material,
        case,
        actor=world.citizen,
        file=pdf(),
        material=other.materials.get(),
    )
    assert not case.materials.exists()


def test_another_citizen_cannot_touch_a_draft(world: World) -> None:
    version = make_item(world.scjg, materials=())
    case = services.do_create_case(actor=world.citizen, version=version)
    refused("CASE_NOT_FOUND", services.do_submit_case, case, actor=world.citizen2)
    refused("CASE_NOT_FOUND", services.do_update_draft, case, actor=world.citizen2, form_data={"x": 1})
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.form_data == {}
