"""Layer 1 of the dialect: JSON Schema's own 2020-12 meta-schema (the ``jsonschema`` package)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils.translation import gettext as _

from tongban.catalog.form_dialect.rules import FormSchemaProblem, pointer


def _meta_message(error: Any) -> str:
    """A Chinese message for one ``jsonschema`` meta-schema error (by its failing keyword)."""
    kind = error.validator
    value = error.validator_value
    if kind == "type":
        return _("取值类型不对，应为 %(type)s。") % {
            "type": value if isinstance(value, str) else "、".join(value)
        }
    if kind == "minimum":
        return _("取值不能小于 %(n)s。") % {"n": value}
    if kind == "uniqueItems":
        return _("列表中有重复的项。")
    if kind == "anyOf" and list(error.absolute_path)[-1:] == ["type"]:
        return _("“%(value)s”不是 JSON Schema 的数据类型。") % {"value": error.instance}
    if kind == "format" and value == "regex":
        return _("“%(value)s”不是有效的正则表达式。") % {"value": error.instance}
    return _("不符合 JSON Schema 元模式（关键字 %(keyword)s）。") % {"keyword": kind}


@cache
def _meta_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(Draft202012Validator.META_SCHEMA)


def meta_schema_problems(schema: Any) -> list[FormSchemaProblem]:
    """Problems of ``schema`` against the JSON Schema 2020-12 meta-schema."""
    validator = _meta_validator()
    problems = [
        FormSchemaProblem(pointer(*error.absolute_path), _meta_message(error))
        for error in validator.iter_errors(schema)
    ]
    return sorted(problems, key=lambda p: p.path)
