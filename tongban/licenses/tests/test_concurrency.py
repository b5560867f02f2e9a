"""Races on PostgreSQL with real threads and committed transactions: serials handed out at once, two staff acting
on one licence at once. (SQLite serialises writers by design; these run on PostgreSQL.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from tongban.cases.tests.factories import make_world
from tongban.core.errors import DomainError
from tongban.licenses import services
from tongban.licenses.identifier import is_valid_identifier
from tongban.licenses.models import License
from tongban.licenses.tests.factories import case_for, issue_license, make_license_item, make_license_type

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.DB_IS_POSTGRES, reason="thread races need PostgreSQL"),
]


def _race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released together; each result is the return value or the exception."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_licences_issued_at_once_get_distinct_serials() -> None:
    world = make_world()
    license_type = make_license_type()
    issue_license(world, license_type)  # keys, seal and the serial row exist; the race is about the counter
    version = make_license_item(world.scjg, license_type)
    cases = [case_for(world, version) for _ in range(6)]
    results = _race(
        [lambda case=case: services.issue_for_case(case, actor=world.approver) for case in cases]  # type: ignore[misc]
    )
    assert all(isinstance(r, License) for r in results), results
    serials = sorted(r.serial for r in results)
    assert serials == [f"{n:08d}" for n in range(2, 8)]
    assert all(is_valid_identifier(r.identifier) for r in results)


def test_two_staff_revoking_and_suspending_at_once_one_wins() -> None:
    world = make_world()
    lic = issue_license(world, make_license_type())
    results = _race(
        [
            lambda: services.do_revoke_license(lic, actor=world.approver, reason="甲", legal_basis="依据"),
            lambda: services.do_correct_license(lic, actor=world.approver2, face=lic.face, reason="乙"),
        ]
    )
    wins = [r for r in results if isinstance(r, License)]
    refusals = [r for r in results if isinstance(r, DomainError)]
    assert len(wins) == 1 and len(refusals) == 1, results
    assert refusals[0].code == "LICENSE_TRANSITION_NOT_ALLOWED"
    state = License.objects.get(pk=lic.pk).state
    assert state in ("revoked", "superseded")
    assert License.objects.count() == (2 if state == "superseded" else 1)
