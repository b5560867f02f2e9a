"""找回密码 by SMS or e-mail: neutral answers, one-time codes, throttled, ledgered, web and API."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import RequestFactory

from tongban.accounts.models import ApiToken, User
from tongban.accounts.services import (
    check_complete_password_reset,
    check_start_password_reset,
    do_issue_api_token,
)
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Huanghe-2027-new"


def _request(ip: str = "10.2.0.1"):  # type: ignore[no-untyped-def]
    return RequestFactory().post("/accounts/password-reset/", REMOTE_ADDR=ip)


def test_a_reset_by_sms_sets_the_new_password_revokes_tokens_and_is_ledgered(citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    _raw, _token = do_issue_api_token(citizen)
    with sms_outbox.sending():
        row = check_start_password_reset(_request(), identifier="citizen", channel="sms")
    code = sms_outbox.last_code("13812345678")
    with sms_outbox.sending():
        check_complete_password_reset(
            _request(), challenge=row.challenge, code=code, new_password=NEW_PASSWORD
        )
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)
    assert not ApiToken.objects.filter(user=citizen, revoked=False).exists()
    assert LedgerEntry.objects.filter(action="accounts.password_reset", object_id=str(citizen.pk)).exists()
    assert LedgerEntry.objects.filter(action="accounts.code_sent", object_id=str(citizen.pk)).exists()
    # The code works once.
    with pytest.raises(DomainError) as caught:
        check_complete_password_reset(
            _request(), challenge=row.challenge, code=code, new_password="Other-pass-2027"
        )
    assert caught.value.code == "CODE_INVALID"


def test_a_reset_by_email_uses_the_address_on_record(citizen, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    User.objects.filter(pk=citizen.pk).update(email="wang@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        row = check_start_password_reset(_request(), identifier="410202199001010018", channel="email")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["wang@example.cn"]
    code = re.search(r"(?<![0-9])([0-9]{6})(?![0-9])", mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    check_complete_password_reset(_request(), challenge=row.challenge, code=code, new_password=NEW_PASSWORD)
    assert User.objects.get(pk=citizen.pk).check_password(NEW_PASSWORD)


def test_unknown_accounts_and_missing_addresses_get_the_same_answer(
    citizen, sms_outbox, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        unknown = check_start_password_reset(_request(), identifier="nobody", channel="sms")
        no_email = check_start_password_reset(_request(), identifier="citizen", channel="email")
    assert unknown.challenge and no_email.challenge
    assert sms_outbox.texts() == [] and mail.outbox == []
    for row in (unknown, no_email):
        with pytest.raises(DomainError) as caught:
            check_complete_password_reset(
                _request(), challenge=row.challenge, code="123456", new_password=NEW_PASSWORD
            )
        assert caught.value.code == "CODE_INVALID"
    assert not LedgerEntry.objects.filter(action="accounts.password_reset").exists()


def test_a_weak_new_password_is_refused_and_the_code_stays_usable(citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        row = check_start_password_reset(_request(), identifier="citizen", channel="sms")
    code = sms_outbox.last_code("13812345678")
    with pytest.raises(DomainError) as caught:
        check_complete_password_reset(
            _request(), challenge=row.challenge, code=code, new_password="kaifeng2027"
        )
    assert caught.value.code == "PASSWORD_INVALID" and "new_password" in caught.value.fields
    check_complete_password_reset(_request(), challenge=row.challenge, code=code, new_password=NEW_PASSWORD)


def test_reset_codes_are_throttled_per_address(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "code": "2/h"}
    for name in ("a", "b"):
        check_start_password_reset(_request("10.2.0.9"), identifier=name, channel="sms")
    with pytest.raises(DomainError) as caught:
        check_start_password_reset(_request("10.2.0.9"), identifier="citizen", channel="sms")
    assert caught.value.status == 429 and caught.value.code == "TOO_MANY_REQUESTS"


def test_a_demo_account_outside_demo_mode_gets_no_code(citizen, settings, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    User.objects.filter(pk=citizen.pk).update(is_demo=True)
    settings.TONGBAN_DEMO = False
    with sms_outbox.sending():
        check_start_password_reset(_request(), identifier="citizen", channel="sms")
    assert sms_outbox.texts() == []


def test_the_web_pages_reset_a_password(client, citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    assert "找回密码" in client.get("/accounts/login/").content.decode()
    with sms_outbox.sending():
        response = client.post("/accounts/password-reset/", {"identifier": "citizen", "channel": "sms"})
    assert response.status_code == 302
    url = response["Location"]
    code = sms_outbox.last_code("13812345678")
    response = client.post(url, {"code": code, "new_password": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert User.objects.get(pk=citizen.pk).check_password(NEW_PASSWORD)


def test_the_api_resets_a_password(client, citizen, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        started = client.post(
            "/api/v1/auth/password-reset",
            {"identifier": "citizen", "channel": "sms"},
            content_type="application/json",
        )
    assert started.status_code == 202
    body = {
        "challenge": started.json()["challenge"],
        "code": sms_outbox.last_code("13812345678"),
        "new_password": NEW_PASSWORD,
    }
    done = client.post("/api/v1/auth/password-reset/confirm", body, content_type="application/json")
    assert done.status_code == 200 and done.json() == {"done": True}
    assert User.objects.get(pk=citizen.pk).check_password(NEW_PASSWORD)
