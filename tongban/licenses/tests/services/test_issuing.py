"""Issuing a licence for an approved case: identifier, holder, face, validity, seal and signed payload."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import transaction

from tongban.cases.models import Case
from tongban.cases.tests.factories import at
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.licenses import services
from tongban.licenses.choices import HolderCategory, LicenseState
from tongban.licenses.identifier import is_valid_identifier, parse_identifier
from tongban.licenses.models import License, LicenseType
from tongban.licenses.queries import verify_payload
from tongban.licenses.tests.factories import (
    FACE_MAPPING,
    FACE_SCHEMA,
    case_for,
    decide,
    issue_license,
    make_license_item,
    make_license_type,
)
from tongban.signing.queries import verify_jws

pytestmark = pytest.mark.django_db

NOW = at("2026-03-02 10:00")


def test_it_issues_a_signed_licence_to_the_person_who_applied(world, license_type) -> None:  # type: ignore[no-untyped-def]
    lic = issue_license(world, license_type, now=NOW)

    assert is_valid_identifier(lic.identifier)
    parts = parse_identifier(lic.identifier)
    assert parts.type_code == license_type.code
    assert parts.issuer_code == world.scjg.credit_code
    assert parts.version == "001" and parts.serial.isalnum() and parts.serial == parts.serial.upper()
    assert lic.state == LicenseState.VALID
    assert lic.holder_category == HolderCategory.PERSON
    assert lic.holder_name == "王秀英" and lic.holder_id_number == world.citizen.id_number
    assert lic.holder_credit_code == ""
    assert lic.issuing_department == world.scjg and lic.seal is not None
    assert lic.face == {
        "holder": "王秀英",
        "id": world.citizen.id_number,
        "shop_name": "汴梁小吃店",
        "case_number": lic.source_case.number,  # type: ignore[union-attr]
        "issue_date": "2026-03-02",
        "issuer": world.scjg.name,
    }
    # Five years from the issuing day (working from ``now``, not today's date), the first day included.
    assert lic.valid_from == date(2026, 3, 2) and lic.valid_until == date(2031, 3, 1)
    check = verify_jws(lic.payload)
    assert check.valid
    claims = check.payload or {}
    assert claims["lid"] == lic.identifier and claims["iss"] == world.scjg.credit_code
    assert claims["typ_code"] == license_type.code and claims["ver"] == "001"
    assert claims["valid_from"] == "2026-03-02" and claims["valid_until"] == "2031-03-01"
    # The payload is shown to anyone holding the QR code: the person's name and ID number are masked.
    assert claims["holder"]["name"] == "王*英"
    assert world.citizen.id_number not in lic.payload and world.citizen.id_number not in str(claims)
    entry = LedgerEntry.objects.get(action="license.issued")
    assert entry.data["identifier"] == lic.identifier and world.citizen.id_number not in str(entry.data)


def test_a_case_filed_for_an_enterprise_gives_the_enterprise_the_licence(world, license_type) -> None:  # type: ignore[no-untyped-def]
    lic = issue_license(world, license_type, applicant=world.agent, on_behalf_of_enterprise=True, now=NOW)
    assert lic.holder_category == HolderCategory.ENTERPRISE
    assert lic.holder_name == world.enterprise.name
    assert lic.holder_credit_code == world.enterprise.credit_code and lic.holder_id_number == ""
    assert (verify_jws(lic.payload).payload or {})["holder"]["id"] == world.enterprise.credit_code


def test_a_type_without_validity_years_is_long_term(world) -> None:  # type: ignore[no-untyped-def]
    lic = issue_license(world, make_license_type(validity_years=None), now=NOW)
    assert lic.valid_until is None
    assert (verify_jws(lic.payload).payload or {})["valid_until"] is None
    assert lic.current_status(date(2099, 1, 1)) == "valid"


def test_serials_count_up_per_type_and_issuer(world, license_type) -> None:  # type: ignore[no-untyped-def]
    first = issue_license(world, license_type, now=NOW)
    second = issue_license(world, license_type, now=NOW)
    other_issuer = issue_license(world, license_type, department=world.ga, now=NOW)
    assert (first.serial, second.serial) == ("00000001", "00000002")
    assert other_issuer.serial == "00000001" and other_issuer.identifier != first.identifier


def test_issuing_twice_for_the_same_case_returns_the_same_licence(world, license_type) -> None:  # type: ignore[no-untyped-def]
    lic = issue_license(world, license_type, now=NOW)
    again = services.issue_for_case(lic.source_case, actor=world.approver, now=NOW)
    assert again == lic and License.objects.count() == 1


def test_an_item_without_a_licence_type_issues_nothing(world) -> None:  # type: ignore[no-untyped-def]
    from tongban.cases.tests.factories import make_item

    version = make_item(world.scjg, materials=())
    case = case_for(world, version, now=NOW)
    assert services.issue_for_case(case, actor=world.approver, now=NOW) is None
    assert not License.objects.exists()


def test_a_face_that_fails_the_schema_is_refused_and_rolls_back(world, license_type) -> None:  # type: ignore[no-untyped-def]
    version = make_license_item(world.scjg, license_type)
    case = case_for(world, version, form_data={"note": "没有经营场所名称"}, now=NOW)
    entries = LedgerEntry.objects.count()
    with pytest.raises(DomainError) as caught, transaction.atomic():
        services.issue_for_case(case, actor=world.approver, now=NOW)
    assert caught.value.code == "LICENSE_FACE_INVALID" and caught.value.status == 400
    assert "shop_name" in caught.value.fields
    assert not License.objects.exists() and LedgerEntry.objects.count() == entries


def test_the_approving_decision_issues_the_licence(world, license_type) -> None:  # type: ignore[no-untyped-def]
    version = make_license_item(world.scjg, license_type)
    case = decide(world, case_for(world, version, now=NOW), now=NOW)
    assert case.state in ("decided", "closed")
    lic = License.objects.get(source_case=case)
    assert lic.holder_id_number == world.citizen.id_number and verify_jws(lic.payload).valid


def test_a_refusal_issues_no_licence(world, license_type) -> None:  # type: ignore[no-untyped-def]
    version = make_license_item(world.scjg, license_type)
    decide(world, case_for(world, version, now=NOW), approve=False, now=NOW)
    assert not License.objects.exists()


def test_a_face_that_cannot_be_filled_rolls_the_decision_back(world, license_type) -> None:  # type: ignore[no-untyped-def]
    version = make_license_item(world.scjg, license_type)
    case = case_for(world, version, form_data={"note": "没有经营场所名称"}, now=NOW)
    with pytest.raises(DomainError) as caught:
        decide(world, case, now=NOW)
    assert caught.value.code == "LICENSE_FACE_INVALID"
    case = Case.objects.get(pk=case.pk)
    assert case.state == "in_review" and case.decided_at is None
    assert not License.objects.exists()


def test_the_pdf_is_rendered_after_commit_not_inside_the_decision(  # type: ignore[no-untyped-def]
    world, license_type, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lic = issue_license(world, license_type, now=NOW)
    assert not License.objects.get(pk=lic.pk).pdf  # nothing rendered inside the transaction
    assert callbacks  # the rendering is queued for after commit


def test_define_license_type_is_idempotent_on_code(world) -> None:  # type: ignore[no-untyped-def]
    first = make_license_type()
    again = make_license_type()
    assert first.pk == again.pk and LicenseType.objects.count() == 1
    assert LedgerEntry.objects.filter(action="license.type_defined").count() == 1
    renamed = make_license_type(name="食品经营许可证（新版）")
    assert renamed.pk == first.pk and renamed.name == "食品经营许可证（新版）"
    assert LedgerEntry.objects.filter(action="license.type_defined").count() == 2


@pytest.mark.parametrize(
    "code",
    [
        "11100000000013338W03",  # two digits
        "11100000000013338X032",  # wrong check character of the credit code
        "11100000000013338WABC",  # letters for the sequence
        "",
    ],
)
def test_define_license_type_refuses_a_malformed_code(db, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        services.do_define_license_type(
            actor=None,
            code=code,
            name="x",
            define_agency_name="y",
            face_schema=FACE_SCHEMA,
            face_mapping=FACE_MAPPING,
        )
    assert caught.value.code == "LICENSE_TYPE_CODE_INVALID"
    assert not LicenseType.objects.exists()


def test_define_license_type_needs_a_data_administrator(world) -> None:  # type: ignore[no-untyped-def]
    from tongban.accounts.choices import Role
    from tongban.accounts.testing import make_staff

    with pytest.raises(DomainError) as caught:
        services.do_define_license_type(actor=world.approver, code=f"{world.scjg.credit_code}001", name="x")
    assert caught.value.code == "PERMISSION_DENIED"
    admin = make_staff("t_data_admin", Role.DATA_ADMIN, region=world.tree.city)
    lic_type = services.do_define_license_type(actor=admin, code=f"{world.scjg.credit_code}001", name="x")
    assert lic_type.define_agency_code == world.scjg.credit_code


def test_validity_from_a_leap_day(world) -> None:  # type: ignore[no-untyped-def]
    assert services.validity_until(date(2028, 2, 29), 1) == date(2029, 2, 27)
    assert services.validity_until(date(2026, 3, 2), None) is None


def test_the_issuing_day_comes_from_now_not_from_the_clock(world, license_type) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(at("2030-01-01 09:00"), tick=False):
        lic = issue_license(world, license_type, now=NOW)
    assert lic.valid_from == date(2026, 3, 2)
    assert verify_payload(lic.payload).signature == "valid"


def test_after_commit_the_task_renders_and_caches_the_signed_pdf(  # type: ignore[no-untyped-def]
    world, license_type, django_capture_on_commit_callbacks, settings
) -> None:
    from tongban.licenses.tasks import render_license_pdf

    settings.TONGBAN_LICENSE_PDF_PRERENDER = True

    with django_capture_on_commit_callbacks(execute=True):
        lic = issue_license(world, license_type, now=NOW)
    cached = License.objects.get(pk=lic.pk)
    assert cached.pdf
    with cached.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF") and b"/ByteRange" in content
    # Idempotent: a second run leaves the cached file alone.
    assert render_license_pdf.call(lic.pk) is False
    assert render_license_pdf.call(10**9) is False
    assert License.objects.get(pk=lic.pk).pdf.name == cached.pdf.name


def test_without_prerendering_nothing_renders_at_commit(  # type: ignore[no-untyped-def]
    world, license_type, django_capture_on_commit_callbacks, settings
) -> None:
    settings.TONGBAN_LICENSE_PDF_PRERENDER = False
    with django_capture_on_commit_callbacks(execute=True):
        lic = issue_license(world, license_type, now=NOW)
    assert not License.objects.get(pk=lic.pk).pdf


def test_an_unknown_licence_type_refuses_the_decision(world) -> None:  # type: ignore[no-untyped-def]
    from tongban.catalog.models import ItemVersion

    version = make_license_item(world.scjg, make_license_type())
    ItemVersion.objects.filter(pk=version.pk).update(license_type_code=f"{world.ga.credit_code}999")
    version.refresh_from_db()
    case = case_for(world, version, now=NOW)
    with pytest.raises(DomainError) as caught:
        decide(world, case, now=NOW)
    assert caught.value.code == "LICENSE_TYPE_NOT_FOUND"
    assert Case.objects.get(pk=case.pk).decided_at is None and not License.objects.exists()
