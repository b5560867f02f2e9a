"""Department staff pages: the inbox (待办件), the staff case page and every action taken on it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongban.accounts.access import is_staff_user, user_has_role
from tongban.accounts.choices import Role
from tongban.accounts.queries import fetch_users_with_role
from tongban.cases import access, errors, forms, queries, services
from tongban.cases.access import CasePermission
from tongban.cases.choices import CaseAction, CaseState, DeliveryMode
from tongban.cases.formschema import display_rows
from tongban.cases.transitions import ACTIVE_TASK_STATES
from tongban.cases.views._common import (
    annotate_clock,
    case_or_404,
    error_context,
    is_htmx,
    remaining,
    staff_render,
    task_or_404,
)
from tongban.catalog.choices import FLOW_STEPS
from tongban.core.errors import DomainError
from tongban.organizations.queries import fetch_departments


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """待办件: the user's tasks with counts, filters and remaining-day badges; HTMX gets the table only."""
    if not is_staff_user(request.user):
        raise Http404
    status = request.GET.get("status") or None
    sort = request.GET.get("sort") or "remaining"
    # Any: each task also carries remaining_days and level for the template, as annotate_clock does for cases.
    tasks: list[Any] = list(queries.fetch_tasks_for_user(request.user, status=status, sort=sort)[:200])
    for task in tasks:
        task.remaining_days, task.level = remaining(task.case)
    context = {
        "tasks": tasks,
        "counts": queries.count_tasks_for_user(request.user),
        "status": status or "",
        "sort": sort,
        "is_clerk": user_has_role(request.user, Role.CLERK),
        "submitted_cases": _clerk_queue(request.user),
    }
    template = "cases/_partials/inbox_table.html" if is_htmx(request) else "cases/inbox.html"
    return staff_render(request, template, context)


def _clerk_queue(user: Any) -> list[Any]:
    """Cases waiting for the clerk: submitted (to pre-review) and decided (to deliver)."""
    if not user_has_role(user, Role.CLERK):
        return []
    cases = list(queries.fetch_cases_for_staff(user, state=CaseState.SUBMITTED)[:50])
    cases += list(queries.fetch_cases_for_staff(user, state=CaseState.DECIDED)[:50])
    return annotate_clock(cases)


@login_required
@require_POST
def task_claim(request: HttpRequest, task_id: int) -> HttpResponse:
    """签收 a task from the department pool."""
    task = task_or_404(request.user, task_id)
    try:
        services.do_claim_task(task, actor=request.user)
    except DomainError as exc:
        return _staff_case_page(request, task.case, exc=exc)
    messages.success(request, _("已签收：%(name)s") % {"name": task.name})
    return redirect("cases:staff_case", number=task.case.number)


def _task_forms(task: Any, user: Any, data: Any = None, which: str = "") -> dict[str, Any]:
    step = FLOW_STEPS.get(task.step)
    return {
        "complete_form": forms.CompleteTaskForm(
            data if which == "complete" else None,
            initial={"expected_version": task.version},
            return_allowed=step.return_allowed if step is not None else True,
        ),
        "transfer_form": forms.TransferForm(
            data if which == "transfer" else None,
            colleagues=fetch_users_with_role(task.role, task.department, exclude=user),
        ),
        "signer_form": forms.AddSignerForm(
            data if which == "signer" else None,
            departments=fetch_departments().exclude(pk=task.department_id).order_by("name"),
        ),
    }


def _staff_context(
    request: HttpRequest, case: Any, *, task_forms: dict[int, dict[str, Any]] | None = None
) -> dict[str, Any]:
    user = request.user
    tasks = list(
        case.tasks.select_related("department", "assignee", "completed_by").order_by("created_at", "id")
    )
    actionable = []
    for task in tasks:
        if task.state not in ACTIVE_TASK_STATES:
            continue
        if task.assignee_id == user.pk:
            task.can_complete = True
            task.forms = (task_forms or {}).get(task.pk) or _task_forms(task, user)
            actionable.append(task)
        elif task.assignee_id is None and access.holds_task_role(user, task):
            task.can_claim = True
            actionable.append(task)
    allowed = access.allowed_actions(user, case)
    days, level = remaining(case)
    return {
        "case": case,
        "timeline": queries.fetch_case_timeline(case),
        "form_rows": display_rows(case.version.form_schema or {}, case.form_data or {}, mask=True),
        "materials": list(case.materials.select_related("material").order_by("-is_current", "id")),
        # 免证可办: the verified face of each licence used instead of a scan, and the licence the case produced.
        "used_licenses": queries.fetch_used_licenses(case),
        "produced_licenses": queries.fetch_produced_licenses(case),
        "notices": list(case.notices.order_by("created_at", "id")),
        "tasks": tasks,
        "actionable": actionable,
        "extensions": list(case.extensions.order_by("requested_at")),
        "intervals": list(case.clock_intervals.order_by("started_at")),
        "remaining": days,
        "level": level,
        "allowed": allowed,
        "can_special": CaseAction.START_SPECIAL_PROCEDURE in allowed
        or CaseAction.FINISH_SPECIAL_PROCEDURE in allowed,
        "can_extend": CasePermission.REQUEST_EXTENSION in allowed,
        "can_prereview": CasePermission.PREREVIEW in allowed,
        "can_deliver": CaseAction.DELIVER in allowed,
        "can_decide_on_the_spot": CasePermission.DECIDE_ON_THE_SPOT in allowed,
        "can_send_pickup_code": CasePermission.SEND_PICKUP_CODE in allowed,
        "on_the_spot_form": forms.OnTheSpotForm(),
        "can_terminate": CaseAction.TERMINATE in allowed,
        "special_form": forms.SpecialProcedureForm(),
        "finish_form": forms.FinishSpecialProcedureForm(),
        "extension_form": forms.ExtensionForm(),
        # The applicant's choice binds the hand-out, so it is the form's default (ADR 0007 "Delivery").
        "deliver_form": forms.DeliverForm(
            initial={"mode": case.delivery_mode or case.requested_delivery_mode or DeliveryMode.WINDOW}
        ),
        "terminate_form": forms.ReasonForm(),
    }


def _staff_case_page(
    request: HttpRequest,
    case: Any,
    *,
    exc: DomainError | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
    task_forms: dict[int, dict[str, Any]] | None = None,
) -> HttpResponse:
    case.refresh_from_db()
    context = _staff_context(request, case, task_forms=task_forms)
    if exc is not None:
        context.update(error_context(exc))
        status = exc.status
    context.update(extra or {})
    return staff_render(request, "cases/staff_case.html", context, status=status)


@login_required
def staff_case(request: HttpRequest, number: str) -> HttpResponse:
    """办件审查页 for staff: full timeline, form data, materials, tasks and the actions the user may take."""
    if not is_staff_user(request.user):
        raise Http404
    case = case_or_404(request.user, number)
    return _staff_case_page(request, case)


def _task_action(request: HttpRequest, task_id: int, which: str, run: Any) -> HttpResponse:
    """Validate one task form and run its service; errors re-render the staff case page (4xx, message kept)."""
    task = task_or_404(request.user, task_id)
    bound = _task_forms(task, request.user, request.POST, which)
    form = bound[f"{which}_form"]
    if not form.is_valid():
        exc = errors.FORM_INVALID.error(_("填写有误，请按提示修改。"))
        return _staff_case_page(request, task.case, exc=exc, task_forms={task.pk: bound})
    try:
        message = run(task, form.cleaned_data)
    except DomainError as exc:
        return _staff_case_page(request, task.case, exc=exc, task_forms={task.pk: bound})
    messages.success(request, message)
    return redirect("cases:staff_case", number=task.case.number)


@login_required
@require_POST
def task_complete(request: HttpRequest, task_id: int) -> HttpResponse:
    """办理 a task: approve, reject or return, with an opinion (a stale page gets a 409 message)."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_complete_task(
            task,
            actor=request.user,
            outcome=data["outcome"],
            opinion=data["opinion"],
            expected_version=data.get("expected_version"),
        )
        return _("“%(name)s”已办理。") % {"name": task.name}

    return _task_action(request, task_id, "complete", run)


@login_required
@require_POST
def task_transfer(request: HttpRequest, task_id: int) -> HttpResponse:
    """转办 a task to a colleague."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_transfer_task(task, actor=request.user, to_user=data["to_user"], reason=data["reason"])
        return _("已转办给 %(name)s。") % {"name": data["to_user"].display_name}

    return _task_action(request, task_id, "transfer", run)


@login_required
@require_POST
def task_add_signer(request: HttpRequest, task_id: int) -> HttpResponse:
    """加签: ask another department for an opinion."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_add_signer(task, actor=request.user, department=data["department"], note=data["note"])
        return _("已加签：%(name)s") % {"name": data["department"].name}

    return _task_action(request, task_id, "signer", run)


def _case_action(request: HttpRequest, number: str, form_class: Any, run: Any, form_key: str) -> HttpResponse:
    """Validate one case-level staff form and run its service; refusals re-render the page with the message."""
    if not is_staff_user(request.user):
        raise Http404
    case = case_or_404(request.user, number)
    form = form_class(request.POST)
    if not form.is_valid():
        exc = errors.FORM_INVALID.error(_("填写有误，请按提示修改。"))
        return _staff_case_page(request, case, exc=exc, extra={form_key: form})
    try:
        message = run(case, form.cleaned_data)
    except DomainError as exc:
        return _staff_case_page(request, case, exc=exc, extra={form_key: form})
    messages.success(request, message)
    return redirect("cases:staff_case", number=case.number)


@login_required
@require_POST
def special_start(request: HttpRequest, number: str) -> HttpResponse:
    """启动特别程序."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_start_special_procedure(
            case,
            actor=request.user,
            kind=data["kind"],
            reason=data["reason"],
            expected_days=data["expected_days"],
        )
        return _("特别程序已启动，期间不计入办理时限。")

    return _case_action(request, number, forms.SpecialProcedureForm, run, "special_form")


@login_required
@require_POST
def special_finish(request: HttpRequest, number: str) -> HttpResponse:
    """结束特别程序."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_finish_special_procedure(case, actor=request.user, result=data["result"])
        return _("特别程序已结束，恢复计时。")

    return _case_action(request, number, forms.FinishSpecialProcedureForm, run, "finish_form")


@login_required
@require_POST
def extension_request(request: HttpRequest, number: str) -> HttpResponse:
    """申请延期."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_request_extension(case, actor=request.user, days=data["days"], reason=data["reason"])
        return _("延期申请已提交，等待审批。")

    return _case_action(request, number, forms.ExtensionForm, run, "extension_form")


@login_required
@require_POST
def deliver(request: HttpRequest, number: str) -> HttpResponse:
    """送达 the result (窗口领取 with the pickup code, 邮寄 with a tracking number, or 电子送达)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_deliver_case(
            case,
            actor=request.user,
            mode=data["mode"],
            tracking_number=data["tracking_number"],
            pickup_code=data["pickup_code"].strip(),
            reason=data["reason"],
        )
        return _("已送达，办件办结。")

    return _case_action(request, number, forms.DeliverForm, run, "deliver_form")


@login_required
@require_POST
def terminate(request: HttpRequest, number: str) -> HttpResponse:
    """终止办理 (supervisor, with a reason)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_terminate_case(case, actor=request.user, reason=data["reason"])
        return _("办件已终止。")

    return _case_action(request, number, forms.ReasonForm, run, "terminate_form")


@login_required
@require_POST
def decide_on_the_spot(request: HttpRequest, number: str) -> HttpResponse:
    """即办件: the window that accepted it decides 准予 at once (当场办结)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_decide_on_the_spot(case, actor=request.user, opinion=data["opinion"])
        return _("已当场作出准予决定，请按申请人选择的方式送达。")

    return _case_action(request, number, forms.OnTheSpotForm, run, "on_the_spot_form")


@login_required
@require_POST
def send_pickup_code(request: HttpRequest, number: str) -> HttpResponse:
    """Send the pickup code to the applicant (a result waiting at the window)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_send_pickup_code(case, actor=request.user)
        return _("取件码已发送给申请人。")

    return _case_action(request, number, forms.OptionalReasonForm, run, "send_code_form")
