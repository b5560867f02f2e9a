"""Helpers every case page shares: rendering staff pages, fetching with the access check, showing refusals."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role
from tongban.cases import access, errors, forms, queries
from tongban.cases.engine import clock
from tongban.catalog.queries import get_published_implementation
from tongban.core.errors import DomainError, ErrorDef

FORM_PREFIX = "f"


def is_htmx(request: HttpRequest) -> bool:
    """True for a request HTMX made (it gets a partial instead of the full page)."""
    return request.headers.get("HX-Request") == "true"


def staff_render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render a staff page with the work tabs the user's roles allow (窗口 for clerks, 电子监察 for supervisors)."""
    user = request.user
    context = {
        **context,
        "nav_clerk": user_has_role(user, Role.CLERK),
        "nav_supervisor": user_has_role(user, Role.SUPERVISOR),
    }
    return render(request, template, context, status=status)


def require_role(user: Any, *roles: str) -> None:
    """404 unless ``user`` holds one of ``roles`` somewhere (the page lists only what their scope covers)."""
    if not any(user_has_role(user, role) for role in roles):
        raise Http404


def case_or_404(user: Any, ref: str) -> Any:
    """The case ``ref`` (number or draft id) if ``user`` may see it; 404 for missing and forbidden alike."""
    try:
        return access.access_case_by_ref(user, ref)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def task_or_404(user: Any, task_id: int) -> Any:
    """The task if ``user`` may work it; 404 otherwise."""
    try:
        return access.access_task_by_id(user, task_id)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def implementation_or_404(code: str) -> Any:
    """The published implementation ``code``; 404 when it is not published."""
    try:
        return get_published_implementation(code)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def error_context(exc: DomainError) -> dict[str, Any]:
    """The template context that shows a refusal: its message, stable code and field problems."""
    return {"error": {"code": exc.code, "message": str(exc.message), "fields": exc.fields}}


def remaining(case: Any) -> tuple[int | None, str]:
    """Remaining working days and the warning level; ``(None, "none")`` when the calendar cannot say."""
    try:
        return clock.remaining_working_days(case), clock.warning_level(case)
    except DomainError:
        return None, "none"


def annotate_clock(cases: list[Any]) -> list[Any]:
    """Attach ``remaining_days`` and ``level`` to each case for the list templates."""
    for case in cases:
        case.remaining_days, case.level = remaining(case)
    return cases


def form_refusal(form: Any) -> DomainError:
    """The stable error of the first failing field whose code is one of ``cases.errors``, else FORM_INVALID."""
    for field_errors in form.errors.as_data().values():
        for error in field_errors:
            known = getattr(errors, error.code or "", None)
            if isinstance(known, ErrorDef):
                return known.error(fields=form.errors.get_json_data())
    return errors.FORM_INVALID.error(fields=form.errors.get_json_data())


def delivery_form(case: Any, version: Any, data: Any = None, *, required: bool = True) -> Any:
    """The 领取方式 form with the modes ``version`` offers, preset to the case's current choice."""
    initial = {"mode": case.requested_delivery_mode, "address": case.delivery_address} if case else {}
    return forms.DeliveryChoiceForm(
        data, modes=queries.offered_delivery_modes(version), required=required, initial=initial
    )
