"""Recomputing stored deadlines when the calendar changes (ADR 0002): one case, or every case a year touched."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from tongban.cases.choices import (
    TaskKind,
)
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import (
    Case,
)
from tongban.cases.services._kernel import (
    append_case_ledger,
    lock_case,
    refreshed_deadline_fields,
    resolve_now,
)
from tongban.cases.transitions import ACTIVE_TASK_STATES


def do_refresh_deadline(case: Case, *, now: datetime | None = None) -> Case:
    """Recompute the stored (derived) deadlines of a running case, e.g. after the holiday table changed.

    Appends ``case.refresh_deadline`` only when a date moved; open flow tasks follow the new deadline.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        before = (case.acceptance_deadline, case.deadline)
        changed = refreshed_deadline_fields(case, now)
        if changed:
            case.version_no += 1
            case.save(update_fields=[*changed, "version_no", "updated_at"])
            case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).update(due_date=case.deadline)
            append_case_ledger(
                case,
                None,
                CaseLedgerAction.DEADLINE_RECOMPUTED,
                {
                    "state": case.state,
                    "before": [str(d) if d else None for d in before],
                    "after": [
                        str(case.acceptance_deadline) if case.acceptance_deadline else None,
                        str(case.deadline) if case.deadline else None,
                    ],
                },
                at=now,
            )
    return case
