"""The supervisor's pages (电子监察): every case in scope by warning level, and extension requests to decide."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongban.accounts.choices import Role
from tongban.cases import forms, queries, services
from tongban.cases.choices import CaseState
from tongban.cases.views._common import annotate_clock, is_htmx, require_role, staff_render
from tongban.core.errors import DomainError


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    """电子监察: every case in scope with warning-level filters, and pending extensions to approve."""
    require_role(request.user, Role.SUPERVISOR)
    level = request.GET.get("level") or None
    state = request.GET.get("state") or None
    cases, level_counts = queries.fetch_cases_for_supervision(request.user, state=state, level=level)
    page = Paginator(cases, 30).get_page(request.GET.get("page"))
    annotate_clock(list(page.object_list))
    context = {
        "page": page,
        "level_counts": level_counts,
        "level": level or "",
        "state": state or "",
        "states": CaseState.choices,
        "extensions": queries.fetch_pending_extensions_for_supervisor(request.user),
        "decide_form": forms.DecideExtensionForm(),
        "querystring": "&".join(f"{k}={v}" for k, v in (("level", level), ("state", state)) if v),
    }
    template = "cases/_partials/supervision_table.html" if is_htmx(request) else "cases/supervision.html"
    return staff_render(request, template, context)


@login_required
@require_POST
def extension_decide(request: HttpRequest, extension_id: int) -> HttpResponse:
    """批准或驳回延期申请 (supervisor in scope)."""
    require_role(request.user, Role.SUPERVISOR)
    extension: Any = next(
        (e for e in queries.fetch_pending_extensions_for_supervisor(request.user) if e.pk == extension_id),
        None,
    )
    if extension is None:
        raise Http404
    form = forms.DecideExtensionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择批准或驳回。"))
        return redirect("cases:supervision")
    try:
        services.do_decide_extension(
            extension,
            actor=request.user,
            approve=form.cleaned_data["approve"],
            note=form.cleaned_data["note"],
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("cases:supervision")
    messages.success(request, _("延期申请已审批。"))
    return redirect("cases:supervision")
