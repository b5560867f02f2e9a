"""What the cases API handlers share: the caller, the applicant named on behalf of, and the response builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse

from tongban.accounts.access import is_staff_user
from tongban.accounts.queries import fetch_enterprises_for_agent, fetch_principals_for_agent
from tongban.cases import errors, queries
from tongban.cases.api.schemas import (
    CaseDecisionSchema,
    CaseDetailSchema,
    CaseMaterialSchema,
    CaseNoticeSchema,
    CaseRefSchema,
    CaseSummarySchema,
    CaseTaskSchema,
    CaseTimelineEntrySchema,
)
from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseMaterial, CaseTask, Notice
from tongban.catalog.queries import get_version_material
from tongban.core.masking import mask_name

if TYPE_CHECKING:
    from tongban.catalog.models import Material


def caller(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def ref_schema(case: Case) -> CaseRefSchema:
    return CaseRefSchema(
        number=case.number,
        draft_id=str(case.public_id),
        ref=case.ref,
        status=case.state,
        status_label=str(CaseState(case.state).label),
    )


def task_schema(task: CaseTask) -> CaseTaskSchema:
    return CaseTaskSchema(
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
        due_provisional=task.due_provisional,
        outcome=task.outcome,
        opinion=task.opinion,
        version=task.version,
        created_at=task.created_at,
    )


def material_file_url(case: Case, row: CaseMaterial) -> str | None:
    """The API download link of an uploaded (or generated) material; ``None`` while it has no file."""
    if not row.file:
        return None
    return reverse("api:case_material_file", kwargs={"ref": case.ref, "material_id": row.pk})


def notice_pdf_url(case: Case, notice: Notice) -> str:
    """The API download link of a notice's PDF."""
    return reverse("api:case_notice_pdf", kwargs={"ref": case.ref, "notice_id": notice.pk})


def notice_schema(case: Case, notice: Notice) -> CaseNoticeSchema:
    return CaseNoticeSchema(
        id=notice.pk,
        kind=notice.kind,
        number=notice.number,
        created_at=notice.created_at,
        content=notice.content,
        pdf_url=notice_pdf_url(case, notice),
    )


def staff_view(user: Any, case: Case) -> bool:
    """Whether ``user`` looks at ``case`` as staff (names masked, the full timeline), not as its applicant side."""
    return is_staff_user(user) and user.pk not in (case.applicant_user_id, case.agent_id)


def summary_schema(user: Any, case: Case) -> CaseSummarySchema:
    return CaseSummarySchema(
        number=case.number,
        draft_id=str(case.public_id),
        ref=case.ref,
        status=case.state,
        status_label=str(CaseState(case.state).label),
        item_name=case.implementation.item.name,
        implementation_code=case.implementation.code,
        department=case.department.name,
        applicant_name=mask_name(case.applicant_name) if staff_view(user, case) else case.applicant_name,
        channel=case.channel,
        created_at=case.created_at,
        submitted_at=case.submitted_at,
        deadline=case.deadline,
        deadline_provisional=case.deadline_provisional,
        closed_at=case.closed_at,
        url=reverse("api:case_detail", kwargs={"ref": case.ref}),
    )


def material_schema(row: CaseMaterial, case: Case | None = None) -> CaseMaterialSchema:
    case = case or row.case
    return CaseMaterialSchema(
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
        generated=row.generated,
        supplied_at=row.supplied_at,
        download_url=material_file_url(case, row),
        license_identifier=row.license_identifier,
    )


def detail_schema(user: Any, case: Case) -> CaseDetailSchema:
    as_staff = staff_view(user, case)
    timeline = queries.fetch_case_timeline(case) if as_staff else queries.plain_timeline(case)
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
        applicant_name=mask_name(case.applicant_name) if as_staff else case.applicant_name,
        channel=case.channel,
        query_code=case.query_code,
        requested_delivery_mode=case.requested_delivery_mode,
        delivery_address=case.delivery_address,
        delivery_mode=case.delivery_mode,
        tracking_number=case.tracking_number,
        pickup_code=(
            case.pickup_code
            if case.pickup_code and case.state == CaseState.DECIDED and not as_staff
            else None
        ),
        submitted_at=case.submitted_at,
        accepted_at=case.accepted_at,
        decided_at=case.decided_at,
        closed_at=case.closed_at,
        acceptance_deadline=case.acceptance_deadline,
        acceptance_deadline_provisional=case.acceptance_deadline_provisional,
        deadline=case.deadline,
        deadline_provisional=case.deadline_provisional,
        remaining_working_days=clock["remaining_working_days"],
        warning_level=clock["warning_level"],
        clock_stopped=clock["stopped"],
        timeline=[CaseTimelineEntrySchema(**entry.__dict__) for entry in timeline],
        tasks=[task_schema(t) for t in queries.fetch_open_tasks_for_case(case)],
        materials=[material_schema(m, case) for m in case.materials.filter(is_current=True).order_by("id")],
        notices=[notice_schema(case, n) for n in case.notices.order_by("created_at", "id")],
        decision=(
            CaseDecisionSchema(
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


def version_material(case: Case, material_id: int | None) -> Material | None:
    """The catalog material ``material_id`` of the case's guide version; ``MATERIAL_NOT_OF_CASE`` otherwise."""
    if material_id is None:
        return None
    material = get_version_material(case.version, material_id)
    if material is None:
        raise errors.MATERIAL_NOT_OF_CASE.error()
    return material


def material_named(case: Case, name: str) -> Material | None:
    """The catalog material of the case's guide version called exactly ``name`` (an upload sent by name binds to
    it), or ``None`` for an extra material."""
    name = (name or "").strip()
    if not name:
        return None
    matches = [m for m in case.version.materials.all() if m.name == name]
    return matches[0] if len(matches) == 1 else None


def on_behalf_of(actor: Any, value: str | None) -> dict[str, Any]:
    """The applicant named by ``on_behalf_of`` (a credit code or an ID number): only among the enterprises and
    people ``actor`` holds an active authorisation for — a typed identifier never grants anything by itself."""
    value = (value or "").strip().upper()
    if not value:
        return {}
    enterprise = fetch_enterprises_for_agent(actor).filter(credit_code=value).first()
    if enterprise is not None:
        return {"enterprise": enterprise}
    principal = fetch_principals_for_agent(actor).filter(id_number=value).first()
    if principal is not None:
        return {"principal": principal}
    raise errors.NOT_AUTHORISED_FOR_APPLICANT.error()
