"""Public pages that need no sign-in: progress lookup by number and query code (办件查询) and 办件公示."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tongban.cases import forms, queries
from tongban.cases.access import limit_public_lookup
from tongban.cases.views._common import is_htmx
from tongban.core.errors import DomainError
from tongban.organizations.queries import fetch_departments, get_active_department


def progress(request: HttpRequest) -> HttpResponse:
    """办件查询: case number + query code → item, department, state, result and dates; no personal data."""
    form = forms.ProgressForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "result": None}
    status = 200
    if form.is_bound and form.is_valid():
        try:
            limit_public_lookup(request, form.cleaned_data["number"])
            context["result"] = queries.get_public_progress(
                form.cleaned_data["number"], form.cleaned_data["code"]
            )
        except DomainError as exc:
            if exc.status == 429:
                context["error"] = {"code": exc.code, "message": exc.message}
            else:
                context["not_found"] = True
            status = exc.status if exc.status == 429 else 404
    elif form.is_bound:
        status = 422
    return render(request, "cases/progress.html", context, status=status)


def disclosure(request: HttpRequest) -> HttpResponse:
    """办件公示: recent cases with masked applicants, filter by department, paginated."""
    try:
        page_number = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page_number = 1
    department = get_active_department(request.GET.get("department", ""))
    rows = queries.fetch_public_disclosure(department=department, page=page_number)
    context = {
        "rows": rows,
        "page_number": min(page_number, queries.MAX_PUBLIC_PAGE),
        "has_next": len(rows) >= queries.PUBLIC_PAGE_SIZE,
        "departments": fetch_departments().order_by("region__level", "sort_order", "name"),
        "department": department,
        "department_id": department.pk if department else "",
    }
    template = "cases/_partials/disclosure_table.html" if is_htmx(request) else "cases/disclosure.html"
    return render(request, template, context)
