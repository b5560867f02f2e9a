"""Idempotency keys: a retry of the same request returns the first case; a key reused for another request and a key
too long to keep are refused (on the API, the web application page and the window alike)."""

from __future__ import annotations

from typing import Any

from tongban.cases import services
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, make_item, pdf
from tongban.cases.tests.helpers import refused


def _create(world: World, version: Any, key: str, form_data: dict[str, Any] | None = None, **kw: Any) -> Case:
    return services.do_create_case(
        actor=world.citizen, version=version, form_data=form_data or {"a": "1"}, idempotency_key=key, **kw
    )


def test_the_same_request_with_the_same_key_returns_the_first_case(world: World) -> None:
    version = make_item(world.scjg, materials=())
    first = _create(world, version, "k-1")
    assert _create(world, version, " k-1 ").pk == first.pk  # surrounding blanks are not part of the key
    assert Case.objects.filter(created_by=world.citizen).count() == 1


def test_a_retry_with_submit_submits_the_first_case(world: World) -> None:
    version = make_item(world.scjg, materials=())
    first = _create(world, version, "k-submit")
    again = _create(world, version, "k-submit", submit=True)
    assert again.pk == first.pk and again.number


def test_it_refuses_a_key_reused_for_a_different_request(world: World) -> None:
    version = make_item(world.scjg, materials=())
    _create(world, version, "k-2", {"a": "1"})
    refused("IDEMPOTENCY_KEY_REUSED", _create, world, version, "k-2", {"a": "2"})
    other_item = make_item(world.scjg, materials=())
    refused("IDEMPOTENCY_KEY_REUSED", _create, world, other_item, "k-2", {"a": "1"})
    assert Case.objects.filter(created_by=world.citizen).count() == 1


def test_the_same_key_of_another_account_is_another_case(world: World) -> None:
    version = make_item(world.scjg, materials=())
    mine = _create(world, version, "shared")
    theirs = services.do_create_case(
        actor=world.citizen2, version=version, form_data={"a": "2"}, idempotency_key="shared"
    )
    assert theirs.pk != mine.pk


def test_it_refuses_a_key_too_long_to_keep_instead_of_cutting_it(world: World) -> None:
    version = make_item(world.scjg, materials=())
    error = refused("IDEMPOTENCY_KEY_TOO_LONG", _create, world, version, "x" * 101)
    assert error.status == 400 and "100" in str(error.message)
    # Two keys that differ only after the 100th character used to collide; now neither is cut.
    assert _create(world, version, "y" * 100).idempotency_key == "y" * 100
    assert not Case.objects.filter(idempotency_key="x" * 100).exists()


def test_a_case_from_before_fingerprints_is_returned_as_it_was(world: World) -> None:
    version = make_item(world.scjg, materials=())
    first = _create(world, version, "legacy")
    Case.objects.filter(pk=first.pk).update(idempotency_hash="")
    assert _create(world, version, "legacy", {"anything": "else"}).pk == first.pk


def test_the_web_application_page_sent_again_with_its_key_saves_into_the_same_draft(world: World) -> None:
    # A failed submission re-renders the new-application page with the same key: what the applicant then changes
    # is saved into the draft that key created, never into a second draft and never refused.
    version = make_item(world.scjg, materials=())
    first = services.check_save_application(
        actor=world.citizen, version=version, case=None, form_data={"a": "1"}, idempotency_key="page-key"
    )
    again = services.check_save_application(
        actor=world.citizen,
        version=version,
        case=None,
        form_data={"a": "changed"},
        idempotency_key="page-key",
    )
    assert again.error is None and first.case is not None and again.case is not None
    assert again.case.pk == first.case.pk
    assert Case.objects.get(pk=first.case.pk).form_data == {"a": "changed"}
    assert Case.objects.filter(created_by=world.citizen).count() == 1
    too_long = services.check_save_application(
        actor=world.citizen, version=version, case=None, form_data={}, idempotency_key="z" * 200
    )
    assert too_long.error is not None and too_long.error.code == "IDEMPOTENCY_KEY_TOO_LONG"


def _intake(world: World, version: Any, key: str, name: str = "张大爷") -> Case:
    from tongban.accounts.testing import make_id_number

    return services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("idempotent-window"),
        name=name,
        files=[(version.materials.get(), pdf())],
        idempotency_key=key,
    )


def test_window_intake_keys_behave_the_same(world: World) -> None:
    version = make_item(world.scjg)
    first = _intake(world, version, "window-1")
    assert _intake(world, version, "window-1").pk == first.pk
    refused("IDEMPOTENCY_KEY_REUSED", _intake, world, version, "window-1", "李大娘")
    refused("IDEMPOTENCY_KEY_TOO_LONG", _intake, world, version, "w" * 101)
    assert Case.objects.filter(created_by=world.clerk).count() == 1
