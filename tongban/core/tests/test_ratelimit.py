"""Rate limits for public endpoints and the one client-address resolver."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from tongban.core.errors import DomainError
from tongban.core.ratelimit import check_rate, client_address

rf = RequestFactory()


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "203.0.113.5"


@pytest.mark.parametrize(
    ("count", "header", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged entry on the left is ignored
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),  # CDN then nginx
        (1, "not-an-address", "127.0.0.1"),
        (2, "198.51.100.7", "127.0.0.1"),  # fewer hops than proxies: fall back
    ],
)
def test_behind_proxies_the_client_is_counted_from_the_right(settings, count, header, expected) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)
    assert client_address(request) == expected


def test_a_trusted_proxy_list_requires_the_request_to_come_from_it(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_TRUSTED_PROXY_COUNT = 1
    settings.TONGBAN_TRUSTED_PROXIES = ["10.8."]
    assert (
        client_address(rf.get("/", REMOTE_ADDR="10.8.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"))
        == "198.51.100.7"
    )
    assert (
        client_address(rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7"))
        == "203.0.113.9"
    )


def test_check_rate_answers_429_per_address_and_per_key(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "lookup": "2/m", "lookup_key": "3/m"}
    one, two = rf.get("/", REMOTE_ADDR="10.0.0.1"), rf.get("/", REMOTE_ADDR="10.0.0.2")
    check_rate(one, "lookup")
    check_rate(one, "lookup")
    with pytest.raises(DomainError) as caught:
        check_rate(one, "lookup")
    assert caught.value.status == 429 and caught.value.code == "TOO_MANY_REQUESTS"
    assert "频繁" in str(caught.value.message)
    check_rate(two, "lookup")  # another address is not affected
    # Per key: the same case number from many addresses.
    for ip in ("10.0.1.1", "10.0.1.2", "10.0.1.3"):
        check_rate(rf.get("/", REMOTE_ADDR=ip), "lookup_key", key="410200202701010000001")
    with pytest.raises(DomainError):
        check_rate(rf.get("/", REMOTE_ADDR="10.0.1.4"), "lookup_key", key="410200202701010000001")
    check_rate(rf.get("/", REMOTE_ADDR="10.0.1.4"), "lookup_key", key="410200202701010000002")
