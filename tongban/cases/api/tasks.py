"""``/api/v1/tasks``: the caller's inbox and the task actions (签收, 办理)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tongban.accounts.auth import api_auth
from tongban.cases import access, queries, services
from tongban.cases.api._common import (
    caller,
    task_schema,
)
from tongban.cases.api.schemas import (
    CaseTaskSchema,
    TaskCompleteSchema,
)
from tongban.cases.models import CaseTask
from tongban.core.api_schemas import ERROR_RESPONSES

tasks_router = Router(tags=["tasks"], auth=api_auth)


@tasks_router.get("", response={200: list[CaseTaskSchema], **ERROR_RESPONSES}, summary="我的待办")
def list_tasks(
    request: HttpRequest, status: str | None = None, sort: str = "remaining"
) -> list[CaseTaskSchema]:
    """The caller's inbox: open tasks of their departments and roles plus those they claimed (max 200)."""
    return [
        task_schema(t) for t in queries.fetch_tasks_for_user(caller(request), status=status, sort=sort)[:200]
    ]


@tasks_router.post("/{task_id}/claim", response={200: CaseTaskSchema, **ERROR_RESPONSES}, summary="签收任务")
def claim_task(request: HttpRequest, task_id: int) -> CaseTaskSchema:
    """Claim an open task."""
    user = caller(request)
    return task_schema(services.do_claim_task(access.access_task_by_id(user, task_id), actor=user))


@tasks_router.post(
    "/{task_id}/complete", response={200: CaseTaskSchema, **ERROR_RESPONSES}, summary="办理任务"
)
def complete_task(request: HttpRequest, task_id: int, payload: TaskCompleteSchema) -> CaseTaskSchema:
    """Complete a task; 409 ``TASK_ALREADY_COMPLETED`` when someone else was faster."""
    user = caller(request)
    task = services.do_complete_task(
        access.access_task_by_id(user, task_id),
        actor=user,
        outcome=payload.outcome,
        opinion=payload.opinion,
        expected_version=payload.expected_version,
    )
    return task_schema(
        CaseTask.objects.select_related("case__implementation__item", "department", "assignee").get(
            pk=task.pk
        )
    )
