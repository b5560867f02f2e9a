"""Reads of the case engine: access helpers, scoped lists, inbox, timeline, public progress (ADR 0007).

Access helpers give the same "not found" for a missing and a forbidden object (ARCHITECTURE §5.4); list scoping
lives in one place, :func:`case_visibility_filter`, used by ``Case.objects.visible_to``.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.accounts.choices import AgentStatus, Role
from tongban.accounts.models import AgentAuthorization
from tongban.accounts.permissions import get_grants, user_has_role
from tongban.cases import errors
from tongban.cases.choices import (
    CaseAction,
    CaseState,
    DeliveryMode,
    SpecialProcedureKind,
    TaskOutcome,
    TaskState,
    WarningLevel,
)
from tongban.cases.clock import remaining_working_days, warning_level
from tongban.cases.flows import STEPS
from tongban.cases.models import Case, CaseQuerySet, CaseTask
from tongban.core.calendar import add_working_days
from tongban.core.models import LedgerEntry

STAFF_CASE_ROLES = (Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.SUPERVISOR)
TASK_ROLES = (Role.REVIEWER, Role.APPROVER, Role.CLERK)
PUBLIC_PAGE_SIZE = 20


def _authenticated(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", True)


def _authorised_targets(user: Any) -> tuple[list[int], list[int]]:
    """(enterprise ids, principal user ids) ``user`` holds an active authorisation for."""
    today = timezone.localdate()
    rows = (
        AgentAuthorization.objects.filter(agent=user, status=AgentStatus.ACTIVE)
        .exclude(valid_until__lt=today)
        .values_list("enterprise_id", "principal_id")
    )
    enterprises = [e for e, _p in rows if e is not None]
    principals = [p for _e, p in rows if p is not None]
    return enterprises, principals


def applicant_filter(user: Any) -> Q:
    """Cases ``user`` sees as applicant: their own, acted on as agent/proxy, or held through an authorisation."""
    enterprises, principals = _authorised_targets(user)
    # Not ``created_by``: a clerk who took in a case at the window reaches it through the clerk role, not as applicant.
    condition = Q(applicant_user=user) | Q(agent=user)
    if enterprises:
        condition |= Q(enterprise_id__in=enterprises)
    if principals:
        condition |= Q(applicant_user_id__in=principals)
    return condition


def staff_filter(user: Any) -> Q:
    """Cases in the scope of the user's staff roles (never drafts); a grant without scope covers every case."""
    condition = Q(pk__in=[])
    for grant in get_grants(user):
        if grant.role not in STAFF_CASE_ROLES:
            continue
        if grant.department_id is None and grant.region_id is None:
            return ~Q(state=CaseState.DRAFT)
        part = Q()
        if grant.department_id is not None:
            # A parallel review department sees the cases it has (had) a task on.
            in_department = Q(department_id=grant.department_id) | Q(
                pk__in=CaseTask.objects.filter(department_id=grant.department_id).values("case_id")
            )
            part &= in_department
        if grant.region is not None:
            part &= Q(region_path__startswith=grant.region.path)
        condition |= part
    return condition & ~Q(state=CaseState.DRAFT)


def case_visibility_filter(user: Any) -> Q | None:
    """The one scoping rule for case lists: applicant side OR staff scope; ``None`` = unrestricted."""
    if not _authenticated(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    return applicant_filter(user) | staff_filter(user)


def offered_delivery_modes(version: Any) -> list[str]:
    """The 领取方式 an item version offers, in ``DeliveryMode`` order; window pickup when it lists none."""
    listed = set(version.delivery_modes or ()) & set(DeliveryMode.values)
    return [mode for mode in DeliveryMode.values if mode in listed] or [DeliveryMode.WINDOW.value]


def _cases() -> CaseQuerySet:
    return Case.objects.select_related(
        "version", "implementation__item", "department", "region", "applicant_user", "enterprise", "agent"
    )


def access_case_by_number(user: Any, number: str) -> Case:
    """The case numbered ``number`` if ``user`` may see it; ``CASE_NOT_FOUND`` for missing and forbidden alike."""
    number = str(number or "").strip()
    valid = number and "\x00" not in number and len(number) <= 40
    case = _cases().visible_to(user).filter(number=number).first() if valid else None
    if case is None:
        raise errors.CASE_NOT_FOUND.error()
    return case


def access_case_by_ref(user: Any, ref: str) -> Case:
    """The case by number or by draft ``public_id`` (UUID), with the same not-found rule."""
    ref = str(ref or "").strip()
    try:
        public_id = uuid.UUID(ref)
    except ValueError:
        return access_case_by_number(user, ref)
    case = _cases().visible_to(user).filter(public_id=public_id).first()
    if case is None:
        raise errors.CASE_NOT_FOUND.error()
    return case


def access_task_by_id(user: Any, task_id: Any) -> CaseTask:
    """A task the user may work (the task's role in its department, or assigned to them); else ``TASK_NOT_FOUND``."""
    try:
        pk = int(task_id)
    except (TypeError, ValueError):
        raise errors.TASK_NOT_FOUND.error() from None
    task = (
        CaseTask.objects.select_related("case", "case__version", "case__implementation__item", "department")
        .filter(pk=pk)
        .first()
    )
    if task is None or not _authenticated(user):
        raise errors.TASK_NOT_FOUND.error()
    if task.assignee_id != user.pk and not user_has_role(user, task.role, department=task.department):
        raise errors.TASK_NOT_FOUND.error()
    return task


def fetch_cases_for_applicant(user: Any) -> QuerySet[Case]:
    """The applicant's own and authorised cases, newest first (drafts included)."""
    if not _authenticated(user):
        return Case.objects.none()
    return _cases().filter(applicant_filter(user)).order_by("-created_at", "-id")


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
    if not _authenticated(user):
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
    if not _authenticated(user):
        return Case.objects.none()
    scope = staff_filter(user) if not user.is_superuser else None
    cases = _cases().exclude(state=CaseState.DRAFT).prefetch_related("clock_intervals", "extensions")
    if scope is not None:
        cases = cases.filter(scope)
    if state:
        cases = cases.filter(state=state)
    cases = cases.order_by("-submitted_at", "-id")
    if not level:
        return cases
    running = cases.filter(
        state__in=(
            CaseState.SUBMITTED,
            CaseState.CORRECTION_REQUESTED,
            CaseState.ACCEPTED,
            CaseState.IN_REVIEW,
            CaseState.SPECIAL_PROCEDURE,
        )
    )
    if level == WarningLevel.NONE:
        return [c for c in cases if warning_level(c, today) == WarningLevel.NONE]
    return [c for c in running if warning_level(c, today) == level]


# --- timeline ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's timeline, derived from its ledger entries."""

    time: datetime
    actor_label: str
    action_label: str
    detail: str


def _action_label(action: str) -> str:
    verb = action.removeprefix("case.")
    labels = {
        "create": _("创建申请"),
        "update_draft": _("保存草稿"),
        "add_material": _("上传材料"),
        "remove_material": _("删除材料"),
        "sign_commitment": _("签署告知承诺书"),
        "prereview": _("材料预审"),
        "supplement": _("补交容缺材料"),
        "task_claim": _("签收任务"),
        "task_release": _("退回任务至待签收"),
        "task_complete": _("办理环节"),
        "task_transfer": _("转办"),
        "task_add_signer": _("加签"),
        "request_extension": _("申请延期"),
        "decide_extension": _("审批延期"),
        "delivery_chosen": _("选择领取方式"),
    }
    if verb in labels:
        return str(labels[verb])
    try:
        return str(CaseAction(verb).label)
    except ValueError:
        return verb


def step_label(step: str) -> str:
    """The Chinese name of a BPMN step key (``dept_review`` → 部门审查); unknown keys unchanged."""
    known = STEPS.get(step)
    return known.label if known is not None else step


def _delivery_label(mode: Any) -> str:
    try:
        return str(DeliveryMode(mode).label)
    except ValueError:
        return str(mode or "")


def _detail(entry: LedgerEntry) -> str:
    data = entry.data or {}
    parts = []
    if "step" in data and "outcome" in data:
        try:
            outcome = str(TaskOutcome(data["outcome"]).label)
        except ValueError:
            outcome = data["outcome"]
        parts.append(f"{step_label(data['step'])}：{outcome}")
    if entry.action == "case.delivery_chosen":
        parts.append(_delivery_label(data.get("mode")))
    for key, label in (
        ("name", _("材料")),
        ("reason", _("原因")),
        ("notice", _("文书")),
        ("deadline", _("期限")),
    ):
        if data.get(key):
            parts.append(f"{label}：{data[key]}")
    if data.get("procedure"):
        try:
            parts.append(str(SpecialProcedureKind(data["procedure"]).label))
        except ValueError:
            parts.append(str(data["procedure"]))
    if "to" in data and "from" in data:
        with contextlib.suppress(ValueError):
            parts.append(f"{CaseState(data['from']).label} → {CaseState(data['to']).label}")
    return "；".join(str(p) for p in parts)


def _entries(case: Case) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq")


def fetch_case_timeline(case: Case) -> list[TimelineEntry]:
    """The staff timeline: every ledger entry of the case with actor, Chinese action label and detail."""
    return [
        TimelineEntry(e.created_at, e.actor_label, _action_label(e.action), _detail(e))
        for e in _entries(case)
    ]


# Plain words for applicants; actions not listed here are internal and not shown.
PLAIN_LABELS = {
    "case.create": _("您创建了申请"),
    "case.submit": _("申请已提交，等待受理"),
    "case.request_correction": _("需要补正材料（请查看一次性告知书）"),
    "case.resubmit": _("已补正并重新提交"),
    "case.accept": _("申请已受理"),
    "case.start_review": _("进入审查"),
    "case.refuse_acceptance": _("申请不予受理"),
    "case.start_special_procedure": _("进入特别程序（该期间不计入办理时限）"),
    "case.finish_special_procedure": _("特别程序结束，继续审查"),
    "case.decide_extension": _("办理期限调整"),
    "case.decide": _("已作出审批决定"),
    "case.deliver": _("办理结果已送达"),
    "case.close": _("办结"),
    "case.withdraw": _("申请已撤回"),
    "case.terminate": _("办理已终止"),
    "case.supplement": _("已补交容缺材料"),
    "case.sign_commitment": _("已签署告知承诺书"),
    "case.delivery_chosen": _("您选择了领取方式"),
}


def plain_timeline(case: Case) -> list[TimelineEntry]:
    """The applicant's timeline: plain-language milestones, no staff names, no internal steps."""
    result = []
    for entry in _entries(case).filter(action__in=list(PLAIN_LABELS)):
        if entry.action == "case.decide_extension" and not (entry.data or {}).get("approved"):
            continue
        detail = ""
        if entry.action == "case.decide":
            detail = str(_("准予")) if (entry.data or {}).get("approve") else str(_("不予"))
        elif entry.action in ("case.delivery_chosen", "case.deliver"):
            detail = _delivery_label((entry.data or {}).get("mode"))
        result.append(TimelineEntry(entry.created_at, "", str(PLAIN_LABELS[entry.action]), detail))
    return result


# --- public --------------------------------------------------------------------------------------------------------


def _public_result(case: Case) -> str:
    decision = (
        getattr(case, "decision", None)
        if case.state in (CaseState.DECIDED, CaseState.DELIVERED, CaseState.CLOSED)
        else None
    )
    if decision is not None:
        return str(_("准予")) if decision.approve else str(_("不予"))
    if case.state == CaseState.NOT_ACCEPTED:
        return str(_("不予受理"))
    return ""


def get_public_progress(number: str, code: str) -> dict[str, Any]:
    """Public progress of a case by number + query code (办件查询); no personal data. ``CASE_NOT_FOUND`` otherwise."""
    number = str(number or "").strip()
    code = str(code or "").strip().upper()
    if "\x00" in number + code:
        raise errors.CASE_NOT_FOUND.error()
    case = (
        Case.objects.select_related("implementation__item", "department", "decision")
        .filter(number=number)
        .exclude(state=CaseState.DRAFT)
        .first()
        if number and code
        else None
    )
    if case is None or not case.query_code or case.query_code != code:
        raise errors.CASE_NOT_FOUND.error()
    return {
        "number": case.number,
        "item_code": case.implementation.code,
        "item_name": case.implementation.item.name,
        "department": case.department.name,
        "state": case.state,
        "state_label": str(CaseState(case.state).label),
        "result": _public_result(case),
        "submitted_at": case.submitted_at,
        "accepted_at": case.accepted_at,
        "deadline": case.deadline,
        "decided_at": case.decided_at,
        "closed_at": case.closed_at,
    }


def _mask_name(name: str) -> str:
    try:
        from tongban.core.masking import mask_name
    except ImportError:  # pragma: no cover
        return (name[:1] + "*" * max(len(name) - 1, 1)) if name else ""
    return mask_name(name)


MAX_PUBLIC_PAGE = 100_000  # 2,000,000 cases back; deeper history is for supervisors, not the public page


def fetch_public_disclosure(department: Any = None, page: int = 1) -> list[dict[str, Any]]:
    """Recent submitted cases for public disclosure (办件公示) with masked applicant names, 20 per page.

    The page number is clamped: a huge ``?page=`` would otherwise overflow the SQL OFFSET (a 500 on both databases).
    """
    page = min(max(int(page or 1), 1), MAX_PUBLIC_PAGE)
    cases = (
        Case.objects.select_related("implementation__item", "department", "decision")
        .exclude(state=CaseState.DRAFT)
        .filter(number__isnull=False)
        .order_by("-submitted_at", "-id")
    )
    if department is not None:
        cases = cases.filter(department=department)
    start = (page - 1) * PUBLIC_PAGE_SIZE
    return [
        {
            "number": c.number,
            "item_name": c.implementation.item.name,
            "department": c.department.name,
            "applicant": _mask_name(c.applicant_name),
            "state": c.state,
            "state_label": str(CaseState(c.state).label),
            "result": _public_result(c),
            "submitted_at": c.submitted_at,
            "closed_at": c.closed_at,
        }
        for c in cases[start : start + PUBLIC_PAGE_SIZE]
    ]


def fetch_open_tasks_for_case(case: Case) -> list[CaseTask]:
    """The active tasks of a case (for case pages and the API)."""
    return list(
        case.tasks.filter(state__in=(TaskState.OPEN, TaskState.CLAIMED))
        .select_related("department", "assignee")
        .order_by("created_at", "id")
    )


def clock_summary(case: Case, today: date | None = None) -> dict[str, Any]:
    """Deadline, remaining working days and warning level for display (``None``s when the calendar cannot say)."""
    from tongban.core.errors import DomainError

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
