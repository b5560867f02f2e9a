"""Layer 2 of the dialect: what the renderer understands (keywords, types, options, conditions, sections)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from tongban.catalog.form_dialect.rules import (
    FIELD_NAME_RE,
    FORMATS,
    JSON_SCHEMA_DIALECT,
    MAX_FIELDS,
    MAX_OPTIONS,
    MAX_TEXT_LENGTH,
    MAX_TITLE_LENGTH,
    PREFILL_SOURCES,
    PROPERTY_KEYWORDS,
    ROOT_KEYWORDS,
    TYPES,
    WIDGETS,
    X_FORMATS,
    FormSchemaProblem,
    _as_text,
    _is_int,
    _is_number,
    pointer,
)


class _Checker:
    """Collects the dialect problems of one schema (a dict that already is a JSON object)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.problems: list[FormSchemaProblem] = []
        raw = schema.get("properties")
        self.props: dict[str, dict[str, Any]] = (
            {k: v for k, v in raw.items() if isinstance(v, dict)} if isinstance(raw, dict) else {}
        )

    def add(self, path: str, message: str) -> None:
        self.problems.append(FormSchemaProblem(path, message))

    def label(self, name: str) -> str:
        title = self.props.get(name, {}).get("title")
        return f"“{title}”（{name}）" if isinstance(title, str) and title else f"“{name}”"

    # root ------------------------------------------------------------------------------------------------------

    def run(self) -> list[FormSchemaProblem]:
        schema = self.schema
        for key in schema:
            if key not in ROOT_KEYWORDS:
                self.add(pointer(key), _("表单不支持关键字“%(key)s”（渲染器会忽略它）。") % {"key": key})
        if "$schema" in schema and schema["$schema"] != JSON_SCHEMA_DIALECT:
            self.add(
                pointer("$schema"),
                _("只支持 JSON Schema 2020-12（%(uri)s）。") % {"uri": JSON_SCHEMA_DIALECT},
            )
        if schema.get("type") != "object":
            self.add(pointer("type"), _('表单的 type 必须是 "object"。'))
        for key in ("title", "description"):
            if key in schema and not isinstance(schema[key], str):
                self.add(pointer(key), _("必须是文字。"))
        properties = schema.get("properties")
        if not isinstance(properties, dict) or not properties:
            self.add(pointer("properties"), _("表单至少需要一个字段（properties）。"))
            return self.problems
        if len(properties) > MAX_FIELDS:
            self.add(pointer("properties"), _("表单最多 %(n)s 个字段。") % {"n": MAX_FIELDS})
        for name, prop in properties.items():
            self.field(name, prop)
        self.required()
        self.required_if()
        self.sections()
        self.show_if_cycles()
        return self.problems

    # one field ---------------------------------------------------------------------------------------------------

    def field(self, name: str, prop: Any) -> None:
        path = pointer("properties", name)
        if not FIELD_NAME_RE.match(name):
            self.add(
                path,
                _("字段名“%(name)s”无效：须以英文字母开头，只含英文字母、数字和下划线，最长 64 个字符。")
                % {"name": name},
            )
        if not isinstance(prop, dict):
            self.add(path, _("字段定义必须是一个 JSON 对象。"))
            return
        for key in prop:
            if key not in PROPERTY_KEYWORDS:
                self.add(
                    pointer("properties", name, key),
                    _("字段不支持关键字“%(key)s”（渲染器会忽略它）。") % {"key": key},
                )
        kind = prop.get("type")
        if kind not in TYPES:
            self.add(
                pointer("properties", name, "type"),
                _("字段类型必须是 %(types)s 之一。") % {"types": "、".join(TYPES)},
            )
            return
        title = prop.get("title")
        if not isinstance(title, str) or not title.strip():
            self.add(
                pointer("properties", name, "title"), _("每个字段都需要标题（title），申请人看到的就是它。")
            )
        elif len(title) > MAX_TITLE_LENGTH:
            self.add(
                pointer("properties", name, "title"), _("标题最多 %(n)s 个字符。") % {"n": MAX_TITLE_LENGTH}
            )
        if "description" in prop and not isinstance(prop["description"], str):
            self.add(pointer("properties", name, "description"), _("必须是文字。"))
        self.options(name, prop, kind)
        self.string_keywords(name, prop, kind)
        self.number_keywords(name, prop, kind)
        self.widget_and_prefill(name, prop, kind)
        if "x-show-if" in prop:
            self.condition(pointer("properties", name, "x-show-if"), prop["x-show-if"], owner=name)
        if "examples" in prop and not isinstance(prop["examples"], list):
            self.add(pointer("properties", name, "examples"), _("examples 必须是一个列表。"))

    def options(self, name: str, prop: dict[str, Any], kind: str) -> None:
        if "enum" not in prop:
            if "x-enum-labels" in prop:
                self.add(
                    pointer("properties", name, "x-enum-labels"), _("只有选项字段（enum）才能有选项名称。")
                )
            return
        enum = prop["enum"]
        path = pointer("properties", name, "enum")
        if kind == "boolean":
            self.add(path, _("是/否字段（boolean）不能再列选项。"))
            return
        if not isinstance(enum, list) or not enum:
            self.add(path, _("选项（enum）必须是非空列表。"))
            return
        if len(enum) > MAX_OPTIONS:
            self.add(path, _("最多 %(n)s 个选项。") % {"n": MAX_OPTIONS})
        checks: dict[str, Callable[[Any], bool]] = {
            "string": lambda v: isinstance(v, str),
            "integer": _is_int,
            "number": _is_number,
        }
        fits = checks[kind]
        seen: set[str] = set()
        for index, value in enumerate(enum):
            if not fits(value):
                self.add(pointer("properties", name, "enum", index), _("选项的取值与字段类型不符。"))
            elif isinstance(value, str) and not value.strip():
                self.add(pointer("properties", name, "enum", index), _("选项的取值不能为空。"))
            if _as_text(value) in seen:
                self.add(pointer("properties", name, "enum", index), _("选项“%(v)s”重复。") % {"v": value})
            seen.add(_as_text(value))
        labels = prop.get("x-enum-labels")
        if labels is not None:
            lpath = pointer("properties", name, "x-enum-labels")
            if not isinstance(labels, list) or not all(isinstance(x, str) and x.strip() for x in labels):
                self.add(lpath, _("选项名称（x-enum-labels）必须是一列非空文字。"))
            elif len(labels) != len(enum):
                self.add(
                    lpath,
                    _("选项名称有 %(labels)s 个，选项有 %(options)s 个，两者必须一一对应。")
                    % {"labels": len(labels), "options": len(enum)},
                )

    def string_keywords(self, name: str, prop: dict[str, Any], kind: str) -> None:
        for key in ("format", "x-format", "minLength", "maxLength", "pattern"):
            if key in prop and kind != "string":
                self.add(
                    pointer("properties", name, key),
                    _("只有文字字段（string）才能使用 %(key)s。") % {"key": key},
                )
        if kind != "string":
            return
        if "format" in prop and prop["format"] not in FORMATS:
            self.add(
                pointer("properties", name, "format"),
                _("format 只支持 %(values)s。") % {"values": "、".join(FORMATS)},
            )
        if "x-format" in prop and prop["x-format"] not in X_FORMATS:
            self.add(
                pointer("properties", name, "x-format"),
                _("x-format 只支持 %(values)s。") % {"values": "、".join(X_FORMATS)},
            )
        if "format" in prop and "x-format" in prop:
            self.add(pointer("properties", name, "x-format"), _("format 和 x-format 不能同时使用。"))
        low, high = prop.get("minLength"), prop.get("maxLength")
        for key, value in (("minLength", low), ("maxLength", high)):
            if value is not None and (not _is_int(value) or value < 0):
                self.add(pointer("properties", name, key), _("必须是不小于 0 的整数。"))
        if _is_int(high) and high > MAX_TEXT_LENGTH:
            self.add(
                pointer("properties", name, "maxLength"),
                _("最大长度不能超过 %(n)s。") % {"n": MAX_TEXT_LENGTH},
            )
        if _is_int(low) and _is_int(high) and low > high:
            self.add(pointer("properties", name, "minLength"), _("最小长度不能大于最大长度。"))
        free_text = not any(k in prop for k in ("enum", "format", "x-format"))
        if free_text and high is None:
            self.add(
                pointer("properties", name),
                _("文字字段%(field)s须规定最大长度（maxLength），以免申请人提交过长的内容。")
                % {"field": self.label(name)},
            )
        if "pattern" in prop:
            pattern = prop["pattern"]
            try:
                re.compile(pattern) if isinstance(pattern, str) else None
            except re.error:
                self.add(
                    pointer("properties", name, "pattern"),
                    _("“%(value)s”不是有效的正则表达式。") % {"value": pattern},
                )
            if not isinstance(pattern, str):
                self.add(pointer("properties", name, "pattern"), _("必须是文字。"))

    def number_keywords(self, name: str, prop: dict[str, Any], kind: str) -> None:
        for key in ("minimum", "maximum"):
            if key not in prop:
                continue
            if kind not in ("integer", "number"):
                self.add(pointer("properties", name, key), _("只有数字字段才能使用 %(key)s。") % {"key": key})
            elif not _is_number(prop[key]):
                self.add(pointer("properties", name, key), _("必须是数字。"))
        low, high = prop.get("minimum"), prop.get("maximum")
        if _is_number(low) and _is_number(high) and low > high:
            self.add(pointer("properties", name, "minimum"), _("最小值不能大于最大值。"))

    def widget_and_prefill(self, name: str, prop: dict[str, Any], kind: str) -> None:
        widget = prop.get("x-widget")
        if widget is not None:
            path = pointer("properties", name, "x-widget")
            if widget not in WIDGETS:
                self.add(path, _("x-widget 只支持 %(values)s。") % {"values": "、".join(WIDGETS)})
            elif widget == "textarea" and (kind != "string" or "enum" in prop):
                self.add(path, _("多行文本框只用于文字字段。"))
            elif widget in ("select", "radio") and "enum" not in prop:
                self.add(path, _("下拉框和单选按钮只用于有选项（enum）的字段。"))
        prefill = prop.get("x-prefill")
        if prefill is not None:
            path = pointer("properties", name, "x-prefill")
            if prefill not in PREFILL_SOURCES:
                self.add(path, _("x-prefill 只支持 %(values)s。") % {"values": "、".join(PREFILL_SOURCES)})
            elif kind != "string" or "enum" in prop:
                self.add(path, _("预填只用于文字字段。"))
            else:
                wanted = PREFILL_SOURCES[prefill]
                if wanted is not None and prop.get("x-format") != wanted:
                    self.add(
                        path,
                        _("预填“%(source)s”的字段必须设置 x-format 为 %(format)s。")
                        % {"source": prefill, "format": wanted},
                    )

    # conditions (情形) -----------------------------------------------------------------------------------------

    def condition(self, path: str, condition: Any, *, owner: str | None) -> None:
        """``{field: value or [values]}``: every field exists, is a situation (options or yes/no), values exist."""
        if not isinstance(condition, dict) or not condition:
            self.add(path, _("条件必须是 {字段名: 取值} 形式的非空对象。"))
            return
        for other, expected in condition.items():
            cpath = path + pointer(other)
            if other == owner:
                self.add(cpath, _("字段不能以自己为显示条件。"))
                continue
            target = self.props.get(other)
            if target is None:
                self.add(cpath, _("条件引用的字段“%(name)s”不存在（可能已被删除）。") % {"name": other})
                continue
            if target.get("type") == "boolean":
                allowed = {"true", "false"}
            elif isinstance(target.get("enum"), list):
                allowed = {_as_text(v) for v in target["enum"]}
            else:
                self.add(
                    cpath,
                    _("条件只能引用有选项或“是/否”的字段（情形），%(field)s不是。")
                    % {"field": self.label(other)},
                )
                continue
            values = expected if isinstance(expected, list) else [expected]
            if not values:
                self.add(cpath, _("条件至少需要一个取值。"))
            for value in values:
                if isinstance(value, dict | list) or _as_text(value) not in allowed:
                    self.add(
                        cpath,
                        _("“%(value)s”不是%(field)s的选项。")
                        % {"value": _as_text(value), "field": self.label(other)},
                    )

    def show_if_cycles(self) -> None:
        edges = {
            name: [k for k in prop["x-show-if"] if k in self.props]
            for name, prop in self.props.items()
            if isinstance(prop.get("x-show-if"), dict)
        }
        state: dict[str, int] = {}

        def visit(node: str) -> bool:
            state[node] = 1
            for nxt in edges.get(node, []):
                if state.get(nxt) == 1 or (state.get(nxt) is None and visit(nxt)):
                    return True
            state[node] = 2
            return False

        for name in edges:
            if state.get(name) is None and visit(name):
                self.add(
                    pointer("properties", name, "x-show-if"),
                    _("显示条件循环引用：%(field)s永远不会显示。") % {"field": self.label(name)},
                )
                return

    # lists of field names --------------------------------------------------------------------------------------

    def names(self, path: str, names: Any, what: str) -> list[str]:
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            self.add(path, _("%(what)s必须是一列字段名。") % {"what": what})
            return []
        for index, name in enumerate(names):
            if name not in self.props:
                self.add(
                    path + pointer(index),
                    _("%(what)s中的字段“%(name)s”不存在（可能已被删除）。") % {"what": what, "name": name},
                )
        return names

    def required(self) -> None:
        if "required" in self.schema:
            names = self.names(pointer("required"), self.schema["required"], _("必填字段"))
            if len(set(names)) != len(names):
                self.add(pointer("required"), _("必填字段列表中有重复的项。"))

    def required_if(self) -> None:
        rules = self.schema.get("x-required-if")
        if rules is None:
            return
        if not isinstance(rules, list):
            self.add(pointer("x-required-if"), _("x-required-if 必须是列表。"))
            return
        for index, rule in enumerate(rules):
            path = pointer("x-required-if", index)
            if not isinstance(rule, dict) or set(rule) != {"if", "then"}:
                self.add(path, _("每条规则必须正好有 if（情形）和 then（此时必填的字段）。"))
                continue
            self.condition(path + pointer("if"), rule["if"], owner=None)
            self.names(path + pointer("then"), rule["then"], _("条件必填字段"))

    def sections(self) -> None:
        sections = self.schema.get("x-sections")
        if sections is None:
            return
        if not isinstance(sections, list):
            self.add(pointer("x-sections"), _("x-sections 必须是列表。"))
            return
        placed: dict[str, int] = {}
        for index, section in enumerate(sections):
            path = pointer("x-sections", index)
            if (
                not isinstance(section, dict)
                or not set(section) <= {"title", "fields"}
                or "fields" not in section
            ):
                self.add(path, _('每个分组必须是 {"title": 标题, "fields": [字段名…]}。'))
                continue
            if not isinstance(section.get("title", ""), str):
                self.add(path + pointer("title"), _("必须是文字。"))
            for name in self.names(path + pointer("fields"), section["fields"], _("分组")):
                if name in placed:
                    self.add(
                        path + pointer("fields"),
                        _("字段“%(name)s”已在第 %(n)s 个分组中，不能重复。")
                        % {"name": name, "n": placed[name] + 1},
                    )
                placed.setdefault(name, index)


def dialect_problems(schema: dict[str, Any]) -> list[FormSchemaProblem]:
    """Problems of a JSON-object ``schema`` against the form dialect (in document order)."""
    return _Checker(schema).run()
