"""Forms owned by ``core``: pasting a State Council holiday notice."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.core.calendar import MAX_YEAR, MIN_YEAR


class CalendarNoticeForm(forms.Form):
    """The pasted notice text, with the year and source when the text does not carry its title."""

    text = forms.CharField(
        label=_("通知全文"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100, "spellcheck": "false"}),
        help_text=_(
            "从中国政府网复制《国务院办公厅关于××××年部分节假日安排的通知》全文粘贴于此（含标题更好）。"
            "保存前会先显示识别结果供核对。"
        ),
    )
    year = forms.IntegerField(
        label=_("年份"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        help_text=_("可不填：通知标题中含有年份时自动识别。"),
    )
    source = forms.CharField(
        label=_("依据通知"),
        required=False,
        max_length=200,
        help_text=_("通知名称、文号或网址；不填则使用通知标题。"),
    )

    def clean_text(self) -> str:
        return str(self.cleaned_data["text"]).replace("\x00", "")

    def clean_source(self) -> str:
        return str(self.cleaned_data["source"]).replace("\x00", "").strip()
