"""Request and response schemas of the cases API (names are unique platform-wide: the OpenAPI document keys
schemas by name)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from pydantic import BaseModel, ModelWrapValidatorHandler, ValidationInfo, model_validator

from tongban.cases.choices import CaseState


class CaseRequestSchema(Schema):
    """A request body of the cases API: always a JSON object.

    ninja's ``Schema`` also reads attributes of arbitrary objects, so a body of ``42`` or ``null`` used to pass as
    "every field at its default" (a withdrawal without a body); here anything but an object is refused (422).
    """

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        # Replaces ninja's validator of the same name, which wraps any object to read its attributes.
        if isinstance(values, BaseModel):
            return handler(values)
        if not isinstance(values, dict):
            raise ValueError(str(_("请求体必须是 JSON 对象。")))
        return handler(values)


class CaseCreateSchema(CaseRequestSchema):
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
    generated: bool  # rendered by the platform from the submitted online form
    supplied_at: datetime | None
    download_url: str | None  # ``GET`` it with the same credentials; null while a 容缺 material has no file
    license_identifier: (
        str  # the electronic licence that satisfies the material instead of a file (免证可办); "" none
    )


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
    due_provisional: bool = Field(
        description="环节期限经过尚未录入放假通知的年度，暂按法定节日计算，录入通知后可能变化"
    )
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
    """A written notice issued on the case, with the link to its PDF."""

    id: int
    kind: str
    number: str
    created_at: datetime
    content: dict[str, Any]
    pdf_url: str  # ``GET`` it with the same credentials (rendered on first download)


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
    # The applicant side's code for collecting the result at a window once decided (null for staff, before, after)
    pickup_code: str | None
    submitted_at: datetime | None
    accepted_at: datetime | None
    decided_at: datetime | None
    closed_at: datetime | None
    acceptance_deadline: date | None
    acceptance_deadline_provisional: bool = Field(
        description="受理期限暂按法定节日计算（该年度放假通知尚未录入）"
    )
    deadline: date | None
    deadline_provisional: bool = Field(description="办结期限暂按法定节日计算（该年度放假通知尚未录入）")
    remaining_working_days: int | None
    warning_level: str
    clock_stopped: bool
    timeline: list[CaseTimelineEntrySchema]
    tasks: list[CaseTaskSchema]
    materials: list[CaseMaterialSchema]
    notices: list[CaseNoticeSchema]
    decision: CaseDecisionSchema | None


class CaseAcceptSchema(CaseRequestSchema):
    """Acceptance, optionally 容缺 with catalog material ids and a supplement deadline in working days (1–60)."""

    note: str = ""
    tolerated_material_ids: list[int] = []
    supplement_deadline_days: int | None = Field(None, ge=1, le=60)


class CaseRefuseSchema(CaseRequestSchema):
    """Reasons for 不予受理."""

    reasons: list[str]


class CorrectionProblemSchema(CaseRequestSchema):
    """One problem of a correction notice: an uploaded material (``case_material_id``) or a catalog one."""

    case_material_id: int | None = None
    material_id: int | None = None
    reason: str


class CaseCorrectionSchema(CaseRequestSchema):
    """A one-time correction notice: every problem at once."""

    problems: list[CorrectionProblemSchema]
    note: str = ""


class CaseDecideSchema(CaseRequestSchema):
    """准予 (``approve: true``) or 不予 with reasons."""

    approve: bool
    opinion: str = ""
    reasons: str = ""


class CaseDeliverSchema(CaseRequestSchema):
    """Delivery: ``window`` (with the pickup code), ``post`` (with a tracking number) or ``electronic``."""

    mode: str
    tracking_number: str = ""
    pickup_code: str = ""


class CaseDeliveryChoiceSchema(CaseRequestSchema):
    """The applicant's 领取方式: ``window``, ``post`` (with ``address``) or ``electronic``, as the item offers."""

    mode: str
    address: str = ""


class CaseReasonSchema(CaseRequestSchema):
    """A reason."""

    reason: str = ""


class TaskCompleteSchema(CaseRequestSchema):
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
    deadline_provisional: bool = Field(description="办结期限暂按法定节日计算（该年度放假通知尚未录入）")
    decided_at: datetime | None
    closed_at: datetime | None


class CaseDraftUpdateSchema(CaseRequestSchema):
    """New form data for a draft (saved as given, validated on submission) and, optionally, the 领取方式."""

    form_data: dict[str, Any] = {}
    delivery_mode: str | None = None  # null keeps the chosen 领取方式, "" clears it
    delivery_address: str = ""


class CaseListRole(enum.StrEnum):
    """Which side of the caller lists cases: as applicant (own, agent, proxy) or in their staff scope."""

    APPLICANT = "applicant"
    STAFF = "staff"


class CaseSummarySchema(Schema):
    """One case in a list: identifiers, state, item, applicant and the key dates."""

    number: str | None
    draft_id: str
    ref: str
    status: str
    status_label: str
    item_name: str
    implementation_code: str
    department: str
    applicant_name: str  # masked for staff (ARCHITECTURE §5.5)
    channel: str
    created_at: datetime
    submitted_at: datetime | None
    deadline: date | None
    deadline_provisional: bool = Field(description="办结期限暂按法定节日计算（该年度放假通知尚未录入）")
    closed_at: datetime | None
    url: str  # the case in this API


class CaseListSchema(Schema):
    """A page of cases: ``count`` is the total over every page."""

    count: int
    page: int
    size: int
    num_pages: int
    items: list[CaseSummarySchema]


class CaseListFilters(Schema):
    """Which of the caller's cases to list (all optional)."""

    role: CaseListRole | None = None  # ``applicant``: own and authorised ones; ``staff``: the staff scope
    status: CaseState | None = None
    implementation_code: str | None = Field(None, max_length=31)
    size: int = Field(20, ge=1, le=100)
    page: int = Field(1, ge=1, le=100000)
