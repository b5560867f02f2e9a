"""API endpoints of ``cases``: ``/api/v1/cases`` (applicants and staff), ``/api/v1/tasks`` (inbox) and
``/api/v1/public`` (progress lookup without personal data).

Cases are addressed by ``{ref}``: the case number once submitted, the draft id (UUID ``draft_id``) before. Every
handler fetches through an access helper (404 ``CASE_NOT_FOUND`` for missing and forbidden alike) and calls one
service; every refusal is a 4xx with a stable code (ADR 0007).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from tongban.accounts.auth import api_auth
from tongban.accounts.models import Enterprise, User
from tongban.accounts.permissions import is_staff_user
from tongban.cases import errors, queries, services
from tongban.cases.choices import CaseState, Channel
from tongban.cases.models import Case, CaseMaterial, CaseTask
from tongban.catalog.models import Material
from tongban.core.api_schemas import ERROR_RESPONSES, PUBLIC_ERROR_RESPONSES, ErrorSchema
from tongban.core.errors import VALIDATION_ERROR
from tongban.core.masking import mask_name

router = Router(tags=["cases"], auth=api_auth)
tasks_router = Router(tags=["tasks"], auth=api_auth)
public_router = Router(tags=["public"])


# --- schemas ------------------------------------------------------------------------------------------------------


class CaseCreateSchema(Schema):
    """A new application: the published implementation code, form data and, optionally, whom it is for."""

    implementation_code: str
    form_data: dict[str, Any] = {}
    on_behalf_of: str | None = (
        None  # an enterprise's 统一社会信用代码 (agent) or a principal's ID number (代办)
    )
    submit: bool = False  # submit at once (possible when no material is required)
    delivery_mode: str = ""  # 领取方式: window / post / electronic, one the item offers (blank: choose later)
    delivery_address: str = ""  # postal address, required with ``post``


class CaseRefSchema(Schema):
    """Identifiers and state of a case after an action."""

    number: str | None  # null until submitted
    draft_id: str
    ref: str  # what to put in ``/cases/{ref}``: the number, or the draft id before submission
    status: str
    status_label: str


class MaterialSchema(Schema):
    """One material of a case."""

    id: int
    material_id: int | None
    name: str
    original_name: str
    size: int
    content_type: str
    sha256: str
    review_status: str
    review_reason: str
    is_current: bool
    tolerated: bool
    supplied_at: datetime | None


class TaskSchema(Schema):
    """A review task (办理环节)."""

    id: int
    case_number: str | None
    item_name: str
    step: str
    name: str
    kind: str
    department: str
    role: str
    assignee: str | None
    state: str
    due_date: date | None
    outcome: str
    opinion: str
    version: int
    created_at: datetime


class TimelineSchema(Schema):
    """One timeline line."""

    time: datetime
    actor_label: str
    action_label: str
    detail: str


class NoticeSchema(Schema):
    """A written notice issued on the case."""

    kind: str
    number: str
    created_at: datetime
    content: dict[str, Any]


class DecisionSchema(Schema):
    """The decision on the case."""

    approve: bool
    opinion: str
    reasons: str
    remedies: str
    document_number: str
    decided_at: datetime


class CaseDetailSchema(Schema):
    """A case with its clock, timeline, open tasks, materials, notices and decision."""

    number: str | None
    draft_id: str
    status: str
    status_label: str
    item_name: str
    implementation_code: str
    department: str
    applicant_name: str
    channel: str
    query_code: str
    requested_delivery_mode: str  # the applicant's 领取方式 ("" = not chosen); binding on the hand-out
    delivery_address: str  # postal address when ``post`` was chosen
    delivery_mode: str  # how the result was actually delivered ("" until delivered)
    tracking_number: str
    submitted_at: datetime | None
    accepted_at: datetime | None
    decided_at: datetime | None
    closed_at: datetime | None
    acceptance_deadline: date | None
    deadline: date | None
    remaining_working_days: int | None
    warning_level: str
    clock_stopped: bool
    timeline: list[TimelineSchema]
    tasks: list[TaskSchema]
    materials: list[MaterialSchema]
    notices: list[NoticeSchema]
    decision: DecisionSchema | None


class NoteSchema(Schema):
    """An optional note."""

    note: str = ""


class AcceptSchema(Schema):
    """Acceptance, optionally 容缺 with catalog material ids and a supplement deadline in working days."""

    note: str = ""
    tolerated_material_ids: list[int] = []
    supplement_deadline_days: int | None = None


class RefuseSchema(Schema):
    """Reasons for 不予受理."""

    reasons: list[str]


class ProblemSchema(Schema):
    """One problem of a correction notice: an uploaded material (``case_material_id``) or a catalog one."""

    case_material_id: int | None = None
    material_id: int | None = None
    reason: str


class CorrectionSchema(Schema):
    """A one-time correction notice: every problem at once."""

    problems: list[ProblemSchema]
    note: str = ""


class DecideSchema(Schema):
    """准予 (``approve: true``) or 不予 with reasons."""

    approve: bool
    opinion: str = ""
    reasons: str = ""


class DeliverSchema(Schema):
    """Delivery: ``window`` (with the pickup code), ``post`` (with a tracking number) or ``electronic``."""

    mode: str
    tracking_number: str = ""
    pickup_code: str = ""


class DeliveryChoiceSchema(Schema):
    """The applicant's 领取方式: ``window``, ``post`` (with ``address``) or ``electronic``, as the item offers."""

    mode: str
    address: str = ""


class ReasonSchema(Schema):
    """A reason."""

    reason: str = ""


class CompleteSchema(Schema):
    """Completing a task: ``approve``, ``reject`` or ``return`` (with a reason)."""

    outcome: str
    opinion: str = ""
    expected_version: int | None = None


class PublicProgressSchema(Schema):
    """Public progress of a case (办件查询); no personal data."""

    number: str
    item_code: str = ""  # 办事代码 (the implementation code)
    item_name: str
    department: str
    state: str
    state_label: str
    result: str
    submitted_at: datetime | None
    accepted_at: datetime | None
    deadline: date | None
    decided_at: datetime | None
    closed_at: datetime | None


# --- helpers ------------------------------------------------------------------------------------------------------


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _no_nul(value: Any, where: str = "payload") -> None:
    """Refuse NUL characters anywhere in the input (PostgreSQL cannot store them; 422 instead of a 500)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise VALIDATION_ERROR.error(fields={where: ["不能包含空字符。"]})
    elif isinstance(value, dict):
        for key, item in value.items():
            _no_nul(key, where)
            _no_nul(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for item in value:
            _no_nul(item, where)


def _ref(case: Case) -> CaseRefSchema:
    return CaseRefSchema(
        number=case.number,
        draft_id=str(case.public_id),
        ref=case.ref,
        status=case.state,
        status_label=str(CaseState(case.state).label),
    )


def _task(task: CaseTask) -> TaskSchema:
    return TaskSchema(
        id=task.pk,
        case_number=task.case.number,
        item_name=task.case.implementation.item.name,
        step=task.step,
        name=task.name,
        kind=task.kind,
        department=task.department.name,
        role=task.role,
        assignee=task.assignee.username if task.assignee is not None else None,
        state=task.state,
        due_date=task.due_date,
        outcome=task.outcome,
        opinion=task.opinion,
        version=task.version,
        created_at=task.created_at,
    )


def _material(row: CaseMaterial) -> MaterialSchema:
    return MaterialSchema(
        id=row.pk,
        material_id=row.material_id,
        name=row.name,
        original_name=row.original_name,
        size=row.size,
        content_type=row.content_type,
        sha256=row.sha256,
        review_status=row.review_status,
        review_reason=row.review_reason,
        is_current=row.is_current,
        tolerated=row.tolerated,
        supplied_at=row.supplied_at,
    )


def _detail(user: Any, case: Case) -> CaseDetailSchema:
    staff_view = is_staff_user(user) and user.pk not in (case.applicant_user_id, case.agent_id)
    timeline = queries.fetch_case_timeline(case) if staff_view else queries.plain_timeline(case)
    clock = queries.clock_summary(case)
    decision = getattr(case, "decision", None) if case.decided_at else None
    return CaseDetailSchema(
        number=case.number,
        draft_id=str(case.public_id),
        status=case.state,
        status_label=str(CaseState(case.state).label),
        item_name=case.implementation.item.name,
        implementation_code=case.implementation.code,
        department=case.department.name,
        applicant_name=mask_name(case.applicant_name) if staff_view else case.applicant_name,
        channel=case.channel,
        query_code=case.query_code,
        requested_delivery_mode=case.requested_delivery_mode,
        delivery_address=case.delivery_address,
        delivery_mode=case.delivery_mode,
        tracking_number=case.tracking_number,
        submitted_at=case.submitted_at,
        accepted_at=case.accepted_at,
        decided_at=case.decided_at,
        closed_at=case.closed_at,
        acceptance_deadline=case.acceptance_deadline,
        deadline=case.deadline,
        remaining_working_days=clock["remaining_working_days"],
        warning_level=clock["warning_level"],
        clock_stopped=clock["stopped"],
        timeline=[TimelineSchema(**entry.__dict__) for entry in timeline],
        tasks=[_task(t) for t in queries.fetch_open_tasks_for_case(case)],
        materials=[_material(m) for m in case.materials.filter(is_current=True).order_by("id")],
        notices=[
            NoticeSchema(kind=n.kind, number=n.number, created_at=n.created_at, content=n.content)
            for n in case.notices.order_by("created_at", "id")
        ],
        decision=(
            DecisionSchema(
                approve=decision.approve,
                opinion=decision.opinion,
                reasons=decision.reasons,
                remedies=decision.remedies,
                document_number=decision.document_number,
                decided_at=decision.decided_at,
            )
            if decision is not None
            else None
        ),
    )


def _version_material(case: Case, material_id: int | None) -> Material | None:
    if material_id is None:
        return None
    material = Material.objects.filter(pk=material_id, version_id=case.version_id).first()
    if material is None:
        raise errors.MATERIAL_NOT_OF_CASE.error()
    return material


def _on_behalf_of(value: str | None) -> dict[str, Any]:
    value = (value or "").strip().upper()
    if not value:
        return {}
    enterprise = Enterprise.objects.filter(credit_code=value).first()
    if enterprise is not None:
        return {"enterprise": enterprise}
    principal = User.objects.filter(id_number=value).first()
    if principal is not None:
        return {"principal": principal}
    raise errors.NOT_AUTHORISED_FOR_APPLICANT.error()


# --- /cases -------------------------------------------------------------------------------------------------------


@router.post("", response={201: CaseRefSchema, **ERROR_RESPONSES}, summary="创建申请（草稿，可同时提交）")
def create_case(request: HttpRequest, payload: CaseCreateSchema) -> tuple[int, CaseRefSchema]:
    """Create a draft for a published implementation; header ``Idempotency-Key`` makes retries return the same case.

    With ``submit: true`` the case is submitted at once (422 ``MATERIALS_MISSING`` when materials are required:
    create, upload, then ``POST /cases/{ref}/submit``).
    """
    _no_nul(payload.dict())
    case = services.do_create_case(
        actor=_user(request),
        implementation_code=payload.implementation_code,
        form_data=payload.form_data,
        channel=Channel.API,
        idempotency_key=request.headers.get("Idempotency-Key", "").replace("\x00", ""),
        submit=payload.submit,
        delivery_mode=payload.delivery_mode,
        delivery_address=payload.delivery_address,
        **_on_behalf_of(payload.on_behalf_of),
    )
    return 201, _ref(case)


@router.get("/{ref}", response={200: CaseDetailSchema, **ERROR_RESPONSES}, summary="办件详情")
def get_case(request: HttpRequest, ref: str) -> CaseDetailSchema:
    """Status, deadline, remaining working days, warning level, timeline, open tasks, materials and notices."""
    user = _user(request)
    return _detail(user, queries.access_case_by_ref(user, ref))


@router.post("/{ref}/materials", response={201: MaterialSchema, **ERROR_RESPONSES}, summary="上传申请材料")
def upload_material(
    request: HttpRequest,
    ref: str,
    file: UploadedFile = File(...),  # noqa: B008 - django-ninja's declaration style
    material_id: int | None = Form(None),
    name: str = Form(""),
) -> tuple[int, MaterialSchema]:
    """Upload a file for a catalog material (``material_id``) or an extra (``name``); drafts and flagged
    corrections only. Size and type limits as in the web form (422 ``UPLOAD_*``)."""
    _no_nul([name, file.name or ""], "file")
    user = _user(request)
    case = queries.access_case_by_ref(user, ref)
    row = services.do_add_material(
        case, actor=user, file=file, material=_version_material(case, material_id), name=name
    )
    return 201, _material(row)


@router.post("/{ref}/submit", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="提交申请")
def submit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Submit a draft; the number and query code are assigned. Repeating it returns the same result."""
    user = _user(request)
    return _ref(services.do_submit_case(queries.access_case_by_ref(user, ref), actor=user))


@router.post("/{ref}/resubmit", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="补正后重新提交")
def resubmit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Resubmit after replacing every material flagged on the correction notice."""
    user = _user(request)
    return _ref(services.do_resubmit_correction(queries.access_case_by_ref(user, ref), actor=user))


@router.post("/{ref}/accept", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="受理")
def accept_case(request: HttpRequest, ref: str, payload: AcceptSchema) -> CaseRefSchema:
    """Accept (clerk); ``tolerated_material_ids`` for 容缺受理."""
    _no_nul(payload.dict())
    user = _user(request)
    case = queries.access_case_by_ref(user, ref)
    tolerated = [_version_material(case, pk) for pk in payload.tolerated_material_ids]
    case = services.do_accept_case(
        case,
        actor=user,
        note=payload.note,
        tolerated_materials=[m for m in tolerated if m is not None],
        supplement_deadline_days=payload.supplement_deadline_days,
    )
    return _ref(case)


@router.post("/{ref}/refuse", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="不予受理")
def refuse_case(request: HttpRequest, ref: str, payload: RefuseSchema) -> CaseRefSchema:
    """Refuse acceptance with reasons (clerk)."""
    _no_nul(payload.dict())
    user = _user(request)
    return _ref(
        services.do_refuse_acceptance(
            queries.access_case_by_ref(user, ref), actor=user, reasons=payload.reasons
        )
    )


@router.post(
    "/{ref}/request-correction", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="一次性告知补正"
)
def request_correction(request: HttpRequest, ref: str, payload: CorrectionSchema) -> CaseRefSchema:
    """Issue one correction notice listing every problem."""
    _no_nul(payload.dict())
    user = _user(request)
    case = queries.access_case_by_ref(user, ref)
    problems: list[tuple[Any, str]] = []
    for problem in payload.problems:
        if problem.case_material_id is not None:
            row = case.materials.filter(pk=problem.case_material_id).first()
            if row is None:
                raise errors.MATERIAL_NOT_OF_CASE.error()
            problems.append((row, problem.reason))
        else:
            material = _version_material(case, problem.material_id)
            if material is None:
                raise errors.MATERIAL_NOT_OF_CASE.error()
            problems.append((material, problem.reason))
    services.do_request_correction(case, actor=user, problems=problems, note=payload.note)
    case.refresh_from_db()
    return _ref(case)


@router.post("/{ref}/decide", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="作出决定")
def decide_case(request: HttpRequest, ref: str, payload: DecideSchema) -> CaseRefSchema:
    """Decide by completing the open decision task (approver of the lead department)."""
    _no_nul(payload.dict())
    user = _user(request)
    case = services.do_decide_case(
        queries.access_case_by_ref(user, ref),
        actor=user,
        approve=payload.approve,
        opinion=payload.opinion,
        reasons=payload.reasons,
    )
    return _ref(case)


@router.post("/{ref}/deliver", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="送达并办结")
def deliver_case(request: HttpRequest, ref: str, payload: DeliverSchema) -> CaseRefSchema:
    """Deliver the result and close the case."""
    _no_nul(payload.dict())
    user = _user(request)
    case = services.do_deliver_case(
        queries.access_case_by_ref(user, ref),
        actor=user,
        mode=payload.mode,
        tracking_number=payload.tracking_number,
        pickup_code=payload.pickup_code,
    )
    return _ref(case)


@router.post("/{ref}/delivery", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="选择领取方式")
def choose_delivery(request: HttpRequest, ref: str, payload: DeliveryChoiceSchema) -> CaseRefSchema:
    """The applicant chooses or changes 领取方式 until hand-out (422 ``DELIVERY_MODE_NOT_OFFERED`` /
    ``DELIVERY_ADDRESS_REQUIRED``, 409 ``CASE_INVALID_STATE`` once delivered; staff get 404)."""
    _no_nul(payload.dict())
    user = _user(request)
    case = services.do_choose_delivery(
        queries.access_case_by_ref(user, ref), actor=user, mode=payload.mode, address=payload.address
    )
    return _ref(case)


@router.post("/{ref}/withdraw", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="撤回申请")
def withdraw_case(request: HttpRequest, ref: str, payload: ReasonSchema) -> CaseRefSchema:
    """The applicant withdraws before the decision."""
    _no_nul(payload.dict())
    user = _user(request)
    return _ref(
        services.do_withdraw_case(queries.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )


@router.post("/{ref}/terminate", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="终止办理")
def terminate_case(request: HttpRequest, ref: str, payload: ReasonSchema) -> CaseRefSchema:
    """A supervisor in scope terminates with a reason."""
    _no_nul(payload.dict())
    user = _user(request)
    return _ref(
        services.do_terminate_case(queries.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )


# --- /tasks -------------------------------------------------------------------------------------------------------


@tasks_router.get("", response={200: list[TaskSchema], **ERROR_RESPONSES}, summary="我的待办")
def list_tasks(request: HttpRequest, status: str | None = None, sort: str = "remaining") -> list[TaskSchema]:
    """The caller's inbox: open tasks of their departments and roles plus those they claimed (max 200)."""
    return [_task(t) for t in queries.fetch_tasks_for_user(_user(request), status=status, sort=sort)[:200]]


@tasks_router.post("/{task_id}/claim", response={200: TaskSchema, **ERROR_RESPONSES}, summary="签收任务")
def claim_task(request: HttpRequest, task_id: int) -> TaskSchema:
    """Claim an open task."""
    user = _user(request)
    return _task(services.do_claim_task(queries.access_task_by_id(user, task_id), actor=user))


@tasks_router.post("/{task_id}/complete", response={200: TaskSchema, **ERROR_RESPONSES}, summary="办理任务")
def complete_task(request: HttpRequest, task_id: int, payload: CompleteSchema) -> TaskSchema:
    """Complete a task; 409 ``TASK_ALREADY_COMPLETED`` when someone else was faster."""
    _no_nul(payload.dict())
    user = _user(request)
    task = services.do_complete_task(
        queries.access_task_by_id(user, task_id),
        actor=user,
        outcome=payload.outcome,
        opinion=payload.opinion,
        expected_version=payload.expected_version,
    )
    return _task(
        CaseTask.objects.select_related("case__implementation__item", "department", "assignee").get(
            pk=task.pk
        )
    )


# --- /public ------------------------------------------------------------------------------------------------------


@public_router.get(
    "/cases/{number}", response={200: PublicProgressSchema, **PUBLIC_ERROR_RESPONSES}, summary="办件进度查询"
)
def public_progress(request: HttpRequest, number: str, code: str = "") -> PublicProgressSchema:
    """Progress by case number and the query code printed on the receipt; 404 for a wrong pair."""
    return PublicProgressSchema(**queries.get_public_progress(number, code))


__all__ = ["ErrorSchema", "public_router", "router", "tasks_router"]
