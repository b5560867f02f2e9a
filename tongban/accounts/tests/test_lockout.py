"""Lockout with django-axes: per account and source address, growing delay, staff ledgered, no kill switch."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
import time_machine
from axes.handlers.proxy import AxesProxyHandler
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone

from tongban.accounts.choices import Role
from tongban.accounts.models import User
from tongban.accounts.services import check_login
from tongban.accounts.testing import PERSONA_PASSWORD, make_region_tree, make_staff
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db
START = timezone.datetime(2027, 3, 1, 9, 0, tzinfo=timezone.get_current_timezone())


def _request(ip: str = "10.0.0.1", **meta):  # type: ignore[no-untyped-def]
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=ip, **meta)


def _code(ip: str, username: str, password: str) -> str:
    try:
        check_login(_request(ip), username, password)
    except DomainError as exc:
        return exc.code
    return "OK"


@pytest.fixture(autouse=True)
def _limits(settings):  # type: ignore[no-untyped-def]
    settings.TONGBAN_LOGIN_MAX_FAILURES = 3
    settings.TONGBAN_LOGIN_LOCK_MINUTES = 5
    settings.TONGBAN_STAFF_LOGIN_LOCK_MINUTES = 15


def test_a_stranger_locks_only_their_own_address_not_the_real_user(citizen) -> None:  # type: ignore[no-untyped-def]
    codes = [_code("203.0.113.66", "citizen", "guess") for _ in range(4)]
    assert codes == ["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED", "ACCOUNT_LOCKED"]
    # The right password from the attacker's address does not help while that pair is locked ...
    assert _code("203.0.113.66", "citizen", PERSONA_PASSWORD) == "ACCOUNT_LOCKED"
    # ... but the real user, from their own address, signs in at once.
    assert _code("198.51.100.7", "citizen", PERSONA_PASSWORD) == "OK"


def test_unknown_and_real_usernames_lock_alike(citizen) -> None:  # type: ignore[no-untyped-def]
    real = [_code("10.0.0.9", "citizen", "wrong") for _ in range(4)]
    unknown = [_code("10.0.0.9", "no-such-user", "wrong") for _ in range(4)]
    assert (
        real == unknown == ["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED", "ACCOUNT_LOCKED"]
    )
    assert not User.objects.filter(username="no-such-user").exists()


def test_the_delay_grows_with_each_lockout_and_success_resets_it(citizen) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(3):
            _code("10.0.0.2", "citizen", "wrong")
        assert _code("10.0.0.2", "citizen", PERSONA_PASSWORD) == "ACCOUNT_LOCKED"
        clock.shift(timedelta(minutes=5, seconds=1))
        # First lock lasted 5 minutes; three more failures lock again, now for 10.
        for _ in range(3):
            _code("10.0.0.2", "citizen", "wrong")
        clock.shift(timedelta(minutes=6))
        assert _code("10.0.0.2", "citizen", PERSONA_PASSWORD) == "ACCOUNT_LOCKED"
        clock.shift(timedelta(minutes=4, seconds=1))
        assert _code("10.0.0.2", "citizen", PERSONA_PASSWORD) == "OK"
        # Success forgot the level: the next lock is 5 minutes again.
        for _ in range(3):
            _code("10.0.0.2", "citizen", "wrong")
        clock.shift(timedelta(minutes=5, seconds=1))
        assert _code("10.0.0.2", "citizen", PERSONA_PASSWORD) == "OK"


def test_staff_lockout_is_longer_and_ledgered() -> None:
    clerk = make_staff("clerk", Role.CLERK, region=make_region_tree().city)
    with time_machine.travel(START, tick=False) as clock:
        codes = [_code("10.0.0.3", "clerk", "wrong") for _ in range(3)]
        assert codes[-1] == "ACCOUNT_LOCKED"
        entry = LedgerEntry.objects.get(action="accounts.locked", object_id=str(clerk.pk))
        assert entry.data == {"address": "10.0.0.3", "minutes": 15}
        clock.shift(timedelta(minutes=10))
        assert _code("10.0.0.3", "clerk", PERSONA_PASSWORD) == "ACCOUNT_LOCKED"
        clock.shift(timedelta(minutes=5, seconds=1))
        assert _code("10.0.0.3", "clerk", PERSONA_PASSWORD) == "OK"


def test_a_citizen_lockout_writes_no_ledger_entry(citizen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        _code("10.0.0.4", "citizen", "wrong")
    assert not LedgerEntry.objects.filter(action="accounts.locked").exists()


def test_the_forwarded_address_counts_only_behind_a_trusted_proxy(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    # Without a trusted proxy, X-Forwarded-For is what the client claims: every request counts as REMOTE_ADDR.
    for ip in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        with pytest.raises(DomainError):
            check_login(_request("10.0.0.5", HTTP_X_FORWARDED_FOR=ip), "citizen", "wrong")
    with pytest.raises(DomainError) as caught:
        check_login(_request("10.0.0.5", HTTP_X_FORWARDED_FOR="4.4.4.4"), "citizen", PERSONA_PASSWORD)
    assert caught.value.code == "ACCOUNT_LOCKED"


def test_behind_nginx_each_client_is_counted_by_its_own_address(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"  # everyone reaches Django through the proxy
    for _ in range(3):
        with pytest.raises(DomainError):
            # The attacker also sends a forged header; the proxy appends the real address after it.
            check_login(_request(proxy, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.66"), "citizen", "x")
    with pytest.raises(DomainError) as caught:
        check_login(_request(proxy, HTTP_X_FORWARDED_FOR="203.0.113.66"), "citizen", PERSONA_PASSWORD)
    assert caught.value.code == "ACCOUNT_LOCKED"
    user = check_login(_request(proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"), "citizen", PERSONA_PASSWORD)
    assert user.pk == citizen.pk


def test_the_login_rate_limit_answers_429_per_address(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "login": "4/m"}
    for name in ("a1", "a2", "a3", "a4"):
        assert _code("10.0.0.6", name, "x") == "INVALID_CREDENTIALS"
    assert _code("10.0.0.6", "citizen", PERSONA_PASSWORD) == "TOO_MANY_REQUESTS"
    assert _code("10.0.0.7", "citizen", PERSONA_PASSWORD) == "OK"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason="Redis is not reachable at 127.0.0.1:6379")
def test_counters_are_shared_through_redis(citizen, settings) -> None:  # type: ignore[no-untyped-def]
    """Two processes with their own cache clients (two Django cache objects) see the same lockout in Redis."""
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
    settings.CACHES = {"default": redis, "other": redis}
    AxesProxyHandler.implementation = None  # axes keeps its handler (and its cache object) per process
    caches["default"].clear()
    try:
        for _ in range(3):
            _code("10.0.0.8", "citizen", "wrong")
        assert any(key.startswith(b":1:axes-") for key in caches["default"]._cache.get_client().keys("*"))
        settings.AXES_CACHE = "other"  # a second "process": another client object on the same Redis
        settings.RATELIMIT_USE_CACHE = "other"
        AxesProxyHandler.implementation = None
        assert caches["other"] is not caches["default"]
        assert _code("10.0.0.8", "citizen", PERSONA_PASSWORD) == "ACCOUNT_LOCKED"
        assert _code("10.0.0.9", "citizen", PERSONA_PASSWORD) == "OK"
    finally:
        caches["default"].clear()
        AxesProxyHandler.implementation = None
