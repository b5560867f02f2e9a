"""Assertion helpers for the case engine's tests: what a case recorded, and refusals that change nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tongban.cases import services
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, open_task
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.notifications.models import OutboxMessage


def actions(case: Case) -> list[str]:
    """The ledger actions recorded for ``case``, in order."""
    return list(
        LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).values_list(
            "action", flat=True
        )
    )


def events(case: Case) -> set[str]:
    """The outbox events written for ``case``."""
    return set(OutboxMessage.objects.filter(case_number=case.number).values_list("event", flat=True))


def refused(code: str, call: Callable[..., Any], *args: Any, **kwargs: Any) -> DomainError:
    """Call ``call`` and assert it is refused with ``code`` and that it wrote no ledger entry and no outbox row."""
    ledger_before, outbox_before = LedgerEntry.objects.count(), OutboxMessage.objects.count()
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    assert info.value.code == code, info.value
    assert LedgerEntry.objects.count() == ledger_before, "a refused call wrote a ledger entry"
    assert OutboxMessage.objects.count() == outbox_before, "a refused call wrote an outbox message"
    return info.value


def walk_single(world: World, case: Case) -> Case:
    """Complete 审查 → 审核 → 决定 (approve) on a single-department case, 决定 by a second approver (岗位分离)."""
    services.do_complete_task(
        open_task(case, "review"), actor=world.reviewer, outcome="approve", opinion="齐全"
    )
    services.do_complete_task(
        open_task(case, "audit"), actor=world.approver, outcome="approve", opinion="同意"
    )
    services.do_complete_task(
        open_task(case, "decide"), actor=world.approver2, outcome="approve", opinion="准予"
    )
    return Case.objects.get(pk=case.pk)
