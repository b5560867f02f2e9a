"""Recomputing stored deadlines when the calendar changes (ADR 0002): one case, or every case a year touched.

When a system administrator enters a year's State Council notice, :func:`do_recompute_deadlines_for_year` runs in
the notice's transaction (registered with ``core.calendar.register_calendar_listener`` by ``CasesConfig.ready``):
every running case whose acceptance limit or deadline may run through that year is recomputed; each case whose
date moved or stopped being provisional gets one ``case.deadline_recomputed`` ledger entry with the old and the
new dates, and its open tasks follow.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q

from tongban.cases.choices import (
    TaskKind,
)
from tongban.cases.engine.clock import local_day, span_is_provisional
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
from tongban.cases.transitions import ACTIVE_TASK_STATES, RUNNING
from tongban.catalog.choices import FLOW_STEPS
from tongban.core.calendar import add_working_days


def _refresh_own_due_dates(case: Case) -> int:
    """Tasks with their own period (核查 within N working days) recount it from the day they were created."""
    moved = 0
    for task in case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.VERIFICATION):
        step = FLOW_STEPS.get(task.step)
        if step is None or not step.due_days:
            continue
        start = local_day(task.created_at)
        due = add_working_days(start, step.due_days)
        provisional = span_is_provisional(start, due)
        if (task.due_date, task.due_provisional) != (due, provisional):
            task.due_date, task.due_provisional = due, provisional
            task.version += 1
            task.save(update_fields=["due_date", "due_provisional", "version"])
            moved += 1
    return moved


def do_refresh_deadline(case: Case, *, actor: Any = None, now: datetime | None = None) -> Case:
    """Recompute the stored (derived) deadlines of a running case, e.g. after the holiday table changed.

    Appends ``case.deadline_recomputed`` (old and new ``[acceptance limit, deadline, 容缺 supplement deadline]``,
    and whether each is provisional) only when something moved; open flow tasks follow the new deadline, 核查 tasks recount their own period.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        before = (case.acceptance_deadline, case.deadline, case.supplement_deadline)
        was_provisional = (
            case.acceptance_deadline_provisional,
            case.deadline_provisional,
            case.supplement_deadline_provisional,
        )
        changed = refreshed_deadline_fields(case, now)
        tasks_moved = _refresh_own_due_dates(case)
        if changed or tasks_moved:
            case.version_no += 1
            case.save(update_fields=[*changed, "version_no", "updated_at"])
            case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).update(
                due_date=case.deadline, due_provisional=case.deadline_provisional
            )
            append_case_ledger(
                case,
                actor,
                CaseLedgerAction.DEADLINE_RECOMPUTED,
                {
                    "state": case.state,
                    "before": [str(d) if d else None for d in before],
                    "after": [
                        str(d) if d else None
                        for d in (case.acceptance_deadline, case.deadline, case.supplement_deadline)
                    ],
                    "provisional_before": list(was_provisional),
                    "provisional_after": [
                        case.acceptance_deadline_provisional,
                        case.deadline_provisional,
                        case.supplement_deadline_provisional,
                    ],
                },
                at=now,
            )
    return case


def cases_touching_year(year: int) -> Any:
    """Running cases whose acceptance limit or deadline may run through ``year``: counted from a day up to its
    end, to a date in it or later (the provisional flag alone would miss a re-entered, corrected notice)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    reaches = Q(acceptance_deadline__gte=first) | Q(deadline__gte=first) | Q(supplement_deadline__gte=first)
    return Case.objects.filter(state__in=RUNNING, submitted_at__date__lte=last).filter(reaches)


def do_recompute_deadlines_for_year(year: int, *, actor: Any) -> int:
    """The calendar listener: recompute every running case touched by ``year`` (its notice was just entered or
    corrected by ``actor``); returns how many cases changed (recorded in the year's ledger entry)."""
    now = resolve_now(None)
    changed = 0
    for pk, before in cases_touching_year(year).order_by("pk").values_list("pk", "version_no"):
        case = do_refresh_deadline(Case(pk=pk), actor=actor, now=now)
        changed += int(case.version_no != before)
    return changed
