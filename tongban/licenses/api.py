"""``/api/v1/licenses``: the holder's wallet, presentation, verification and the issuing department's actions.

``/jwks.json`` and ``/verify`` need no login (anyone holding a QR code may check it). Every other handler fetches
through :func:`tongban.licenses.access.access_license_by_identifier` (404 ``LICENSE_NOT_FOUND`` for missing and
forbidden alike) and calls one service. Paths without a parameter come before ``/{identifier}``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import BaseModel, ModelWrapValidatorHandler, ValidationInfo, model_validator

from tongban.accounts.auth import api_auth
from tongban.core.api_schemas import ERROR_RESPONSES, PUBLIC_ERROR_RESPONSES
from tongban.core.masking import mask_id_number
from tongban.core.ratelimit import check_rate
from tongban.licenses import access, errors, queries, services
from tongban.licenses.choices import HolderCategory, LicenseStatus
from tongban.licenses.models import License, LicenseUse
from tongban.licenses.stock.api import router as stock_router

# ``router`` (what ``tongban.api`` mounts) holds the fixed paths; ``/{identifier}…`` live on a child mounted after
# the stock import's ``/imports``, which Django would otherwise resolve as an identifier (the first match wins).
router = Router(tags=["licenses"])
identifier_router = Router(tags=["licenses"])

VERIFY_RATE_DEFAULT = (
    "60/m"  # public verification, per client address (TONGBAN_RATE_LIMITS "verify", shared with /verify/)
)


class LicenseRequestSchema(Schema):
    """A request body of the licences API: always a JSON object (anything else is 422)."""

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


class LicenseReasonSchema(LicenseRequestSchema):
    """Suspend or reinstate: the reason (事由)."""

    reason: str = ""


class LicenseRevokeSchema(LicenseRequestSchema):
    """Revoke: the reason and the legal basis (法律依据)."""

    reason: str = ""
    legal_basis: str = ""


class LicenseCorrectSchema(LicenseRequestSchema):
    """Correct: the corrected face (照面信息, the whole face) and the reason."""

    face: dict[str, Any]
    reason: str = ""


class LicenseHolderSchema(Schema):
    """The holder (持证主体): an enterprise's credit code in full, a person's ID number masked."""

    category: str
    name: str
    number: str


class LicenseSummarySchema(Schema):
    """One licence in the wallet."""

    identifier: str
    type_code: str
    type_name: str
    version: str
    status: str  # valid | suspended | revoked | superseded | expired (today)
    status_label: str
    valid_from: date
    valid_until: date | None  # null: 长期
    issued_at: datetime
    issuer_code: str
    issuer_name: str
    holder: LicenseHolderSchema
    payload: str  # the signed compact JWS (what the QR code carries)
    url: str


class LicenseDetailSchema(LicenseSummarySchema):
    """A licence with its face, its history and what the caller may do with it."""

    face: dict[str, Any]
    reason: str
    legal_basis: str
    superseded_by: str | None
    current_identifier: str
    source_case: str | None
    pdf_url: str
    allowed_actions: list[str]


class LicenseUseSchema(Schema):
    """One use of a licence (用证记录): which department used it in which case, for which material."""

    case_number: str | None
    department: str
    material_name: str
    authorised_by: str
    valid_until: date | None
    created_at: datetime


class LicensePresentationSchema(Schema):
    """A presentation token (亮证码): valid for five minutes; the QR code holds ``verify_url``."""

    token: str
    expires_at: datetime
    verify_url: str


class LicenseVerificationSchema(Schema):
    """The result of verifying a payload or presentation: the signature and the current status, separately."""

    signature: str  # valid | invalid
    status: (
        str  # valid | suspended | revoked | superseded | expired; "" when unknown or the signature is invalid
    )
    status_label: str
    identifier: str
    current_identifier: str
    type_code: str
    type_name: str
    issuer_code: str
    issuer_name: str
    version: str
    holder: dict[str, Any]
    valid_from: str | None
    valid_until: str | None
    face: dict[str, Any]
    is_presentation: bool
    presentation_expires_at: datetime | None
    presentation_expired: bool
    kid: str


def _caller(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _holder(lic: License) -> LicenseHolderSchema:
    if lic.holder_category == HolderCategory.ENTERPRISE:
        number = lic.holder_credit_code
    else:
        number = mask_id_number(lic.holder_id_number)
    return LicenseHolderSchema(category=lic.holder_category, name=lic.holder_name, number=number)


def _summary_fields(lic: License) -> dict[str, Any]:
    status = lic.current_status(timezone.localdate())
    return {
        "identifier": lic.identifier,
        "type_code": lic.type.code,
        "type_name": lic.type.name,
        "version": lic.version,
        "status": status.value,
        "status_label": str(LicenseStatus(status).label),
        "valid_from": lic.valid_from,
        "valid_until": lic.valid_until,
        "issued_at": lic.issued_at,
        "issuer_code": lic.issuer_code,
        "issuer_name": lic.issuer_name,
        "holder": _holder(lic),
        "payload": lic.payload,
        "url": reverse("api:license_detail", kwargs={"identifier": lic.identifier}),
    }


def _detail(user: Any, lic: License) -> LicenseDetailSchema:
    return LicenseDetailSchema(
        **_summary_fields(lic),
        face=lic.face if isinstance(lic.face, dict) else {},
        reason=lic.reason,
        legal_basis=lic.legal_basis,
        superseded_by=lic.superseded_by.identifier if lic.superseded_by_id else None,  # type: ignore[union-attr]
        current_identifier=queries.current_version(lic).identifier,
        source_case=lic.source_case.number if lic.source_case_id else None,  # type: ignore[union-attr]
        pdf_url=reverse("api:license_pdf", kwargs={"identifier": lic.identifier}),
        allowed_actions=access.allowed_actions(user, lic),
    )


def _use(use: LicenseUse) -> LicenseUseSchema:
    return LicenseUseSchema(
        case_number=use.case.number,
        department=use.department.name,
        material_name=use.material_name,
        authorised_by=str(use.authorised_by),
        valid_until=use.valid_until,
        created_at=use.created_at,
    )


@router.get(
    "", response={200: list[LicenseSummarySchema], **ERROR_RESPONSES}, auth=api_auth, summary="我的证照"
)
def list_licenses(request: HttpRequest) -> list[LicenseSummarySchema]:
    """The caller's wallet (卡包): licences issued to their verified ID number and to the enterprises they are an
    authorised agent for, newest first. An unverified account has none."""
    return [LicenseSummarySchema(**_summary_fields(lic)) for lic in queries.fetch_wallet(_caller(request))]


@router.get(
    "/managed",
    response={200: list[LicenseSummarySchema], **ERROR_RESPONSES},
    auth=api_auth,
    summary="本部门签发的证照（Licences of the caller's departments; approvers）",
)
def list_managed_licenses(request: HttpRequest, q: str = "") -> list[LicenseSummarySchema]:
    """The licences issued by the departments where the caller is an approver (审批决定人员), newest first, at most
    200; ``q`` matches the identifier, the holder's name or number. Others get ``PERMISSION_DENIED``. The same
    list as the 电子证照管理 page; each licence's actions are ``POST /{identifier}/suspend|reinstate|revoke|correct``."""
    user = _caller(request)
    if not access.may_manage_licenses(user):
        raise errors.PERMISSION_DENIED.error()
    return [
        LicenseSummarySchema(**_summary_fields(lic))
        for lic in queries.fetch_managed_licenses(user, q[:100])[:200]
    ]


@router.get("/jwks.json", response={200: dict[str, Any]}, auth=None, summary="证照签名公钥（JWKS）")
def license_jwks(request: HttpRequest) -> dict[str, Any]:
    """Every signing public key, retired ones too, so a payload can be verified offline (RFC 7517)."""
    from tongban.signing.queries import jwks

    return jwks()


@router.get(
    "/verify",
    response={200: LicenseVerificationSchema, **PUBLIC_ERROR_RESPONSES},
    auth=None,
    summary="核验电子证照",
)
def verify_license(
    request: HttpRequest,
    payload: str = Query("", description="证照签名数据（二维码中的 JWS）或亮证码"),
) -> LicenseVerificationSchema:
    """Check a licence payload or a presentation token: the signature and the licence's current status are
    reported separately (``签名有效，证照已撤销``). Garbage reads ``签名无效``; an empty or oversized parameter is 400
    ``PAYLOAD_INVALID``; 429 after too many checks from one address."""
    if not payload.strip() or len(payload) > queries.MAX_TOKEN_LENGTH:
        raise errors.PAYLOAD_INVALID.error(fields={"payload": [str(errors.PAYLOAD_INVALID.message)]})
    check_rate(request, "verify", rate=settings.TONGBAN_RATE_LIMITS.get("verify", VERIFY_RATE_DEFAULT))
    result = queries.verify_payload(payload)
    return LicenseVerificationSchema(
        signature=result.signature,
        status=result.status,
        status_label=result.status_label,
        identifier=result.identifier,
        current_identifier=result.current_identifier,
        type_code=result.type_code,
        type_name=result.type_name,
        issuer_code=result.issuer_code,
        issuer_name=result.issuer_name,
        version=result.version,
        holder=result.holder,
        valid_from=result.valid_from,
        valid_until=result.valid_until,
        face=result.face,
        is_presentation=result.is_presentation,
        presentation_expires_at=result.presentation_expires_at,
        presentation_expired=result.presentation_expired,
        kid=result.kid,
    )


@identifier_router.get(
    "/{identifier}",
    response={200: LicenseDetailSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="证照详情",
    url_name="license_detail",
)
def get_license(request: HttpRequest, identifier: str) -> LicenseDetailSchema:
    """One licence (the holder's, or one the caller's department issued as approver)."""
    user = _caller(request)
    return _detail(user, access.access_license_by_identifier(user, identifier))


@identifier_router.get(
    "/{identifier}/pdf",
    response=ERROR_RESPONSES,
    auth=api_auth,
    summary="下载签章版式文件（PDF）",
    url_name="license_pdf",
    openapi_extra={
        "responses": {200: {"description": "PAdES 签章的 PDF", "content": {"application/pdf": {}}}}
    },
)
def download_license_pdf(request: HttpRequest, identifier: str) -> HttpResponse:
    """The licence face as a PAdES-signed PDF (rendered on first download and cached)."""
    from tongban.licenses.documents import license_pdf

    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    response = HttpResponse(license_pdf(lic, actor=user), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{lic.identifier}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@identifier_router.get(
    "/{identifier}/uses",
    response={200: list[LicenseUseSchema], **ERROR_RESPONSES},
    auth=api_auth,
    summary="用证记录",
)
def list_uses(request: HttpRequest, identifier: str) -> list[LicenseUseSchema]:
    """Which departments used the licence in which cases, newest first."""
    lic = access.access_license_by_identifier(_caller(request), identifier)
    return [_use(use) for use in queries.fetch_uses(lic)]


@identifier_router.post(
    "/{identifier}/present",
    response={201: LicensePresentationSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="亮证（生成五分钟有效的亮证码）",
)
def present_license(request: HttpRequest, identifier: str) -> tuple[int, LicensePresentationSchema]:
    """A signed presentation token valid for five minutes (holder only; 409 ``LICENSE_NOT_USABLE`` unless the
    licence is valid today)."""
    from tongban.licenses.documents import verification_url

    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    token = services.do_present_license(lic, actor=user)
    expires_at = queries.verify_payload(token).presentation_expires_at or timezone.now()
    return 201, LicensePresentationSchema(
        token=token, expires_at=expires_at, verify_url=verification_url(token)
    )


@identifier_router.post(
    "/{identifier}/suspend",
    response={200: LicenseDetailSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="暂停",
)
def suspend_license(
    request: HttpRequest, identifier: str, payload: LicenseReasonSchema
) -> LicenseDetailSchema:
    """Suspend a valid licence (approver of the issuing department); 409 ``LICENSE_TRANSITION_NOT_ALLOWED``."""
    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    return _detail(user, services.do_suspend_license(lic, actor=user, reason=payload.reason))


@identifier_router.post(
    "/{identifier}/reinstate",
    response={200: LicenseDetailSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="恢复",
)
def reinstate_license(
    request: HttpRequest, identifier: str, payload: LicenseReasonSchema
) -> LicenseDetailSchema:
    """Reinstate a suspended licence (approver of the issuing department)."""
    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    return _detail(user, services.do_reinstate_license(lic, actor=user, reason=payload.reason))


@identifier_router.post(
    "/{identifier}/revoke",
    response={200: LicenseDetailSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="撤销",
)
def revoke_license(
    request: HttpRequest, identifier: str, payload: LicenseRevokeSchema
) -> LicenseDetailSchema:
    """Revoke a valid or suspended licence for good, with the reason and the legal basis."""
    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    return _detail(
        user,
        services.do_revoke_license(lic, actor=user, reason=payload.reason, legal_basis=payload.legal_basis),
    )


@identifier_router.post(
    "/{identifier}/correct",
    response={201: LicenseDetailSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="更正（签发新版本）",
)
def correct_license(
    request: HttpRequest, identifier: str, payload: LicenseCorrectSchema
) -> tuple[int, LicenseDetailSchema]:
    """Issue the next version with the corrected face; the old one becomes ``superseded``. Returns the new one
    (400 ``LICENSE_FACE_INVALID`` when the face fails the type's schema)."""
    user = _caller(request)
    lic = access.access_license_by_identifier(user, identifier)
    return 201, _detail(
        user, services.do_correct_license(lic, actor=user, face=payload.face, reason=payload.reason)
    )


router.add_router("/imports", stock_router)
router.add_router("", identifier_router)
