"""``/api/v1/cases``: applicants and staff act on a case addressed by ``{ref}`` (number, or draft id)."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Header, Path, Query, Router
from ninja.files import UploadedFile

from tongban.accounts.auth import api_auth
from tongban.cases import access, errors, queries, services
from tongban.cases.api._common import (
    caller,
    detail_schema,
    material_named,
    material_schema,
    notice_schema,
    on_behalf_of,
    ref_schema,
    summary_schema,
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
    CaseDraftUpdateSchema,
    CaseListFilters,
    CaseListSchema,
    CaseMaterialSchema,
    CaseNoticeSchema,
    CaseReasonSchema,
    CaseRefSchema,
    CaseRefuseSchema,
)
from tongban.cases.choices import Channel
from tongban.cases.documents.notices import get_notice_pdf, notice_filename
from tongban.cases.documents.uploads import ALLOWED_TYPES, download_response
from tongban.cases.transitions import REVIEW
from tongban.core.api_schemas import ERROR_RESPONSES

router = Router(tags=["cases"], auth=api_auth)


def _links(status: int, *handlers: str) -> dict[str, Any]:
    """OpenAPI links from an action's response to the operations an integrator calls next on the same case (its
    ``ref`` from the body: the draft id before submission, the number after); schemathesis follows them too."""
    return {
        "responses": {
            status: {  # an int, as ninja keys the responses it merges this into
                "links": {
                    handler: {
                        "operationId": f"tongban_cases_api_cases_{handler}",
                        "parameters": {"ref": "$response.body#/ref"},
                    }
                    for handler in handlers
                }
            }
        }
    }


@router.post(
    "",
    response={201: CaseRefSchema, **ERROR_RESPONSES},
    summary="创建申请（草稿，可同时提交）",
    openapi_extra=_links(
        201,
        "get_case",
        "update_draft",
        "upload_material",
        "list_materials",
        "sign_commitment",
        "choose_delivery",
        "submit_case",
        "withdraw_case",
    ),
)
def create_case(
    request: HttpRequest,
    payload: CaseCreateSchema,
    idempotency_key: str = Header(
        "",
        alias="Idempotency-Key",
        description="重试同一申请时使用同一个键（最多 100 个字符）；内容不同的申请请使用新的键。",
    ),
) -> tuple[int, CaseRefSchema]:
    """Create a draft for a published implementation; header ``Idempotency-Key`` makes retries return the same case.

    With ``submit: true`` the case is submitted at once (422 ``MATERIALS_MISSING`` when materials are required:
    create, upload each required material by its ``id`` from ``GET /catalog/items/{code}``, then
    ``POST /cases/{ref}/submit``). Materials the guide marks ``generated_from_form`` are rendered from
    ``form_data`` at submission, never uploaded. The same key with the same body returns the first case; with
    another body it is 422 ``IDEMPOTENCY_KEY_REUSED``; a key over 100 characters is 400
    ``IDEMPOTENCY_KEY_TOO_LONG``.
    """
    actor = caller(request)
    case = services.do_create_case(
        actor=actor,
        implementation_code=payload.implementation_code,
        form_data=payload.form_data,
        channel=Channel.API,
        idempotency_key=idempotency_key,
        submit=payload.submit,
        delivery_mode=payload.delivery_mode,
        delivery_address=payload.delivery_address,
        **on_behalf_of(actor, payload.on_behalf_of),
    )
    return 201, ref_schema(case)


@router.get(
    "/{ref}", response={200: CaseDetailSchema, **ERROR_RESPONSES}, summary="办件详情", url_name="case_detail"
)
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
    "/{ref}/materials",
    response={201: CaseMaterialSchema, **ERROR_RESPONSES},
    summary="上传申请材料（或以电子证照替代）",
)
def upload_material(
    request: HttpRequest,
    ref: str,
    file: UploadedFile = File(None),  # noqa: B008 - django-ninja's declaration style
    material_id: int = Form(None, ge=1, description="申请材料的 id（事项详情 materials[].id）"),
    name: str = Form("", max_length=300),
    license_identifier: str = Form(
        "",
        max_length=128,
        description="以电子证照替代上传（免证可办）：申请人持有的有效证照标识，此时不传 file",
    ),
) -> tuple[int, CaseMaterialSchema]:
    """Upload a file for a catalog material (``material_id``, the ``id`` of the item detail's ``materials``; a
    ``name`` equal to one of their names binds to it too) or an extra material (any other ``name``).

    To a draft; while a correction is open, only the flagged materials (409 ``MATERIAL_NOT_FLAGGED``); after a
    容缺 acceptance, the tolerated ones (补交; 409 ``MATERIAL_NOT_TOLERATED``). An unknown or another item's
    ``material_id`` is 422 ``MATERIAL_NOT_OF_CASE``. Size and type are checked by content as in the web form
    (413 ``UPLOAD_TOO_LARGE``, 415 ``UPLOAD_TYPE_NOT_ALLOWED`` / ``UPLOAD_EXTENSION_MISMATCH``, 422
    ``UPLOAD_EMPTY``).

    Instead of ``file``, ``license_identifier`` with ``material_id`` uses one of the applicant's electronic
    licences (``GET /licenses``) for a material the guide marks with a ``license_type_code`` (免证可办): the
    authorisation to use is recorded and the material counts as provided. 422 ``LICENSE_NOT_ACCEPTED`` for a
    material no licence replaces, 422 ``LICENSE_NOT_REUSABLE`` for a licence that is not the applicant's, not
    valid or of another type.
    """
    user = caller(request)
    case = access.access_case_by_ref(user, ref)
    if license_identifier.strip() and file is None:
        material = version_material(case, material_id) if material_id is not None else None
        row = services.do_use_license(
            case, actor=user, material=material, license_identifier=license_identifier
        )
        return 201, material_schema(row, case)
    if file is None:
        raise errors.UPLOAD_EMPTY.error(fields={"file": [str(errors.UPLOAD_EMPTY.message)]})
    material = version_material(case, material_id) if material_id is not None else material_named(case, name)
    if case.state in REVIEW and material is not None:
        # After acceptance the only upload there is is 补交 of a tolerated (容缺) material.
        row = services.do_supplement_material(case, actor=user, material=material, file=file)
    else:
        row = services.do_add_material(case, actor=user, file=file, material=material, name=name)
    return 201, material_schema(row, case)


@router.post(
    "/{ref}/submit",
    response={200: CaseRefSchema, **ERROR_RESPONSES},
    summary="提交申请",
    openapi_extra=_links(
        200, "get_case", "accept_case", "refuse_case", "request_correction", "list_notices", "withdraw_case"
    ),
)
def submit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Submit a draft; the number and query code are assigned. Repeating it returns the same result."""
    user = caller(request)
    return ref_schema(services.do_submit_case(access.access_case_by_ref(user, ref), actor=user))


@router.post("/{ref}/resubmit", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="补正后重新提交")
def resubmit_case(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Resubmit after replacing every material flagged on the correction notice."""
    user = caller(request)
    return ref_schema(services.do_resubmit_correction(access.access_case_by_ref(user, ref), actor=user))


@router.post(
    "/{ref}/accept",
    response={200: CaseRefSchema, **ERROR_RESPONSES},
    summary="受理",
    openapi_extra=_links(200, "get_case", "list_notices", "decide_case", "terminate_case", "withdraw_case"),
)
def accept_case(request: HttpRequest, ref: str, payload: CaseAcceptSchema) -> CaseRefSchema:
    """Accept (clerk); ``tolerated_material_ids`` for 容缺受理."""
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
    user = caller(request)
    return ref_schema(
        services.do_refuse_acceptance(
            access.access_case_by_ref(user, ref), actor=user, reasons=payload.reasons
        )
    )


@router.post(
    "/{ref}/request-correction",
    response={200: CaseRefSchema, **ERROR_RESPONSES},
    summary="一次性告知补正",
    openapi_extra=_links(200, "get_case", "upload_material", "resubmit_case"),
)
def request_correction(request: HttpRequest, ref: str, payload: CaseCorrectionSchema) -> CaseRefSchema:
    """Issue one correction notice listing every problem."""
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


@router.post(
    "/{ref}/decide",
    response={200: CaseRefSchema, **ERROR_RESPONSES},
    summary="作出决定",
    openapi_extra=_links(200, "get_case", "choose_delivery", "deliver_case"),
)
def decide_case(request: HttpRequest, ref: str, payload: CaseDecideSchema) -> CaseRefSchema:
    """Decide by completing the open decision task (approver of the lead department)."""
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
    user = caller(request)
    case = services.do_choose_delivery(
        access.access_case_by_ref(user, ref), actor=user, mode=payload.mode, address=payload.address
    )
    return ref_schema(case)


@router.post("/{ref}/withdraw", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="撤回申请")
def withdraw_case(request: HttpRequest, ref: str, payload: CaseReasonSchema) -> CaseRefSchema:
    """The applicant withdraws before the decision."""
    user = caller(request)
    return ref_schema(
        services.do_withdraw_case(access.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )


@router.post("/{ref}/terminate", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="终止办理")
def terminate_case(request: HttpRequest, ref: str, payload: CaseReasonSchema) -> CaseRefSchema:
    """A supervisor in scope terminates with a reason."""
    user = caller(request)
    return ref_schema(
        services.do_terminate_case(access.access_case_by_ref(user, ref), actor=user, reason=payload.reason)
    )


# --- lists, drafts and documents ------------------------------------------------------------------------------------


@router.get("", response={200: CaseListSchema, **ERROR_RESPONSES}, summary="我的办件 / 职责范围内的办件")
def list_cases(request: HttpRequest, filters: Query[CaseListFilters]) -> CaseListSchema:
    """The caller's cases, newest first, a page at a time: as applicant their own, those they applied for as agent
    or proxy and their enterprises' (drafts included); as staff the cases in their roles' scope. ``role`` keeps
    one side; ``status`` and ``implementation_code`` filter; ``count`` is the total over every page."""
    user = caller(request)
    cases = queries.fetch_cases_for_user(
        user,
        role=filters.role.value if filters.role is not None else None,
        state=filters.status.value if filters.status is not None else None,
        implementation_code=filters.implementation_code,
    )
    count = cases.count()
    start = (filters.page - 1) * filters.size
    rows = list(cases[start : start + filters.size]) if start < count else []
    return CaseListSchema(
        count=count,
        page=filters.page,
        size=filters.size,
        num_pages=max(1, -(-count // filters.size)),
        items=[summary_schema(user, case) for case in rows],
    )


@router.patch("/{ref}", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="修改草稿")
def update_draft(request: HttpRequest, ref: str, payload: CaseDraftUpdateSchema) -> CaseRefSchema:
    """Replace a draft's form data (saved as given; checked against the form on submission, 422 ``FORM_INVALID``)
    and optionally its 领取方式. 409 ``CASE_INVALID_STATE`` once submitted."""
    user = caller(request)
    case = services.do_update_draft(
        access.access_case_by_ref(user, ref),
        actor=user,
        form_data=payload.form_data,
        delivery_mode=payload.delivery_mode,
        delivery_address=payload.delivery_address,
    )
    return ref_schema(case)


@router.post("/{ref}/commitment", response={200: CaseRefSchema, **ERROR_RESPONSES}, summary="签署告知承诺书")
def sign_commitment(request: HttpRequest, ref: str) -> CaseRefSchema:
    """Sign the item's 告知承诺书 on a draft (its text and SHA-256 are recorded); then submit. 409
    ``COMMITMENT_NOT_OFFERED`` when the item has no 告知承诺制 (``guide.commitment`` of the item detail)."""
    user = caller(request)
    return ref_schema(services.do_sign_commitment(access.access_case_by_ref(user, ref), actor=user))


@router.get(
    "/{ref}/materials", response={200: list[CaseMaterialSchema], **ERROR_RESPONSES}, summary="办件材料"
)
def list_materials(request: HttpRequest, ref: str) -> list[CaseMaterialSchema]:
    """Every material of the case, replaced uploads included (``is_current``), with its download link."""
    case = access.access_case_by_ref(caller(request), ref)
    return [material_schema(row, case) for row in case.materials.order_by("id")]


@router.delete(
    "/{ref}/materials/{material_id}", response={204: None, **ERROR_RESPONSES}, summary="删除草稿中的材料"
)
def remove_material(
    request: HttpRequest, ref: str, material_id: int = Path(..., ge=1, le=2**63 - 1)
) -> tuple[int, None]:
    """Remove an upload from a draft (``id`` of the case material); 409 ``CASE_INVALID_STATE`` once submitted."""
    user = caller(request)
    case = access.access_case_by_ref(user, ref)
    row = case.materials.filter(pk=material_id).first()
    if row is None:
        raise Http404
    services.do_remove_material(row, actor=user)
    return 204, None


def _file_responses(*media_types: str) -> dict[str, Any]:
    """The OpenAPI ``200`` of a download: a binary body of one of ``media_types``."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "responses": {
            "200": {
                "description": "文件（附件下载）",
                "content": {media_type: binary for media_type in media_types},
            }
        }
    }


@router.get(
    "/{ref}/materials/{material_id}/file",
    response=ERROR_RESPONSES,
    summary="下载办件材料",
    url_name="case_material_file",
    openapi_extra=_file_responses(*ALLOWED_TYPES),
)
def download_material(
    request: HttpRequest, ref: str, material_id: int = Path(..., ge=1, le=2**63 - 1)
) -> FileResponse:
    """The file of one material of the case, behind the same access check as the web download (404 for missing
    and forbidden alike); an attachment with the recorded type and ``nosniff``."""
    case = access.access_case_by_ref(caller(request), ref)
    row = case.materials.filter(pk=material_id).first()
    if row is None or not row.file:
        raise Http404
    return download_response(row.file, filename=row.original_name or row.name, content_type=row.content_type)


@router.get("/{ref}/notices", response={200: list[CaseNoticeSchema], **ERROR_RESPONSES}, summary="办件文书")
def list_notices(request: HttpRequest, ref: str) -> list[CaseNoticeSchema]:
    """The written notices (文书) issued on the case, oldest first, each with the link to its PDF."""
    case = access.access_case_by_ref(caller(request), ref)
    return [notice_schema(case, notice) for notice in case.notices.order_by("created_at", "id")]


@router.get(
    "/{ref}/notices/{notice_id}/pdf",
    response=ERROR_RESPONSES,
    summary="下载文书 PDF",
    url_name="case_notice_pdf",
    openapi_extra=_file_responses("application/pdf"),
)
def download_notice(
    request: HttpRequest, ref: str, notice_id: int = Path(..., ge=1, le=2**63 - 1)
) -> FileResponse:
    """One notice as PDF (rendered on first download and cached), behind the web download's access check."""
    case = access.access_case_by_ref(caller(request), ref)
    notice = (
        case.notices.select_related("department", "case__implementation__item").filter(pk=notice_id).first()
    )
    if notice is None:
        raise Http404
    return download_response(
        get_notice_pdf(notice), filename=notice_filename(notice), content_type="application/pdf"
    )
