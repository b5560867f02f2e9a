"""Journey: a visitor registers as a citizen, corrects a mistyped ID number, confirms the phone with the code,
signs out and back in, and sees their masked ID number on 个人中心."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Huanghe-2026-ok"


def test_visitor_registers_logs_out_and_back_in(page, live_server, shot, sms_outbox, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/accounts/register/")
    axe(page)
    page.fill("#id_username", "wangxiuying")
    page.fill("#id_real_name", "王秀英")
    page.fill("#id_id_number", "410202199001010019")  # last digit mistyped: the check digit is 8
    page.fill("#id_phone", "13812345678")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("#register-form button[type=submit]")
    page.wait_for_load_state("networkidle")

    error = page.locator("#id_id_number_error")
    assert error.is_visible()
    assert "校验位" in error.inner_text()
    # What the visitor typed is still there (passwords are deliberately not echoed back).
    assert page.input_value("#id_id_number") == "410202199001010019"
    assert page.input_value("#id_real_name") == "王秀英"
    assert page.input_value("#id_phone") == "13812345678"
    shot("accounts-01-register-invalid-id")
    axe(page)

    page.fill("#id_id_number", "410202199001010018")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#register-confirm-form")
    assert "138****5678" in page.inner_text("#code-sent")
    page.fill("#id_code", sms_outbox.last_code("13812345678"))
    page.click("#register-confirm-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/accounts/profile/")
    assert page.inner_text("#profile-name") == "王秀英"
    shot("accounts-02-profile-after-registration")
    axe(page)

    page.click("#logout-button")
    page.wait_for_load_state("networkidle")
    assert page.locator("#user-menu").get_by_text("登录").is_visible()
    axe(page)

    page.goto(f"{live_server.url}/accounts/login/?next=/accounts/profile/")
    axe(page)
    page.fill("#id_username", "wangxiuying")
    page.fill("#id_password", "wrong-password")
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "用户名或密码不正确" in page.inner_text("#error-summary")
    assert page.input_value("#id_username") == "wangxiuying"
    axe(page)

    page.fill("#id_password", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/accounts/profile/")
    masked = page.inner_text("#profile-id-number")
    assert masked.startswith("410202") and masked.endswith("0018") and "*" in masked
    assert "410202199001010018" not in page.content()
    assert page.inner_text("#profile-phone").endswith("5678")
    shot("accounts-03-profile-masked-id")
    axe(page)


def test_clerk_lands_on_the_workspace_with_roles_and_window(
    page, live_server, login, shot, axe, settings
) -> None:  # type: ignore[no-untyped-def]
    from tongban.accounts import demo as accounts_demo
    from tongban.organizations import demo as organizations_demo

    settings.TONGBAN_DEMO = True
    organizations_demo.load()
    accounts_demo.load()
    login("clerk")
    # The shared login fixture waits for network idle, which can come before the redirect lands.
    page.wait_for_url(f"{live_server.url}/accounts/workspace/")
    roles = page.inner_text("#workspace-roles")
    assert "窗口受理人员" in roles and "开封市" in roles
    assert "开封市市民之家 1号窗口" in page.inner_text("#workspace-positions")
    assert page.locator("#user-menu").get_by_text("工作台").is_visible()
    shot("accounts-04-clerk-workspace")
    axe(page)
