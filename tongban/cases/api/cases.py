"""``/api/v1/cases``: applicants and staff act on a case addressed by ``{ref}`` (number, or draft id)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router
from ninja.files import UploadedFile

from tongban.accounts.auth import api_auth
from tongban.cases import access, errors, services
from tongban.cases.api._common import (
    caller,
    detail_schema,
    material_schema,
    on_behalf_of,
    ref_schema,
    refuse_nul,
    version_material,
)
from tongban.cases.api.schemas import (
    CaseAcceptSchema,
    CaseCorrectionSchema,
    CaseCreateSchema,
    CaseDecideSchema,
    CaseDeliverSchema,
    CaseDeliveryChoiceSchema,
    CaseDetailSchema,
    CaseMaterialSchema,
    CaseReasonSchema,
    CaseRefSchema,
    CaseRefuseSchema,
)
from tongban.cases.choices import Channel
from tongban.core.api_schemas import ERROR_RESPONSES

router = Router(tags=["cases"], auth=api_auth)


@router.post("", response={201: CaseRefSchema, **ERROR_RESPONSES}, summary="创建申请（草稿，可同时提交）")
def create_case(request: HttpRequest, payload: CaseCreateSchema) -> tuple[int, CaseRefSchema]:
    """Create a draft for a published implementation; header ``Idempotency-Key`` makes retries return the same case.

    With ``submit: true`` the case is submitted at once (422 ``MATERIALS_MISSING`` when materials are required:
    create, upload, then ``POST /cases/{ref}/submit``).
    """
    refuse_nul(payload.dict())
    case = services.do_create_case(
        actor=caller(request),
        implementation_code=payload.implementation_code,
        form_data=payload.form_data,
        channel=Channel.API,
        idempotency_key=request.headers.get("Idempotency-Key", "").replace("\x00", ""),
        submit=payload.submit,
        delivery_mode=payload.delivery_mode,
        delivery_address=payload.delivery_address,
        **on_behalf_of(payload.on_behalf_of),
    )
    return 201, ref_schema(case)


@router.get("/{ref}", response={200: CaseDetailSchema, **ERROR_RESPONSES}, summary="办件详情")
def get_case(request: HttpRequest, ref: str) -> CaseDetailSchema:
    """Status, deadline, remaining working days, warning level, timeline, open tasks, materials and notices."""
    user = caller(request)
    return detail_schema(user, access.access_case_by_ref(user, ref))


@router.delete("/{ref}", response={204: None, **ERROR_RESPONSES}, summary="删除草稿")
def delete_draft(request: HttpRequest, ref: str) -> tuple[int, None]:
    """Delete a draft of the caller's (with its uploads); 409 ``CASE_INVALID_STATE`` once it is submitted,
    404 ``CASE_NOT_FOUND`` for someone else's. The ledger keeps ``case.draft_deleted``."""
    user = caller(request)
    services.do_delete_draft(access.access_case_by_ref(user, ref), actor=user)
    return 204, None


@router.post(
    "/{ref}/materials", response={201: CaseMaterialSchema, **ERROR_RESPONSES}, summary="上传申请材料"
)
def upload_material(
    request: HttpRequest,
    ref: str,
    file: UploadedFile = File(...),  # noqa: B008 - django-ninja's declaration style
    material_id: int | None = Form(None),
    name: str = Form(""),
) -> tuple[int, CaseMaterialSchema]:
    """Upload a file for a catalog material (``material_id``) or an extra (``name``); drafts and flagged
    corrections only. Size and type limits as in the web form (422 ``UPLOAD_*``)."""
    refuse_nul([name, file.name or ""], "file")
    user = caller(request)
    case = access.access_case_by_ref(user, ref)
    row = services.do_add_material(
        case, actor=user, file=file, material=version_material(case, material_id), name=name
    )
    return 201, material_schema(row)


@router.post("/{ref}/submit", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="提交申请")
def submit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Submit a draft; the number and query code are assigned. Repeating it returns the same result."""
    user = caller(request)
    return ref_schema(services.do_submit_case(access.access_case_by_ref(user, ref), actor=user))


@router.post("/{ref}/resubmit", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="补正后重新提交")
def resubmit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Resubmit after replacing every material flagged on the correction notice."""
    user = caller(request)
    return ref_schema(services.do_resubmit_correction(access.access_case_by_ref(user, ref), actor=user))


@router.post("/{ref}/accept", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="受理")
def accept_case(request: HttpRequest, ref: str, payload: CaseAcceptSchema) -> CaseRefSchema:
    """Accept (clerk); ``tolerated_material_ids`` for 容缺受理."""
    refuse_nul(payload.dict())
    user = caller(request)
    case = access.access_case_by_ref(user, ref)
    tolerated = [version_material(case, pk) for pk in payload.tolerated_material_ids]
    case = services.do_accept_case(
        case,
        actor=user,
        note=payload.note,
        tolerated_materials=[m for m in tolerated if m is not None],
        supplement_deadline_days=payload.supplement_deadline_days,
    )
    return ref_schema(case)


@router.post("/{ref}/refuse", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="不予受理")
def refuse_case(request: HttpRequest, ref: str, payload: CaseRefuseSchema) -> CaseRefSchema:
    """Refuse acceptance with reasons (clerk)."""
    refuse_nul(payload.dict())
    user = caller(request)
    return ref_schema(
        services.do_refuse_acceptance(
            access.access_case_by_ref(user, ref), actor=user, reasons=payload.reasons
        )
    )


@router.post(
    "/{ref}/request-correction", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="一次性告知补正"
)
def request_correction(request: HttpRequest, ref: str, payload: CaseCorrectionSchema) -> CaseRefSchema:
    """Issue one correction notice listing every problem."""
    refuse_nul(payload.dict())
    user = caller(request)
    case = access.access_case_by_ref(user, ref)
    problems: list[tuple[Any, str]] = []
    for problem in payload.problems:
        if problem.case_material_id is not None:
            row = case.materials.filter(pk=problem.case_material_id).first()
            if row is None:
                raise errors.MATERIAL_NOT_OF_CASE.error()
            problems.append((row, problem.reason))
        else:
            material = version_material(case, problem.material_id)
            if material is None:
                raise errors.MATERIAL_NOT_OF_CASE.error()
            problems.append((material, problem.reason))
    services.do_request_correction(case, actor=user, problems=problems, note=payload.note)
    case.refresh_from_db()
    return ref_schema(case)


@router.post("/{ref}/decide", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="作出决定")
def decide_case(request: HttpRequest, ref: str, payload: CaseDecideSchema) -> CaseRefSchema:
    """Decide by completing the open decision task (approver of the lead department)."""
    refuse_nul(payload.dict())
    user = caller(request)
    case = services.do_decide_case(
        access.access_case_by_ref(user, ref),
        actor=user,
        approve=payload.approve,
        opinion=payload.opinion,
        reasons=payload.reasons,
    )
    return ref_schema(case)


@router.post("/{ref}/deliver", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="送达并办结")
def deliver_case(request: HttpRequest, ref: str, payload: CaseDeliverSchema) -> CaseRefSchema:
    """Deliver the result and close the case."""
    refuse_nul(payload.dict())
    user = caller(request)
    case = services.do_deliver_case(
        access.access_case_by_ref(user, ref),
        actor=user,
        mode=payload.mode,
        tracking_number=payload.tracking_number,
        pickup_code=payload.pickup_code,
    )
    return ref_schema(case)


@router.post("/{ref}/delivery", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="选择领取方式")
def choose_delivery(request: HttpRequest, ref: str, payload: CaseDeliveryChoiceSchema) -> CaseRefSchema:
    """The applicant chooses or changes 领取方式 until hand-out (422 ``DELIVERY_MODE_NOT_OFFERED`` /
    ``DELIVERY_ADDRESS_REQUIRED``, 409 ``CASE_INVALID_STATE`` once delivered; staff get 404)."""
    refuse_nul(payload.dict())
    user = caller(request)
    case = services.do_choose_delivery(
        access.access_case_by_ref(user, ref), actor=user, mode=payload.mode, address=payload.address
    )
    return ref_schema(case)


@router.post("/{ref}/withdraw", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="撤回申请")
def withdraw_case(request: HttpRequest, ref: str, payload: CaseReasonSchema) -> CaseRefSchema:
    """The applicant withdraws before the decision."""
    refuse_nul(payload.dict())
    user = caller(request)
    return ref_schema(
        services.do_withdraw_case(access.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )


@router.post("/{ref}/terminate", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="终止办理")
def terminate_case(request: HttpRequest, ref: str, payload: CaseReasonSchema) -> CaseRefSchema:
    """A supervisor in scope terminates with a reason."""
    refuse_nul(payload.dict())
    user = caller(request)
    return ref_schema(
        services.do_terminate_case(access.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )
