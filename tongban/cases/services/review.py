"""Review (审查): starting the flow, mirroring its ready tasks, and the task services (签收, 办理, 转办, 加签)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tongban.accounts.access import departments_for_role, user_has_role
from tongban.accounts.choices import Role
from tongban.cases import access, errors
from tongban.cases.choices import (
    CaseAction,
    CaseState,
    TaskKind,
    TaskOutcome,
    TaskState,
)
from tongban.cases.engine.clock import (
    local_day,
    span_is_provisional,
)
from tongban.cases.engine.flows import (
    complete_user_task,
    dump_workflow,
    load_workflow,
    ready_user_tasks,
    start_workflow,
    workflow_value,
)
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import (
    Case,
    CaseTask,
)
from tongban.cases.services._kernel import (
    TASK_CASE_LOCK_RELATED,
    append_case_ledger,
    lock_case,
    move_case,
    resolve_now,
    tolerated_outstanding,
)
from tongban.cases.services.closing import decide_case
from tongban.cases.transitions import ACTIVE_TASK_STATES
from tongban.catalog.choices import (
    COMMITMENT_FLOW,
    DECISION_STEP,
    FLOW_STEPS,
    PARALLEL_REVIEW_FLOW,
    SINGLE_DEPARTMENT_FLOW,
    VERIFICATION_STEP,
    FlowKind,
)
from tongban.catalog.queries import fetch_flow_templates, flow_separates_duties
from tongban.catalog.services import ensure_flow_templates
from tongban.core.calendar import add_working_days


def _template_for(case: Case) -> Any:
    """The flow to run: 告知承诺 when signed, else the version's own, else parallel or single-department review."""
    templates = fetch_flow_templates()
    if not {SINGLE_DEPARTMENT_FLOW, PARALLEL_REVIEW_FLOW, COMMITMENT_FLOW} <= set(templates):
        templates = ensure_flow_templates()
    if case.commitment_signed_at:
        return templates[COMMITMENT_FLOW]
    chosen = case.version.flow_template
    if chosen is not None and chosen.kind != FlowKind.COMMITMENT:
        return chosen
    if case.version.review_departments.exists():
        return templates[PARALLEL_REVIEW_FLOW]
    return templates[SINGLE_DEPARTMENT_FLOW]


def _sync_tasks(case: Case, workflow: Any, now: datetime) -> list[CaseTask]:
    """Mirror the workflow's ready user tasks into ``CaseTask`` rows; cancel rows whose task is no longer ready."""
    ready = ready_user_tasks(workflow)
    active = {
        t.spiff_task_id: t
        for t in case.tasks.filter(
            state__in=ACTIVE_TASK_STATES, kind__in=(TaskKind.FLOW, TaskKind.VERIFICATION)
        )
    }
    created = []
    today = local_day(now)
    for item in ready:
        if item.spiff_task_id in active:
            continue
        step = FLOW_STEPS[item.step]
        due = add_working_days(today, step.due_days) if step.due_days else case.deadline
        created.append(
            CaseTask(
                case=case,
                kind=TaskKind.VERIFICATION if item.step == VERIFICATION_STEP else TaskKind.FLOW,
                spiff_task_id=item.spiff_task_id,
                step=item.step,
                name=str(step.label),
                department_id=item.department_id or case.department_id,
                role=step.role,
                due_date=due,
                due_provisional=(
                    span_is_provisional(today, due) if step.due_days else case.deadline_provisional
                ),
                created_at=now,
            )
        )
    CaseTask.objects.bulk_create(created)
    still_ready = {item.spiff_task_id for item in ready}
    for spiff_id, task in active.items():
        if spiff_id not in still_ready:
            task.state = TaskState.CANCELLED
            task.version += 1
            task.save(update_fields=["state", "version"])
    case.flow_state = dump_workflow(workflow)
    return created


def start_review(case: Case, *, actor: Any, now: datetime) -> Case:
    """Start the case's review flow on an accepted (locked) case and mirror its first tasks."""
    template = _template_for(case)
    departments = list(case.version.review_departments.order_by("id").values_list("id", flat=True))
    data = {
        "departments": departments or [case.department_id],
        "countersign_mode": case.version.countersign_mode,
        "lead_department": case.department_id,
    }
    workflow = start_workflow(template, data)
    case.flow_template = template
    created = _sync_tasks(case, workflow, now)
    move_case(
        case,
        CaseAction.START_REVIEW,
        actor,
        fields=["flow_template", "flow_state"],
        flow=template.key,
        tasks=[t.step for t in created],
        at=now,
    )
    return case


def _lock_task(task: CaseTask | int) -> tuple[Case, CaseTask]:
    """Lock the task's case, then the task (always in this order, so two people on one case queue)."""
    pk = task.pk if isinstance(task, CaseTask) else task
    # A task never moves to another case, so the caller's case id is safe to lock by.
    case_id = (
        task.case_id
        if isinstance(task, CaseTask) and task.case_id
        else CaseTask.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    )
    if case_id is None:
        raise errors.TASK_NOT_FOUND.error()
    case = lock_case(case_id, related=TASK_CASE_LOCK_RELATED)
    locked = (
        CaseTask.objects.select_for_update(of=("self",))
        .select_related("department", "department__region")
        .get(pk=pk)
    )
    return case, locked


def _task_ledger(
    case: Case,
    actor: Any,
    action: CaseLedgerAction,
    task: CaseTask,
    *,
    at: datetime | None = None,
    **data: Any,
) -> None:
    append_case_ledger(
        case,
        actor,
        action,
        {"state": case.state, "task": task.pk, "step": task.step, "department": task.department_id, **data},
        at=at,
    )


def do_claim_task(task: CaseTask, *, actor: Any, now: datetime | None = None) -> CaseTask:
    """Claim (签收) an open task; claiming one's own claimed task again is harmless."""
    with transaction.atomic():
        case, task = _lock_task(task)
        access.require_task_role(actor, task)
        if task.state in (TaskState.COMPLETED, TaskState.CANCELLED):
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.state == TaskState.CLAIMED:
            if task.assignee_id == actor.pk:
                return task
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        task.state, task.assignee, task.version = TaskState.CLAIMED, actor, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, CaseLedgerAction.TASK_CLAIMED, task, at=now)
    return task


def do_release_task(task: CaseTask, *, actor: Any) -> CaseTask:
    """Give a claimed task back to the department's inbox."""
    with transaction.atomic():
        case, task = _lock_task(task)
        access.require_task_role(actor, task)
        if task.state != TaskState.CLAIMED:
            raise errors.CASE_INVALID_STATE.error()
        if task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        task.state, task.assignee, task.version = TaskState.OPEN, None, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, CaseLedgerAction.TASK_RELEASED, task)
    return task


def do_complete_task(
    task: CaseTask,
    *,
    actor: Any,
    outcome: str,
    opinion: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> CaseTask:
    """Complete a task with ``approve``/``reject``/``return`` and move the flow on; the decision step decides the case.

    Exactly one of two people completing the same task succeeds: the case row and then the task row are locked,
    and a completed task (or a changed ``expected_version``) is refused with ``TASK_ALREADY_COMPLETED`` /
    ``TASK_VERSION_CONFLICT`` (409). Only a holder of the task's role in its department may complete it, and only
    the assignee once it is claimed.
    """
    now = resolve_now(now)
    opinion = (opinion or "").strip()
    with transaction.atomic():
        case, task = _lock_task(task)
        access.require_task_role(actor, task)
        if task.state in (TaskState.COMPLETED, TaskState.CANCELLED):
            raise errors.TASK_ALREADY_COMPLETED.error()
        if expected_version is not None and task.version != expected_version:
            raise errors.TASK_VERSION_CONFLICT.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if outcome not in TaskOutcome.values:
            raise errors.TASK_INVALID_OUTCOME.error()
        if task.kind == TaskKind.ADDED_SIGNER:
            if outcome == TaskOutcome.RETURN:
                raise errors.TASK_INVALID_OUTCOME.error()
            _finish_task(task, actor, outcome, opinion, now)
            _task_ledger(case, actor, CaseLedgerAction.TASK_COMPLETED, task, outcome=outcome, at=now)
            return task
        if task.kind == TaskKind.FLOW and case.state != CaseState.IN_REVIEW:
            raise errors.CASE_INVALID_STATE.error()
        if task.added_signers.filter(state__in=ACTIVE_TASK_STATES).exists():
            raise errors.TASK_WAITING_FOR_SIGNERS.error()
        step = FLOW_STEPS[task.step]
        if outcome == TaskOutcome.RETURN and not step.return_allowed:
            raise errors.TASK_RETURN_NOT_ALLOWED.error()
        if outcome in (TaskOutcome.RETURN, TaskOutcome.REJECT) and not opinion:
            raise errors.REASON_REQUIRED.error()
        if (
            task.kind == TaskKind.FLOW
            and actor.pk in _previous_step_completers(case, task)
            and flow_separates_duties(case.flow_template_id)
        ):
            raise errors.SAME_PERSON_CONSECUTIVE_STEPS.error(fields={"step": task.step})
        assert case.flow_state is not None  # set on acceptance, before any flow task exists
        workflow = load_workflow(case.flow_state)
        if task.step == DECISION_STEP and outcome != TaskOutcome.RETURN:
            if outcome == TaskOutcome.APPROVE and workflow_value(workflow, "recommendation") == "refuse":
                raise errors.DECISION_MUST_REFUSE.error()
            if tolerated_outstanding(case):
                raise errors.TOLERATED_MATERIALS_OUTSTANDING.error()
        _finish_task(task, actor, outcome, opinion, now)
        try:
            complete_user_task(
                workflow, task.spiff_task_id, outcome=outcome, department_id=task.department_id
            )
        except LookupError:
            raise errors.TASK_ALREADY_COMPLETED.error() from None
        created = _sync_tasks(case, workflow, now)
        _task_ledger(
            case,
            actor,
            CaseLedgerAction.TASK_COMPLETED,
            task,
            outcome=outcome,
            next=[t.step for t in created],
            at=now,
        )
        if task.step == DECISION_STEP and outcome != TaskOutcome.RETURN:
            decide_case(
                case,
                actor=actor,
                approve=outcome == TaskOutcome.APPROVE,
                opinion=opinion,
                reasons="" if outcome == TaskOutcome.APPROVE else opinion,
                now=now,
            )
        else:
            case.version_no += 1
            case.save(update_fields=["flow_state", "version_no", "updated_at"])
    return task


def _previous_step_completers(case: Case, task: CaseTask) -> set[int]:
    """Who completed the step just before ``task`` on this case (岗位分离: they may not take ``task`` too).

    The step before is the latest completed flow step other than ``task``'s own (parallel instances of the same
    step are siblings, not consecutive); all its contiguous completions count, so the 决定 after a 并联 review
    may be taken by none of the reviewers. After a 退回 the one who returned it is the step before. The caller
    applies it only when the case's flow template separates duties (``FlowTemplate.separation_of_duties``).
    """
    done = (
        case.tasks.filter(kind=TaskKind.FLOW, state=TaskState.COMPLETED)
        .exclude(pk=task.pk)
        .order_by("-completed_at", "-id")
        .values_list("step", "completed_by_id")
    )
    previous_step: str | None = None
    people: set[int] = set()
    for step, person in done:
        if previous_step is None:
            if step == task.step:
                continue
            previous_step = step
        if step != previous_step:
            break
        if person is not None:
            people.add(person)
    return people


def _finish_task(task: CaseTask, actor: Any, outcome: str, opinion: str, now: datetime) -> None:
    """Mark a locked task completed by ``actor`` with ``outcome`` and ``opinion``."""
    task.state = TaskState.COMPLETED
    task.outcome = outcome
    task.opinion = opinion
    task.completed_by = actor
    task.completed_at = now
    task.assignee = task.assignee or actor
    task.version += 1
    task.save(
        update_fields=["state", "outcome", "opinion", "completed_by", "completed_at", "assignee", "version"]
    )


def do_transfer_task(task: CaseTask, *, actor: Any, to_user: Any, reason: str = "") -> CaseTask:
    """Transfer (转办) a task to a colleague holding the same role in the same department; it is claimed for them."""
    with transaction.atomic():
        case, task = _lock_task(task)
        access.require_task_role(actor, task)
        if not task.is_active:
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if (
            to_user is None
            or to_user.pk == actor.pk
            or not user_has_role(to_user, task.role, department=task.department)
        ):
            raise errors.TRANSFER_TARGET_INVALID.error()
        task.state, task.assignee, task.version = TaskState.CLAIMED, to_user, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, CaseLedgerAction.TASK_TRANSFERRED, task, to=to_user.pk, reason=reason)
    return task


def do_add_signer(
    task: CaseTask,
    *,
    actor: Any,
    department: Any = None,
    user: Any = None,
    note: str = "",
    now: datetime | None = None,
) -> CaseTask:
    """Ask for an extra opinion (加签) from a user or a department; the task cannot complete until it is given."""
    now = resolve_now(now)
    with transaction.atomic():
        case, task = _lock_task(task)
        access.require_task_role(actor, task)
        if not task.is_active or task.kind == TaskKind.ADDED_SIGNER:
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if department is None and user is not None:
            department = (
                departments_for_role(user, Role.REVIEWER).first()
                or departments_for_role(user, Role.APPROVER).first()
            )
        if department is None:
            raise errors.SIGNER_TARGET_INVALID.error()
        role = Role.REVIEWER
        if user is not None and not user_has_role(user, Role.REVIEWER, department=department):
            if not user_has_role(user, Role.APPROVER, department=department):
                raise errors.SIGNER_TARGET_INVALID.error()
            role = Role.APPROVER
        signer = CaseTask.objects.create(
            case=case,
            kind=TaskKind.ADDED_SIGNER,
            step="sign",
            name=str(_("加签意见")),
            department=department,
            role=role,
            assignee=user,
            state=TaskState.CLAIMED if user is not None else TaskState.OPEN,
            due_date=case.deadline,
            due_provisional=case.deadline_provisional,
            parent=task,
            opinion="",
            created_at=now,
        )
        task.version += 1
        task.save(update_fields=["version"])
        _task_ledger(
            case,
            actor,
            CaseLedgerAction.SIGNER_ADDED,
            task,
            signer=signer.pk,
            signer_department=department.pk,
            note=note,
            at=now,
        )
    return signer


def do_decide_case(
    case: Case, *, actor: Any, approve: bool, opinion: str, reasons: str = "", now: datetime | None = None
) -> Case:
    """Decide (准予/不予) by completing the flow's open decision task (the only way a flow case is decided).

    Refused with ``CASE_INVALID_STATE`` while the review steps before the decision are not finished.
    """
    task = (
        CaseTask.objects.filter(
            case_id=case.pk, step=DECISION_STEP, kind=TaskKind.FLOW, state__in=ACTIVE_TASK_STATES
        )
        .order_by("id")
        .first()
    )
    if task is None:
        with transaction.atomic():
            locked = lock_case(case)
            access.require_who(actor, locked, CaseAction.DECIDE)
            raise errors.CASE_INVALID_STATE.error(fields={"state": locked.state, "action": CaseAction.DECIDE})
    outcome = TaskOutcome.APPROVE if approve else TaskOutcome.REJECT
    do_complete_task(task, actor=actor, outcome=outcome, opinion=(opinion or reasons), now=now)
    return Case.objects.get(pk=case.pk)
