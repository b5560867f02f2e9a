"""API endpoints of ``accounts`` (mounted at ``/api/v1/auth``): bearer tokens and ``/me``."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from tongban.accounts.access import get_grants, user_has_role
from tongban.accounts.auth import BearerTokenAuth, api_auth
from tongban.accounts.choices import Role
from tongban.accounts.presentation import mask_id_number
from tongban.accounts.queries import get_active_api_token
from tongban.accounts.services import (
    check_complete_password_reset,
    check_complete_registration,
    check_complete_window_confirmation,
    check_login,
    check_start_password_reset,
    check_start_registration,
    check_start_window_confirmation,
    do_issue_api_token,
    do_revoke_api_token,
    do_verify_real_name,
)
from tongban.accounts.services.codes import mask_destination
from tongban.core.api_schemas import ErrorSchema
from tongban.core.errors import NOT_FOUND

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
    identity_level: str
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

    401 ``INVALID_CREDENTIALS`` for a wrong username or password (and for demo accounts outside demo mode),
    423 ``ACCOUNT_LOCKED`` while this username is locked for the calling address, 429 ``TOO_MANY_REQUESTS``.
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
        identity_level=user.identity_level,
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


class RegistrationSchema(Schema):
    """A citizen's registration; a code is sent to ``phone``."""

    username: str
    password: str
    real_name: str
    id_number: str
    phone: str


class ChallengeSchema(Schema):
    """A one-time code was (or, for a neutral answer, may have been) sent; send ``challenge`` back with the code."""

    challenge: str
    sent_to: str
    expires_at: datetime


class CodeSchema(Schema):
    """The answer to a challenge: the six-digit code received."""

    challenge: str
    code: str


class RegisteredSchema(Schema):
    """The account registration created (or took over)."""

    username: str
    identity_level: str


class PasswordResetSchema(Schema):
    """Which account (username or ID number) and where its code should go (``sms`` or ``email``)."""

    identifier: str
    channel: str = "sms"


class PasswordResetConfirmSchema(Schema):
    """The reset code and the new password."""

    challenge: str
    code: str
    new_password: str


class DoneSchema(Schema):
    """The operation succeeded."""

    done: bool


class IdentitySchema(Schema):
    """An account's identity verification level after a check."""

    username: str
    identity_level: str


class WindowConfirmationSchema(Schema):
    """The ID number and name on the ID card a clerk has seen."""

    id_number: str
    real_name: str


CODE_ERRORS: dict[int, type[ErrorSchema]] = {
    400: ErrorSchema,
    409: ErrorSchema,
    422: ErrorSchema,
    429: ErrorSchema,
}


@router.post(
    "/register",
    response={202: ChallengeSchema, **CODE_ERRORS},
    summary="注册个人账号（发送验证码）",
    auth=None,
)
def register(request: HttpRequest, payload: RegistrationSchema) -> tuple[int, ChallengeSchema]:
    """Validate a registration and send a code to ``phone``. The answer is the same whether or not the ID number
    already has an account (its holder is notified instead). 409 ``USERNAME_TAKEN``, 400 ``ID_NUMBER_INVALID`` /
    ``PHONE_INVALID`` / ``PASSWORD_INVALID`` …, 429 ``TOO_MANY_REQUESTS``.
    """
    row = check_start_registration(
        request,
        username=payload.username,
        password=payload.password,
        real_name=payload.real_name,
        id_number=payload.id_number,
        phone=payload.phone,
    )
    return 202, ChallengeSchema(
        challenge=row.challenge,
        sent_to=mask_destination(row.channel, row.destination),
        expires_at=row.expires_at,
    )


@router.post(
    "/register/confirm",
    response={201: RegisteredSchema, **CODE_ERRORS},
    summary="输入验证码完成注册",
    auth=None,
)
def register_confirm(request: HttpRequest, payload: CodeSchema) -> tuple[int, RegisteredSchema]:
    """Create the account with the code sent to the phone. 400 ``CODE_INVALID``; 409 ``REGISTRATION_NOT_COMPLETED``
    when the ID number cannot be registered online, ``USERNAME_TAKEN`` when taken meanwhile; 429.
    """
    user = check_complete_registration(request, challenge=payload.challenge, code=payload.code)
    return 201, RegisteredSchema(username=user.username, identity_level=user.identity_level)


@router.post(
    "/password-reset",
    response={202: ChallengeSchema, **CODE_ERRORS},
    summary="找回密码（发送验证码）",
    auth=None,
)
def password_reset(request: HttpRequest, payload: PasswordResetSchema) -> tuple[int, ChallengeSchema]:
    """Send a reset code to the phone (``sms``) or e-mail (``email``) on record of the account named by username or
    ID number. The answer is the same whether or not such an account or address exists; 429 past the limits.
    """
    row = check_start_password_reset(request, identifier=payload.identifier, channel=payload.channel)
    return 202, ChallengeSchema(challenge=row.challenge, sent_to="", expires_at=row.expires_at)


@router.post(
    "/password-reset/confirm",
    response={200: DoneSchema, **CODE_ERRORS},
    summary="找回密码（设置新密码）",
    auth=None,
)
def password_reset_confirm(request: HttpRequest, payload: PasswordResetConfirmSchema) -> DoneSchema:
    """Set a new password with the reset code; every API token of the account is revoked.

    400 ``CODE_INVALID`` or ``PASSWORD_INVALID`` (the code stays usable), 429.
    """
    check_complete_password_reset(
        request, challenge=payload.challenge, code=payload.code, new_password=payload.new_password
    )
    return DoneSchema(done=True)


@router.post(
    "/me/real-name-check",
    response={200: IdentitySchema, 401: ErrorSchema, 422: ErrorSchema, 429: ErrorSchema, 503: ErrorSchema},
    summary="在线实名核验",
    auth=api_auth,
)
def real_name_check(request: HttpRequest) -> IdentitySchema:
    """Check the account's own name and ID number with the population service; a match sets ``real_name``.

    422 ``IDENTITY_NOT_MATCHED``, 503 ``IDENTITY_SERVICE_UNAVAILABLE``, 429.
    """
    user = do_verify_real_name(request.auth, request=request)  # type: ignore[attr-defined]
    return IdentitySchema(username=user.username, identity_level=user.identity_level)


def _require_clerk(request: HttpRequest) -> None:
    if not user_has_role(request.auth, Role.CLERK):  # type: ignore[attr-defined]
        raise NOT_FOUND.error()


@router.post(
    "/window-confirmations",
    response={202: ChallengeSchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema},
    summary="窗口核验账号（向账号手机发送验证码，窗口人员）",
    auth=api_auth,
)
def window_confirmation(
    request: HttpRequest, payload: WindowConfirmationSchema
) -> tuple[int, ChallengeSchema]:
    """A clerk who has seen the ID card sends a code to the phone on record of that person's account.

    404 for non-clerks; 400 ``ID_NUMBER_INVALID``; 422 ``WINDOW_CONFIRMATION_IMPOSSIBLE``.
    """
    _require_clerk(request)
    row = check_start_window_confirmation(
        actor=request.auth,  # type: ignore[attr-defined]
        id_number=payload.id_number,
        name=payload.real_name,
    )
    return 202, ChallengeSchema(
        challenge=row.challenge,
        sent_to=mask_destination(row.channel, row.destination),
        expires_at=row.expires_at,
    )


@router.post(
    "/window-confirmations/confirm",
    response={200: IdentitySchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema},
    summary="窗口核验账号（输入办事人收到的验证码）",
    auth=api_auth,
)
def window_confirmation_confirm(request: HttpRequest, payload: CodeSchema) -> IdentitySchema:
    """The code the person read out: their account becomes ``window``. 404 for non-clerks, 400 ``CODE_INVALID``."""
    _require_clerk(request)
    user = check_complete_window_confirmation(
        actor=request.auth,  # type: ignore[attr-defined]
        challenge=payload.challenge,
        code=payload.code,
    )
    return IdentitySchema(username=user.username, identity_level=user.identity_level)
