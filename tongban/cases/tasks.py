"""Background jobs of ``cases`` (``django.tasks``; run by django-tasks-db workers, or immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.services import do_refresh_deadline
from tongban.core.errors import DomainError

RUNNING_STATES = (
    CaseState.SUBMITTED,
    CaseState.CORRECTION_REQUESTED,
    CaseState.ACCEPTED,
    CaseState.IN_REVIEW,
    CaseState.SPECIAL_PROCEDURE,
)


@task()
def refresh_deadlines() -> dict[str, int]:
    """Recompute the stored deadlines of every running case (after an administrator edits the holiday table).

    Idempotent: a case whose dates did not move is left alone. Cases whose period runs into a year without holiday
    data are counted as ``skipped`` (the calendar refuses to guess, ARCHITECTURE §5.2).
    """
    counts = {"checked": 0, "skipped": 0}
    for pk in Case.objects.filter(state__in=RUNNING_STATES).values_list("pk", flat=True).iterator():
        counts["checked"] += 1
        try:
            do_refresh_deadline(Case(pk=pk))
        except DomainError:
            counts["skipped"] += 1
    return counts
