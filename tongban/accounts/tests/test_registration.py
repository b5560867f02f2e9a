"""Registration answers neutrally; a window-created account can be taken over by proving its phone."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from tongban.accounts.choices import IdentityLevel, Role
from tongban.accounts.models import OneTimeCode, User
from tongban.accounts.services import (
    check_complete_registration,
    check_start_registration,
    resolve_window_person,
)
from tongban.accounts.testing import make_region_tree, make_staff
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db
NEW = {
    "username": "newcomer",
    "password": "Huanghe-2026-ok",
    "real_name": "王秀英",
    "id_number": "410202199001010018",
    "phone": "13600001111",
}


def _request(ip: str = "10.1.0.1"):  # type: ignore[no-untyped-def]
    return RequestFactory().post("/accounts/register/", REMOTE_ADDR=ip)


def _register_page(client, sms_outbox, data):  # type: ignore[no-untyped-def]
    form = {**data, "password1": data["password"], "password2": data["password"]}
    with sms_outbox.sending():
        response = client.post("/accounts/register/", form)
    assert response.status_code == 302
    page = client.get(response["Location"])
    return response["Location"], page.content.decode()


def test_a_taken_id_number_gets_the_same_answer_as_a_fresh_one(client, citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    User.objects.filter(pk=citizen.pk).update(phone_verified_at="2027-01-01T00:00:00Z")
    _url, taken = _register_page(client, sms_outbox, NEW)
    _url, fresh = _register_page(
        client, sms_outbox, {**NEW, "username": "other", "id_number": "410212202001010015"}
    )
    assert "136****1111" in taken and "136****1111" in fresh
    strip = lambda html: html.split('id="code-sent"')[1].split("</p>")[0]  # noqa: E731
    assert strip(taken) == strip(fresh)
    assert "已注册" not in taken and "已有账号" not in taken
    # The person who typed the number got a code too (no SMS oracle) ...
    assert len(sms_outbox.texts("13600001111")) == 2
    # ... and the real owner is told on their verified phone, through the outbox.
    notice = OutboxMessage.objects.filter(recipient=citizen, event="registration_attempted")
    assert set(notice.values_list("channel", flat=True)) == {"inbox", "sms"}
    assert LedgerEntry.objects.filter(
        action="accounts.registration_refused", object_id=str(citizen.pk)
    ).exists()


def test_the_code_for_a_taken_number_creates_no_account(citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        row = check_start_registration(_request(), **NEW)
    with pytest.raises(DomainError) as caught:
        check_complete_registration(
            _request(), challenge=row.challenge, code=sms_outbox.last_code(NEW["phone"])
        )
    assert caught.value.code == "REGISTRATION_NOT_COMPLETED"
    assert not User.objects.filter(username="newcomer").exists()
    assert User.objects.get(pk=citizen.pk).username == "citizen"


def test_a_fresh_number_registers_after_the_code(sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        row = check_start_registration(_request(), **NEW)
    assert not User.objects.exists()
    user = check_complete_registration(
        _request(), challenge=row.challenge, code=sms_outbox.last_code(NEW["phone"])
    )
    assert user.username == "newcomer" and user.identity_level == IdentityLevel.UNVERIFIED
    assert LedgerEntry.objects.filter(action="accounts.registered", object_id=str(user.pk)).exists()


def test_a_wrong_or_reused_code_creates_nothing(sms_outbox, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_CODE_MAX_ATTEMPTS = 2
    with sms_outbox.sending():
        row = check_start_registration(_request(), **NEW)
    code = sms_outbox.last_code(NEW["phone"])
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(2):
        with pytest.raises(DomainError) as caught:
            check_complete_registration(_request(), challenge=row.challenge, code=wrong)
        assert caught.value.code == "CODE_INVALID"
    # Two wrong tries used the code up: even the right one no longer works.
    with pytest.raises(DomainError):
        check_complete_registration(_request(), challenge=row.challenge, code=code)
    assert not User.objects.exists()
    assert OneTimeCode.objects.get(pk=row.pk).attempts == 3


def test_only_the_code_hash_is_stored_and_the_default_sms_log_masks_it(
    caplog, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_SMS_BACKEND = "tongban.notifications.sms.LoggingSmsBackend"
    caplog.set_level("INFO", logger="tongban.sms")
    with django_capture_on_commit_callbacks(execute=True):
        row = check_start_registration(_request(), **NEW)
    logged = " ".join(record.getMessage() for record in caplog.records if record.name == "tongban.sms")
    assert "验证码 ******" in logged and "136****1111" in logged
    assert row.code_hash and len(row.code_hash) == 64


def test_registration_is_rate_limited_per_phone(settings, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "code_target": "2/h"}
    for ip in ("10.1.0.2", "10.1.0.3"):
        check_start_registration(_request(ip), **NEW)
    with pytest.raises(DomainError) as caught:
        check_start_registration(_request("10.1.0.4"), **NEW)
    assert caught.value.code == "TOO_MANY_REQUESTS" and caught.value.status == 429
    assert OneTimeCode.objects.count() == 2


def test_a_window_created_account_is_taken_over_by_proving_its_phone(sms_outbox) -> None:  # type: ignore[no-untyped-def]
    clerk = make_staff("clerk", Role.CLERK, region=make_region_tree().city)
    person = resolve_window_person(id_number=NEW["id_number"], name="王秀英", phone=NEW["phone"], actor=clerk)
    assert person is not None and not person.has_usable_password()
    with sms_outbox.sending():
        row = check_start_registration(_request(), **NEW)
    user = check_complete_registration(
        _request(), challenge=row.challenge, code=sms_outbox.last_code(NEW["phone"])
    )
    assert user.pk == person.pk and user.username == "newcomer" and user.check_password(NEW["password"])
    assert user.identity_level == IdentityLevel.WINDOW
    assert LedgerEntry.objects.filter(action="accounts.taken_over", object_id=str(user.pk)).exists()


def test_a_window_account_is_not_taken_over_with_another_phone(sms_outbox) -> None:  # type: ignore[no-untyped-def]
    clerk = make_staff("clerk", Role.CLERK, region=make_region_tree().city)
    person = resolve_window_person(
        id_number=NEW["id_number"], name="王秀英", phone="13811112222", actor=clerk
    )
    with sms_outbox.sending():
        row = check_start_registration(_request(), **NEW)
    with pytest.raises(DomainError) as caught:
        check_complete_registration(
            _request(), challenge=row.challenge, code=sms_outbox.last_code(NEW["phone"])
        )
    assert caught.value.code == "REGISTRATION_NOT_COMPLETED"
    person.refresh_from_db()
    assert person.username == f"id{NEW['id_number']}" and not person.has_usable_password()


def test_the_api_registration_flow_is_neutral_too(client, citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        taken = client.post("/api/v1/auth/register", NEW, content_type="application/json")
        fresh = client.post(
            "/api/v1/auth/register", {**NEW, "username": "newbie", "id_number": "410212202001010015"},
            content_type="application/json",
        )  # fmt: skip
    assert taken.status_code == fresh.status_code == 202
    assert set(taken.json()) == set(fresh.json()) == {"challenge", "sent_to", "expires_at"}
    assert taken.json()["sent_to"] == fresh.json()["sent_to"] == "136****1111"
    code = sms_outbox.last_code(NEW["phone"])
    done = client.post(
        "/api/v1/auth/register/confirm", {"challenge": fresh.json()["challenge"], "code": code},
        content_type="application/json",
    )  # fmt: skip
    assert done.status_code == 201 and done.json() == {"username": "newbie", "identity_level": "unverified"}
