"""The licence lifecycle: suspend, reinstate, revoke, correct; illegal moves are 409 and change nothing."""

from __future__ import annotations

import pytest

from tongban.cases.tests.factories import at
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.licenses import services
from tongban.licenses.choices import LicenseAction, LicenseState
from tongban.licenses.identifier import is_valid_identifier, parse_identifier
from tongban.licenses.models import License
from tongban.licenses.queries import verify_payload
from tongban.licenses.tests.factories import issue_license
from tongban.licenses.transitions import TRANSITIONS, allowed_actions, check_transition

pytestmark = pytest.mark.django_db

NOW = at("2026-03-02 10:00")


@pytest.fixture
def lic(world, license_type):  # type: ignore[no-untyped-def]
    return issue_license(world, license_type, now=NOW)


def _refused(call, code: str = "LICENSE_TRANSITION_NOT_ALLOWED", status: int = 409):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        call()
    assert (caught.value.code, caught.value.status) == (code, status)


def test_the_table_allows_exactly_the_designed_moves() -> None:
    S = LicenseState
    assert {a: (set(t.sources), t.target) for a, t in TRANSITIONS.items()} == {
        LicenseAction.SUSPEND: ({S.VALID}, S.SUSPENDED),
        LicenseAction.REINSTATE: ({S.SUSPENDED}, S.VALID),
        LicenseAction.REVOKE: ({S.VALID, S.SUSPENDED}, S.REVOKED),
        LicenseAction.CORRECT: ({S.VALID}, S.SUPERSEDED),
    }
    assert allowed_actions(S.REVOKED) == [] and allowed_actions(S.SUPERSEDED) == []
    _refused(lambda: check_transition(LicenseAction.REINSTATE, S.VALID))


def test_suspend_then_reinstate(world, lic) -> None:  # type: ignore[no-untyped-def]
    suspended = services.do_suspend_license(lic, actor=world.approver, reason="涉嫌违法经营，立案调查")
    assert suspended.state == LicenseState.SUSPENDED and suspended.reason == "涉嫌违法经营，立案调查"
    reinstated = services.do_reinstate_license(suspended, actor=world.approver, reason="调查结束")
    assert reinstated.state == LicenseState.VALID
    actions = list(
        LedgerEntry.objects.filter(object_type="licenses.license").values_list("action", flat=True)
    )
    assert actions == ["license.issued", "license.suspended", "license.reinstated"]


def test_revoke_from_valid_and_from_suspended(world, license_type, lic) -> None:  # type: ignore[no-untyped-def]
    revoked = services.do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="《行政许可法》第六十九条"
    )
    assert revoked.state == LicenseState.REVOKED and revoked.legal_basis == "《行政许可法》第六十九条"
    other = issue_license(world, license_type, now=NOW)
    services.do_suspend_license(other, actor=world.approver, reason="调查")
    assert (
        services.do_revoke_license(other, actor=world.approver, reason="r", legal_basis="b").state
        == "revoked"
    )


def test_a_revoked_licence_cannot_be_reinstated_suspended_or_corrected(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_revoke_license(lic, actor=world.approver, reason="r", legal_basis="b")
    entries = LedgerEntry.objects.count()
    _refused(lambda: services.do_reinstate_license(lic, actor=world.approver, reason="r"))
    _refused(lambda: services.do_suspend_license(lic, actor=world.approver, reason="r"))
    _refused(lambda: services.do_revoke_license(lic, actor=world.approver, reason="r", legal_basis="b"))
    _refused(lambda: services.do_correct_license(lic, actor=world.approver, face=lic.face, reason="r"))
    assert License.objects.get(pk=lic.pk).state == LicenseState.REVOKED
    assert LedgerEntry.objects.count() == entries and License.objects.count() == 1


def test_a_valid_licence_cannot_be_reinstated(world, lic) -> None:  # type: ignore[no-untyped-def]
    _refused(lambda: services.do_reinstate_license(lic, actor=world.approver, reason="r"))
    assert License.objects.get(pk=lic.pk).state == LicenseState.VALID


def test_a_suspended_licence_cannot_be_corrected(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_suspend_license(lic, actor=world.approver, reason="r")
    _refused(lambda: services.do_correct_license(lic, actor=world.approver, face=lic.face, reason="r"))
    assert License.objects.count() == 1


def test_a_reason_is_required(world, lic) -> None:  # type: ignore[no-untyped-def]
    _refused(
        lambda: services.do_suspend_license(lic, actor=world.approver, reason="  "),
        "LICENSE_REASON_REQUIRED",
        422,
    )
    _refused(
        lambda: services.do_revoke_license(lic, actor=world.approver, reason="r", legal_basis=""),
        "LICENSE_LEGAL_BASIS_REQUIRED",
        422,
    )
    assert License.objects.get(pk=lic.pk).state == LicenseState.VALID


def test_correction_issues_version_002_and_supersedes_the_old_one(world, lic) -> None:  # type: ignore[no-untyped-def]
    face = {**lic.face, "shop_name": "汴梁小吃店（鼓楼店）"}
    new = services.do_correct_license(lic, actor=world.approver, face=face, reason="经营场所名称有误")
    old = License.objects.get(pk=lic.pk)
    assert old.state == LicenseState.SUPERSEDED and old.superseded_by == new
    assert new.state == LicenseState.VALID and new.face == face
    old_parts, new_parts = parse_identifier(old.identifier), parse_identifier(new.identifier)
    assert (new_parts.type_code, new_parts.issuer_code, new_parts.serial) == (
        old_parts.type_code,
        old_parts.issuer_code,
        old_parts.serial,
    )
    assert new_parts.version == "002" and is_valid_identifier(new.identifier)
    assert new_parts.check != old_parts.check or old.identifier != new.identifier
    assert (new.valid_from, new.valid_until) == (old.valid_from, old.valid_until)
    assert new.holder_id_number == old.holder_id_number
    # Both stay verifiable: the old one reads superseded and points at the current version.
    old_check, new_check = verify_payload(old.payload), verify_payload(new.payload)
    assert (old_check.signature, old_check.status) == ("valid", "superseded")
    assert old_check.current_identifier == new.identifier
    assert (new_check.signature, new_check.status) == ("valid", "valid")
    entry = LedgerEntry.objects.get(action="license.corrected")
    assert entry.data["new_identifier"] == new.identifier


def test_a_correction_with_an_invalid_face_changes_nothing(world, lic) -> None:  # type: ignore[no-untyped-def]
    entries = LedgerEntry.objects.count()
    _refused(
        lambda: services.do_correct_license(lic, actor=world.approver, face={"holder": "王秀英"}, reason="r"),
        "LICENSE_FACE_INVALID",
        400,
    )
    assert License.objects.get(pk=lic.pk).state == LicenseState.VALID and License.objects.count() == 1
    assert LedgerEntry.objects.count() == entries
