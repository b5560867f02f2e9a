"""The upload form of the stock import (the checks of the file itself are the service's)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class StockImportUploadForm(forms.Form):
    """One CSV or XLSX file of existing licences."""

    file = forms.FileField(
        label=_("导入文件（CSV 或 XLSX）"),
        error_messages={
            "required": _("请选择要导入的 CSV 或 XLSX 文件。"),
            "empty": _("上传的文件是空的，请选择填好数据的导入文件。"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx", "class": "form-control"}),
    )
