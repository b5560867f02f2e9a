"""Django forms of the licence pages: the public verification form and the issuing department's actions.

Forms parse and validate input only; the views hand the clean values to one ``licenses.services`` call, which
checks the rules again (reason and legal basis required, the face against the type's schema).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

# A licence payload is a compact JWS of well under 2,000 characters and a presentation wraps one; anything much
# longer is not ours, and refusing it early keeps the verifier cheap.
MAX_TOKEN_CHARS = 6000


def _text(label: Any, *, required: bool = True, max_length: int = 500, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs={"class": "form-control", **attrs}),
    )


def _area(label: Any, *, required: bool = True, max_length: int = 1000, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": rows}),
    )


def extract_token(text: str) -> str:
    """The token in what was pasted: a bare compact JWS, or the verification URL the QR holds (``…?p=<token>``)."""
    text = "".join(text.split())  # a token wrapped over lines by a mail client or a chat app
    if "?" in text or text.lower().startswith(("http://", "https://")):
        values = parse_qs(urlsplit(text).query).get("p")
        return values[0] if values else ""
    return text


class VerifyForm(forms.Form):
    """核验: a pasted payload or verification link; the QR's link fills it from ``?p=``."""

    p = forms.CharField(
        label=_("证照签名数据或核验链接"),
        max_length=MAX_TOKEN_CHARS,
        widget=forms.Textarea(
            attrs={
                "class": "form-control font-monospace",
                "rows": 4,
                "spellcheck": "false",
                "autocomplete": "off",
            }
        ),
        help_text=_("粘贴二维码中的核验链接，或以“eyJ”开头的签名数据。"),
        error_messages={
            "required": _("请粘贴证照二维码中的核验链接或签名数据。"),
            "max_length": _("内容过长，不是有效的证照签名数据。"),
        },
    )

    def clean_p(self) -> str:
        token = extract_token(self.cleaned_data["p"])
        if not token:
            raise forms.ValidationError(_("链接中没有证照签名数据（参数 p）。"), code="PAYLOAD_INVALID")
        return token


class ManageSearchForm(forms.Form):
    """The department's licence list: search by identifier, holder name or holder number."""

    in_error_summary = False  # a search never blocks the page
    q = _text(_("证照标识、持证主体或证件号码"), required=False, max_length=128, type="search")


class ReasonForm(forms.Form):
    """暂停 or 恢复: the reason is required."""

    reason = _area(_("事由"), max_length=500)


class RevokeForm(forms.Form):
    """撤销: reason and legal basis are both required."""

    reason = _area(_("撤销事由"), max_length=500)
    legal_basis = _area(_("法律依据"), max_length=500, rows=2)


class CorrectForm(forms.Form):
    """更正: every face field of the licence's type, prefilled with the current face, and the reason."""

    FIELD_PREFIX = "face_"

    def __init__(self, *args: Any, schema: dict[str, Any], face: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kinds: dict[str, str] = {}
        required = set(schema.get("required") or [])
        for key, spec in (schema.get("properties") or {}).items():
            spec = spec if isinstance(spec, dict) else {}
            kind = str(spec.get("type") or "string")
            if kind not in ("string", "number", "integer"):
                continue  # nested or list fields are not edited here; the service keeps them as they are
            self._kinds[key] = kind
            label = str(spec.get("title") or key)
            initial = face.get(key, "")
            if kind == "string":
                max_length = int(spec.get("maxLength") or 500)
                field: forms.Field = _text(label, required=key in required, max_length=max_length)
            else:
                field = forms.DecimalField(
                    label=label,
                    required=key in required,
                    widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}),
                )
            field.initial = initial
            self.fields[self.FIELD_PREFIX + key] = field
        self.fields["reason"] = _area(_("更正事由"), max_length=500)

    def face(self, current: dict[str, Any]) -> dict[str, Any]:
        """The corrected face: the current one with the edited fields replaced (blank optional fields dropped)."""
        result = dict(current)
        for key, kind in self._kinds.items():
            value = self.cleaned_data.get(self.FIELD_PREFIX + key)
            if value in (None, ""):
                result.pop(key, None)
            elif kind == "integer":
                result[key] = int(value)
            elif kind == "number":
                result[key] = int(value) if value == int(value) else float(value)
            else:
                result[key] = value
        return result

    def face_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(self.FIELD_PREFIX)]
