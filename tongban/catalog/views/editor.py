"""The guide editor of one version: edit a draft, its quality panel, submit / return / publish, and the diff.

Views are thin (STYLE §2): parse, fetch through an access helper (other scopes get the same 404 as missing
objects), call one service, render. Every action is a plain POST form; HTMX only refreshes the quality panel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from tongban.catalog import queries
from tongban.catalog.access import publish_refusal
from tongban.catalog.choices import VersionStatus
from tongban.catalog.errors import ITEM_VERSION_NOT_EDITABLE
from tongban.catalog.forms import (
    FIELDSETS,
    FaqForm,
    FaqFormSet,
    FeeForm,
    FeeFormSet,
    LegalBasisFormSet,
    MaterialForm,
    MaterialFormSet,
    ReturnForm,
    VersionForm,
    formset_rows,
    legal_basis_initial,
    part_initial,
)
from tongban.catalog.forms.parts import kept_forms
from tongban.catalog.models import Faq, Fee, ItemVersion, Material
from tongban.catalog.quality import check_guide_quality, differing_core_elements, element_label
from tongban.catalog.services import do_publish_version, do_return_version, do_submit_version, do_update_draft
from tongban.catalog.views.builder import builder_strings
from tongban.catalog.views.common import catalog_admin_required, diff_base, is_htmx, parent_version
from tongban.core.errors import DomainError

# (context name, formset class, form class, prefix) of the editor's part formsets, in page order.
PART_FORMSETS: tuple[tuple[str, Any, Any, str], ...] = (
    ("materials", MaterialFormSet, MaterialForm, "materials"),
    ("fees", FeeFormSet, FeeForm, "fees"),
    ("faqs", FaqFormSet, FaqForm, "faqs"),
)


def _unbound_formsets(version: ItemVersion) -> dict[str, Any]:
    sets: dict[str, Any] = {
        "basis": LegalBasisFormSet(prefix="basis", initial=legal_basis_initial(version.legal_basis))
    }
    for key, formset_class, form_class, prefix in PART_FORMSETS:
        rows = getattr(version, key).all()
        sets[key] = formset_class(prefix=prefix, initial=part_initial(rows, form_class))
    return sets


def _bound_formsets(request: HttpRequest) -> dict[str, Any]:
    sets: dict[str, Any] = {"basis": LegalBasisFormSet(request.POST, prefix="basis")}
    for key, formset_class, _form_class, prefix in PART_FORMSETS:
        sets[key] = formset_class(request.POST, request.FILES, prefix=prefix)
    return sets


def error_summary(form: forms.BaseForm, formsets: dict[str, Any]) -> list[dict[str, str]]:
    """Every error on the page as ``{label, message, anchor}``, for the summary at the top (WCAG 3.3.1)."""
    items = []

    def add(bound_form: forms.BaseForm, row: str = "") -> None:
        for message in bound_form.non_field_errors():
            items.append({"label": row, "message": str(message), "anchor": "version-form"})
        for name, errors in bound_form.errors.items():
            if name == "__all__":
                continue
            field = bound_form.fields.get(name)
            label = f"{row}{field.label if field is not None else name}"
            anchor = bound_form[name].auto_id if field is not None else "version-form"
            for message in errors:
                items.append({"label": label, "message": str(message), "anchor": anchor or "version-form"})

    add(form)
    titles = {
        "basis": _("设定依据"),
        "materials": _("申请材料"),
        "fees": _("收费项目"),
        "faqs": _("常见问题"),
    }
    for key, formset in formsets.items():
        for message in formset.non_form_errors():
            items.append(
                {"label": titles[key], "message": str(message), "anchor": f"{formset.prefix}-formset"}
            )
        for index, row_form in enumerate(formset.forms):
            add(row_form, _("%(part)s第 %(n)s 行 · ") % {"part": titles[key], "n": index + 1})
    return items


def _apply_service_errors(exc: DomainError, form: VersionForm, formsets: dict[str, Any]) -> None:
    """Show the service's field errors next to the fields ("materials.2" → the third kept material row)."""
    for name, errors in (exc.fields or {}).items():
        key, _dot, rest = name.partition(".")
        if key in formsets and rest:
            index = rest.split(".", 1)[0]
            rows = kept_forms(formsets[key])
            if index.isdigit() and int(index) < len(rows):
                row_form = rows[int(index)]
                details = errors if isinstance(errors, dict) else {None: errors}
                for field, messages_ in details.items():
                    field = field if field in row_form.fields else None
                    texts = messages_ if isinstance(messages_, list) else [messages_]
                    row_form.add_error(field, [str(m) for m in texts])
                continue
        texts = errors if isinstance(errors, list) else [errors]
        form.add_error(name if name in form.fields else None, [str(e) for e in texts])


def _readonly_sections(version: ItemVersion) -> list[tuple[Any, list[tuple[Any, str]]]]:
    """The fieldsets as (legend, [(label, display text)]) for a version that can no longer be edited."""
    sections = [
        (
            _("设定依据"),
            [
                (_("设定依据"), queries.display_value(ItemVersion, "legal_basis", version.legal_basis)),
            ],
        )
    ]
    for legend, names in FIELDSETS:
        rows = []
        for name in names:
            if name == "review_departments":
                text = "、".join(d.name for d in version.review_departments.all())
            elif name == "flow_template":
                text = str(version.flow_template) if version.flow_template else ""
            else:
                text = queries.display_value(ItemVersion, name, getattr(version, name))
            rows.append((getattr(ItemVersion._meta.get_field(name), "verbose_name", name), text))
        sections.append((legend, rows))
    return sections


def _readonly_parts(version: ItemVersion) -> list[tuple[Any, list[list[tuple[Any, str]]]]]:
    """Materials, fees and FAQs with every attribute, for a version that can no longer be edited."""
    result = []
    for title, model, rows in (
        (_("申请材料"), Material, version.materials.all()),
        (_("收费项目"), Fee, version.fees.all()),
        (_("常见问题"), Faq, version.faqs.all()),
    ):
        names = [f.name for f in model._meta.concrete_fields if f.name not in ("id", "version", "order")]
        entries = []
        for row in rows:
            entries.append(
                [
                    (
                        getattr(model._meta.get_field(n), "verbose_name", n),
                        queries.display_value(model, n, getattr(row, n)),
                    )
                    for n in names
                    if queries.display_value(model, n, getattr(row, n))
                ]
            )
        result.append((title, entries))
    return result


def _editor_context(
    request: HttpRequest, version: ItemVersion, form: VersionForm, formsets: dict[str, Any], summary: Any = ()
) -> dict[str, Any]:
    issues = check_guide_quality(version)
    context: dict[str, Any] = {
        "version": version,
        "impl": version.implementation,
        "form": form,
        "basis_formset": formsets["basis"],
        **{f"{key}_formset": formsets[key] for key, *_rest in PART_FORMSETS},
        "error_summary": list(summary),
        "issues": issues,
        "error_count": sum(1 for i in issues if i.is_error),
        "deviations": [element_label(e) for e in differing_core_elements(version)],
        "return_form": ReturnForm(),
        "return_reason": queries.get_last_return_reason(version)
        if version.status == VersionStatus.DRAFT
        else "",
        "readonly_sections": [] if version.is_editable else _readonly_sections(version),
        "readonly_parts": [] if version.is_editable else _readonly_parts(version),
        "builder_strings": builder_strings() if version.is_editable else None,
    }
    if version.status == VersionStatus.SUBMITTED:
        base = diff_base(version)
        refusal = publish_refusal(request.user, version)
        context.update(
            {
                "diff_base": base,
                "removed": queries.removed_content(base, version) if base is not None else [],
                "publish_refusal": refusal.message if refusal is not None else "",
            }
        )
    return context


@catalog_admin_required
@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The guide editor of a draft: every element, legal basis and part formsets, deviation reasons, quality.

    Non-draft versions are shown read-only with the lifecycle buttons. A POST that fails validation re-renders
    with everything the administrator typed and a summary of every error.
    """
    version = queries.access_version_for_edit(request.user, pk)
    parent = parent_version(version)
    if request.method == "POST" and version.status == VersionStatus.DRAFT:
        form = VersionForm(request.POST, request.FILES, instance=version, parent_version=parent)
        formsets = _bound_formsets(request)
        if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            fields = form.service_fields()
            fields["legal_basis"] = formset_rows(formsets["basis"])
            try:
                do_update_draft(
                    version,
                    actor=request.user,
                    fields=fields,
                    **{key: formset_rows(formsets[key]) for key, *_rest in PART_FORMSETS},
                )
            except DomainError as exc:
                messages.error(request, str(exc.message))
                _apply_service_errors(exc, form, formsets)
            else:
                messages.success(request, _("草稿已保存。请查看右侧的质量检查结果。"))
                return redirect("catalog:version_edit", pk=version.pk)
        stored = queries.access_version_for_edit(request.user, pk)
        context = _editor_context(request, stored, form, formsets, error_summary(form, formsets))
        return render(request, "catalog/version_edit.html", context, status=422)
    status = 200
    if request.method == "POST":
        # A POST to a version that stopped being a draft (submitted in another tab): refuse, show the stored state.
        messages.error(request, str(ITEM_VERSION_NOT_EDITABLE.message))
        status = 409
    form = VersionForm(instance=version, parent_version=parent)
    context = _editor_context(request, version, form, _unbound_formsets(version))
    return render(request, "catalog/version_edit.html", context, status=status)


@catalog_admin_required
def version_quality(request: HttpRequest, pk: int) -> HttpResponse:
    """The quality panel's body alone (HTMX refresh); without HTMX, the editor page."""
    version = queries.access_version_for_edit(request.user, pk)
    if not is_htmx(request):
        return redirect("catalog:version_edit", pk=version.pk)
    issues = check_guide_quality(version)
    return render(
        request,
        "catalog/_partials/quality_body.html",
        {
            "version": version,
            "issues": issues,
            "error_count": sum(1 for i in issues if i.is_error),
            "oob": True,
        },
    )


def _lifecycle(action: Callable[..., Any], success: Any) -> Callable[..., HttpResponse]:
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


version_submit = _lifecycle(_submit, gettext_lazy("已提交审核。"))
version_return = _lifecycle(_return, gettext_lazy("已退回修改。"))
version_publish = _lifecycle(_publish, gettext_lazy("已发布，新版办事指南已对外公开。"))
version_submit.__doc__ = "Submit a draft for review (POST)."
version_return.__doc__ = "Send a submitted version back with a reason (POST)."
version_publish.__doc__ = (
    "Publish a submitted version: a second administrator, after the quality gate (POST)."
)


@catalog_admin_required
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Differences of a version against ``?base=<pk>`` (default: the published version, or the city base)."""
    version = queries.access_version_for_view(request.user, pk)
    base = diff_base(version, request.GET.get("base", ""))
    changes = queries.diff_versions(base, version) if base is not None else []
    removed = [c for c in changes if c.loses_content]
    return render(
        request,
        "catalog/version_diff.html",
        {"version": version, "base": base, "changes": changes, "removed": removed},
    )
