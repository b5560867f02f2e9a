"""Lists of cases and tasks for the people who work them: 我的办件, the inbox with its counts, the supervision list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case as DbCase
from django.db.models import (
    CharField,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from tongban.accounts.access import get_grants
from tongban.accounts.choices import Role
from tongban.cases.access import is_signed_in
from tongban.cases.choices import CaseState, DeliveryMode, ExtensionState, TaskState, WarningLevel
from tongban.cases.engine.clock import YELLOW_DAYS, remaining_working_days, warning_level
from tongban.cases.models import Case, CaseExtension, CaseQuerySet, CaseTask, ClockInterval
from tongban.cases.transitions import ACCEPTANCE_CLOCK, ACTIVE_TASK_STATES, REVIEW, RUNNING
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
    """The applicant's own and authorised cases, the last changed first (drafts included)."""
    return _cases().for_applicant(user).order_by("-updated_at", "-id")


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


LEVEL_ORDER = (WarningLevel.RED, WarningLevel.YELLOW, WarningLevel.GREEN, WarningLevel.NONE)


def _yellow_window(limit: int) -> int:
    """The remaining working days at or below which a clock of ``limit`` days is yellow (clock.warning_level)."""
    return max(YELLOW_DAYS, limit // 5 if limit else 0)  # 20% of the limit, rounded down


def annotate_warning_levels(cases: QuerySet[Case], today: date | None = None) -> QuerySet[Case]:
    """``cases`` annotated with ``level`` and ``clock_due`` (the deadline that currently matters), in SQL.

    The level follows :func:`tongban.cases.engine.clock.warning_level` exactly: for a running clock it compares
    the stored deadline (``acceptance_deadline`` before acceptance, ``deadline`` after; both kept current by the
    services) with today and with the day the yellow window opens, one threshold per distinct time limit (a
    handful). A case whose clock is stopped is frozen at the stop's start day; those few are computed by the
    clock itself and passed in by id. Queries: one for the distinct limits, one for the stopped cases, then the
    list itself, however many cases there are.
    """
    today = today or timezone.localdate()
    open_stop = ClockInterval.objects.filter(case=OuterRef("pk"), ended_at__isnull=True)
    before_acceptance = Q(accepted_at__isnull=True, state__in=ACCEPTANCE_CLOCK)
    after_acceptance = Q(state__in=REVIEW) | Q(
        state=CaseState.CORRECTION_REQUESTED, accepted_at__isnull=False
    )
    cases = cases.annotate(
        clock_due=DbCase(
            When(before_acceptance, then=F("acceptance_deadline")),
            When(after_acceptance, then=F("deadline")),
            default=Value(None),
            output_field=DateField(),
        ),
        clock_limit=DbCase(
            When(before_acceptance, then=F("version__acceptance_days")),
            When(after_acceptance, then=F("time_limit_days")),
            default=Value(None),
            output_field=IntegerField(),
        ),
        clock_stopped=Exists(open_stop),
    )
    running = cases.filter(clock_due__isnull=False)
    stopped: dict[str, list[int]] = {level: [] for level in LEVEL_ORDER}
    for case in running.filter(clock_stopped=True).prefetch_related("clock_intervals", "extensions"):
        try:
            stopped[warning_level(case, today)].append(case.pk)
        except DomainError:
            stopped[WarningLevel.NONE].append(case.pk)
    windows: dict[int, list[int]] = {}
    for limit in running.filter(clock_stopped=False).values_list("clock_limit", flat=True).distinct():
        windows.setdefault(_yellow_window(limit or 0), []).append(limit)
    yellow = Q(pk__in=[])
    for window, limits in windows.items():
        try:
            opens = add_working_days(today, window + 1)  # remaining ≤ window ⟺ due < the (window+1)th day
        except DomainError:
            continue  # the calendar cannot say: those cases stay green rather than break the list
        yellow |= Q(clock_limit__in=[x for x in limits if x is not None], clock_due__lt=opens)
        if None in limits:
            yellow |= Q(clock_limit__isnull=True, clock_due__lt=opens)
    return cases.annotate(
        level=DbCase(
            *(When(pk__in=ids, then=Value(level)) for level, ids in stopped.items() if ids),
            When(clock_due__isnull=True, then=Value(WarningLevel.NONE.value)),
            When(clock_due__lt=today, then=Value(WarningLevel.RED.value)),
            When(yellow, then=Value(WarningLevel.YELLOW.value)),
            default=Value(WarningLevel.GREEN.value),
            output_field=CharField(),
        ),
    ).annotate(
        level_rank=DbCase(
            *(When(level=level, then=Value(rank)) for rank, level in enumerate(LEVEL_ORDER)),
            default=Value(len(LEVEL_ORDER)),
            output_field=IntegerField(),
        ),
    )


def fetch_cases_for_supervision(
    user: Any, *, state: str | None = None, level: str | None = None, today: date | None = None
) -> tuple[QuerySet[Case], dict[str, int]]:
    """The supervision list (电子监察): cases in scope, overdue (red) first, then yellow, green and the rest.

    Within a level the nearest (most overdue) deadline comes first, then the newest submission. Returns the
    ordered queryset (filtered by ``state`` and ``level``) and the counts by level of the state-filtered list
    (``{"red", "yellow", "green", "none"}``, one aggregate query).
    """
    scoped: QuerySet[Case] = _cases().for_staff(user).prefetch_related("clock_intervals", "extensions")
    if state:
        scoped = scoped.filter(state=state)
    cases = annotate_warning_levels(scoped, today)
    # The annotations are not model fields, so the lookups go through Q objects (django-stubs checks kwargs).
    counts = cases.aggregate(**{str(lvl): Count("pk", filter=Q(("level", lvl.value))) for lvl in LEVEL_ORDER})
    if level in WarningLevel.values:
        cases = cases.filter(Q(("level", level)))
    ordered = cases.order_by(F("level_rank"), F("clock_due").asc(nulls_last=True), "-submitted_at", "-id")
    return ordered, {str(k): int(v or 0) for k, v in counts.items()}


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
    provisional = case.deadline_provisional if case.accepted_at else case.acceptance_deadline_provisional
    return {
        "deadline": deadline,
        "deadline_provisional": provisional,
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
