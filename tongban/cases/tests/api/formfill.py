"""Filling an application form the way an integrator would: a valid value for every field of its JSON Schema."""

from __future__ import annotations

from typing import Any

from stdnum.cn import ric

ENTERPRISE = "91410200MA9TEQ007A"  # 开封市汴梁食品有限公司, for which the demo agent holds an authorisation
CITIZEN_ID = ric.validate("410202199001010018")


def fill_form(schema: dict[str, Any]) -> dict[str, Any]:
    """A value for every field of a JSON-Schema application form that its constraints accept."""
    data: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        data[name] = _value(prop)
    return data


def _value(prop: dict[str, Any]) -> Any:
    if prop.get("enum"):
        return prop["enum"][0]
    kind = prop.get("type", "string")
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        value = max(prop.get("minimum") or 0, 1)
        if prop.get("maximum") is not None:
            value = min(value, prop["maximum"])
        return int(value) if kind == "integer" else value
    if prop.get("format") == "date":
        return "2026-11-02"
    if prop.get("format") == "email":
        return "integrator@example.com"
    x_format = prop.get("x-format")
    if x_format == "id_number":
        return CITIZEN_ID
    if x_format == "phone":
        return "13812345678"
    if x_format == "credit_code":
        return ENTERPRISE
    text = f"接口申请：{prop.get('title', '')}"
    if prop.get("minLength") and len(text) < prop["minLength"]:
        text = text.ljust(prop["minLength"], "。")
    return text[: prop["maxLength"]] if prop.get("maxLength") else text
