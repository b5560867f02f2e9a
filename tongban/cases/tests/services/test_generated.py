"""Generated materials: the application form the guide says the platform generates is rendered from the submitted
online form at submission — on the web, API and window paths alike — and never demanded as an upload."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from typing import Any

import pytest

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.events import CaseLedgerAction
from tongban.cases.tests.factories import World, make_item, pdf, upload_required
from tongban.cases.tests.helpers import actions, refused
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.models import ItemVersion
from tongban.core.models import LedgerEntry

FORM = {
    "type": "object",
    "title": "最低生活保障申请表",
    "x-sections": [{"title": "申请人信息", "fields": ["applicant_name", "household"]}],
    "properties": {
        "applicant_name": {"type": "string", "title": "申请人姓名"},
        "household": {
            "type": "string",
            "title": "家庭人口",
            "enum": ["1", "2"],
            "x-enum-labels": ["一人", "两人"],
        },
        "agree": {"type": "boolean", "title": "承诺所填信息属实"},
    },
    "required": ["applicant_name", "household", "agree"],
}
DATA = {"applicant_name": "王秀英", "household": "2", "agree": True}


def _version(world: World, **kwargs: Any) -> ItemVersion:
    """An item whose 申请书 is generated from the online form, with one more material to upload."""
    version = make_item(
        world.scjg,
        name="最低生活保障",
        materials=(
            ("最低生活保障申请书", MaterialNecessity.REQUIRED),
            ("户口簿", MaterialNecessity.REQUIRED),
        ),
        form_schema=FORM,
        **kwargs,
    )
    version.materials.filter(name="最低生活保障申请书").update(generated_from_form=True)
    return version


def _text(content: bytes, tmp_path: Any) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run `make test` to install it"
    path = tmp_path / "form.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _upload_the_other(case: Any, actor: Any) -> None:
    services.do_add_material(
        case, actor=actor, file=pdf("户口簿.pdf"), material=case.version.materials.get(name="户口簿")
    )


def test_submission_does_not_demand_the_generated_form_and_renders_it(world: World, tmp_path: Any) -> None:
    version = _version(world)
    case = services.do_create_case(actor=world.citizen, version=version, form_data=DATA)
    _upload_the_other(case, world.citizen)
    case = services.do_submit_case(case, actor=world.citizen)
    assert case.state == CaseState.SUBMITTED
    row = case.materials.get(material__name="最低生活保障申请书")
    assert row.generated and row.is_current and row.uploaded_by is None
    assert row.content_type == "application/pdf" and row.original_name == "最低生活保障申请书.pdf"
    content = row.file.read()
    assert content.startswith(b"%PDF") and row.size == len(content)
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    text = _text(content, tmp_path).replace("\n", "")
    assert case.number in text and "最低生活保障申请书" in text
    assert "王秀英" in text and "两人" in text  # the submitted values, enum labels shown
    assert "自动生成" in text
    entry = LedgerEntry.objects.get(object_id=str(case.pk), action=CaseLedgerAction.MATERIAL_GENERATED)
    assert entry.data["sha256"] == row.sha256 and entry.data["name"] == "最低生活保障申请书"
    assert actions(case).index(CaseLedgerAction.MATERIAL_GENERATED) < actions(case).index(
        CaseLedgerAction.SUBMITTED
    )
    receipt = case.notices.get(kind="receipt")
    assert "最低生活保障申请书" in receipt.content["materials"]


def test_the_other_required_materials_are_still_demanded(world: World) -> None:
    case = services.do_create_case(actor=world.citizen, version=_version(world), form_data=DATA)
    error = refused("MATERIALS_MISSING", services.do_submit_case, case, actor=world.citizen)
    assert error.fields == {"materials": ["户口簿"]}
    assert not case.materials.exists()


def test_an_upload_for_the_generated_material_is_kept_and_nothing_is_generated(world: World) -> None:
    version = _version(world)
    case = services.do_create_case(actor=world.citizen, version=version, form_data=DATA)
    upload_required(case, world.citizen)  # both, the form scanned and signed on paper too
    case = services.do_submit_case(case, actor=world.citizen)
    row = case.materials.get(material__name="最低生活保障申请书")
    assert not row.generated and row.uploaded_by == world.citizen
    assert CaseLedgerAction.MATERIAL_GENERATED not in actions(case)


def test_an_invalid_form_generates_nothing(world: World) -> None:
    case = services.do_create_case(actor=world.citizen, version=_version(world), form_data={"household": "2"})
    _upload_the_other(case, world.citizen)
    refused("FORM_INVALID", services.do_submit_case, case, actor=world.citizen)
    assert not case.materials.filter(generated=True).exists()


def test_the_web_application_page_generates_it_too(world: World) -> None:
    version = _version(world)
    result = services.check_save_application(
        actor=world.citizen,
        version=version,
        case=None,
        form_data=DATA,
        uploads=[(version.materials.get(name="户口簿"), pdf("户口簿.pdf"))],
        submit=True,
    )
    assert result.submitted and result.error is None
    assert result.case is not None and result.case.materials.get(generated=True).name == "最低生活保障申请书"


def test_window_intake_generates_it_unless_the_clerk_scanned_the_signed_form(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = _version(world)
    other = version.materials.get(name="户口簿")
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("generated-window"),
        name="张大爷",
        form_data=DATA,
        files=[(other, pdf())],
    )
    assert (
        case.state == CaseState.SUBMITTED and case.materials.get(generated=True).material.generated_from_form
    )
    scanned = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("generated-window-2"),
        name="李大娘",
        form_data=DATA,
        files=[(other, pdf()), (version.materials.get(name="最低生活保障申请书"), pdf("申请书.pdf"))],
    )
    assert not scanned.materials.filter(generated=True).exists()


@pytest.mark.parametrize("accept_on_receipt", [True])
def test_a_case_accepted_on_receipt_carries_the_generated_form_into_review(
    world: World, accept_on_receipt: bool
) -> None:
    version = _version(world, accept_on_receipt=accept_on_receipt)
    case = services.do_create_case(actor=world.citizen, version=version, form_data=DATA)
    _upload_the_other(case, world.citizen)
    case = services.do_submit_case(case, actor=world.citizen)
    assert case.state == CaseState.IN_REVIEW
    assert case.materials.filter(generated=True, is_current=True).count() == 1
