"""The issuing department's pages: its licences (search by identifier or holder) and, per licence, suspend,
reinstate, revoke and correct (暂停、恢复、撤销、更正) for ``Role.APPROVER`` of that department."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from tongban.core.errors import DomainError
from tongban.licenses import access, errors, forms, queries, services
from tongban.licenses.choices import LicenseAction
from tongban.licenses.models import License
from tongban.licenses.views._common import (
    error_context,
    face_of,
    history_of,
    license_or_404,
    today,
    versions_of,
)

PAGE_SIZE = 30
SUCCESS = {
    LicenseAction.SUSPEND: _("电子证照已暂停。"),
    LicenseAction.REINSTATE: _("电子证照已恢复。"),
    LicenseAction.REVOKE: _("电子证照已撤销。"),
    LicenseAction.CORRECT: _("已更正，新版本电子证照已颁发。"),
}


def _require_approver(user: Any) -> None:
    # 404 rather than 403: the page's existence tells an outsider nothing (as with the case inbox).
    if not access.may_manage_licenses(user):
        raise Http404


@login_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    """电子证照管理: the department's licences, newest first, searchable by identifier, holder or number."""
    _require_approver(request.user)
    form = forms.ManageSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    licenses = queries.fetch_managed_licenses(request.user, query)
    page = Paginator(licenses, PAGE_SIZE).get_page(request.GET.get("page"))
    day = today()
    for lic in page.object_list:
        lic.status = lic.current_status(day)  # type: ignore[attr-defined]
    context = {
        "form": form,
        "page": page,
        "query": query,
        "querystring": urlencode({"q": query}) if query else "",
    }
    return render(request, "licenses/manage.html", context)


def _manage_context(request: HttpRequest, lic: License, **bound: Any) -> dict[str, Any]:
    versions = versions_of(lic)
    allowed = access.allowed_actions(request.user, lic)
    face = lic.face if isinstance(lic.face, dict) else {}
    return {
        "license": lic,
        "status": lic.current_status(today()),
        "face": face_of(lic),
        "history": history_of(lic, versions, staff=True),
        "versions": versions,
        "current_version": versions[-1],
        "allowed": allowed,
        "suspend_form": bound.get("suspend_form") or forms.ReasonForm(prefix="suspend"),
        "reinstate_form": bound.get("reinstate_form") or forms.ReasonForm(prefix="reinstate"),
        "revoke_form": bound.get("revoke_form") or forms.RevokeForm(prefix="revoke"),
        "correct_form": bound.get("correct_form")
        or forms.CorrectForm(prefix="correct", schema=lic.type.face_schema or {}, face=face),
        **{k: v for k, v in bound.items() if not k.endswith("_form")},
    }


@login_required
@require_GET
def manage_detail(request: HttpRequest, identifier: str) -> HttpResponse:
    """One licence for the issuing department: face, status, history and the forms of the allowed actions."""
    lic = license_or_404(request.user, identifier)
    if not access.can_manage(request.user, lic):
        raise Http404
    return render(request, "licenses/manage_detail.html", _manage_context(request, lic))


@login_required
@require_POST
def manage_action(request: HttpRequest, identifier: str, action: str) -> HttpResponse:
    """暂停 / 恢复 / 撤销 / 更正 one licence: validate the form, call the one service, show the result."""
    lic = license_or_404(request.user, identifier)
    if not access.can_manage(request.user, lic) or action not in SUCCESS:
        raise Http404
    face = lic.face if isinstance(lic.face, dict) else {}
    form: Any
    if action == LicenseAction.REVOKE:
        form = forms.RevokeForm(request.POST, prefix="revoke")
    elif action == LicenseAction.CORRECT:
        form = forms.CorrectForm(request.POST, prefix="correct", schema=lic.type.face_schema or {}, face=face)
    else:
        form = forms.ReasonForm(request.POST, prefix=action)
    bound = {f"{action}_form": form, "open_action": action}
    if not form.is_valid():
        return render(
            request, "licenses/manage_detail.html", _manage_context(request, lic, **bound), status=422
        )
    data = form.cleaned_data
    try:
        if action == LicenseAction.SUSPEND:
            result = services.do_suspend_license(lic, actor=request.user, reason=data["reason"])
        elif action == LicenseAction.REINSTATE:
            result = services.do_reinstate_license(lic, actor=request.user, reason=data["reason"])
        elif action == LicenseAction.REVOKE:
            result = services.do_revoke_license(
                lic, actor=request.user, reason=data["reason"], legal_basis=data["legal_basis"]
            )
        else:
            result = services.do_correct_license(
                lic, actor=request.user, face=form.face(face), reason=data["reason"]
            )
    except DomainError as exc:
        if exc.code == errors.LICENSE_FACE_INVALID.code and isinstance(form, forms.CorrectForm):
            for key in exc.fields or {}:  # the schema's own messages are English: say it in the field's words
                if form.FIELD_PREFIX + str(key) in form.fields:
                    form.add_error(
                        form.FIELD_PREFIX + str(key), _("此项不符合该证照类型的照面要求，请核对。")
                    )
        context = _manage_context(request, lic, **bound, **error_context(exc))
        return render(request, "licenses/manage_detail.html", context, status=exc.status)
    messages.success(request, str(SUCCESS[LicenseAction(action)]))
    return redirect("licenses:manage_detail", identifier=result.identifier)
