"""Identity levels: the online real-name check, window confirmation, and which accounts window cases link to."""

from __future__ import annotations

import pytest

from tongban.accounts.choices import IdentityLevel, Role
from tongban.accounts.models import PopulationRecord, User
from tongban.accounts.services import (
    check_complete_window_confirmation,
    check_start_window_confirmation,
    do_verify_real_name,
    resolve_window_person,
)
from tongban.accounts.testing import make_citizen, make_region_tree, make_staff
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(db):  # type: ignore[no-untyped-def]
    return make_staff("clerk", Role.CLERK, region=make_region_tree().city)


def test_the_real_name_check_raises_the_level_when_the_name_matches(citizen) -> None:  # type: ignore[no-untyped-def]
    PopulationRecord.objects.create(id_number=citizen.id_number, name="王秀英")
    user = do_verify_real_name(citizen)
    assert user.identity_level == IdentityLevel.REAL_NAME and user.identity_verified_at is not None
    entry = LedgerEntry.objects.get(action="accounts.identity_verified", object_id=str(citizen.pk))
    assert entry.data["after"] == "real_name" and entry.data["method"] == "real_name_check"


def test_the_real_name_check_refuses_another_name(citizen) -> None:  # type: ignore[no-untyped-def]
    PopulationRecord.objects.create(id_number=citizen.id_number, name="王秀兰")
    with pytest.raises(DomainError) as caught:
        do_verify_real_name(citizen)
    assert caught.value.code == "IDENTITY_NOT_MATCHED"
    assert User.objects.get(pk=citizen.pk).identity_level == IdentityLevel.UNVERIFIED
    assert not LedgerEntry.objects.filter(action="accounts.identity_verified").exists()


def test_window_confirmation_needs_the_code_from_the_phone_on_record(citizen, clerk, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        row = check_start_window_confirmation(actor=clerk, id_number=citizen.id_number, name="王秀英")
    code = sms_outbox.last_code(citizen.phone)
    other_clerk = make_staff("clerk2", Role.CLERK, region=make_region_tree().city)
    with pytest.raises(DomainError):
        check_complete_window_confirmation(actor=other_clerk, challenge=row.challenge, code=code)
    with sms_outbox.sending():
        row = check_start_window_confirmation(actor=clerk, id_number=citizen.id_number, name="王秀英")
    user = check_complete_window_confirmation(
        actor=clerk, challenge=row.challenge, code=sms_outbox.last_code(citizen.phone)
    )
    assert user.identity_level == IdentityLevel.WINDOW and user.phone_verified_at is not None
    assert LedgerEntry.objects.filter(action="accounts.identity_verified", actor=clerk).exists()


def test_window_confirmation_refuses_a_name_that_differs(citizen, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        check_start_window_confirmation(actor=clerk, id_number=citizen.id_number, name="李四")
    assert caught.value.code == "WINDOW_CONFIRMATION_IMPOSSIBLE"


def test_resolve_window_person_creates_a_window_confirmed_account_for_a_new_number(clerk) -> None:  # type: ignore[no-untyped-def]
    person = resolve_window_person(
        id_number="410212202001010015", name="张三", phone="13600002222", actor=clerk
    )
    assert person is not None and person.username == "id410212202001010015"
    assert person.identity_level == IdentityLevel.WINDOW and not person.has_usable_password()
    assert LedgerEntry.objects.filter(action="accounts.window_person_created", actor=clerk).exists()
    # Asking again returns the same verified account.
    assert resolve_window_person(id_number="410212202001010015", name="张三", actor=clerk) == person


def test_an_unverified_account_holding_the_number_is_never_linked(clerk) -> None:  # type: ignore[no-untyped-def]
    # Someone registered online with 王秀英's number (and even her name) but never verified it.
    make_citizen("squatter", real_name="王秀英", id_number="410202199001010018")
    assert resolve_window_person(id_number="410202199001010018", name="王秀英", actor=clerk) is None
    assert not LedgerEntry.objects.filter(action="accounts.window_person_created").exists()


def test_a_verified_account_with_another_name_is_not_linked(citizen, clerk) -> None:  # type: ignore[no-untyped-def]
    User.objects.filter(pk=citizen.pk).update(identity_level=IdentityLevel.REAL_NAME)
    assert resolve_window_person(id_number=citizen.id_number, name="李四", actor=clerk) is None
    assert resolve_window_person(id_number=citizen.id_number, name="王秀英", actor=clerk).pk == citizen.pk


def test_resolve_window_person_refuses_a_bad_number(clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        resolve_window_person(id_number="410202199001010019", name="王秀英", actor=clerk)
    assert caught.value.code == "ID_NUMBER_INVALID"
    assert User.objects.filter(kind="citizen").count() == 0


def test_only_clerks_reach_the_window_confirmation_pages(client, citizen, clerk) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    assert client.get("/accounts/window-confirmation/").status_code == 404
    response = client.post(
        "/api/v1/auth/window-confirmations", {"id_number": citizen.id_number, "real_name": "王秀英"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 404
    client.force_login(clerk)
    assert client.get("/accounts/window-confirmation/").status_code == 200


def test_the_profile_offers_the_real_name_check(client, citizen) -> None:  # type: ignore[no-untyped-def]
    PopulationRecord.objects.create(id_number=citizen.id_number, name="王秀英")
    client.force_login(citizen)
    assert "在线实名核验" in client.get("/accounts/profile/").content.decode()
    client.post("/accounts/profile/real-name/")
    html = client.get("/accounts/profile/").content.decode()
    assert "实名核验" in html and "在线实名核验" not in html
    assert client.post("/api/v1/auth/me/real-name-check").json()["identity_level"] == "real_name"
