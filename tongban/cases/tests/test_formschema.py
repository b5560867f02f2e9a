"""The application-form schema dialect: rendering and server-side validation with Chinese messages."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from django.http import QueryDict

from tongban.cases.formschema import SchemaForm, display_rows, parse_sections, prefill_values, validate

SCHEMA = {
    "type": "object",
    "title": "食品经营许可申请书",
    "x-sections": [
        {"title": "申请人信息", "fields": ["applicant_name", "id_number", "phone"]},
        {
            "title": "申请事项",
            "fields": ["situation", "change_reason", "business_area", "start_date", "agree"],
        },
    ],
    "properties": {
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
        "situation": {
            "type": "string",
            "title": "申请情形",
            "enum": ["new", "change"],
            "x-enum-labels": ["首次申请", "变更"],
        },
        "change_reason": {
            "type": "string",
            "title": "变更原因",
            "x-widget": "textarea",
            "x-show-if": {"situation": "change"},
        },
        "business_area": {"type": "number", "title": "经营场所面积（平方米）", "minimum": 0},
        "start_date": {"type": "string", "format": "date", "title": "拟开业日期"},
        "agree": {"type": "boolean", "title": "本人承诺所填信息真实有效"},
        "credit_code": {"type": "string", "title": "统一社会信用代码", "x-format": "credit_code"},
        "staff": {"type": "integer", "title": "从业人数", "minimum": 1, "maximum": 500},
        "email": {"type": "string", "title": "电子邮箱", "format": "email"},
        "shop_no": {"type": "string", "title": "门牌号", "pattern": "^[0-9]+号$", "minLength": 2},
    },
    "required": ["applicant_name", "id_number", "phone", "situation"],
    "x-required-if": [{"if": {"situation": "change"}, "then": ["change_reason"]}],
}
VALID = {
    "applicant_name": "王秀英",
    "id_number": "410202199001010018",
    "phone": "13812345678",
    "situation": "new",
}


def _errors(**changes):
    data = {**VALID, **changes}
    return validate(SCHEMA, data)[1]


def test_valid_data_is_typed_and_normalised():
    clean, errors = validate(
        SCHEMA,
        {
            **VALID,
            "business_area": "12.50",
            "staff": "8",
            "start_date": "2026-03-01",
            "agree": "on",
            "id_number": "11010519491231002x",
        },
    )
    assert errors == {}
    assert clean["business_area"] == 12.5 and clean["staff"] == 8
    assert clean["agree"] is True and clean["start_date"] == "2026-03-01"
    assert clean["id_number"] == "11010519491231002X"


def test_missing_required_fields_get_chinese_messages():
    _clean, errors = validate(SCHEMA, {})
    assert errors["applicant_name"] == ["请填写“申请人姓名”。"]
    assert errors["situation"] == ["请选择“申请情形”。"]
    assert "business_area" not in errors  # optional


def test_blank_strings_count_as_missing():
    assert _errors(applicant_name="   ")["applicant_name"] == ["请填写“申请人姓名”。"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", "410202199001010019", "“身份证号码”不是有效的居民身份证号码。"),
        ("phone", "1381234567", "“联系电话”不是有效的11位手机号码。"),
        ("credit_code", "91410200MA9TEQ007B", "“统一社会信用代码”不是有效的统一社会信用代码。"),
        ("business_area", "abc", "“经营场所面积（平方米）”必须是数字。"),
        ("business_area", "-1", "“经营场所面积（平方米）”不能小于 0。"),
        ("staff", "2.5", "“从业人数”必须是整数。"),
        ("staff", "0", "“从业人数”不能小于 1。"),
        ("staff", "501", "“从业人数”不能大于 500。"),
        ("start_date", "2026-02-30", "“拟开业日期”必须是有效日期（格式 YYYY-MM-DD）。"),
        ("start_date", "2026/03/01", "“拟开业日期”必须是有效日期（格式 YYYY-MM-DD）。"),
        ("email", "not-an-email", "“电子邮箱”不是有效的电子邮箱地址。"),
        ("shop_no", "12", "“门牌号”的格式不正确。"),
        ("shop_no", "号", "“门牌号”至少需要 2 个字符。"),
        ("applicant_name", "张" * 51, "“申请人姓名”最多 50 个字符。"),
        ("situation", "other", "请从列表中选择“申请情形”。"),
    ],
)
def test_each_constraint_has_a_chinese_message(field, value, message):
    assert _errors(**{field: value})[field] == [message]


def test_valid_credit_code_and_email_pass():
    clean, errors = validate(
        SCHEMA, {**VALID, "credit_code": "91410200MA9TEQ007A", "email": "a@b.cn", "shop_no": "12号"}
    )
    assert errors == {} and clean["credit_code"] == "91410200MA9TEQ007A"


def test_a_field_required_in_a_situation_is_required_only_then():
    assert _errors(situation="change")["change_reason"] == ["请填写“变更原因”。"]
    assert "change_reason" not in _errors(situation="new")


def test_fields_of_another_situation_are_not_stored():
    clean, errors = validate(SCHEMA, {**VALID, "situation": "new", "change_reason": "旧的原因"})
    assert errors == {} and "change_reason" not in clean
    clean, _ = validate(SCHEMA, {**VALID, "situation": "change", "change_reason": "搬迁"})
    assert clean["change_reason"] == "搬迁"


def test_a_hidden_field_with_invalid_content_is_ignored():
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["change_reason"]["maxLength"] = 2
    assert "change_reason" not in validate(schema, {**VALID, "change_reason": "很长很长的原因"})[1]


def test_unknown_keys_are_dropped():
    clean, _ = validate(SCHEMA, {**VALID, "is_admin": "yes"})
    assert "is_admin" not in clean


def test_a_required_declaration_must_be_ticked():
    schema = {**SCHEMA, "required": [*SCHEMA["required"], "agree"]}
    assert validate(schema, VALID)[1]["agree"] == ["请勾选“本人承诺所填信息真实有效”。"]
    assert "agree" not in validate(schema, {**VALID, "agree": "on"})[1]


def test_json_typed_values_are_accepted():
    clean, errors = validate(SCHEMA, {**VALID, "business_area": 30, "staff": 3, "agree": True})
    assert errors == {} and clean["business_area"] == 30 and clean["staff"] == 3


def test_a_boolean_is_not_an_integer():
    assert _errors(staff=True)["staff"] == ["“从业人数”必须是整数。"]


def test_it_reads_a_querydict():
    data = QueryDict(mutable=True)
    data.update(VALID)
    assert validate(SCHEMA, data)[1] == {}


def test_sections_follow_x_sections_and_leftovers_go_last():
    sections = parse_sections(SCHEMA)
    assert [s.title for s in sections] == ["申请人信息", "申请事项", "其他信息"]
    assert [f.name for f in sections[2].fields] == ["credit_code", "staff", "email", "shop_no"]


def test_prefill_reads_the_user_and_the_enterprise():
    user = SimpleNamespace(real_name="王秀英", id_number="410202199001010018", phone="13812345678")
    enterprise = SimpleNamespace(
        name="汴梁食品", credit_code="91410200MA9TEQ007A", legal_representative="赵敏"
    )
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["credit_code"]["x-prefill"] = "enterprise.credit_code"
    values = prefill_values(schema, user=user, enterprise=enterprise)
    assert values == {
        "applicant_name": "王秀英",
        "id_number": "410202199001010018",
        "phone": "13812345678",
        "credit_code": "91410200MA9TEQ007A",
    }
    assert "credit_code" not in prefill_values(schema, user=user)


def test_the_form_renders_widgets_labels_and_conditions():
    html = SchemaForm(SCHEMA, prefix="f").as_div()
    assert 'type="radio"' in html and "首次申请" in html  # enum with labels
    assert "<textarea" in html and 'data-show-if="{&quot;f-situation&quot;: &quot;change&quot;}"' in html
    assert 'type="date"' in html and 'type="checkbox"' in html
    assert "仅当“申请情形”为“变更”时填写。" in html  # the hint that keeps the form usable without JavaScript


def test_a_long_enum_renders_as_a_select():
    schema = {"properties": {"x": {"type": "string", "title": "区", "enum": list("abcde")}}}
    assert "<select" in SchemaForm(schema).as_div()


def test_the_form_keeps_what_was_typed_on_an_error():
    form = SchemaForm(
        SCHEMA, data={"f-applicant_name": "王秀英", "f-phone": "123", "f-situation": "new"}, prefix="f"
    )
    assert not form.is_valid()
    assert form.errors["phone"] == ["“联系电话”不是有效的11位手机号码。"]
    html = form.as_div()
    assert 'value="王秀英"' in html and 'value="123"' in html


def test_the_form_returns_clean_data_when_valid():
    form = SchemaForm(SCHEMA, data={f"f-{k}": v for k, v in VALID.items()}, prefix="f")
    assert form.is_valid(), form.errors
    assert form.schema_data["situation"] == "new" and form.schema_data["agree"] is False


def test_display_rows_show_labels_not_values():
    rows = display_rows(SCHEMA, {**VALID, "situation": "change", "agree": True})
    assert ("申请情形", "变更") in rows[1][1]
    assert ("本人承诺所填信息真实有效", "是") in rows[1][1]


def test_display_rows_can_mask_id_and_phone_numbers():
    rows = display_rows(SCHEMA, VALID, mask=True)
    assert ("身份证号码", "410202********0018") in rows[0][1]
    assert ("联系电话", "138****5678") in rows[0][1]
