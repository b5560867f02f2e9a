"""Catalog administrators' list pages: their implementations, implementing a city item, one implementation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongban.catalog import queries
from tongban.catalog.forms import ItemNamesForm, NewImplementationForm
from tongban.catalog.models import ItemVersion
from tongban.catalog.quality import check_guide_quality
from tongban.catalog.services import (
    OPEN_STATUSES,
    do_create_implementation,
    do_start_draft,
    do_update_item_names,
)
from tongban.catalog.views.common import catalog_admin_required
from tongban.core.errors import DomainError
from tongban.organizations.choices import ExerciseLevel


@catalog_admin_required
def admin_list(request: HttpRequest) -> HttpResponse:
    """Implementations in the administrator's scope, with open drafts and quality badges, and the 新增 form."""
    open_versions = Prefetch(
        "versions", queryset=ItemVersion.objects.filter(status__in=OPEN_STATUSES), to_attr="open_versions"
    )
    editable = list(
        queries.fetch_implementations_for_admin(request.user)
        .prefetch_related(open_versions)
        .order_by("region__level", "region__code", "item__name")[:500]
    )
    rows = []
    for impl in editable:
        draft = impl.open_versions[0] if impl.open_versions else None
        errors = None
        if draft is not None:
            errors = sum(1 for issue in check_guide_quality(draft) if issue.is_error)
        rows.append({"impl": impl, "draft": draft, "errors": errors})
    editable_ids = {impl.pk for impl in editable}
    readonly = [
        impl
        for impl in queries.fetch_implementations_for_admin(request.user, readable=True).order_by(
            "region__level", "region__code", "item__name"
        )[:500]
        if impl.pk not in editable_ids
    ]
    options = queries.fetch_items_addable_for_admin(request.user)
    new_form = NewImplementationForm(options=options) if options else None
    return render(
        request, "catalog/admin_list.html", {"rows": rows, "readonly": readonly, "new_form": new_form}
    )


@catalog_admin_required
@require_POST
def implementation_create(request: HttpRequest) -> HttpResponse:
    """Implement a city item in the administrator's county: creates the implementation and its inherited draft."""
    form = NewImplementationForm(request.POST, options=queries.fetch_items_addable_for_admin(request.user))
    if not form.is_valid():
        messages.error(request, _("请选择要实施的事项。"))
        return redirect("catalog:admin_list")
    city_impl, department = form.selected()
    try:
        implementation = do_create_implementation(
            city_impl.item, department, actor=request.user, parent=city_impl
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("catalog:admin_list")
    draft = implementation.versions.get()
    messages.success(request, _("已创建实施清单，草稿已从市级办事指南复制，请修改与本级不同的要素。"))
    return redirect("catalog:version_edit", pk=draft.pk)


def _can_name_item(implementation: object, can_edit: bool) -> bool:
    # An item is shared by every implementation of it; its English name is kept by the city level.
    return can_edit and getattr(implementation, "level", None) in (
        ExerciseLevel.CITY,
        ExerciseLevel.PROVINCIAL,
    )


def _render_detail(
    request: HttpRequest, implementation: Any, names_form: ItemNamesForm | None = None, status: int = 200
) -> HttpResponse:
    can_edit = queries.user_can_edit_implementation(request.user, implementation)
    versions = list(implementation.versions.order_by("-number"))
    has_open = any(v.status in OPEN_STATUSES for v in versions)
    if names_form is None and _can_name_item(implementation, can_edit):
        names_form = ItemNamesForm(initial={"name_en": implementation.item.name_en})
    context = {
        "impl": implementation,
        "versions": versions,
        "can_edit": can_edit,
        "has_open": has_open,
        "names_form": names_form,
    }
    return render(request, "catalog/implementation_detail.html", context, status=status)


@catalog_admin_required
def implementation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """An implementation's versions, with diff links; read-only for a city administrator outside their scope."""
    return _render_detail(request, queries.access_implementation_for_view(request.user, code))


@catalog_admin_required
@require_POST
def item_names_update(request: HttpRequest, code: str) -> HttpResponse:
    """Save the English name of the implementation's item (city-level administrators)."""
    implementation = queries.access_implementation_for_edit(request.user, code)
    if not _can_name_item(implementation, True):
        messages.error(request, _("事项的英文名称由市级事项管理员维护。"))
        return redirect("catalog:implementation_detail", code=implementation.code)
    form = ItemNamesForm(request.POST)
    if form.is_valid():
        try:
            do_update_item_names(
                implementation.item, actor=request.user, name_en=form.cleaned_data["name_en"]
            )
        except DomainError as exc:
            for errors in (exc.fields or {}).values():
                form.add_error("name_en", [str(e) for e in errors])
        else:
            messages.success(request, _("英文名称已保存。"))
            return redirect("catalog:implementation_detail", code=implementation.code)
    return _render_detail(request, implementation, names_form=form, status=422)


@catalog_admin_required
@require_POST
def draft_start(request: HttpRequest, code: str) -> HttpResponse:
    """Open the next version as a copy of the published one."""
    implementation = queries.access_implementation_for_edit(request.user, code)
    try:
        draft = do_start_draft(implementation, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("catalog:implementation_detail", code=implementation.code)
    return redirect("catalog:version_edit", pk=draft.pk)
