"""Forms of ``catalog``: the guide-version editor (fieldsets, formsets, deviation reasons) and small actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.catalog.choices import (
    DeliveryMode,
    EnterpriseTopic,
    HandlingForm,
    MaterialFormat,
    MaterialNecessity,
    MaterialSource,
    MaterialType,
    PersonTopic,
    ServiceObject,
)
from tongban.catalog.models import ItemVersion
from tongban.catalog.quality import CORE_ELEMENTS, element_label

# The editor's fieldsets: (legend, field names), in the order of a printed 办事指南.
FIELDSETS: list[tuple[Any, list[str]]] = [
    (
        _("设定依据与服务对象"),
        [
            "legal_basis",
            "power_source",
            "subject_nature",
            "entrusted_department",
            "joint_departments",
            "service_objects",
        ],
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
    (_("办理结果与收费"), ["result_type", "result_name", "is_fee"]),
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
    (_("审批流程与申请表单"), ["flow_template", "countersign_mode", "form_schema"]),
    (_("修订说明"), ["change_note"]),
]
FORM_FIELDS = [name for _legend, names in FIELDSETS for name in names]
MULTI_CHOICE = {
    "service_objects": ServiceObject,
    "handling_forms": HandlingForm,
    "delivery_modes": DeliveryMode,
    "person_topics": PersonTopic,
    "enterprise_topics": EnterpriseTopic,
}
LEGAL_BASIS_KEYS = ("name", "doc_number", "article", "content")


def legal_basis_to_text(value: Any) -> str:
    """One law per line: 名称｜文号｜条款号｜条款内容."""
    lines = []
    for entry in value or []:
        if isinstance(entry, dict):
            lines.append("｜".join(str(entry.get(k, "")) for k in LEGAL_BASIS_KEYS).rstrip("｜"))
    return "\n".join(lines)


class LegalBasisField(forms.CharField):
    """设定依据 typed as lines of ``名称｜文号｜条款号｜条款内容`` (｜ or |), stored as a list of dicts."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return legal_basis_to_text(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        text = super().to_python(value) or ""
        result = []
        for line in text.splitlines():
            parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
            if not any(parts):
                continue
            parts += [""] * (len(LEGAL_BASIS_KEYS) - len(parts))
            if len(parts) > len(LEGAL_BASIS_KEYS):
                parts = [*parts[:3], "｜".join(parts[3:])]
            result.append(dict(zip(LEGAL_BASIS_KEYS, parts, strict=True)))
        return result


def _style(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


class VersionForm(forms.ModelForm):
    """The guide elements of a draft version, plus one deviation-reason field per core element."""

    legal_basis = LegalBasisField(
        label=_("设定依据"), required=False, help_text=_("每行一部：名称｜文号｜条款号｜条款内容")
    )

    class Meta:
        model = ItemVersion
        fields = FORM_FIELDS
        widgets = {
            "acceptance_conditions": forms.Textarea(attrs={"rows": 4}),
            "prohibited_conditions": forms.Textarea(attrs={"rows": 2}),
            "handling_flow": forms.Textarea(attrs={"rows": 4}),
            "special_procedures": forms.Textarea(attrs={"rows": 2}),
            "commitment_text": forms.Textarea(attrs={"rows": 3}),
            "form_schema": forms.Textarea(attrs={"rows": 6, "class": "form-control font-monospace"}),
        }

    def __init__(self, *args: Any, parent_version: ItemVersion | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, enum in MULTI_CHOICE.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=getattr(ItemVersion._meta.get_field(name), "verbose_name", name),
                choices=enum.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self.parent_version = parent_version
        reasons = (self.instance.deviation_reasons or {}) if self.instance else {}
        self.deviation_names = []
        if parent_version is not None:
            for element in CORE_ELEMENTS:
                name = f"deviation__{element}"
                self.fields[name] = forms.CharField(
                    label=_("“%(label)s”差异说明") % {"label": element_label(element)},
                    required=False,
                    max_length=300,
                    initial=reasons.get(element, ""),
                )
                self.deviation_names.append(name)
        _style(self)

    def fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def deviation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.deviation_names]

    def service_fields(self) -> dict[str, Any]:
        """``fields`` for ``do_update_draft`` from the cleaned data."""
        data = {name: self.cleaned_data[name] for name in FORM_FIELDS}
        if self.parent_version is not None:
            reasons = {}
            for name in self.deviation_names:
                value = (self.cleaned_data.get(name) or "").strip()
                if value:
                    reasons[name.split("__", 1)[1]] = value
            data["deviation_reasons"] = reasons
        return data


class MaterialForm(forms.Form):
    """One application material row."""

    name = forms.CharField(label=_("材料名称"), max_length=300)
    material_type = forms.ChoiceField(label=_("材料类型"), choices=MaterialType.choices, initial="3")
    source = forms.ChoiceField(label=_("来源渠道"), choices=MaterialSource.choices, initial="applicant")
    necessity = forms.ChoiceField(label=_("必要性"), choices=MaterialNecessity.choices, initial="1")
    material_format = forms.ChoiceField(label=_("材料形式"), choices=MaterialFormat.choices, initial="3")
    originals = forms.IntegerField(label=_("原件"), min_value=0, max_value=99, initial=0)
    copies = forms.IntegerField(label=_("复印件"), min_value=0, max_value=99, initial=0)
    basis = forms.CharField(label=_("依据"), max_length=300, required=False)
    fill_notes = forms.CharField(
        label=_("填报须知"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class FeeForm(forms.Form):
    """One fee row."""

    name = forms.CharField(label=_("收费项目名称"), max_length=200)
    standard = forms.CharField(label=_("收费标准"), max_length=300)
    basis = forms.CharField(label=_("收费依据"), max_length=300, required=False)
    reducible = forms.BooleanField(label=_("允许减免"), required=False)
    reduction_basis = forms.CharField(label=_("减免依据"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class FaqForm(forms.Form):
    """One FAQ row."""

    question = forms.CharField(label=_("问题"), max_length=300)
    answer = forms.CharField(label=_("解答"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


MaterialFormSet = forms.formset_factory(MaterialForm, extra=1, can_delete=True, max_num=100)
FeeFormSet = forms.formset_factory(FeeForm, extra=1, can_delete=True, max_num=50)
FaqFormSet = forms.formset_factory(FaqForm, extra=1, can_delete=True, max_num=50)


def formset_rows(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The kept, non-empty rows of a valid formset, in order."""
    rows = []
    for form in formset.forms:
        if not form.has_changed() or form.cleaned_data.get("DELETE"):
            continue
        rows.append({k: v for k, v in form.cleaned_data.items() if k != "DELETE"})
    return rows


class ReturnForm(forms.Form):
    """Reason for sending a submitted version back."""

    reason = forms.CharField(
        label=_("退回原因"), max_length=300, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )


class NewImplementationForm(forms.Form):
    """Choose a city item and the county department that will implement it (``<city impl id>:<department id>``)."""

    choice = forms.ChoiceField(
        label=_("要实施的市级事项及本级实施部门"), widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args: Any, options: list[tuple[Any, Any, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = {f"{impl.pk}:{dept.pk}": (impl, dept) for impl, dept, _region in options}
        self.fields["choice"].choices = [  # type: ignore[attr-defined]
            (key, f"{impl.item.name}（{impl.item.base_code}）→ {dept.name}")
            for key, (impl, dept) in self.options.items()
        ]

    def selected(self) -> tuple[Any, Any]:
        return self.options[self.cleaned_data["choice"]]
