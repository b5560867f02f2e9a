"""Accounts services: direct registration, API tokens, roles and agent authorisations (lockout: test_lockout)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from tongban.accounts import errors
from tongban.accounts.choices import AgentStatus, Role
from tongban.accounts.models import AgentAuthorization, ApiToken, RoleGrant, User
from tongban.accounts.queries import agent_may_act_for_enterprise, get_active_api_token, hash_token
from tongban.accounts.services import (
    do_authorize_agent,
    do_grant_role,
    do_issue_api_token,
    do_register_citizen,
    do_register_enterprise_agent,
    do_revoke_agent_authorization,
    do_revoke_api_token,
)
from tongban.accounts.testing import make_enterprise, make_region_tree, make_staff
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db
GOOD = {
    "username": "newcomer",
    "password": "Huanghe-2026-ok",
    "real_name": "王秀英",
    "id_number": "410202199001010018",
    "phone": "13812345678",
}


@pytest.fixture(autouse=True)
def _clear_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def test_it_registers_a_citizen_with_a_valid_id_number() -> None:
    user = do_register_citizen(**GOOD)
    assert user.kind == "citizen" and user.id_number == "410202199001010018"
    assert user.check_password("Huanghe-2026-ok")
    assert LedgerEntry.objects.filter(action="accounts.registered", object_id=str(user.pk)).exists()


def test_it_stores_a_new_password_with_argon2(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = do_register_citizen(**GOOD)
    assert user.password.startswith("argon2")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("id_number", "410202199001010019", "ID_NUMBER_INVALID"),  # wrong check digit
        ("id_number", "41020219900101001", "ID_NUMBER_INVALID"),  # 17 characters
        ("id_number", "410202199002300012", "ID_NUMBER_INVALID"),  # 30 February
        ("phone", "1381234567", "PHONE_INVALID"),
        ("phone", "23812345678", "PHONE_INVALID"),
        ("password", "12345678", "PASSWORD_INVALID"),
        ("real_name", "  ", "REAL_NAME_REQUIRED"),
        ("username", "a b", "USERNAME_INVALID"),
    ],
)
def test_it_refuses_bad_registration_input(field, value, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        do_register_citizen(**{**GOOD, field: value})
    assert caught.value.code == code
    assert field in caught.value.fields
    assert not User.objects.filter(username=GOOD["username"]).exists()


def test_it_accepts_an_id_number_with_a_lowercase_x() -> None:
    user = do_register_citizen(**{**GOOD, "id_number": "11010519491231002x"})
    assert user.id_number == "11010519491231002X"


def test_it_refuses_a_second_account_for_the_same_id_number() -> None:
    do_register_citizen(**GOOD)
    with pytest.raises(DomainError) as caught:
        do_register_citizen(**{**GOOD, "username": "someone-else"})
    assert caught.value.code == "REGISTRATION_NOT_COMPLETED"
    assert not User.objects.filter(username="someone-else").exists()


def test_it_refuses_a_taken_username() -> None:
    do_register_citizen(**GOOD)
    with pytest.raises(DomainError) as caught:
        do_register_citizen(**{**GOOD, "username": "NEWCOMER", "id_number": "410203198005151231"})
    assert caught.value.code == "USERNAME_TAKEN"
    assert User.objects.count() == 1


def test_issued_token_is_stored_hashed_and_expires(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_API_TOKEN_HOURS = 2
    raw, token = do_issue_api_token(citizen)
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    assert timedelta(hours=1, minutes=59) < token.expires_at - timezone.now() <= timedelta(hours=2)
    assert get_active_api_token(raw) == token
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert get_active_api_token(raw) is None


def test_revoked_token_no_longer_authenticates(citizen) -> None:  # type: ignore[no-untyped-def]
    raw, token = do_issue_api_token(citizen)
    do_revoke_api_token(token, actor=citizen)
    assert get_active_api_token(raw) is None
    assert LedgerEntry.objects.filter(action="accounts.token_revoked").count() == 1
    do_revoke_api_token(token, actor=citizen)
    assert LedgerEntry.objects.filter(action="accounts.token_revoked").count() == 1


def test_grant_role_is_idempotent_and_ledgered() -> None:
    tree = make_region_tree()
    clerk = make_staff("clerk", Role.CLERK, region=tree.city)
    do_grant_role(clerk, Role.CLERK, region=tree.city, actor=None)
    assert RoleGrant.objects.filter(user=clerk).count() == 1
    assert LedgerEntry.objects.filter(action="accounts.role_granted").count() == 1


def test_it_refuses_a_role_for_a_citizen_or_without_scope(citizen) -> None:  # type: ignore[no-untyped-def]
    tree = make_region_tree()
    with pytest.raises(DomainError) as caught:
        do_grant_role(citizen, Role.CLERK, region=tree.city, actor=None)
    assert caught.value.code == errors.NOT_A_STAFF_MEMBER.code
    staff = make_staff("admin", Role.SYSTEM_ADMIN)
    with pytest.raises(DomainError) as caught:
        do_grant_role(staff, Role.REVIEWER, actor=None)
    assert caught.value.code == errors.ROLE_SCOPE_REQUIRED.code
    assert not RoleGrant.objects.filter(role=Role.REVIEWER).exists()
    assert not RoleGrant.objects.filter(user=citizen).exists()


def test_agent_authorisation_for_enterprise_and_revocation(citizen, other_citizen) -> None:  # type: ignore[no-untyped-def]
    agent = do_register_enterprise_agent(
        "agent", "Huanghe-2026-ok", "赵敏", "410204197511112042", "13703781122",
        enterprise_name="开封市汴梁食品有限公司", credit_code="91410200MA9TEQ007A", legal_representative="赵敏",
    )  # fmt: skip
    enterprise = make_enterprise()
    assert agent_may_act_for_enterprise(agent, enterprise)
    assert not agent_may_act_for_enterprise(citizen, enterprise)
    proxy = do_authorize_agent(citizen, other_citizen, actor=other_citizen)
    assert proxy.principal == other_citizen
    authorization = AgentAuthorization.objects.get(agent=agent, enterprise=enterprise)
    do_revoke_agent_authorization(authorization, actor=None)
    assert not agent_may_act_for_enterprise(agent, enterprise)
    assert AgentAuthorization.objects.get(pk=authorization.pk).status == AgentStatus.REVOKED


def test_it_refuses_an_invalid_enterprise_credit_code() -> None:
    with pytest.raises(DomainError) as caught:
        do_register_enterprise_agent(
            "agent", "Huanghe-2026-ok", "赵敏", "410204197511112042", "13703781122",
            enterprise_name="X", credit_code="91410200MA9TEQ007B",
        )  # fmt: skip
    assert caught.value.code == "CREDIT_CODE_INVALID"
    assert not User.objects.filter(username="agent").exists()


def test_a_person_cannot_be_their_own_proxy(citizen) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError):
        do_authorize_agent(citizen, citizen, actor=citizen)
    assert not AgentAuthorization.objects.exists()
