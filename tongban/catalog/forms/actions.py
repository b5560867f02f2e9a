"""Small action forms of the catalog pages: return a version, implement a city item, an item's English name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.catalog.forms.base import prepare


class ReturnForm(forms.Form):
    """Reason for sending a submitted version back."""

    reason = forms.CharField(
        label=_("退回原因"), max_length=300, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        prepare(self)


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


class ItemNamesForm(forms.Form):
    """The English name of a base-directory item (shown on the English UI and found by English search)."""

    name_en = forms.CharField(
        label=_("英文名称"),
        max_length=300,
        required=False,
        help_text=_("英文界面显示的事项名称，也用于英文检索，例如 Passport application。"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        prepare(self)
