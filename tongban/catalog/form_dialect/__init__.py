"""The application-form dialect (申请表单方言): what a version's ``form_schema`` may contain.

``docs/development/form-schema.md`` describes the dialect: a small subset of JSON Schema draft 2020-12 plus a few
``x-`` keywords that the renderer in ``tongban/cases/formschema.py`` understands. :func:`validate_form_schema`
checks a schema twice: against JSON Schema's own meta-schema (the ``jsonschema`` package, ARCHITECTURE §3), then
against the dialect (only keywords the renderer honours, known types and formats, conditions that point at real
fields and real options, sections that list real fields, bounded free text). A schema that passes renders, and
every submitted value it accepts is bounded in size. Problems carry the JSON Pointer (RFC 6901) of the bad node
and a Chinese message. The catalog validates at save (``services.do_update_draft``) and in the quality gate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tongban.catalog.form_dialect.checker import dialect_problems
from tongban.catalog.form_dialect.meta import meta_schema_problems
from tongban.catalog.form_dialect.rules import (
    FORMATS,
    JSON_SCHEMA_DIALECT,
    MAX_FIELDS,
    MAX_SCHEMA_BYTES,
    MAX_TEXT_LENGTH,
    PREFILL_SOURCES,
    PROPERTY_KEYWORDS,
    ROOT_KEYWORDS,
    TYPES,
    WIDGETS,
    X_FORMATS,
    FormSchemaProblem,
    pointer,
)

__all__ = [
    "FORMATS",
    "JSON_SCHEMA_DIALECT",
    "MAX_FIELDS",
    "MAX_SCHEMA_BYTES",
    "MAX_TEXT_LENGTH",
    "PREFILL_SOURCES",
    "PROPERTY_KEYWORDS",
    "ROOT_KEYWORDS",
    "TYPES",
    "WIDGETS",
    "X_FORMATS",
    "FormSchemaProblem",
    "dialect_problems",
    "iter_field_names",
    "meta_schema_problems",
    "pointer",
    "validate_form_schema",
]


def validate_form_schema(schema: Any) -> list[FormSchemaProblem]:
    """Every problem of ``schema`` (meta-schema first, then the dialect); ``[]`` when it is valid.

    An empty object means "no online form" and is valid. Results are cached per canonical JSON text and
    language (a draft's schema is checked when it is saved and again by the quality gate).
    """
    if schema in (None, {}):
        return []
    if not isinstance(schema, dict):
        return [FormSchemaProblem("", _("申请表单必须是一个 JSON 对象。"))]
    try:
        text = json.dumps(schema, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return [FormSchemaProblem("", _("申请表单含有不能保存为 JSON 的内容。"))]
    if len(text.encode("utf-8")) > MAX_SCHEMA_BYTES:
        return [FormSchemaProblem("", _("申请表单过大（最多 %(n)s 字节）。") % {"n": MAX_SCHEMA_BYTES})]
    return list(_validate_text(text, get_language() or ""))


@lru_cache(maxsize=512)
def _validate_text(text: str, language: str) -> tuple[FormSchemaProblem, ...]:
    schema = json.loads(text)
    problems = meta_schema_problems(schema)
    seen = {(p.path, p.message) for p in problems}
    problems += [p for p in dialect_problems(schema) if (p.path, p.message) not in seen]
    return tuple(problems)


def iter_field_names(schema: Any) -> Iterator[str]:
    """The field names of a schema (``properties`` keys), in order; nothing for a malformed schema."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if isinstance(properties, dict):
        yield from properties
