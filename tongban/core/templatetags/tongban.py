"""Template filters and tags shared by every app: ``{% load tongban %}{{ user.id_number|mask_id }}``, the
error summary (``{% page_errors %}``) and short fingerprints of digests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from django import template
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import BaseForm, BaseFormSet, BoundField, ChoiceField, ModelChoiceField
from django.template import Context
from django.utils.safestring import mark_safe

from tongban.core.masking import mask_id_number, mask_name, mask_phone

register = template.Library()


@register.filter(name="mask_id")
def mask_id_filter(value: Any) -> str:
    """Masked 居民身份证号码 (first 6 and last 4 characters shown)."""
    return mask_id_number(value)


@register.filter(name="mask_phone")
def mask_phone_filter(value: Any) -> str:
    """Masked phone number (first 3 and last 4 digits shown)."""
    return mask_phone(value)


@register.filter(name="mask_name")
def mask_name_filter(value: Any) -> str:
    """Masked personal name (first and last character shown)."""
    return mask_name(value)


# --- the error summary -------------------------------------------------------------------------------------------

# How deep page_errors looks for forms in the template context: a form, a list of rows holding forms, a task's
# ``forms`` dict. Querysets and other lazy objects are never iterated.
_MAX_DEPTH = 3


def _forms_in(value: Any, depth: int = 0) -> Iterator[BaseForm]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, BaseForm):
        yield value
    elif isinstance(value, BaseFormSet):
        if value.is_bound:
            yield from value.forms
    elif isinstance(value, dict):
        for item in value.values():
            yield from _forms_in(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value[:200]:
            yield from _forms_in(item, depth + 1)
    elif isinstance(getattr(value, "forms", None), dict):  # a row that carries its own forms (a staff task)
        yield from _forms_in(value.forms, depth + 1)


def _field_anchor(bound: BoundField) -> str:
    """The id a link to this field jumps to: the control, or the first radio/checkbox of a group."""
    if bound.is_hidden or not bound.auto_id:
        return ""
    return bound.id_for_label or f"{bound.auto_id}_0"


@register.simple_tag(takes_context=True)
def page_errors(context: Context) -> dict[str, Any] | None:
    """Every problem the page reports, for the error summary at the top of ``<main>`` and the "错误：" title.

    Collected from the refusal the view passed as ``error`` (``{"code", "message"}``), from every bound form and
    formset in the context that has errors (in field order, each linked to its control), and from upload errors
    of ``material_rows``. A form class with ``in_error_summary = False`` (the search, which drops junk) is left
    out. ``None`` when the page reports nothing, or when it renders its own, more detailed summary
    (``error_summary`` in the context, e.g. the catalog editor's, which links into nested rows and schema paths).
    """
    if context.get("error_summary"):
        return None
    items: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(text: str, href: str = "", label: str = "") -> None:
        # A message that already names its field ("请选择“查询用途”") is shown alone; otherwise the label leads.
        label = "" if not label or label in text else label
        key = f"{href}|{label}|{text}"
        if text and key not in seen:
            seen.update({key, text})
            items.append({"label": label, "text": text, "href": href})

    flat = context.flatten()
    forms: list[BaseForm] = []
    for value in flat.values():
        for form in _forms_in(value):
            # Only forms the view already validated: reading ``errors`` of another bound form would validate it
            # here (queries, and errors for a form the user did not submit).
            validated = form.is_bound and getattr(form, "_errors", None) is not None
            reported = getattr(form, "in_error_summary", True)
            if reported and validated and form.errors and all(form is not f for f in forms):
                forms.append(form)
    for form in forms:
        for message in form.non_field_errors():
            add(str(message))
        for bound in form:
            for message in bound.errors:
                add(str(message), _field_anchor(bound), str(bound.label or ""))
        for name in form.errors:  # errors of fields the form does not render (hidden or removed)
            if name != NON_FIELD_ERRORS and name not in form.fields:
                for message in form.errors[name]:
                    add(str(message))
    for value in flat.values():
        if isinstance(value, BaseFormSet) and value.is_bound:
            for message in value.non_form_errors():
                add(str(message))
    rows = flat.get("material_rows")
    material_rows: list[Any] = cast(list[Any], rows) if isinstance(rows, list) else []
    for row in material_rows:
        if isinstance(row, dict) and row.get("error") and row.get("material") is not None:
            material = row["material"]
            add(str(row["error"]), f"material-{material.pk}", material.name)
    error = flat.get("error")
    if not error and not items:
        return None
    message = str(error.get("message", "")) if isinstance(error, dict) else ""
    if message in seen:
        message = ""
    return {
        "code": error.get("code", "") if isinstance(error, dict) else "",
        "message": message,
        "items": items,
    }


@register.filter
def fingerprint(value: Any, length: int = 12) -> str:
    """The first ``length`` hex characters of a digest (SHA-256): enough to compare, short enough to read."""
    return str(value or "")[: int(length)]


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``mapping[key]`` for a key held in a variable or with characters a template cannot write; ``None`` if absent."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def placeholder(bound: BoundField, label: str) -> BoundField:
    """The select ``bound`` with its empty choice worded ``label`` instead of Django's "---------".

    ``{% include "…field.html" with field=form.department|placeholder:_("请选择加签部门") %}``. Only this form's
    copy of the field changes (Django deep-copies fields per form instance).
    """
    field = bound.field
    if isinstance(field, ModelChoiceField):
        field.empty_label = str(label)  # read lazily by the choice iterator when the select renders
    elif isinstance(field, ChoiceField):
        choices = list(field.choices)  # type: ignore[arg-type]
        field.choices = [("", str(label)), *((v, t) for v, t in choices if v not in ("", None))]
    return bound


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@register.filter
def zh_lang(value: Any) -> str:
    """`` lang="zh-CN"`` when ``value`` holds Chinese characters, else nothing: for data of unknown language (what
    people typed, stored messages) so English pages mark Chinese text for screen readers (WCAG 3.1.2)."""
    return mark_safe(' lang="zh-CN"') if _HAN.search(str(value or "")) else ""
