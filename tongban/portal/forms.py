"""Forms of the public portal."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.portal.queries import FilterOptions

MAX_QUERY_LENGTH = 100
MAX_PAGE = 10_000
_SELECT = {"class": "form-select"}


class SearchForm(forms.Form):
    """The service search: a free-text query plus filters; any junk in the filters is ignored, never an error."""

    # Junk is dropped, not reported: the page's error summary leaves this form out.
    in_error_summary = False

    q = forms.CharField(label=_("搜索事项"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    department = forms.TypedChoiceField(
        label=_("实施部门"), required=False, coerce=int, empty_value=None, widget=forms.Select(attrs=_SELECT)
    )
    region = forms.ChoiceField(label=_("所属区划"), required=False, widget=forms.Select(attrs=_SELECT))
    type = forms.ChoiceField(label=_("事项类型"), required=False, widget=forms.Select(attrs=_SELECT))
    level = forms.ChoiceField(label=_("行使层级"), required=False, widget=forms.Select(attrs=_SELECT))

    def __init__(self, data: Any, *, options: FilterOptions) -> None:
        super().__init__(data)
        choices: dict[str, list[tuple[Any, Any]]] = {
            "department": [("", _("全部部门")), *((d.pk, d.name) for d in options.departments)],
            "region": [("", _("全部区划")), *((r.code, r.name) for r in options.regions)],
            "type": [("", _("全部类型")), *options.item_types],
            "level": [("", _("全部层级")), *options.levels],
        }
        for name, field_choices in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = field_choices

    def criteria(self) -> dict[str, Any]:
        """The valid criteria only: a field with a bad value is dropped; an over-long query is cut."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        raw_q = str(self.data.get("q", "") or "")
        q = cleaned.get("q") if "q" in cleaned else raw_q.strip()[:MAX_QUERY_LENGTH]
        # Control characters and NULs are junk; PostgreSQL refuses NUL in text.
        q = "".join(ch for ch in (q or "") if ch.isprintable()).strip()
        return {
            "q": q,
            "department": cleaned.get("department"),
            "region": cleaned.get("region") or None,
            "item_type": cleaned.get("type") or None,
            "level": cleaned.get("level") or None,
        }


def parse_page(value: str | None) -> int:
    """A 1-based page number from the query string; anything odd means page 1."""
    try:
        page = int(str(value or "1"))
    except ValueError:
        return 1
    return min(max(page, 1), MAX_PAGE)
