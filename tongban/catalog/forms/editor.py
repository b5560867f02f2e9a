"""The guide-version editor form: every element of a version, in the fieldsets of a printed 办事指南.

Together with the part formsets (``forms.parts``) the editor carries every field of a version (decision record
0005): what it shows it saves, and what it does not show (bookkeeping) it never sends, so nothing is dropped.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongban.catalog.form_dialect import validate_form_schema
from tongban.catalog.forms.base import GuideFileField, file_change, prepare
from tongban.catalog.models import ItemVersion
from tongban.catalog.quality import CORE_ELEMENTS, element_label
from tongban.catalog.services import CODE_LISTS

# The editor's fieldsets: (legend, field names), in the order of a printed 办事指南. 设定依据 has its own formset.
FIELDSETS: list[tuple[Any, list[str]]] = [
    (
        _("实施主体与服务对象"),
        ["power_source", "subject_nature", "entrusted_department", "joint_departments", "service_objects"],
    ),
    (
        _("受理条件与办理流程"),
        [
            "acceptance_conditions",
            "prohibited_conditions",
            "handling_flow",
            "quantity_limit",
            "special_procedures",
        ],
    ),
    (
        _("办理时限"),
        [
            "case_kind",
            "legal_days",
            "legal_days_note",
            "promised_days",
            "promised_days_note",
            "acceptance_days",
        ],
    ),
    (
        _("办理方式"),
        [
            "handling_forms",
            "online_depth",
            "online_url",
            "visits",
            "visits_reason",
            "delivery_modes",
            "supports_appointment",
            "supports_online_payment",
            "supports_express",
            "supports_kiosk",
            "in_hall",
            "handle_area",
        ],
    ),
    (
        _("办理结果与收费"),
        ["result_type", "result_name", "result_sample", "license_type_code", "is_fee"],
    ),
    (_("咨询与监督投诉"), ["consult_phone", "complaint_phone", "office_address", "office_hours"]),
    (
        _("清单与主题"),
        [
            "one_visit",
            "commitment",
            "commitment_text",
            "tolerance",
            "intermediary",
            "intermediary_note",
            "accept_on_receipt",
            "person_topics",
            "enterprise_topics",
        ],
    ),
    (_("办件公示"), ["disclose_cases"]),
    (_("审批流程"), ["flow_template", "countersign_mode", "review_departments"]),
    (_("申请表单"), ["form_schema"]),
    (_("修订说明"), ["change_note"]),
]
FORM_FIELDS = [name for _legend, names in FIELDSETS for name in names]
FILE_FIELDS = ("result_sample",)


class FormSchemaField(forms.JSONField):
    """The application form as JSON; a syntax error names its line and column, in Chinese."""

    default_error_messages = {"invalid": _("申请表单不是有效的 JSON：%(detail)s")}

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            try:
                json.loads(value)
            except json.JSONDecodeError as exc:
                raise ValidationError(
                    self.error_messages["invalid"],
                    code="invalid",
                    params={
                        "detail": _("第 %(line)s 行第 %(col)s 列附近")
                        % {"line": exc.lineno, "col": exc.colno}
                    },
                ) from None
        if isinstance(value, str) and not value.strip():
            return {}
        return super().to_python(value)

    def bound_data(self, data: Any, initial: Any) -> Any:
        # Re-render exactly what was typed (not a re-formatted parse of it) when the page comes back with errors.
        if self.disabled or data is None:
            return initial
        return data

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return value  # what was typed, on a re-render after an error
        return json.dumps(value if value is not None else {}, ensure_ascii=False, indent=2)


class VersionForm(forms.ModelForm):
    """The guide elements of a draft version, plus one deviation-reason field per core element."""

    form_schema = FormSchemaField(
        label=_("申请表单（JSON Schema）"),
        required=False,
        help_text=_("按《申请表单规范》编写；启用 JavaScript 时可用下方的表单设计器编辑。"),
        widget=forms.Textarea(
            attrs={"rows": 12, "class": "form-control font-monospace", "data-form-builder": "true"}
        ),
    )
    result_sample = GuideFileField(label=_("结果样本"))

    class Meta:
        model = ItemVersion
        fields = FORM_FIELDS
        widgets = {
            "acceptance_conditions": forms.Textarea(attrs={"rows": 4}),
            "prohibited_conditions": forms.Textarea(attrs={"rows": 2}),
            "handling_flow": forms.Textarea(attrs={"rows": 4}),
            "special_procedures": forms.Textarea(attrs={"rows": 2}),
            "commitment_text": forms.Textarea(attrs={"rows": 3}),
            "review_departments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, parent_version: ItemVersion | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, enum in CODE_LISTS.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=getattr(ItemVersion._meta.get_field(name), "verbose_name", name),
                choices=enum.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self._limit_review_departments()
        self.parent_version = parent_version
        self.stored_reasons: dict[str, Any] = dict(self.instance.deviation_reasons or {})
        self.deviation_names = []
        if parent_version is not None:
            for element in CORE_ELEMENTS:
                name = f"deviation__{element}"
                self.fields[name] = forms.CharField(
                    label=_("“%(label)s”差异说明") % {"label": element_label(element)},
                    required=False,
                    max_length=300,
                    initial=self.stored_reasons.get(element, ""),
                )
                self.deviation_names.append(name)
        prepare(self)

    def _limit_review_departments(self) -> None:
        """Parallel-review departments: the implementation's region's, plus any already chosen."""
        field = self.fields["review_departments"]
        implementation = getattr(self.instance, "implementation", None)
        chosen = (
            list(self.instance.review_departments.values_list("pk", flat=True)) if self.instance.pk else []
        )
        queryset = field.queryset  # type: ignore[attr-defined]
        if implementation is not None:
            queryset = queryset.filter(
                Q(region_id=implementation.region_id, is_active=True) | Q(pk__in=chosen)
            )
        field.queryset = queryset.order_by("sort_order", "name")  # type: ignore[attr-defined]
        field.required = False

    def clean_form_schema(self) -> Any:
        schema = self.cleaned_data.get("form_schema")
        schema = {} if schema is None else schema
        # Checked when changed; an unchanged old schema is reported by the quality gate instead.
        if schema != self.instance.form_schema:
            problems = validate_form_schema(schema)
            if problems:
                raise ValidationError([str(p) for p in problems])
        return schema

    def _post_clean(self) -> None:
        # The service validates and writes the version; the form must not mutate the instance it was built from.
        pass

    def fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def deviation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.deviation_names]

    def service_fields(self) -> dict[str, Any]:
        """``fields`` for ``do_update_draft`` from the cleaned data (files only when uploaded or cleared)."""
        data = {}
        for name in FORM_FIELDS:
            value = self.cleaned_data[name]
            if name in FILE_FIELDS:
                changed, value = file_change(value)
                if not changed:
                    continue
            elif name == "review_departments":
                value = list(value)
            data[name] = value
        if self.parent_version is not None:
            reasons = dict(self.stored_reasons)  # reasons for elements not shown here are kept
            for name in self.deviation_names:
                element = name.split("__", 1)[1]
                value = (self.cleaned_data.get(name) or "").strip()
                if value:
                    reasons[element] = value
                elif str(reasons.get(element) or "").strip():
                    reasons.pop(element)  # the administrator cleared the reason
            data["deviation_reasons"] = reasons
        return data
