"""Staff pages of ``catalog`` for catalog administrators: lists, the guide editor, quality panel, lifecycle, diff.

Views are thin (STYLE §2): parse, fetch through an access helper (other scopes get the same 404 as missing
objects), call one service, render. Every action is a plain POST form; HTMX only refreshes the quality panel.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tongban.catalog import queries
from tongban.catalog.choices import VersionStatus
from tongban.catalog.errors import ITEM_VERSION_NOT_EDITABLE
from tongban.catalog.forms import (
    FIELDSETS,
    FaqFormSet,
    FeeFormSet,
    MaterialFormSet,
    NewImplementationForm,
    ReturnForm,
    VersionForm,
    formset_rows,
)
from tongban.catalog.models import ItemVersion
from tongban.catalog.quality import check_guide_quality, differing_core_elements, element_label
from tongban.catalog.services import (
    FAQ_FIELDS,
    FEE_FIELDS,
    MATERIAL_FIELDS,
    OPEN_STATUSES,
    do_create_implementation,
    do_publish_version,
    do_return_version,
    do_start_draft,
    do_submit_version,
    do_update_draft,
)
from tongban.core.errors import NOT_FOUND, DomainError


def catalog_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in users only (others go to the login page); users without a catalog scope get a 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not queries.is_catalog_admin(request.user):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            if exc.code == NOT_FOUND.code:
                raise Http404 from exc
            raise

    return wrapper


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


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


@catalog_admin_required
def implementation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """An implementation's versions, with diff links; read-only for a city administrator outside their scope."""
    implementation = queries.access_implementation_for_view(request.user, code)
    can_edit = queries.user_can_edit_implementation(request.user, implementation)
    versions = list(implementation.versions.order_by("-number"))
    has_open = any(v.status in OPEN_STATUSES for v in versions)
    return render(
        request,
        "catalog/implementation_detail.html",
        {"impl": implementation, "versions": versions, "can_edit": can_edit, "has_open": has_open},
    )


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


def _parent_version(version: ItemVersion) -> ItemVersion | None:
    parent = version.implementation.parent
    return parent.current_version if parent is not None else None


def _initial_rows(rows: Any, names: list[str]) -> list[dict[str, Any]]:
    return [{name: getattr(row, name) for name in names} for row in rows]


def _editor_context(version: ItemVersion, form: VersionForm, formsets: dict[str, Any]) -> dict[str, Any]:
    issues = check_guide_quality(version)
    return {
        "version": version,
        "impl": version.implementation,
        "form": form,
        **formsets,
        "issues": issues,
        "error_count": sum(1 for i in issues if i.is_error),
        "deviations": [element_label(e) for e in differing_core_elements(version)],
        "return_form": ReturnForm(),
        "return_reason": queries.get_last_return_reason(version)
        if version.status == VersionStatus.DRAFT
        else "",
        "readonly_sections": [] if version.is_editable else _readonly_sections(version),
    }


def _readonly_sections(version: ItemVersion) -> list[tuple[Any, list[tuple[Any, str]]]]:
    """The fieldsets as (legend, [(label, display text)]) for a version that can no longer be edited."""
    sections = []
    for legend, names in FIELDSETS:
        rows = []
        for name in names:
            value = getattr(version, name)
            text = (
                str(value)
                if name == "flow_template" and value
                else queries.display_value(ItemVersion, name, value)
            )
            rows.append((getattr(ItemVersion._meta.get_field(name), "verbose_name", name), text))
        sections.append((legend, rows))
    return sections


@catalog_admin_required
@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The guide editor of a draft (fieldsets, materials/fees/FAQ formsets, deviation reasons, quality panel).

    Non-draft versions are shown read-only with the lifecycle buttons. A POST that fails validation re-renders
    with everything the administrator typed.
    """
    version = queries.access_version_for_edit(request.user, pk)
    parent_version = _parent_version(version)
    if request.method == "POST" and version.status == VersionStatus.DRAFT:
        form = VersionForm(request.POST, instance=version, parent_version=parent_version)
        formsets: dict[str, Any] = {
            "materials": MaterialFormSet(request.POST, prefix="materials"),
            "fees": FeeFormSet(request.POST, prefix="fees"),
            "faqs": FaqFormSet(request.POST, prefix="faqs"),
        }
        if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            try:
                do_update_draft(
                    version,
                    actor=request.user,
                    fields=form.service_fields(),
                    materials=formset_rows(formsets["materials"]),
                    fees=formset_rows(formsets["fees"]),
                    faqs=formset_rows(formsets["faqs"]),
                )
            except DomainError as exc:
                messages.error(request, str(exc.message))
                for name, errors in exc.fields.items():
                    if name in form.fields:
                        form.add_error(
                            name, [str(e) for e in errors] if isinstance(errors, list) else str(errors)
                        )
            else:
                messages.success(request, _("草稿已保存。请查看右侧的质量检查结果。"))
                return redirect("catalog:version_edit", pk=version.pk)
        else:
            messages.error(request, _("有内容填写不正确，请按提示修改。已填写的内容都保留着。"))
        # The instance was modified by the failed form validation; recompute quality on the stored draft.
        stored = ItemVersion.objects.select_related("implementation__parent__current_version").get(
            pk=version.pk
        )
        context = _editor_context(stored, form, {f"{k}_formset": v for k, v in formsets.items()})
        return render(request, "catalog/version_edit.html", context, status=422)
    status = 200
    if request.method == "POST":
        # A POST to a version that stopped being a draft (submitted in another tab): refuse, show the stored state.
        messages.error(request, str(ITEM_VERSION_NOT_EDITABLE.message))
        status = 409
    form = VersionForm(instance=version, parent_version=parent_version)
    formsets = {
        "materials_formset": MaterialFormSet(
            prefix="materials", initial=_initial_rows(version.materials.all(), MATERIAL_FIELDS)
        ),
        "fees_formset": FeeFormSet(prefix="fees", initial=_initial_rows(version.fees.all(), FEE_FIELDS)),
        "faqs_formset": FaqFormSet(prefix="faqs", initial=_initial_rows(version.faqs.all(), FAQ_FIELDS)),
    }
    return render(
        request, "catalog/version_edit.html", _editor_context(version, form, formsets), status=status
    )


@catalog_admin_required
def version_quality(request: HttpRequest, pk: int) -> HttpResponse:
    """The quality panel alone (HTMX refresh); without HTMX, the editor page."""
    version = queries.access_version_for_edit(request.user, pk)
    if not _is_htmx(request):
        return redirect("catalog:version_edit", pk=version.pk)
    issues = check_guide_quality(version)
    return render(
        request,
        "catalog/_partials/quality_panel.html",
        {"version": version, "issues": issues, "error_count": sum(1 for i in issues if i.is_error)},
    )


def _lifecycle(action: Callable[..., Any], success: str) -> Callable[..., HttpResponse]:
    @catalog_admin_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        version = queries.access_version_for_edit(request.user, pk)
        try:
            action(request, version)
        except DomainError as exc:
            issues = exc.fields.get("issues") if isinstance(exc.fields, dict) else None
            messages.error(request, str(exc.message))
            for issue in issues or []:
                messages.error(request, issue["message"])
            return redirect("catalog:version_edit", pk=version.pk)
        messages.success(request, success)
        return redirect("catalog:version_edit", pk=version.pk)

    return view


def _submit(request: HttpRequest, version: ItemVersion) -> None:
    do_submit_version(version, actor=request.user)


def _return(request: HttpRequest, version: ItemVersion) -> None:
    form = ReturnForm(request.POST)
    reason = form.data.get("reason", "") if not form.is_valid() else form.cleaned_data["reason"]
    do_return_version(version, actor=request.user, reason=reason)


def _publish(request: HttpRequest, version: ItemVersion) -> None:
    do_publish_version(version, actor=request.user)


version_submit = _lifecycle(_submit, _("已提交审核。"))
version_return = _lifecycle(_return, _("已退回修改。"))
version_publish = _lifecycle(_publish, _("已发布，新版办事指南已对外公开。"))
version_submit.__doc__ = "Submit a draft for review (POST)."
version_return.__doc__ = "Send a submitted version back with a reason (POST)."
version_publish.__doc__ = "Publish a submitted version after the quality gate (POST)."


@catalog_admin_required
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Differences of a version against ``?base=<pk>`` (default: the published version, or the city base)."""
    version = queries.access_version_for_view(request.user, pk)
    implementation = version.implementation
    base = None
    base_pk = request.GET.get("base", "")
    candidates = ItemVersion.objects.filter(
        implementation__in=[implementation.pk, implementation.parent_id or 0]
    )
    if base_pk.isdigit():
        base = candidates.filter(pk=int(base_pk)).first()
    if base is None:
        base = (
            candidates.filter(implementation=implementation, number__lt=version.number)
            .exclude(status__in=OPEN_STATUSES)
            .order_by("-number")
            .first()
        )
    if base is None:
        base = _parent_version(version)
    changes = queries.diff_versions(base, version) if base is not None else []
    return render(
        request, "catalog/version_diff.html", {"version": version, "base": base, "changes": changes}
    )
