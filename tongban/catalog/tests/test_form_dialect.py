"""The form dialect: JSON Schema's meta-schema plus the renderer's rules, with the path of every bad node."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tongban.catalog.form_dialect import validate_form_schema
from tongban.catalog.tests.strategies import form_schemas


def problems(schema: Any) -> dict[str, str]:
    """Messages by JSON Pointer (several problems of one node joined)."""
    found: dict[str, str] = {}
    for problem in validate_form_schema(schema):
        found[problem.path] = (found.get(problem.path, "") + " " + problem.message).strip()
    return found


GOOD: dict[str, Any] = {
    "type": "object",
    "title": "食品经营许可申请书",
    "x-sections": [{"title": "申请事项", "fields": ["situation", "change_reason"]}],
    "properties": {
        "situation": {
            "type": "string",
            "title": "申请情形",
            "enum": ["new", "change"],
            "x-enum-labels": ["首次申请", "变更"],
        },
        "change_reason": {
            "type": "string",
            "title": "变更原因",
            "maxLength": 500,
            "x-widget": "textarea",
            "x-show-if": {"situation": "change"},
        },
    },
    "required": ["situation"],
    "x-required-if": [{"if": {"situation": "change"}, "then": ["change_reason"]}],
}


def with_changes(**props: Any) -> dict[str, Any]:
    import copy

    schema = copy.deepcopy(GOOD)
    for name, prop in props.items():
        if prop is None:
            del schema["properties"][name]
        else:
            schema["properties"][name] = prop
    return schema


def test_the_documented_example_and_an_empty_form_are_valid() -> None:
    assert validate_form_schema(GOOD) == []
    assert validate_form_schema({}) == []


@pytest.mark.parametrize(
    ("schema", "path", "words"),
    [
        ("nonsense", "", "JSON 对象"),
        (
            {"type": "array", "properties": {"a": {"type": "string", "title": "甲", "maxLength": 5}}},
            "/type",
            "object",
        ),
        ({"type": "object", "properties": {}}, "/properties", "至少需要一个字段"),
        (
            {"type": "object", "properties": {"a": {"type": "strin", "title": "甲"}}},
            "/properties/a/type",
            "数据类型",
        ),
        (
            {"type": "object", "properties": {"a": {"type": "string", "title": "甲", "maxLength": -1}}},
            "/properties/a/maxLength",
            "不能小于",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string", "title": "甲", "maxLength": 5, "oneOf": []}},
            },
            "/properties/a/oneOf",
            "不支持",
        ),
        (
            {"type": "object", "properties": {"a": {"type": "string", "maxLength": 5}}},
            "/properties/a/title",
            "标题",
        ),
        (
            {"type": "object", "properties": {"a": {"type": "string", "title": "甲"}}},
            "/properties/a",
            "maxLength",
        ),
        (
            {"type": "object", "properties": {"1a": {"type": "boolean", "title": "甲"}}},
            "/properties/1a",
            "字段名",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string", "title": "甲", "x-format": "passport"}},
            },
            "/properties/a/x-format",
            "x-format",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string", "title": "甲", "x-prefill": "user.id_number"}},
            },
            "/properties/a/x-prefill",
            "id_number",
        ),
        (
            {
                "type": "object",
                "properties": {
                    "a": {"type": "string", "title": "甲", "enum": ["x", "y"], "x-enum-labels": ["一"]}
                },
            },
            "/properties/a/x-enum-labels",
            "一一对应",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string", "title": "甲", "maxLength": 9, "pattern": "("}},
            },
            "/properties/a/pattern",
            "正则",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "integer", "title": "甲", "minimum": 9, "maximum": 1}},
            },
            "/properties/a/minimum",
            "最小值",
        ),
        (
            {"type": "object", "properties": {"a": {"type": "boolean", "title": "甲"}}, "required": ["b"]},
            "/required/0",
            "不存在",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "boolean", "title": "甲"}},
                "x-sections": [{"title": "一", "fields": ["a"]}, {"title": "二", "fields": ["a"]}],
            },
            "/x-sections/1/fields",
            "不能重复",
        ),
    ],
)
def test_it_names_the_bad_node_in_chinese(schema: Any, path: str, words: str) -> None:
    found = problems(schema)
    assert path in found, found
    assert words in found[path]


def test_a_condition_on_a_deleted_situation_is_refused() -> None:
    schema = with_changes(situation=None)
    schema["x-sections"][0]["fields"] = ["change_reason"]
    schema["required"] = []
    found = problems(schema)
    assert "不存在" in found["/properties/change_reason/x-show-if/situation"]
    assert "/x-required-if/0/if/situation" in found


def test_a_condition_on_a_value_that_is_not_an_option_is_refused() -> None:
    reason = dict(GOOD["properties"]["change_reason"], **{"x-show-if": {"situation": "chnage"}})
    found = problems(with_changes(change_reason=reason))
    assert (
        "“chnage”不是“申请情形”（situation）的选项" in found["/properties/change_reason/x-show-if/situation"]
    )


def test_a_condition_on_free_text_and_a_cycle_are_refused() -> None:
    schema = {
        "type": "object",
        "properties": {
            "a": {"type": "string", "title": "甲", "maxLength": 9, "x-show-if": {"b": True}},
            "b": {"type": "boolean", "title": "乙", "x-show-if": {"c": True}},
            "c": {"type": "boolean", "title": "丙", "x-show-if": {"b": True}},
            "d": {"type": "string", "title": "丁", "maxLength": 9, "x-show-if": {"a": "x"}},
        },
    }
    found = problems(schema)
    assert "循环" in " ".join(found.values())
    assert "情形" in found["/properties/d/x-show-if/a"]


def test_a_path_with_a_slash_is_escaped() -> None:
    found = problems({"type": "object", "properties": {"a/b": {"type": "boolean", "title": "甲"}}})
    assert "/properties/a~1b" in found


def test_every_shipped_demo_form_is_valid() -> None:
    from tongban.catalog.demo_data import ITEMS

    for item in ITEMS:
        assert validate_form_schema(item["guide"].get("form_schema") or {}) == [], item["name"]


@settings(max_examples=60, deadline=None)
@given(schema=form_schemas())
def test_every_schema_the_dialect_accepts_renders_and_validates(schema: dict[str, Any]) -> None:
    """What passes the dialect renders with the application-form renderer and validates an empty submission."""
    from tongban.cases.formschema import SchemaForm, validate

    assert validate_form_schema(schema) == []
    form = SchemaForm(schema, prefix="form")
    html = str(form)
    assert all(f'name="form-{name}"' in html for name in schema["properties"])
    _clean, errors = validate(schema, {})
    assert set(errors) <= set(schema["properties"])


@settings(max_examples=40, deadline=None)
@given(schema=form_schemas(), junk=st.sampled_from(["oneOf", "x-colour", "default", "items"]))
def test_an_unknown_keyword_anywhere_in_a_field_is_refused(schema: dict[str, Any], junk: str) -> None:
    name = next(iter(schema["properties"]))
    schema["properties"][name][junk] = []
    assert f"/properties/{name}/{junk}" in problems(schema)
