"""Races on PostgreSQL with real threads and committed transactions: one task completed twice, one idempotency
key used twice, many submissions numbered at once. (SQLite serialises writers by design; these run on PostgreSQL.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from tongban.cases import services
from tongban.cases.models import Case, CaseTask
from tongban.cases.tests.factories import in_review_case, make_item, make_world, open_task
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

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
        thread.join(timeout=60)
    return results


def test_two_reviewers_completing_one_task_exactly_one_succeeds() -> None:
    world = make_world()
    case = in_review_case(world, make_item(world.scjg, materials=()))
    task = open_task(case, "review")
    results = _race(
        [
            lambda: services.do_complete_task(task, actor=world.reviewer, outcome="approve", opinion="甲"),
            lambda: services.do_complete_task(task, actor=world.reviewer2, outcome="approve", opinion="乙"),
        ]
    )
    successes = [r for r in results if isinstance(r, CaseTask)]
    failures = [r for r in results if isinstance(r, DomainError)]
    assert len(successes) == 1 and len(failures) == 1, results
    assert failures[0].code == "TASK_ALREADY_COMPLETED" and failures[0].status == 409
    assert CaseTask.objects.filter(case=case, step="audit").count() == 1
    completions = LedgerEntry.objects.filter(object_id=str(case.pk), action="case.task_completed").count()
    assert completions == 1


def test_two_submissions_with_one_idempotency_key_make_one_case() -> None:
    world = make_world()
    version = make_item(world.scjg, materials=())
    results = _race(
        [
            lambda: services.do_create_case(
                actor=world.citizen, version=version, idempotency_key="same", submit=True
            )
            for _ in range(2)
        ]
    )
    assert all(isinstance(r, Case) for r in results), results
    assert results[0].pk == results[1].pk
    assert Case.objects.filter(created_by=world.citizen).count() == 1
    case = Case.objects.get(created_by=world.citizen)
    assert (
        case.number
        and LedgerEntry.objects.filter(object_id=str(case.pk), action="case.submitted").count() == 1
    )


def test_concurrent_submissions_get_distinct_consecutive_numbers() -> None:
    world = make_world()
    version = make_item(world.scjg, materials=())
    drafts = [services.do_create_case(actor=world.citizen, version=version) for _ in range(8)]
    results = _race([lambda d=d: services.do_submit_case(d, actor=world.citizen) for d in drafts])
    assert all(isinstance(r, Case) for r in results), results
    numbers = sorted(r.number for r in results)
    assert len(set(numbers)) == 8
    assert [int(n[-6:]) for n in numbers] == list(range(1, 9))
