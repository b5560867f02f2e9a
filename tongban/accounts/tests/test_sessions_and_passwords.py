"""Session idle timeout (staff sooner) and password rules (platform names, Chinese messages)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tongban.accounts.choices import Role
from tongban.accounts.models import User
from tongban.accounts.services import do_register_citizen
from tongban.accounts.testing import make_region_tree, make_staff

pytestmark = pytest.mark.django_db
START = timezone.datetime(2027, 5, 10, 9, 0, tzinfo=timezone.get_current_timezone())


def test_a_citizen_session_ends_after_the_idle_time(client, citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_SESSION_IDLE_MINUTES = 30
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(citizen)
        assert client.get("/accounts/profile/").status_code == 200
        clock.shift(timedelta(minutes=25))
        assert client.get("/accounts/profile/").status_code == 200  # activity keeps it alive
        clock.shift(timedelta(minutes=29))
        assert client.get("/accounts/profile/").status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get("/accounts/profile/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert "_auth_user_id" not in client.session


def test_staff_sessions_end_sooner(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_SESSION_IDLE_MINUTES = 30
    settings.TONGBAN_STAFF_SESSION_IDLE_MINUTES = 10
    clerk = make_staff("clerk", Role.CLERK, region=make_region_tree().city)
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(clerk)
        assert client.get("/accounts/workspace/").status_code == 200
        clock.shift(timedelta(minutes=11))
        assert client.get("/accounts/workspace/").status_code == 302


@pytest.mark.parametrize(
    "password",
    [
        "tongban2027",
        "TongBan-2027!",
        "通办通办2027",
        "Kaifeng@2027",
        "开封欢迎你2027",
        "zwfw-2027-ok",
        "newcomer-2027",
    ],
)
def test_platform_named_and_username_passwords_are_refused(password) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        validate_password(password, User(username="newcomer"))
    assert "password_platform_name" in [error.code for error in caught.value.error_list]


def test_the_demo_password_is_allowed_only_for_demo_accounts_in_demo_mode(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = True
    validate_password("tongban-demo", User(username="citizen", is_demo=True))
    with pytest.raises(ValidationError):
        validate_password("tongban-demo", User(username="someone"))
    settings.TONGBAN_DEMO = False
    with pytest.raises(ValidationError):
        validate_password("tongban-demo", User(username="citizen", is_demo=True))


def test_djangos_own_password_messages_are_chinese() -> None:
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        validate_password("1234", User(username="someone"))
    messages = caught.value.messages
    assert messages and all(any("\u4e00" <= ch <= "\u9fff" for ch in message) for message in messages)
    assert any("至少需要 8 个字符" in message for message in messages)


def test_registration_refuses_a_platform_named_password() -> None:
    with pytest.raises(Exception) as caught:
        do_register_citizen("newcomer", "kaifeng2027!", "王秀英", "410202199001010018", "13600001111")
    assert getattr(caught.value, "code", "") == "PASSWORD_INVALID"
    assert not User.objects.exists()
