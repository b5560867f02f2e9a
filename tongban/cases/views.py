"""Web pages of the case lifecycle: applicant, window clerk, department inbox, supervision and public lookup.

Views are thin (STYLE §2): parse input, fetch with an access helper, call one service, render. HTMX requests get
a partial from ``cases/_partials/``, others the full page; every applicant action works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tongban.cases.formschema import SchemaForm, prefill_values

FORM_PREFIX = "f"


def _published_version(code: str) -> Any:
    """The published version of the implementation ``code``; 404 when there is none."""
    from tongban.catalog.models import Implementation

    implementation = (
        Implementation.objects.select_related("current_version", "item", "department", "region")
        .filter(code=code, is_active=True, current_version__isnull=False)
        .first()
    )
    if implementation is None:
        raise Http404("事项不存在或未发布。")
    return implementation.current_version


@login_required
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """在线申请: the item's form and materials checklist (first version: shows the form)."""
    version = _published_version(code)
    form = SchemaForm(
        version.form_schema,
        prefix=FORM_PREFIX,
        initial=prefill_values(version.form_schema, user=request.user),
    )
    return render(
        request,
        "cases/apply.html",
        {
            "version": version,
            "implementation": version.implementation,
            "form": form,
            "materials": version.materials.all(),
        },
    )
