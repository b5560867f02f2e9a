"""API endpoints of ``accounts`` (mounted at ``/api/v1/auth``): bearer tokens and ``/me``."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from tongban.accounts.auth import BearerTokenAuth, api_auth
from tongban.accounts.permissions import get_grants
from tongban.accounts.presentation import mask_id_number
from tongban.accounts.queries import get_active_api_token
from tongban.accounts.services import check_login, do_issue_api_token, do_revoke_api_token
from tongban.core.api_schemas import ErrorSchema

router = Router(tags=["accounts"])


class TokenRequestSchema(Schema):
    """Credentials exchanged for a bearer token."""

    username: str
    password: str


class TokenSchema(Schema):
    """A newly issued bearer token; ``token`` is shown only in this response."""

    token: str
    token_type: str = "Bearer"
    expires_at: datetime


class RoleGrantSchema(Schema):
    """One role and its scope (department and region names; ``null`` means unrestricted)."""

    role: str
    department: str | None
    region: str | None


class MeSchema(Schema):
    """The signed-in account, with the ID number masked."""

    username: str
    kind: str
    real_name: str
    id_number_masked: str
    roles: list[RoleGrantSchema]


class RevokedSchema(Schema):
    """Result of a revocation."""

    revoked: bool


@router.post(
    "/token",
    response={200: TokenSchema, 401: ErrorSchema, 422: ErrorSchema, 423: ErrorSchema, 429: ErrorSchema},
    summary="用用户名和密码换取接口令牌",
    auth=None,
)
def issue_token(request: HttpRequest, payload: TokenRequestSchema) -> TokenSchema:
    """Exchange a username and password for a bearer token; lockout rules are the same as the login page.

    401 ``INVALID_CREDENTIALS`` for a wrong username or password, 423 ``ACCOUNT_LOCKED`` while locked.
    """
    user = check_login(request, payload.username, payload.password)
    raw, token = do_issue_api_token(user)
    return TokenSchema(token=raw, expires_at=token.expires_at)


@router.get("/me", response={200: MeSchema, 401: ErrorSchema}, summary="当前账号", auth=api_auth)
def me(request: HttpRequest) -> MeSchema:
    """The account the request is authenticated as (bearer token or session)."""
    user = request.auth  # type: ignore[attr-defined]
    return MeSchema(
        username=user.username,
        kind=user.kind,
        real_name=user.real_name,
        id_number_masked=mask_id_number(user.id_number),
        roles=[
            RoleGrantSchema(
                role=grant.role,
                department=grant.department.name if grant.department is not None else None,
                region=grant.region.name if grant.region is not None else None,
            )
            for grant in get_grants(user)
        ],
    )


@router.post(
    "/token/revoke",
    response={200: RevokedSchema, 401: ErrorSchema},
    summary="吊销当前使用的接口令牌",
    auth=[BearerTokenAuth()],
)
def revoke_token(request: HttpRequest) -> RevokedSchema:
    """Revoke the bearer token this request was made with; it stops working immediately."""
    raw = request.headers.get("Authorization", "").partition(" ")[2].strip()
    token = get_active_api_token(raw)
    if token is not None:
        do_revoke_api_token(token, actor=request.auth)  # type: ignore[attr-defined]
    return RevokedSchema(revoked=True)
