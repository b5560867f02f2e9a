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
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from tongban.accounts import queries
from tongban.accounts.choices import Role
from tongban.accounts.forms import CitizenRegistrationForm, LoginForm
from tongban.accounts.permissions import get_grants, is_staff_user
from tongban.accounts.presentation import mask_id_number, mask_phone
from tongban.accounts.services import (
    check_login,
    do_issue_api_token,
    do_register_citizen,
    do_revoke_api_token,
)
from tongban.core.errors import DomainError

# Tools shown on the 工作台 per role: (role, URL name, label). Links to pages not built yet are skipped.
WORKSPACE_TOOLS: list[tuple[str, str, Any]] = [
    (Role.CATALOG_ADMIN, "catalog:admin_list", gettext_lazy("事项管理")),
    (Role.REVIEWER, "cases:inbox", gettext_lazy("待办件")),
    (Role.APPROVER, "cases:inbox", gettext_lazy("待办件")),
    (Role.CLERK, "cases:window_intake", gettext_lazy("窗口受理")),
    (Role.CLERK, "cases:inbox", gettext_lazy("待办件")),
    (Role.SUPERVISOR, "cases:supervision", gettext_lazy("电子监察")),
    (Role.SYSTEM_ADMIN, "admin:index", gettext_lazy("系统管理")),
]


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
                login(request, user)
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


@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    """Citizen registration; every error is shown next to its field and what was typed is kept (except passwords)."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = CitizenRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = do_register_citizen(
                data["username"], data["password1"], data["real_name"], data["id_number"], data["phone"]
            )
        except DomainError as exc:
            for field, field_messages in exc.fields.items():
                target = "password1" if field == "password" else field
                for message in field_messages:
                    form.add_error(target if target in form.fields else None, str(message))
            if not exc.fields:
                form.add_error(None, str(exc.message))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("注册成功，欢迎使用通办。"))
            return redirect("accounts:profile")
    return render(request, "accounts/register.html", {"form": form})


def _profile_context(user: Any, new_token: str | None = None) -> dict[str, Any]:
    return {
        "profile": user,
        "id_number_masked": mask_id_number(user.id_number),
        "phone_masked": mask_phone(user.phone),
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
    for role, url_name, label in WORKSPACE_TOOLS:
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
