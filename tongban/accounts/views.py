"""Pages of ``accounts``: login, logout, citizen registration, 个人中心 and the staff 工作台."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tongban.accounts import queries
from tongban.accounts.access import get_grants, is_staff_user, user_has_role
from tongban.accounts.choices import CodePurpose, Role
from tongban.accounts.forms import (
    CitizenRegistrationForm,
    CodeForm,
    LoginForm,
    PasswordResetCompleteForm,
    PasswordResetStartForm,
    WindowConfirmationForm,
)
from tongban.accounts.presentation import mask_id_number, mask_phone
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
from tongban.accounts.services.codes import mask_destination, peek_code
from tongban.core.errors import DomainError
from tongban.core.workspace import workspace_tools

LOGIN_BACKEND = "tongban.accounts.backends.AccountBackend"


def _safe_next(request: HttpRequest, candidate: str | None) -> str | None:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


def _home_url() -> str:
    try:
        return reverse("portal:home")
    except NoReverseMatch:
        return "/"


@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """One login page for everyone; staff land on the 工作台, others on ``next`` or the portal home."""
    if request.method == "POST":
        form = LoginForm(request.POST)
        if form.is_valid():
            try:
                user = check_login(request, form.cleaned_data["username"], form.cleaned_data["password"])
            except DomainError as exc:
                form.add_error(None, str(exc.message))
            else:
                login(request, user, backend=LOGIN_BACKEND)
                next_url = _safe_next(request, form.cleaned_data.get("next"))
                if is_staff_user(user) and not next_url:
                    return redirect("accounts:workspace")
                return HttpResponseRedirect(next_url or _home_url())
    else:
        form = LoginForm(initial={"next": _safe_next(request, request.GET.get("next")) or ""})
    return render(request, "accounts/login.html", {"form": form})


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    """Sign out (POST); GET shows a confirmation button so logging out works without JavaScript."""
    if request.method == "POST":
        logout(request)
        messages.info(request, _("您已安全退出。"))
        return HttpResponseRedirect(_home_url())
    return render(request, "accounts/logout.html")


def _show_errors(form: Any, exc: DomainError, aliases: dict[str, str] | None = None) -> None:
    """Put a service's field errors next to the form's fields (unknown fields go to the top of the form)."""
    aliases = aliases or {}
    for field, field_messages in exc.fields.items():
        target = aliases.get(field, field)
        for message in field_messages:
            form.add_error(target if target in form.fields else None, str(message))
    if not exc.fields:
        form.add_error(None, str(exc.message))


@never_cache
@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    """Citizen registration, step 1; every error is shown next to its field and what was typed is kept.

    The answer never says whether the ID number already has an account: valid input always leads to the code
    page ("a code was sent to 138****5678").
    """
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = CitizenRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = check_start_registration(
                request,
                username=data["username"],
                password=data["password1"],
                real_name=data["real_name"],
                id_number=data["id_number"],
                phone=data["phone"],
            )
        except DomainError as exc:
            _show_errors(form, exc, {"password": "password1"})
        else:
            return redirect("accounts:register_confirm", challenge=row.challenge)
    return render(request, "accounts/register.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def register_confirm_view(request: HttpRequest, challenge: str) -> HttpResponse:
    """Citizen registration, step 2: the code sent to the phone entered; success signs the person in."""
    row = peek_code(challenge, CodePurpose.REGISTRATION)
    if row is None:
        raise Http404(_("找不到该页面。"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = check_complete_registration(request, challenge=challenge, code=form.cleaned_data["code"])
        except DomainError as exc:
            _show_errors(form, exc)
        else:
            login(request, user, backend=LOGIN_BACKEND)
            messages.success(request, _("注册成功，欢迎使用通办。"))
            return redirect("accounts:profile")
    context = {"form": form, "sent_to": mask_destination(row.channel, row.destination)}
    return render(request, "accounts/register_confirm.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_view(request: HttpRequest) -> HttpResponse:
    """找回密码, step 1: the same answer whether or not the account exists."""
    form = PasswordResetStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            row = check_start_password_reset(
                request, identifier=form.cleaned_data["identifier"], channel=form.cleaned_data["channel"]
            )
        except DomainError as exc:
            _show_errors(form, exc)
        else:
            return redirect("accounts:password_reset_confirm", challenge=row.challenge)
    return render(request, "accounts/password_reset.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_confirm_view(request: HttpRequest, challenge: str) -> HttpResponse:
    """找回密码, step 2: the code and a new password; then the login page."""
    row = peek_code(challenge, CodePurpose.PASSWORD_RESET)
    if row is None:
        raise Http404(_("找不到该页面。"))
    form = PasswordResetCompleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_complete_password_reset(
                request,
                challenge=challenge,
                code=form.cleaned_data["code"],
                new_password=form.cleaned_data["new_password"],
            )
        except DomainError as exc:
            _show_errors(form, exc)
        else:
            messages.success(request, _("密码已重置，请用新密码登录。"))
            return redirect("accounts:login")
    context = {"form": form, "channel": row.get_channel_display()}
    return render(request, "accounts/password_reset_confirm.html", context)


@login_required
@require_POST
def real_name_check_view(request: HttpRequest) -> HttpResponse:
    """在线实名核验 of the signed-in person's own name and ID number."""
    try:
        do_verify_real_name(request.user, request=request)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("实名核验通过。"))
    return redirect("accounts:profile")


def _require_clerk(request: HttpRequest) -> None:
    if not user_has_role(request.user, Role.CLERK):
        raise Http404(_("找不到该页面。"))


@login_required
@require_http_methods(["GET", "POST"])
def window_confirmation_view(request: HttpRequest) -> HttpResponse:
    """窗口核验 (clerks): send a code to the phone on record of the account of the person present."""
    _require_clerk(request)
    form = WindowConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            row = check_start_window_confirmation(
                actor=request.user,
                id_number=form.cleaned_data["id_number"],
                name=form.cleaned_data["real_name"],
            )
        except DomainError as exc:
            _show_errors(form, exc)
        else:
            return redirect("accounts:window_confirmation_code", challenge=row.challenge)
    return render(request, "accounts/window_confirmation.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def window_confirmation_code_view(request: HttpRequest, challenge: str) -> HttpResponse:
    """窗口核验 (clerks), step 2: the code the person reads out from their phone."""
    _require_clerk(request)
    row = peek_code(challenge, CodePurpose.WINDOW_CONFIRMATION)
    if row is None or row.payload.get("clerk") != request.user.pk:
        raise Http404(_("找不到该页面。"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = check_complete_window_confirmation(
                actor=request.user, challenge=challenge, code=form.cleaned_data["code"]
            )
        except DomainError as exc:
            _show_errors(form, exc)
        else:
            messages.success(
                request, _("已完成窗口核验：%(name)s 的账号现为“窗口核验”。") % {"name": user.display_name}
            )
            return redirect("accounts:window_confirmation")
    context = {"form": form, "sent_to": mask_phone(row.destination)}
    return render(request, "accounts/window_confirmation_code.html", context)


def _profile_context(user: Any, new_token: str | None = None) -> dict[str, Any]:
    return {
        "profile": user,
        "id_number_masked": mask_id_number(user.id_number),
        "phone_masked": mask_phone(user.phone),
        "identity_level": user.get_identity_level_display(),
        "identity_verified": user.identity_verified,
        "enterprises": queries.fetch_enterprises_for_agent(user),
        "principals": queries.fetch_principals_for_agent(user),
        "tokens": queries.fetch_api_tokens_for_user(user),
        "new_token": new_token,
    }


@login_required
def profile_view(request: HttpRequest, username: str | None = None) -> HttpResponse:
    """个人中心: masked identity, enterprises and people the user acts for, API tokens. Only the owner sees it."""
    if username is not None:
        try:
            queries.access_profile_by_username(request.user, username)
        except DomainError as exc:
            raise Http404(str(exc.message)) from exc
    return render(request, "accounts/profile.html", _profile_context(request.user))


@login_required
@require_POST
def token_issue_view(request: HttpRequest) -> HttpResponse:
    """Issue an API token and show it once on the profile page."""
    raw, _token = do_issue_api_token(request.user)  # type: ignore[arg-type]
    messages.success(request, _("接口令牌已生成，请立即复制保存，它只显示这一次。"))
    return render(request, "accounts/profile.html", _profile_context(request.user, new_token=raw))


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's own API tokens (others' tokens are "not found")."""
    try:
        token = queries.access_api_token_by_id(request.user, token_id)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc
    do_revoke_api_token(token, actor=request.user)
    messages.success(request, _("接口令牌已吊销。"))
    return redirect("accounts:profile")


def _workspace_links(user: Any) -> list[dict[str, str]]:
    held = {grant.role for grant in get_grants(user)}
    links: list[dict[str, str]] = []
    seen: set[str] = set()
    for tool in workspace_tools():
        role, url_name, label = tool.role, tool.url_name, tool.label
        if role not in held or url_name in seen:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        seen.add(url_name)
        links.append({"url": url, "label": str(label), "name": url_name})
    return links


@login_required
def workspace_view(request: HttpRequest) -> HttpResponse:
    """工作台: the staff member's roles with their scopes, posts, and links to the tools those roles use."""
    if not is_staff_user(request.user):
        raise Http404(_("找不到该页面。"))
    context = {
        "grants": get_grants(request.user),
        "positions": request.user.positions.select_related("department", "region", "window__hall"),  # type: ignore[union-attr]
        "links": _workspace_links(request.user),
    }
    return render(request, "accounts/workspace.html", context)
