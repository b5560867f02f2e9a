"""API of the `signing` app: the public root certificate and, for system administrators, the seals."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from tongban.accounts.auth import api_auth
from tongban.core.api_schemas import ErrorSchema
from tongban.signing import access, errors, queries, services

router = Router(tags=["signing"])


class SigningSealSchema(Schema):
    """An electronic seal (电子印章): name, kind, department, validity, key and certificate."""

    id: int
    name: str
    kind: str
    kind_label: str
    department: str | None
    valid_from: datetime
    valid_until: datetime
    retired: bool
    kid: str
    certificate_pem: str
    svg: str


@router.get(
    "/root.pem",
    summary="平台根证书（The platform root certificate, PEM）",
    openapi_extra={
        "responses": {
            "200": {
                "description": "平台根证书（PEM）",
                "content": {"application/x-pem-file": {"schema": {"type": "string"}}},
            }
        }
    },
)
def root_pem(request: HttpRequest) -> HttpResponse:
    """The self-signed root that certifies every seal; add it as a trust anchor to verify signed PDFs. No login."""
    return HttpResponse(services.ensure_root_ca(actor=None).pem, content_type="application/x-pem-file")


@router.get(
    "/seals",
    auth=api_auth,
    response={200: list[SigningSealSchema], 401: ErrorSchema, 403: ErrorSchema},
    summary="电子印章列表（Seals; system administrators）",
)
def seal_list(request: HttpRequest) -> list[SigningSealSchema]:
    """Every seal, current ones first. Only for 系统管理员 (``PERMISSION_DENIED`` otherwise)."""
    if not access.can_manage_seals(request.auth):  # type: ignore[attr-defined]
        raise errors.PERMISSION_DENIED.error()
    return [
        SigningSealSchema(
            id=seal.pk,
            name=seal.name,
            kind=seal.kind,
            kind_label=str(seal.get_kind_display()),
            department=seal.department.name if seal.department is not None else None,
            valid_from=seal.valid_from,
            valid_until=seal.valid_until,
            retired=seal.retired_at is not None,
            kid=seal.key.kid,
            certificate_pem=seal.certificate_pem,
            svg=seal.svg,
        )
        for seal in queries.fetch_seals()
    ]


class SigningKeySchema(Schema):
    """A signing key's public part: its ``kid`` (as in the JWKS), algorithm and times."""

    kid: str
    algorithm: str
    created_at: datetime
    retired_at: datetime | None


@router.post(
    "/keys/rotate",
    auth=api_auth,
    response={201: SigningKeySchema, 401: ErrorSchema, 403: ErrorSchema},
    summary="轮换签名密钥（Rotate the signing key; system administrators）",
)
def key_rotate(request: HttpRequest) -> tuple[int, SigningKeySchema]:
    """Retire the current key of ``TONGBAN_SIGNING_ALGORITHM`` and make a new one current. Signatures made with
    the retired key keep verifying (it stays in the JWKS). Only for 系统管理员 (``PERMISSION_DENIED`` otherwise)."""
    if not access.can_manage_seals(request.auth):  # type: ignore[attr-defined]
        raise errors.PERMISSION_DENIED.error()
    key = services.do_rotate_key(settings.TONGBAN_SIGNING_ALGORITHM, actor=request.auth)  # type: ignore[attr-defined]
    return 201, SigningKeySchema(
        kid=key.kid, algorithm=key.algorithm, created_at=key.created_at, retired_at=key.retired_at
    )
