"""Accounts pages with the test client: login, logout, registration, 个人中心 and 工作台."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tongban.accounts.choices import Role
from tongban.accounts.models import ApiToken, User
from tongban.accounts.services import do_issue_api_token
from tongban.accounts.testing import PERSONA_PASSWORD, make_department, make_region_tree, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def test_login_page_has_the_fields_the_e2e_harness_uses(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/accounts/login/").content.decode()
    assert 'id="id_username"' in html and 'id="id_password"' in html and 'type="submit"' in html


def test_citizen_login_goes_to_next_when_safe(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/accounts/login/",
        {"username": "citizen", "password": PERSONA_PASSWORD, "next": "/accounts/profile/"},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"


def test_login_ignores_an_offsite_next(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/accounts/login/",
        {"username": "citizen", "password": PERSONA_PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


def test_staff_land_on_the_workspace(client) -> None:  # type: ignore[no-untyped-def]
    make_staff("clerk", Role.CLERK, region=make_region_tree().city)
    response = client.post("/accounts/login/", {"username": "clerk", "password": PERSONA_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/workspace/"


def test_wrong_password_shows_an_error_and_keeps_the_username(client, citizen) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/login/", {"username": "citizen", "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "用户名或密码不正确" in html and 'value="citizen"' in html
    assert "_auth_user_id" not in client.session


def test_lockout_message_is_shown(client, citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_LOGIN_MAX_FAILURES = 2
    client.post("/accounts/login/", {"username": "citizen", "password": "nope"})
    response = client.post("/accounts/login/", {"username": "citizen", "password": "nope"})
    assert "已暂停从此处登录该账号" in response.content.decode()
    response = client.post("/accounts/login/", {"username": "citizen", "password": PERSONA_PASSWORD})
    assert "已暂停从此处登录该账号" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_requires_post(client, citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    assert client.get("/accounts/logout/").status_code == 200
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


REGISTRATION = {
    "username": "newcomer",
    "real_name": "张三",
    "id_number": "410212202001010015",
    "phone": "13812345679",
    "password1": "Huanghe-2026-ok",
    "password2": "Huanghe-2026-ok",
}


def test_registration_creates_a_citizen_after_the_phone_code_and_signs_them_in(client, sms_outbox) -> None:  # type: ignore[no-untyped-def]
    with sms_outbox.sending():
        response = client.post("/accounts/register/", REGISTRATION)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/register/")
    assert not User.objects.filter(username="newcomer").exists()
    page = client.get(response["Location"]).content.decode()
    assert "138****5679" in page and "13812345679" not in page
    code = sms_outbox.last_code("13812345679")
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    user = User.objects.get(username="newcomer")
    assert user.kind == "citizen" and client.session["_auth_user_id"] == str(user.pk)
    assert user.phone_verified_at is not None and user.identity_level == "unverified"


def test_registration_errors_keep_what_was_typed(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/register/", {**REGISTRATION, "id_number": "410212202001010016"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "校验位不正确" in html or "身份证号码不正确" in html
    assert 'value="410212202001010016"' in html and 'value="张三"' in html and 'value="13812345679"' in html
    assert "Huanghe-2026-ok" not in html
    assert not User.objects.filter(username="newcomer").exists()


def test_registration_refuses_mismatched_passwords(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/accounts/register/", {**REGISTRATION, "password2": "something-else"})
    assert "两次输入的密码不一致" in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()


def test_anonymous_users_are_sent_to_login(anonymous_client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/accounts/profile/", "/accounts/workspace/"):
        response = anonymous_client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")


def test_profile_shows_masked_identity(client, citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    html = client.get("/accounts/profile/").content.decode()
    assert "410202199001010018" not in html and "13812345678" not in html
    assert "410202" in html and "0018" in html and "5678" in html


def test_other_users_cannot_see_a_profile(client, citizen, other_citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(other_citizen)
    assert client.get("/accounts/profile/citizen/").status_code == 404
    assert client.get("/accounts/profile/nobody/").status_code == 404
    assert client.get("/accounts/profile/citizen2/").status_code == 200


def test_issue_and_revoke_own_token_but_not_someone_elses(client, citizen, other_citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    response = client.post("/accounts/profile/tokens/")
    assert 'id="new-token"' in response.content.decode()
    token = ApiToken.objects.get(user=citizen)
    _raw, others = do_issue_api_token(other_citizen)
    assert client.post(f"/accounts/profile/tokens/{others.pk}/revoke/").status_code == 404
    assert not ApiToken.objects.get(pk=others.pk).revoked
    assert client.post(f"/accounts/profile/tokens/{token.pk}/revoke/").status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked


def test_workspace_lists_roles_and_scopes_for_staff(client) -> None:  # type: ignore[no-untyped-def]
    tree = make_region_tree()
    dept = make_department("开封市市场监督管理局", "市场监管", tree.city)
    reviewer = make_staff("reviewer", Role.REVIEWER, department=dept, real_name="陈静")
    client.force_login(reviewer)
    html = client.get("/accounts/workspace/").content.decode()
    assert "审查人员" in html and "开封市市场监督管理局" in html


def test_citizens_have_no_workspace(client, citizen) -> None:  # type: ignore[no-untyped-def]
    client.force_login(citizen)
    assert client.get("/accounts/workspace/").status_code == 404


def test_workspace_links_only_to_tools_that_exist(client, settings) -> None:  # type: ignore[no-untyped-def]
    admin = make_staff("sysadmin", Role.SYSTEM_ADMIN)
    client.force_login(admin)
    html = client.get("/accounts/workspace/").content.decode()
    assert 'data-tool="admin:index"' in html
    assert "系统管理员" in html and "全平台" in html


def test_agent_profile_lists_the_enterprises_they_act_for(client) -> None:  # type: ignore[no-untyped-def]
    from tongban.accounts.testing import make_enterprise_agent

    agent = make_enterprise_agent()
    client.force_login(agent)
    html = client.get("/accounts/profile/").content.decode()
    assert "开封市汴梁食品有限公司" in html and "91410200MA9TEQ007A" in html


def test_admin_user_list_masks_id_numbers(client, citizen, settings) -> None:  # type: ignore[no-untyped-def]
    from tongban.accounts import demo as accounts_demo
    from tongban.organizations import demo as organizations_demo

    settings.TONGBAN_DEMO = True
    organizations_demo.load()
    accounts_demo.load()
    client.force_login(User.objects.get(username="sysadmin"))
    html = client.get("/django-admin/accounts/user/").content.decode()
    assert "410202199001010018" not in html and "0018" in html
    for url in (
        f"/django-admin/accounts/user/{citizen.pk}/change/",
        "/django-admin/organizations/region/",
        "/django-admin/organizations/department/",
        "/django-admin/organizations/hall/",
        "/django-admin/accounts/rolegrant/",
        "/django-admin/accounts/apitoken/",
        "/django-admin/accounts/agentauthorization/",
        "/django-admin/accounts/enterprise/",
        "/django-admin/organizations/staffposition/",
    ):
        assert client.get(url).status_code == 200, url
