"""Editor rows of a version's parts: legal basis, materials, fees and FAQs, each carrying every field it has.

A stored row carries its ``id``; ``formset_rows`` passes only what the form can change, so whatever a row does not
carry (an uploaded file nobody replaced) is kept by ``services.do_update_draft``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.catalog.forms.base import GuideFileField, file_change, prepare
from tongban.catalog.models import Faq, Fee, Material
from tongban.catalog.services import LEGAL_BASIS_KEYS, LEGAL_BASIS_LIMITS

PART_FILE_FIELDS = ("blank_form", "sample")


class PartForm(forms.ModelForm):
    """Base of a part row: the model's own fields (labels, lengths, choices) plus the stored row's hidden id."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    # The fields shown in the row itself; the others sit in the row's "更多" disclosure.
    main_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].initial = None  # a new row goes last unless a number is typed
        self.fields["order"].help_text = _("数字小的排在前面；留空则排在最后")
        prepare(self)

    def _post_clean(self) -> None:
        # The row is validated by the service against the stored part (version, id); nothing to build here.
        pass

    def main(self) -> list[forms.BoundField]:
        return [self[name] for name in self.main_fields]

    def more(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if name not in self.main_fields and name not in ("id", "DELETE")
        ]


class MaterialForm(PartForm):
    """One application material with every attribute (受理标准, 来源说明, 纸质规格, 可通过共享免提交, files …)."""

    main_fields = ("name", "necessity", "material_type", "source", "material_format", "originals", "copies")
    blank_form = GuideFileField(label=_("空白表格"))
    sample = GuideFileField(label=_("示例样表"))

    class Meta:
        model = Material
        fields = [
            "name",
            "necessity",
            "material_type",
            "source",
            "material_format",
            "originals",
            "copies",
            "exempt_if_shared",
            "license_type_code",
            "source_note",
            "paper_spec",
            "accept_standard",
            "fill_notes",
            "basis",
            "blank_form",
            "sample",
            "order",
        ]
        widgets = {
            "accept_standard": forms.Textarea(attrs={"rows": 2}),
            "fill_notes": forms.Textarea(attrs={"rows": 2}),
        }


class FeeForm(PartForm):
    """One fee row."""

    main_fields = ("name", "standard", "basis", "reducible", "reduction_basis")

    class Meta:
        model = Fee
        fields = ["name", "standard", "basis", "reducible", "reduction_basis", "order"]


class FaqForm(PartForm):
    """One FAQ row."""

    main_fields = ("question", "answer")

    class Meta:
        model = Faq
        fields = ["question", "answer", "order"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 2})}


class LegalBasisForm(forms.Form):
    """One law or regulation of 设定依据."""

    name = forms.CharField(label=_("法律法规名称"), max_length=LEGAL_BASIS_LIMITS["name"], required=False)
    doc_number = forms.CharField(label=_("文号"), max_length=LEGAL_BASIS_LIMITS["doc_number"], required=False)
    article = forms.CharField(label=_("条款号"), max_length=LEGAL_BASIS_LIMITS["article"], required=False)
    content = forms.CharField(
        label=_("条款内容"),
        required=False,
        max_length=LEGAL_BASIS_LIMITS["content"],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    main_fields = ("name", "doc_number", "article", "content")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        prepare(self)

    def main(self) -> list[forms.BoundField]:
        return [self[name] for name in self.main_fields]

    def more(self) -> list[forms.BoundField]:
        return []


MaterialFormSet = forms.formset_factory(MaterialForm, extra=1, can_delete=True, max_num=200)
FeeFormSet = forms.formset_factory(FeeForm, extra=1, can_delete=True, max_num=100)
FaqFormSet = forms.formset_factory(FaqForm, extra=1, can_delete=True, max_num=100)
LegalBasisFormSet = forms.formset_factory(LegalBasisForm, extra=1, can_delete=True, max_num=100)


def part_initial(rows: Any, form_class: type[PartForm]) -> list[dict[str, Any]]:
    """Formset initial data of stored parts: every field of the form plus the row's id."""
    names = [name for name in form_class.base_fields if name != "id"]
    return [{"id": row.pk, **{name: getattr(row, name) for name in names}} for row in rows]


def legal_basis_initial(value: Any) -> list[dict[str, str]]:
    return [{k: str(e.get(k, "")) for k in LEGAL_BASIS_KEYS} for e in (value or []) if isinstance(e, dict)]


def kept_forms(formset: forms.BaseFormSet) -> list[forms.BaseForm]:
    """The forms of a valid formset that become rows: stored rows not ticked for deletion, and filled new rows."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        if not data.get("id") and not form.has_changed():
            continue
        kept.append(form)
    return kept


def formset_rows(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The kept rows of a valid formset, in order, as ``do_update_draft`` takes them.

    A stored row (with ``id``) is always kept unless ticked for deletion; a new row only when something was
    typed in it. File fields appear only when a file was uploaded or cleared, so a stored file is kept.
    """
    rows = []
    for form in kept_forms(formset):
        data = form.cleaned_data
        row: dict[str, Any] = {}
        for name, value in data.items():
            if name == "DELETE" or (name == "id" and not value) or (name == "order" and value is None):
                continue
            if name in PART_FILE_FIELDS:
                changed, new = file_change(value)
                if changed:
                    row[name] = new
                continue
            row[name] = value
        rows.append(row)
    return rows
