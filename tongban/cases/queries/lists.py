"""Lists of cases and tasks for the people who work them: 我的办件, the inbox with its counts, the supervision list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from tongban.accounts.choices import Role
from tongban.accounts.permissions import get_grants
from tongban.cases.access import is_signed_in
from tongban.cases.choices import DeliveryMode, ExtensionState, TaskState, WarningLevel
from tongban.cases.engine.clock import remaining_working_days, warning_level
from tongban.cases.models import Case, CaseExtension, CaseQuerySet, CaseTask
from tongban.cases.transitions import ACTIVE_TASK_STATES, RUNNING
from tongban.core.calendar import add_working_days
from tongban.core.errors import DomainError
from tongban.core.validators import parse_implementation_code

TASK_ROLES = (Role.REVIEWER, Role.APPROVER, Role.CLERK)


def offered_delivery_modes(version: Any) -> list[str]:
    """The 领取方式 an item version offers, in ``DeliveryMode`` order; window pickup when it lists none."""
    listed = set(version.delivery_modes or ()) & set(DeliveryMode.values)
    return [mode for mode in DeliveryMode.values if mode in listed] or [DeliveryMode.WINDOW.value]


def _cases() -> CaseQuerySet:
    return Case.objects.select_related(
        "version", "implementation__item", "department", "region", "applicant_user", "enterprise", "agent"
    )


def fetch_cases_for_applicant(user: Any) -> QuerySet[Case]:
    """The applicant's own and authorised cases, newest first (drafts included)."""
    return _cases().for_applicant(user).order_by("-created_at", "-id")


def fetch_cases_for_user(
    user: Any,
    *,
    role: str | None = None,
    state: str | None = None,
    implementation_code: str | None = None,
) -> QuerySet[Case]:
    """The cases ``user`` may list, newest first (the API's ``GET /cases``).

    ``role`` ``applicant``: their own, as agent or proxy, and their enterprises' (drafts included); ``staff``: the
    cases in their staff roles' scope (never drafts); neither: both together. Filtered by ``state`` and by the
    实施编码 ``implementation_code`` (an impossible code matches nothing).
    """
    if role == "applicant":
        cases = _cases().for_applicant(user)
    elif role == "staff":
        cases = _cases().for_staff(user)
    else:
        cases = _cases().for_applicant(user) | _cases().for_staff(user)
    if state:
        cases = cases.filter(state=state)
    if implementation_code is not None:
        code = parse_implementation_code(implementation_code)
        cases = cases.filter(implementation__code=code) if code else cases.none()
    return cases.order_by("-created_at", "-id")


def _task_scope(user: Any) -> Q:
    condition = Q(pk__in=[])
    for grant in get_grants(user):
        if grant.role not in TASK_ROLES:
            continue
        part = Q(role=grant.role)
        if grant.department_id is not None:
            part &= Q(department_id=grant.department_id)
        if grant.region is not None:
            part &= Q(department__region__path__startswith=grant.region.path)
        condition |= part
    return condition


def fetch_tasks_for_user(
    user: Any, *, status: str | None = None, sort: str = "remaining"
) -> QuerySet[CaseTask]:
    """The user's inbox: open tasks of their departments × roles plus tasks claimed by them.

    ``status``: ``open`` (unclaimed), ``claimed`` (by me), ``completed`` (done by me); default both active kinds.
    ``sort``: ``remaining`` (earliest deadline first), ``created`` or ``-created``.
    """
    if not is_signed_in(user):
        return CaseTask.objects.none()
    scope = _task_scope(user)
    if status == TaskState.OPEN:
        tasks = CaseTask.objects.filter(scope, state=TaskState.OPEN)
    elif status == TaskState.CLAIMED:
        tasks = CaseTask.objects.filter(state=TaskState.CLAIMED, assignee=user)
    elif status == TaskState.COMPLETED:
        tasks = CaseTask.objects.filter(state=TaskState.COMPLETED, completed_by=user)
    else:
        tasks = CaseTask.objects.filter(
            (scope & Q(state=TaskState.OPEN)) | Q(state=TaskState.CLAIMED, assignee=user)
        )
    tasks = tasks.select_related(
        "case", "case__version", "case__implementation__item", "case__department", "department", "assignee"
    ).prefetch_related("case__clock_intervals", "case__extensions")
    if sort == "created":
        return tasks.order_by("created_at", "id")
    if sort == "-created":
        return tasks.order_by("-created_at", "-id")
    return tasks.order_by(F("due_date").asc(nulls_last=True), F("case__deadline").asc(nulls_last=True), "id")


def count_tasks_for_user(user: Any, today: date | None = None) -> dict[str, int]:
    """Inbox counts: open, claimed (by me), warning (due within 2 working days), overdue, total."""
    today = today or timezone.localdate()
    active = fetch_tasks_for_user(user)
    soon = add_working_days(today, 2)
    return {
        "open": active.filter(state=TaskState.OPEN).count(),
        "claimed": active.filter(state=TaskState.CLAIMED).count(),
        "warning": active.filter(due_date__gte=today, due_date__lte=soon).count(),
        "overdue": active.filter(due_date__lt=today).count(),
        "total": active.count(),
    }


def fetch_cases_for_staff(
    user: Any, *, state: str | None = None, level: str | None = None, today: date | None = None
) -> QuerySet[Case] | list[Case]:
    """Cases in the user's staff scope (supervision list), newest first; filtered by state and warning level.

    The level is derived from the clock, so filtering by it returns a list (only cases whose clock runs can be
    yellow or red).
    """
    cases = _cases().for_staff(user).prefetch_related("clock_intervals", "extensions")
    if state:
        cases = cases.filter(state=state)
    cases = cases.order_by("-submitted_at", "-id")
    if not level:
        return cases
    running = cases.filter(state__in=RUNNING)
    if level == WarningLevel.NONE:
        return [c for c in cases if warning_level(c, today) == WarningLevel.NONE]
    return [c for c in running if warning_level(c, today) == level]


def fetch_open_tasks_for_case(case: Case) -> list[CaseTask]:
    """The active tasks of a case (for case pages and the API)."""
    return list(
        case.tasks.filter(state__in=ACTIVE_TASK_STATES)
        .select_related("department", "assignee")
        .order_by("created_at", "id")
    )


def clock_summary(case: Case, today: date | None = None) -> dict[str, Any]:
    """Deadline, remaining working days and warning level for display (``None``s when the calendar cannot say)."""
    try:
        remaining = remaining_working_days(case, today)
        level = warning_level(case, today)
    except DomainError:
        remaining, level = None, WarningLevel.NONE
    stopped = any(interval.ended_at is None for interval in case.clock_intervals.all())
    deadline = case.deadline if case.accepted_at else case.acceptance_deadline
    return {
        "deadline": deadline,
        "remaining_working_days": remaining,
        "warning_level": level,
        "stopped": stopped,
    }


def fetch_pending_extensions_for_supervisor(user: Any) -> list[CaseExtension]:
    """Pending extension requests (延期) on cases in the supervisor's scope, oldest first."""
    if not is_signed_in(user):
        return []
    cases = Case.objects.for_staff(user).values("pk")
    return list(
        CaseExtension.objects.filter(case_id__in=cases, state=ExtensionState.PENDING)
        .select_related("case", "requested_by")
        .order_by("requested_at")
    )
