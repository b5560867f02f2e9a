"""Transitions of the case engine, and refusals of illegal ones with nothing changed."""

from __future__ import annotations

import pytest

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, Decision
from tongban.cases.tests.factories import (
    World,
    in_review_case,
    make_item,
    make_world,
    open_task,
)
from tongban.core.models import LedgerEntry


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


def _ledger_actions(case: Case) -> list[str]:
    return list(
        LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).values_list(
            "action", flat=True
        )
    )


def test_single_department_lifecycle_runs_from_submission_to_closing(world: World) -> None:
    version = make_item(world.scjg)
    case = in_review_case(world, version)
    assert case.state == CaseState.IN_REVIEW
    assert case.number.startswith("410200")
    review = open_task(case, "review")
    services.do_complete_task(review, actor=world.reviewer, outcome="approve", opinion="材料齐全")
    audit = open_task(case, "audit")
    services.do_complete_task(audit, actor=world.approver, outcome="approve", opinion="同意")
    decide = open_task(case, "decide")
    services.do_complete_task(decide, actor=world.approver, outcome="approve", opinion="准予许可")
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED
    assert Decision.objects.get(case=case).approve
    case = services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    assert case.state == CaseState.CLOSED
    assert "case.close" in _ledger_actions(case)
