"""Application-form (JSON Schema, docs/development/form-schema.md) builders for the demonstration catalog."""

from __future__ import annotations

from typing import Any

PERSON_BLOCK: dict[str, dict[str, Any]] = {
    "applicant_name": {
        "type": "string",
        "title": "申请人姓名",
        "maxLength": 50,
        "x-prefill": "user.real_name",
    },
    "id_number": {
        "type": "string",
        "title": "身份证号码",
        "x-format": "id_number",
        "x-prefill": "user.id_number",
    },
    "phone": {"type": "string", "title": "联系电话", "x-format": "phone", "x-prefill": "user.phone"},
}

ENTERPRISE_BLOCK: dict[str, dict[str, Any]] = {
    "enterprise_name": {
        "type": "string",
        "title": "单位名称",
        "maxLength": 100,
        "x-prefill": "enterprise.name",
    },
    "credit_code": {
        "type": "string",
        "title": "统一社会信用代码",
        "x-format": "credit_code",
        "x-prefill": "enterprise.credit_code",
    },
    "legal_representative": {
        "type": "string",
        "title": "法定代表人（负责人）",
        "maxLength": 50,
        "x-prefill": "enterprise.legal_representative",
    },
    "contact_name": {"type": "string", "title": "经办人姓名", "maxLength": 50, "x-prefill": "user.real_name"},
    "contact_phone": {
        "type": "string",
        "title": "经办人联系电话",
        "x-format": "phone",
        "x-prefill": "user.phone",
    },
}


def text(title: str, max_length: int = 100, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "maxLength": max_length, **kw}


def area(title: str, max_length: int = 1000, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "maxLength": max_length, "x-widget": "textarea", **kw}


def date(title: str, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "format": "date", "title": title, **kw}


def number(title: str, minimum: float = 0, **kw: Any) -> dict[str, Any]:
    return {"type": "number", "title": title, "minimum": minimum, **kw}


def integer(title: str, minimum: int = 0, **kw: Any) -> dict[str, Any]:
    return {"type": "integer", "title": title, "minimum": minimum, **kw}


def choice(title: str, options: list[tuple[str, str]], **kw: Any) -> dict[str, Any]:
    return {
        "type": "string",
        "title": title,
        "enum": [value for value, _label in options],
        "x-enum-labels": [label for _value, label in options],
        **kw,
    }


def id_no(title: str, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "x-format": "id_number", **kw}


def mobile(title: str, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "x-format": "phone", **kw}


def credit(title: str, **kw: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "x-format": "credit_code", **kw}


AGREE = {"type": "boolean", "title": "本人（本单位）承诺所填信息及所交材料真实、合法、有效"}


def _build(
    title: str,
    block: dict[str, dict[str, Any]],
    block_title: str,
    fields: dict[str, dict[str, Any]],
    required: list[str],
    section: str,
    required_if: list[dict[str, Any]] | None,
    sections: list[dict[str, Any]] | None,
) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    properties.update({k: dict(v) for k, v in block.items()})
    properties.update(fields)
    properties["agree"] = dict(AGREE)
    if sections is None:
        sections = [{"title": section, "fields": [*fields]}]
    schema: dict[str, Any] = {
        "type": "object",
        "title": title,
        "x-sections": [
            {"title": block_title, "fields": [*block]},
            *sections,
            {"title": "承诺", "fields": ["agree"]},
        ],
        "properties": properties,
        "required": [*block, *required, "agree"],
    }
    if required_if:
        schema["x-required-if"] = required_if
    return schema


def person_form(
    title: str,
    fields: dict[str, dict[str, Any]],
    required: list[str],
    *,
    section: str = "申请事项",
    required_if: list[dict[str, Any]] | None = None,
    sections: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A form for a natural person: the applicant block is prefilled from the signed-in user."""
    return _build(title, PERSON_BLOCK, "申请人信息", fields, required, section, required_if, sections)


def enterprise_form(
    title: str,
    fields: dict[str, dict[str, Any]],
    required: list[str],
    *,
    section: str = "申请事项",
    required_if: list[dict[str, Any]] | None = None,
    sections: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A form for a legal person: the unit block is prefilled from the enterprise the user acts for."""
    return _build(title, ENTERPRISE_BLOCK, "申请单位信息", fields, required, section, required_if, sections)
