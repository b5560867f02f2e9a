"""Keywords, limits and shared helpers of the form dialect."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from django.utils.translation import gettext as _

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

TYPES = ("string", "integer", "number", "boolean")
FORMATS = ("date", "email")
X_FORMATS = ("id_number", "credit_code", "phone")
WIDGETS = ("textarea", "select", "radio")
# x-prefill source → the x-format the field must have (None: plain text).
PREFILL_SOURCES: dict[str, str | None] = {
    "user.real_name": None,
    "user.id_number": "id_number",
    "user.phone": "phone",
    "enterprise.name": None,
    "enterprise.credit_code": "credit_code",
    "enterprise.legal_representative": None,
}
ROOT_KEYWORDS = frozenset(
    {"$schema", "type", "title", "description", "properties", "required", "x-sections", "x-required-if"}
)
PROPERTY_KEYWORDS = frozenset(
    {
        "type",
        "title",
        "description",
        "enum",
        "x-enum-labels",
        "format",
        "x-format",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "x-widget",
        "x-prefill",
        "x-show-if",
        "examples",
    }
)
# Field names become HTML form field names (``form-<name>``) and keys of stored case data.
FIELD_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_FIELDS = 200
MAX_TEXT_LENGTH = 10_000  # the largest maxLength of one free-text field
MAX_TITLE_LENGTH = 200
MAX_OPTIONS = 200
MAX_SCHEMA_BYTES = 200_000


@dataclass(frozen=True)
class FormSchemaProblem:
    """One problem of a form schema: the JSON Pointer of the bad node and a Chinese message."""

    path: str
    message: str

    def __str__(self) -> str:
        return _("位置 %(path)s：%(message)s") % {"path": self.path or "/", "message": self.message}


def pointer(*parts: Any) -> str:
    """The JSON Pointer (RFC 6901) of ``parts``: ``pointer("properties", "a/b")`` → ``/properties/a~1b``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _as_text(value: Any) -> str:
    """How the renderer compares option values (``cases.formschema._as_text``): booleans as true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
