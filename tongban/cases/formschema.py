"""Application forms (申请表单) from an item version's JSON Schema (``docs/development/form-schema.md``).

Two entry points:

* :func:`validate` checks submitted data against the schema and returns ``(clean_data, errors)`` with Chinese
  messages. Fields hidden by ``x-show-if`` in the submitted situation are neither required nor stored.
* :class:`SchemaForm` is a Django form built from the schema for rendering (sections, widgets, conditional
  fields marked with ``data-show-if`` for ``static/cases/js/formschema.js``); its ``clean`` delegates to
  :func:`validate`, so what the browser shows and what the server accepts cannot drift apart. On an error the
  form re-renders the submitted values, so nothing typed is lost.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tongban.core.validators import (
    is_valid_credit_code,
    is_valid_id_number,
    normalize_credit_code,
    normalize_id_number,
)

PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TRUE_VALUES = {"true", "on", "1", "yes", "y"}
FALSE_VALUES = {"false", "off", "0", "no", "n", ""}
PREFILL_SOURCES = {
    "user.real_name": ("user", "real_name"),
    "user.id_number": ("user", "id_number"),
    "user.phone": ("user", "phone"),
    "enterprise.name": ("enterprise", "name"),
    "enterprise.credit_code": ("enterprise", "credit_code"),
    "enterprise.legal_representative": ("enterprise", "legal_representative"),
}


class _CommonFieldKwargs(TypedDict):
    """The keyword arguments every field built by :meth:`SchemaForm._build_field` shares."""

    label: str
    required: bool
    help_text: str


@dataclass
class FieldSpec:
    """One property of the schema, with the keywords the renderer and validator use."""

    name: str
    title: str
    type: str = "string"
    description: str = ""
    enum: list[Any] = field(default_factory=list)
    enum_labels: list[str] = field(default_factory=list)
    format: str = ""
    x_format: str = ""
    widget: str = ""
    prefill: str = ""
    show_if: dict[str, Any] = field(default_factory=dict)
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str = ""

    @property
    def choices(self) -> list[tuple[str, str]]:
        """``(value, label)`` pairs of an enum, labels from ``x-enum-labels`` when given."""
        labels = self.enum_labels if len(self.enum_labels) == len(self.enum) else [str(v) for v in self.enum]
        return [(_as_text(v), str(label)) for v, label in zip(self.enum, labels, strict=True)]


@dataclass
class Section:
    """A titled group of fields (``x-sections``)."""

    title: str
    fields: list[FieldSpec]


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def parse_fields(schema: dict[str, Any]) -> dict[str, FieldSpec]:
    """The schema's properties as :class:`FieldSpec` objects, in declaration order."""
    specs: dict[str, FieldSpec] = {}
    for name, prop in (schema.get("properties") or {}).items():
        if not isinstance(prop, dict):
            continue
        specs[name] = FieldSpec(
            name=name,
            title=str(prop.get("title") or name),
            type=str(prop.get("type") or "string"),
            description=str(prop.get("description") or ""),
            enum=list(prop.get("enum") or []),
            enum_labels=[str(x) for x in (prop.get("x-enum-labels") or [])],
            format=str(prop.get("format") or ""),
            x_format=str(prop.get("x-format") or ""),
            widget=str(prop.get("x-widget") or ""),
            prefill=str(prop.get("x-prefill") or ""),
            show_if=dict(prop.get("x-show-if") or {}),
            min_length=prop.get("minLength"),
            max_length=prop.get("maxLength"),
            minimum=prop.get("minimum"),
            maximum=prop.get("maximum"),
            pattern=str(prop.get("pattern") or ""),
        )
    return specs


def parse_sections(schema: dict[str, Any]) -> list[Section]:
    """Ordered sections; fields no section lists go into a last untitled-by-schema section."""
    specs = parse_fields(schema)
    sections: list[Section] = []
    placed: set[str] = set()
    for raw in schema.get("x-sections") or []:
        names = [n for n in raw.get("fields", []) if n in specs and n not in placed]
        placed.update(names)
        if names:
            sections.append(Section(title=str(raw.get("title") or ""), fields=[specs[n] for n in names]))
    rest = [spec for name, spec in specs.items() if name not in placed]
    if rest:
        sections.append(
            Section(title=_("其他信息") if sections else str(schema.get("title") or ""), fields=rest)
        )
    return sections


def prefill_values(schema: dict[str, Any], *, user: Any = None, enterprise: Any = None) -> dict[str, Any]:
    """Initial values from ``x-prefill`` (the signed-in user's or the enterprise's registered data)."""
    sources = {"user": user, "enterprise": enterprise}
    values: dict[str, Any] = {}
    for name, spec in parse_fields(schema).items():
        source = PREFILL_SOURCES.get(spec.prefill)
        if source is None:
            continue
        obj = sources[source[0]]
        value = getattr(obj, source[1], "") if obj is not None else ""
        if value:
            values[name] = value
    return values


def _raw(data: Any, name: str) -> Any:
    """The submitted value of ``name`` from a dict or a ``QueryDict`` (strings stripped)."""
    if hasattr(data, "getlist"):
        values = data.getlist(name)
        value: Any = values[-1] if values else None
    else:
        value = data.get(name) if isinstance(data, dict) else None
    if isinstance(value, str):
        value = value.strip()
    return value


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _coerce(spec: FieldSpec, value: Any) -> tuple[Any, str]:
    """Convert a raw value to the field's type; return ``(value, error message or "")``."""
    title = spec.title
    if spec.type == "boolean":
        if isinstance(value, bool):
            return value, ""
        text = str(value).strip().lower()
        if text in TRUE_VALUES:
            return True, ""
        if text in FALSE_VALUES:
            return False, ""
        return None, _("“%(title)s”的取值无效。") % {"title": title}
    if spec.type == "integer":
        if isinstance(value, bool):
            return None, _("“%(title)s”必须是整数。") % {"title": title}
        if isinstance(value, int):
            return value, ""
        text = str(value).strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text), ""
        return None, _("“%(title)s”必须是整数。") % {"title": title}
    if spec.type == "number":
        if isinstance(value, bool):
            return None, _("“%(title)s”必须是数字。") % {"title": title}
        if isinstance(value, int | float):
            return value, ""
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            return None, _("“%(title)s”必须是数字。") % {"title": title}
        if not number.is_finite():
            return None, _("“%(title)s”必须是数字。") % {"title": title}
        return (int(number) if number == number.to_integral_value() else float(number)), ""
    if not isinstance(value, str):
        value = str(value)
    return value, ""


def _check(spec: FieldSpec, value: Any) -> tuple[Any, str]:
    """Apply the field's constraints to a typed value; return the normalised value and an error or ``""``."""
    title = spec.title
    if spec.enum:
        allowed = {_as_text(v): v for v in spec.enum}
        if _as_text(value) not in allowed:
            return value, _("请从列表中选择“%(title)s”。") % {"title": title}
        return allowed[_as_text(value)], ""
    if spec.type in ("integer", "number"):
        if spec.minimum is not None and value < spec.minimum:
            return value, _("“%(title)s”不能小于 %(n)s。") % {"title": title, "n": spec.minimum}
        if spec.maximum is not None and value > spec.maximum:
            return value, _("“%(title)s”不能大于 %(n)s。") % {"title": title, "n": spec.maximum}
        return value, ""
    if spec.type != "string":
        return value, ""
    if spec.min_length is not None and len(value) < spec.min_length:
        return value, _("“%(title)s”至少需要 %(n)s 个字符。") % {"title": title, "n": spec.min_length}
    if spec.max_length is not None and len(value) > spec.max_length:
        return value, _("“%(title)s”最多 %(n)s 个字符。") % {"title": title, "n": spec.max_length}
    if spec.format == "date":
        try:
            if not DATE_RE.match(value):
                raise ValueError(value)
            datetime.date.fromisoformat(value)
        except ValueError:
            return value, _("“%(title)s”必须是有效日期（格式 YYYY-MM-DD）。") % {"title": title}
    if spec.format == "email":
        try:
            validate_email(value)
        except ValidationError:
            return value, _("“%(title)s”不是有效的电子邮箱地址。") % {"title": title}
    # The platform's one validator for ID numbers and credit codes (tongban.core.validators), as in accounts.
    if spec.x_format == "id_number":
        value = normalize_id_number(value)
        if not is_valid_id_number(value):
            return value, _("“%(title)s”不是有效的居民身份证号码。") % {"title": title}
    elif spec.x_format == "credit_code":
        value = normalize_credit_code(value)
        if not is_valid_credit_code(value):
            return value, _("“%(title)s”不是有效的统一社会信用代码。") % {"title": title}
    elif spec.x_format == "phone":
        value = value.replace(" ", "").replace("-", "")
        if not PHONE_RE.match(value):
            return value, _("“%(title)s”不是有效的11位手机号码。") % {"title": title}
    if spec.pattern:
        try:
            matched = re.search(spec.pattern, value) is not None
        except re.error:
            matched = True  # a broken pattern is the catalog's mistake, not the applicant's
        if not matched:
            return value, _("“%(title)s”的格式不正确。") % {"title": title}
    return value, ""


def _conditions_met(condition: dict[str, Any], values: dict[str, Any]) -> bool:
    """True when every ``{field: value}`` pair holds; a list value means "any of these"."""
    for name, expected in condition.items():
        actual = _as_text(values.get(name))
        options = expected if isinstance(expected, list) else [expected]
        if actual not in {_as_text(o) for o in options}:
            return False
    return True


def visible_fields(schema: dict[str, Any], data: Any) -> set[str]:
    """Names of the fields shown in the situation the submitted data describes."""
    specs = parse_fields(schema)
    raw = {name: _raw(data, name) for name in specs}
    return {name for name, spec in specs.items() if not spec.show_if or _conditions_met(spec.show_if, raw)}


def required_fields(schema: dict[str, Any], data: Any) -> set[str]:
    """``required`` plus the ``x-required-if`` fields whose situation holds."""
    specs = parse_fields(schema)
    raw = {name: _raw(data, name) for name in specs}
    names = {n for n in schema.get("required") or [] if n in specs}
    for rule in schema.get("x-required-if") or []:
        if _conditions_met(rule.get("if") or {}, raw):
            names.update(n for n in rule.get("then") or [] if n in specs)
    return names


def validate(schema: dict[str, Any], data: Any) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Validate submitted ``data`` (a dict or a ``QueryDict``) against ``schema``.

    Returns ``(clean_data, errors)``: ``clean_data`` holds typed values of the visible, non-empty fields (booleans
    always, as ``True``/``False``); ``errors`` maps field names to Chinese messages. Unknown keys and fields hidden
    by ``x-show-if`` are dropped. A required boolean must be ticked (a declaration such as 本人承诺…).
    """
    specs = parse_fields(schema)
    visible = visible_fields(schema, data)
    required = required_fields(schema, data) & visible
    clean: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, spec in specs.items():
        if name not in visible:
            continue
        raw = _raw(data, name)
        if spec.type == "boolean" and raw is None:
            raw = False
        if _is_empty(raw) or (spec.type == "boolean" and raw is False and name in required):
            if name in required:
                if spec.type == "boolean":
                    message = _("请勾选“%(title)s”。")
                elif spec.enum:
                    message = _("请选择“%(title)s”。")
                else:
                    message = _("请填写“%(title)s”。")
                errors[name] = [message % {"title": spec.title}]
            elif spec.type == "boolean":
                clean[name] = False
            continue
        value, error = _coerce(spec, raw)
        if not error:
            value, error = _check(spec, value)
        if error:
            errors[name] = [error]
        else:
            clean[name] = value
    return clean, errors


MAX_FREE_KEYS = 200  # keys of a draft whose version has no form schema
MAX_KEY_LENGTH = 100


def _draft_value(spec: FieldSpec | None, value: Any, max_chars: int) -> tuple[Any, str]:
    """A draft value kept as typed when its shape fits the field (or a plain scalar without a schema)."""
    title = spec.title if spec is not None else ""
    invalid = _("“%(title)s”的取值无效。") % {"title": title}
    if isinstance(value, dict | list | tuple | set):
        return None, invalid
    if spec is None:
        if isinstance(value, str) and len(value) > max_chars:
            return None, _("每项内容最多 %(n)s 个字符。") % {"n": max_chars}
        return value, ""
    if spec.enum:
        allowed = {_as_text(v): v for v in spec.enum}
        if _as_text(value) not in allowed:
            return None, _("请从列表中选择“%(title)s”。") % {"title": title}
        return allowed[_as_text(value)], ""
    if spec.type == "boolean":
        if isinstance(value, bool):
            return value, ""
        text = str(value).strip().lower()
        if text not in TRUE_VALUES | FALSE_VALUES:
            return None, invalid
        return text in TRUE_VALUES, ""
    if spec.type in ("integer", "number"):
        if isinstance(value, bool):
            return None, invalid
        if isinstance(value, int | float):
            return value, ""
        text = str(value)
        if len(text) > 40:  # a number still being typed, never an essay
            return None, _("“%(title)s”必须是数字。") % {"title": title}
        return text, ""
    text = value if isinstance(value, str) else _as_text(value)
    limit = spec.max_length if spec.max_length is not None else max_chars
    if len(text) > limit:
        return None, _("“%(title)s”最多 %(n)s 个字符。") % {"title": title, "n": limit}
    return text, ""


def validate_draft(
    schema: dict[str, Any], data: Any, *, max_chars: int
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Check a draft (草稿) against ``schema``: lenient on what is still missing, strict on shape and size.

    Required fields may be empty and a value may still be wrong in detail (a half-typed ID number is kept as
    typed, :func:`validate` reports it at submission), but every value must fit its field: a text no longer than
    its ``maxLength`` (``max_chars`` when none is set), a number or a boolean that is one, a choice that is one of
    the field's options, never a nested object. Keys the schema does not know are dropped, empty values too.
    Without a schema a draft may hold at most :data:`MAX_FREE_KEYS` plain values. Returns ``(kept, errors)``.
    """
    if not isinstance(data, dict):
        return {}, {"form_data": [_("申请表数据格式不正确。")]}
    specs = parse_fields(schema or {})
    kept: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    if not specs and len(data) > MAX_FREE_KEYS:
        return {}, {"form_data": [_("申请表最多 %(n)s 项内容。") % {"n": MAX_FREE_KEYS}]}
    for key, value in data.items():
        name = str(key)
        if specs and name not in specs:
            continue
        if not specs and len(name) > MAX_KEY_LENGTH:
            errors.setdefault("form_data", []).append(_("申请表的项目名称太长。"))
            continue
        if _is_empty(value):
            continue
        clean, error = _draft_value(specs.get(name), value, max_chars)
        if error:
            errors[name] = [error]
        else:
            kept[name] = clean
    return kept, errors


def display_rows(
    schema: dict[str, Any], data: dict[str, Any], *, mask: bool = False
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Stored form data as ``[(section title, [(label, shown value)])]`` for read-only pages.

    With ``mask`` ID numbers and phone numbers (``x-format``) are shown masked (ARCHITECTURE §5.5).
    """
    from tongban.core.masking import mask_id_number, mask_phone

    rows = []
    for section in parse_sections(schema):
        items = []
        for spec in section.fields:
            if spec.name not in data:
                continue
            value = data[spec.name]
            if spec.enum:
                shown = dict(spec.choices).get(_as_text(value), _as_text(value))
            elif spec.type == "boolean":
                shown = _("是") if value else _("否")
            else:
                shown = _as_text(value)
            if mask and spec.x_format == "id_number":
                shown = mask_id_number(shown)
            elif mask and spec.x_format == "phone":
                shown = mask_phone(shown)
            items.append((spec.title, shown))
        if items:
            rows.append((section.title, items))
    return rows


class SchemaForm(forms.Form):
    """A Django form rendering one JSON-Schema application form; validation is :func:`validate`.

    Pass ``prefix`` to keep schema field names apart from the page's other inputs. ``schema_data`` holds the
    clean data after ``is_valid()``.
    """

    def __init__(self, schema: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schema = schema or {}
        self.schema_data: dict[str, Any] = {}
        self._specs = parse_fields(self.schema)
        required = set(self.schema.get("required") or [])
        for name, spec in self._specs.items():
            self.fields[name] = self._build_field(spec, name in required)
            self.fields[name].schema_required = name in required  # type: ignore[attr-defined]

    def _build_field(self, spec: FieldSpec, always_required: bool) -> forms.Field:
        attrs: dict[str, Any] = {}
        if spec.show_if:
            attrs["data-show-if"] = json.dumps(
                {(f"{self.prefix}-{k}" if self.prefix else k): v for k, v in spec.show_if.items()},
                ensure_ascii=False,
            )
        if always_required:
            attrs["aria-required"] = "true"
        help_text = spec.description
        if spec.show_if:
            help_text = (help_text + " " if help_text else "") + self._situation_hint(spec)
        common: _CommonFieldKwargs = {"label": spec.title, "required": False, "help_text": help_text}
        if spec.enum:
            many = len(spec.enum) > 4 or spec.widget == "select"
            widget: forms.Widget = (
                forms.Select(attrs={**attrs, "class": "form-select"})
                if many and spec.widget != "radio"
                else forms.RadioSelect(attrs={**attrs, "class": "form-check-input"})
            )
            choices = [("", _("请选择")), *spec.choices] if isinstance(widget, forms.Select) else spec.choices
            return forms.ChoiceField(choices=choices, widget=widget, **common)
        if spec.type == "boolean":
            return forms.BooleanField(
                widget=forms.CheckboxInput(attrs={**attrs, "class": "form-check-input"}), **common
            )
        if spec.type in ("integer", "number"):
            num_attrs = {
                **attrs,
                "class": "form-control",
                "inputmode": "numeric" if spec.type == "integer" else "decimal",
            }
            if spec.minimum is not None:
                num_attrs["min"] = spec.minimum
            if spec.maximum is not None:
                num_attrs["max"] = spec.maximum
            num_attrs["step"] = "1" if spec.type == "integer" else "any"
            return forms.CharField(widget=forms.NumberInput(attrs=num_attrs), **common)
        text_attrs = {**attrs, "class": "form-control"}
        if spec.max_length:
            text_attrs["maxlength"] = spec.max_length
        if spec.format == "date":
            return forms.CharField(widget=forms.DateInput(attrs={**text_attrs, "type": "date"}), **common)
        if spec.widget == "textarea":
            return forms.CharField(widget=forms.Textarea(attrs={**text_attrs, "rows": 3}), **common)
        if spec.x_format == "phone":
            text_attrs.update({"inputmode": "tel", "autocomplete": "tel"})
        if spec.format == "email":
            return forms.CharField(widget=forms.EmailInput(attrs=text_attrs), **common)
        return forms.CharField(widget=forms.TextInput(attrs=text_attrs), **common)

    def _situation_hint(self, spec: FieldSpec) -> str:
        parts = []
        for name, expected in spec.show_if.items():
            other = self._specs.get(name)
            label = other.title if other else name
            options = expected if isinstance(expected, list) else [expected]
            labels = dict(other.choices) if other and other.enum else {}
            shown = "、".join(labels.get(_as_text(o), _as_text(o)) for o in options)
            parts.append(_("“%(label)s”为“%(value)s”") % {"label": label, "value": shown})
        return _("仅当%(cond)s时填写。") % {"cond": "且".join(parts)}

    def full_clean(self) -> None:
        """Run :func:`validate` on the submitted data instead of per-field cleaning."""
        self._errors = forms.utils.ErrorDict()
        self.cleaned_data = {}
        if not self.is_bound:
            return
        values = {name: self.data.get(self.add_prefix(name)) for name in self._specs}
        for name, spec in self._specs.items():
            if spec.type == "boolean" and values[name] is None:
                values[name] = False
        clean, errors = validate(self.schema, values)
        for name, messages in errors.items():
            self._errors[name] = self.error_class(messages, renderer=self.renderer)
        self.schema_data = clean
        self.cleaned_data = dict(clean)

    @property
    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """``[(title, [bound fields])]`` in the schema's section order."""
        return [(s.title, [self[spec.name] for spec in s.fields]) for s in parse_sections(self.schema)]
