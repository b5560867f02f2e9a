"""Building blocks of the catalog's forms: text hygiene for every input, styling, and guide file uploads."""

from __future__ import annotations

import unicodedata
from typing import Any

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Blank forms, samples and result samples an administrator may upload: decided by content (ARCHITECTURE §5.5).
GUIDE_FILE_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}
GUIDE_FILE_ACCEPT = ",".join(ext for exts in GUIDE_FILE_TYPES.values() for ext in exts)


def reject_control_characters(value: Any) -> None:
    """Refuse NUL and other control characters (PostgreSQL refuses NUL; none belongs in a guide)."""
    if not isinstance(value, str):
        return
    for char in value:
        if char not in "\n\t" and unicodedata.category(char) == "Cc":
            raise ValidationError(_("含有不可见的控制字符，请删除后再保存。"), code="control_character")


def _normalising(to_python: Any) -> Any:
    """Wrap a field's ``to_python`` so browsers' CRLF newlines are stored as LF (a save must not change text)."""

    def wrapper(value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return to_python(value)

    return wrapper


def harden_text_fields(form: forms.BaseForm) -> None:
    """Every text input of ``form``: newlines normalised, control characters refused with the field named."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField | forms.JSONField):
            field.to_python = _normalising(field.to_python)  # type: ignore[method-assign]
            field.validators = [*field.validators, reject_control_characters]


def style(form: forms.BaseForm) -> None:
    """Bootstrap classes on every widget that has none."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif not isinstance(widget, forms.HiddenInput):
            widget.attrs.setdefault("class", "form-control")


def prepare(form: forms.BaseForm) -> None:
    """``harden_text_fields`` and ``style``: what every catalog form does in ``__init__``."""
    harden_text_fields(form)
    style(form)


class GuideFileInput(forms.ClearableFileInput):
    """A file input that names the stored file (no link: drafts are not public) with a 删除 checkbox."""

    template_name = "catalog/widgets/guide_file.html"
    clear_checkbox_label = _("删除此文件")  # type: ignore[assignment]
    initial_text = _("当前文件")  # type: ignore[assignment]
    input_text = _("更换")  # type: ignore[assignment]


class GuideFileField(forms.FileField):
    """An uploaded blank form, sample or result sample: type by content, size limited."""

    widget = GuideFileInput(attrs={"accept": GUIDE_FILE_ACCEPT})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if not value or not hasattr(value, "read") or not hasattr(value, "content_type"):
            return  # nothing new uploaded (kept or cleared)
        limit = int(getattr(settings, "TONGBAN_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
        if value.size > limit:
            raise ValidationError(
                _("文件太大，单个文件不能超过 %(mb)s MB。"),
                params={"mb": limit // (1024 * 1024)},
                code="too_large",
            )
        head = value.read(8192)
        value.seek(0)
        kind = filetype.guess(head)
        name = (value.name or "").lower()
        if kind is None or kind.mime not in GUIDE_FILE_TYPES:
            raise ValidationError(
                _("不支持该文件类型，请上传 PDF、DOCX、XLSX、ODT、JPG 或 PNG 文件。"), code="type"
            )
        if not name.endswith(GUIDE_FILE_TYPES[kind.mime]):
            raise ValidationError(_("文件扩展名与文件实际内容不符，请检查后重新上传。"), code="extension")


def file_change(value: Any) -> tuple[bool, Any]:
    """``(changed, value)`` of a cleaned file field: a new upload, ``""`` when cleared, else unchanged."""
    if value is False:
        return True, ""
    if value is not None and hasattr(value, "content_type"):
        return True, value
    return False, None
