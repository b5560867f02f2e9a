"""Request and response schemas of the cases API (names are unique platform-wide: the OpenAPI document keys
schemas by name)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema


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


class CaseMaterialSchema(Schema):
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


class CaseTaskSchema(Schema):
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


class CaseTimelineEntrySchema(Schema):
    """One timeline line."""

    time: datetime
    actor_label: str
    action_label: str
    detail: str


class CaseNoticeSchema(Schema):
    """A written notice issued on the case."""

    kind: str
    number: str
    created_at: datetime
    content: dict[str, Any]


class CaseDecisionSchema(Schema):
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
    timeline: list[CaseTimelineEntrySchema]
    tasks: list[CaseTaskSchema]
    materials: list[CaseMaterialSchema]
    notices: list[CaseNoticeSchema]
    decision: CaseDecisionSchema | None


class CaseAcceptSchema(Schema):
    """Acceptance, optionally 容缺 with catalog material ids and a supplement deadline in working days."""

    note: str = ""
    tolerated_material_ids: list[int] = []
    supplement_deadline_days: int | None = None


class CaseRefuseSchema(Schema):
    """Reasons for 不予受理."""

    reasons: list[str]


class CorrectionProblemSchema(Schema):
    """One problem of a correction notice: an uploaded material (``case_material_id``) or a catalog one."""

    case_material_id: int | None = None
    material_id: int | None = None
    reason: str


class CaseCorrectionSchema(Schema):
    """A one-time correction notice: every problem at once."""

    problems: list[CorrectionProblemSchema]
    note: str = ""


class CaseDecideSchema(Schema):
    """准予 (``approve: true``) or 不予 with reasons."""

    approve: bool
    opinion: str = ""
    reasons: str = ""


class CaseDeliverSchema(Schema):
    """Delivery: ``window`` (with the pickup code), ``post`` (with a tracking number) or ``electronic``."""

    mode: str
    tracking_number: str = ""
    pickup_code: str = ""


class CaseDeliveryChoiceSchema(Schema):
    """The applicant's 领取方式: ``window``, ``post`` (with ``address``) or ``electronic``, as the item offers."""

    mode: str
    address: str = ""


class CaseReasonSchema(Schema):
    """A reason."""

    reason: str = ""


class TaskCompleteSchema(Schema):
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
