"""Applying: drafts, materials, submission, enterprises and proxies."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def captured_on_commit() -> Iterator[None]:
    """Run the ``on_commit`` callbacks registered inside the block (the test's transaction never commits)."""
    from django.db import connection

    before = len(connection.run_on_commit)
    yield
    for _sids, callback, _robust in connection.run_on_commit[before:]:
        callback()


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


# --- drafts: bounded, deletable -------------------------------------------------------------------------------

DRAFT_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "title": "名称", "maxLength": 20},
        "note": {"type": "string", "title": "说明"},
        "count": {"type": "integer", "title": "数量"},
        "kind": {"type": "string", "title": "类型", "enum": ["a", "b"]},
        "agree": {"type": "boolean", "title": "承诺"},
    },
    "required": ["name", "kind", "agree"],
}


def test_a_draft_keeps_what_is_typed_but_only_what_fits_the_form(world: World) -> None:
    version = make_item(world.scjg, form_schema=DRAFT_SCHEMA)
    # Required fields may be missing and a number may be half typed; unknown keys are dropped.
    case = services.do_create_case(
        actor=world.citizen, version=version, form_data={"name": "张", "count": "1x", "junk": "drop me"}
    )
    assert case.form_data == {"name": "张", "count": "1x"}
    for form_data, field in (
        ({"name": "长" * 21}, "name"),
        ({"note": "x" * 4001}, "note"),
        ({"kind": "c"}, "kind"),
        ({"agree": "maybe"}, "agree"),
        ({"name": {"nested": "object"}}, "name"),
        ({"count": "9" * 41}, "count"),
    ):
        error = refused(
            "DRAFT_FIELD_INVALID", services.do_update_draft, case, actor=world.citizen, form_data=form_data
        )
        assert set(error.fields) == {field}
    case.refresh_from_db()
    assert case.form_data == {"name": "张", "count": "1x"}


def test_a_draft_without_a_schema_holds_plain_values_only(world: World) -> None:
    version = make_item(world.scjg)
    refused("DRAFT_FIELD_INVALID", services.do_create_case, actor=world.citizen, version=version,
            form_data={"a": [1, 2]})  # fmt: skip
    refused("DRAFT_FIELD_INVALID", services.do_create_case, actor=world.citizen, version=version,
            form_data={str(i): i for i in range(201)})  # fmt: skip
    assert not Case.objects.filter(version=version).exists()


def test_the_whole_draft_is_capped_in_size(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DRAFT_MAX_BYTES = 1024
    version = make_item(world.scjg)
    error = refused(
        "DRAFT_TOO_LARGE",
        services.do_create_case,
        actor=world.citizen,
        version=version,
        form_data={f"k{i}": "值" * 100 for i in range(5)},
    )
    assert error.status == 413 and "1 KB" in str(error.message)
    assert not Case.objects.filter(version=version).exists()


def test_an_applicant_keeps_a_limited_number_of_open_drafts(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_MAX_OPEN_DRAFTS = 2
    version = make_item(world.scjg, materials=())
    first = services.do_create_case(actor=world.citizen, version=version)
    services.do_create_case(actor=world.citizen, version=version)
    error = refused("TOO_MANY_DRAFTS", services.do_create_case, actor=world.citizen, version=version)
    assert "2" in str(error.message)
    # A submission in one go creates no lasting draft, so it is not capped; deleting a draft makes room.
    assert services.do_create_case(actor=world.citizen, version=version, submit=True).state == "submitted"
    services.do_delete_draft(first, actor=world.citizen)
    assert services.do_create_case(actor=world.citizen, version=version).state == "draft"


def test_the_applicant_deletes_a_draft_with_its_uploads(world: World) -> None:
    from django.core.files.storage import default_storage

    from tongban.core.models import LedgerEntry

    version = make_item(world.scjg)
    case = services.do_create_case(actor=world.citizen, version=version)
    upload_required(case, world.citizen)
    path = case.materials.get().file.name
    assert default_storage.exists(path)
    for stranger in (world.citizen2, world.clerk, world.reviewer):
        refused("CASE_NOT_FOUND", services.do_delete_draft, case, actor=stranger)
    pk = case.pk
    with captured_on_commit():
        services.do_delete_draft(case, actor=world.citizen)
    assert not Case.objects.filter(pk=pk).exists() and not default_storage.exists(path)
    entry = LedgerEntry.objects.filter(object_id=str(pk)).latest("seq")
    assert entry.action == "case.draft_deleted" and entry.data["materials"] == 1


def test_a_submitted_case_is_not_a_draft_to_delete(world: World) -> None:
    case = submitted_case(world, make_item(world.scjg))
    refused("CASE_INVALID_STATE", services.do_delete_draft, case, actor=world.citizen)
    assert Case.objects.filter(pk=case.pk).exists()


def test_a_failed_submit_sent_again_saves_into_the_same_draft(world: World) -> None:
    version = make_item(world.scjg, materials=(), form_schema=DRAFT_SCHEMA)
    first = services.check_save_application(
        actor=world.citizen, version=version, case=None, form_data={"name": "张"}, idempotency_key="k1",
        submit=True,
    )  # fmt: skip
    assert first.error is not None and first.error.code == "FORM_INVALID" and first.case is not None
    second = services.check_save_application(
        actor=world.citizen, version=version, case=None, form_data={"name": "张三", "kind": "a", "agree": True},
        idempotency_key="k1", submit=True,
    )  # fmt: skip
    assert second.submitted and second.case is not None and second.case.pk == first.case.pk
    assert Case.objects.filter(version=version).count() == 1
    assert second.case.form_data == {"name": "张三", "kind": "a", "agree": True}


def test_my_cases_lists_the_last_changed_first(world: World) -> None:
    from tongban.cases import queries

    older = services.do_create_case(actor=world.citizen, version=make_item(world.scjg, materials=()))
    newer = services.do_create_case(actor=world.citizen, version=make_item(world.scjg, materials=()))
    assert list(queries.fetch_cases_for_applicant(world.citizen)) == [newer, older]
    services.do_update_draft(older, actor=world.citizen, form_data={"a": "b"})
    assert list(queries.fetch_cases_for_applicant(world.citizen)) == [older, newer]


def test_the_applicant_must_be_of_a_kind_the_item_serves(world: World) -> None:
    from tongban.catalog.models import ItemVersion

    organisations = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=organisations.pk).update(service_objects=["2", "6"])
    organisations.refresh_from_db()
    refused("ENTERPRISE_REQUIRED", services.do_create_case, actor=world.agent, version=organisations)
    case = services.do_create_case(actor=world.agent, version=organisations, enterprise=world.enterprise)
    assert case.applicant_kind == "enterprise"
    persons = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=persons.pk).update(service_objects=["1"])
    persons.refresh_from_db()
    refused(
        "ENTERPRISE_NOT_SERVED",
        services.do_create_case,
        actor=world.agent,
        version=persons,
        enterprise=world.enterprise,
    )
    assert services.do_create_case(actor=world.agent, version=persons).applicant_kind == "person"
