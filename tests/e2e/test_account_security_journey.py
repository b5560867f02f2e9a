"""Journeys where a person meets the account protections: a registration with a number that is already taken
answers like any other, a forgotten password is reset with an SMS code, and an attacker who locks themselves out
does not lock the real user out."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Huanghe-2027-new"


def _register(page, live_server, *, username, id_number, phone):  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/accounts/register/")
    page.fill("#id_username", username)
    page.fill("#id_real_name", "王秀英")
    page.fill("#id_id_number", id_number)
    page.fill("#id_phone", phone)
    page.fill("#id_password1", "Huanghe-2026-ok")
    page.fill("#id_password2", "Huanghe-2026-ok")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#register-confirm-form")
    return page.inner_text("#code-sent")


def test_a_taken_id_number_answers_like_a_fresh_one(
    page, live_server, demo_city, shot, sms_outbox, axe
) -> None:  # type: ignore[no-untyped-def]
    # 王秀英 (demo account "citizen") already holds 410202199001010018; someone else tries to register with it.
    taken = _register(
        page, live_server, username="impostor", id_number="410202199001010018", phone="13600001111"
    )
    shot("security-01-register-taken-number")
    axe(page)
    fresh = _register(
        page, live_server, username="zhangsan", id_number="410212202001010015", phone="13600001111"
    )
    assert taken == fresh and "136****1111" in taken
    # Only someone holding the phone they typed learns more, and still gets no account.
    page.fill("#id_code", sms_outbox.last_code("13600001111"))
    page.click("#register-confirm-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/accounts/profile/" in page.url  # the fresh number registered
    axe(page)
    from tongban.accounts.models import User
    from tongban.notifications.models import OutboxMessage

    assert not User.objects.filter(username="impostor").exists()
    assert OutboxMessage.objects.filter(
        recipient__username="citizen", event="registration_attempted"
    ).exists()


def test_a_citizen_resets_a_forgotten_password_by_sms(
    page, live_server, demo_city, shot, sms_outbox, login, axe
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/accounts/login/")
    page.click("#forgot-password")
    page.fill("#id_identifier", "citizen")
    page.check("#id_channel_0")
    shot("security-02-password-reset-start")
    axe(page)
    page.click("#password-reset-form button[type=submit]")
    page.wait_for_selector("#password-reset-confirm-form")
    axe(page)
    code = sms_outbox.last_code("13812345678")
    page.fill("#id_code", code)
    page.fill("#id_new_password", "kaifeng2027")  # refused: the city's name
    page.fill("#id_new_password2", "kaifeng2027")
    page.click("#password-reset-confirm-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "城市名称" in page.inner_text("#id_new_password_error")
    shot("security-03-password-reset-weak-password")
    axe(page)
    page.fill("#id_code", code)
    page.fill("#id_new_password", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    page.click("#password-reset-confirm-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    assert "密码已重置" in page.content()
    login("citizen", NEW_PASSWORD)
    assert "/accounts/login/" not in page.url
    shot("security-04-signed-in-with-new-password")
    axe(page)


def test_a_locked_out_attacker_does_not_lock_the_real_user_out(
    browser, live_server, demo_city, settings, axe
) -> None:  # type: ignore[no-untyped-def]
    # Both come through the hall's nginx, which tells Django the real address of each.
    settings.TONGBAN_TRUSTED_PROXY_COUNT = 1
    attacker = browser.new_context(locale="zh-CN", extra_http_headers={"X-Forwarded-For": "203.0.113.66"})
    citizen = browser.new_context(locale="zh-CN", extra_http_headers={"X-Forwarded-For": "198.51.100.7"})
    try:
        page = attacker.new_page()
        for guess in ("123456", "password1", "wangxiuying", "qwerty123", "000000", "tongban-demo"):
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("#id_username", "citizen")
            page.fill("#id_password", guess)  # the last one is right: it is refused while locked
            page.click("#login-form button[type=submit]")
            page.wait_for_load_state("networkidle")
        assert "已暂停从此处登录该账号" in page.inner_text("#error-summary")
        assert "/accounts/login/" in page.url
        axe(page)
        own = citizen.new_page()
        own.goto(f"{live_server.url}/accounts/login/")
        own.fill("#id_username", "citizen")
        own.fill("#id_password", "tongban-demo")
        own.click("#login-form button[type=submit]")
        own.wait_for_url(lambda url: "/accounts/login/" not in url)
        own.goto(f"{live_server.url}/accounts/profile/")
        assert own.inner_text("#profile-name") == "王秀英"
        axe(own)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "security-05-attacker-locked.png"), full_page=True)
        own.screenshot(path=str(SCREENSHOTS / "security-06-real-user-signed-in.png"), full_page=True)
    finally:
        attacker.close()
        citizen.close()
