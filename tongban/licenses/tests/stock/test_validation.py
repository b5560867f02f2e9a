"""Checking rows: every refusal comes with the exact Chinese reason the rejected-rows file shows."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from tongban.core.validators import make_credit_code
from tongban.licenses.choices import HolderCategory
from tongban.licenses.stock import parsing
from tongban.licenses.stock.validation import BadRow, GoodRow, IssuerSpec, RowChecker, TypeSpec, parse_date
from tongban.licenses.tests.stock.helpers import (
    ENTERPRISE_FACE_SCHEMA,
    ENTERPRISE_TYPE_CODE,
    FACE_SCHEMA,
    TYPE_CODE,
    id_number,
    row,
)

ISSUER = make_credit_code("11410200MB0000001")
UNKNOWN_ISSUER = make_credit_code("11410200MB0000009")
TODAY = datetime.date(2026, 12, 4)


@pytest.fixture
def checker() -> RowChecker:
    person = SimpleNamespace(
        pk=1,
        code=TYPE_CODE,
        name="食品经营许可证",
        holder_category=HolderCategory.PERSON,
        face_schema=FACE_SCHEMA,
    )
    enterprise = SimpleNamespace(
        pk=2,
        code=ENTERPRISE_TYPE_CODE,
        name="营业执照",
        holder_category=HolderCategory.ENTERPRISE,
        face_schema=ENTERPRISE_FACE_SCHEMA,
    )
    return RowChecker(
        [TypeSpec.of(person), TypeSpec.of(enterprise)],
        [IssuerSpec(pk=7, credit_code=ISSUER, name="开封市市场监督管理局")],
        today=TODAY,
    )


def _reason(checker: RowChecker, **overrides: object) -> str:
    result = checker.check(0, row(ISSUER, 1, **overrides))
    assert isinstance(result, BadRow), result
    return result.reason


def test_a_good_row_is_typed(checker: RowChecker) -> None:
    result = checker.check(0, row(ISSUER, 1))
    assert isinstance(result, GoodRow)
    assert result.key == (TYPE_CODE, ISSUER, "JY00000001", "001")
    assert result.holder_id_number == id_number(1)
    assert result.holder_credit_code == ""
    assert result.issued_on == datetime.date(2020, 5, 1)
    assert result.valid_until == datetime.date(2025, 4, 30)
    assert result.face == {"category": "retail", "address": "开封市鼓楼区测试路1号", "area": 35.5}


def test_defaults_fill_version_validity_start_and_permanent_end(checker: RowChecker) -> None:
    result = checker.check(
        0,
        row(
            ISSUER,
            1,
            **{
                parsing.COL_VERSION: "",
                parsing.COL_VALID_FROM: "",
                parsing.COL_VALID_UNTIL: "长期",
                parsing.COL_ISSUED_ON: "20190102",
                parsing.COL_SERIAL: "jy 01",
            },
        ),
    )
    assert isinstance(result, GoodRow)
    assert (result.version, result.valid_from, result.valid_until) == ("001", datetime.date(2019, 1, 2), None)
    assert result.serial == "JY01"


def test_a_wrong_id_number_check_digit_is_refused(checker: RowChecker) -> None:
    good = id_number(1)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    assert _reason(checker, **{parsing.COL_HOLDER_CODE: bad}) == (
        "持证主体代码（公民身份号码）：居民身份证号码的校验位不正确，请核对后重新输入"
    )


def test_a_wrong_credit_code_check_character_is_refused(checker: RowChecker) -> None:
    good = make_credit_code("91410200MA9TEQ007")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    reason = _reason(
        checker,
        **{parsing.COL_TYPE: ENTERPRISE_TYPE_CODE, parsing.COL_HOLDER_CODE: bad, "法定代表人": "赵敏"},
    )
    assert reason == "持证主体代码（统一社会信用代码）：统一社会信用代码的校验位不正确，请核对后重新输入"


def test_an_enterprise_row_takes_a_credit_code(checker: RowChecker) -> None:
    code = make_credit_code("91410200MA9TEQ007")
    result = checker.check(
        0,
        row(
            ISSUER,
            1,
            **{parsing.COL_TYPE: ENTERPRISE_TYPE_CODE, parsing.COL_HOLDER_CODE: code, "法定代表人": "赵敏"},
        ),
    )
    assert isinstance(result, GoodRow)
    assert (result.holder_credit_code, result.holder_id_number) == (code, "")
    assert result.face == {"legal_representative": "赵敏"}


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        (parsing.COL_ISSUED_ON, "2020-02-30", "颁发日期“2020-02-30”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）"),
        (parsing.COL_ISSUED_ON, "", "颁发日期未填写"),
        (parsing.COL_ISSUED_ON, "2026-12-05", "颁发日期晚于今天"),
        (parsing.COL_VALID_UNTIL, "2019-01-01", "有效期截止早于有效期起始"),
        (parsing.COL_VALID_FROM, "五月一日", "有效期起始“五月一日”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）"),
    ],
)
def test_bad_dates_are_refused(checker: RowChecker, column: str, value: str, reason: str) -> None:
    assert _reason(checker, **{column: value}) == reason


def test_an_unknown_type_is_refused(checker: RowChecker) -> None:
    code = make_credit_code("11410000MB7654321") + "009"
    assert _reason(checker, **{parsing.COL_TYPE: code}) == f"证照类型代码“{code}”不存在，请先定义该证照类型"


def test_an_unknown_issuer_is_refused(checker: RowChecker) -> None:
    assert _reason(checker, **{parsing.COL_ISSUER: UNKNOWN_ISSUER}) == (
        f"颁发机构代码“{UNKNOWN_ISSUER}”不是本平台已登记的部门"
    )


def test_a_malformed_issuer_code_is_refused_with_the_validator_message(checker: RowChecker) -> None:
    reason = _reason(checker, **{parsing.COL_ISSUER: ISSUER[:17] + ("0" if ISSUER[17] != "0" else "1")})
    assert reason == "颁发机构代码：统一社会信用代码的校验位不正确，请核对后重新输入"


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"经营场所": ""}, "照面信息缺少必填项“经营场所”"),
        ({"经营项目": "批发"}, "照面项“经营项目”应为以下之一：食品销售、餐饮服务"),
        ({"经营场所": "长" * 101}, "照面项“经营场所”不能超过100个字"),
        ({"面积（平方米）": "-1"}, "照面项“面积（平方米）”不能小于0"),
        ({"面积（平方米）": "三十"}, "照面项“面积（平方米）”应为数字"),
    ],
)
def test_a_face_that_fails_the_schema_is_refused(
    checker: RowChecker, overrides: dict[str, str], reason: str
) -> None:
    assert _reason(checker, **overrides) == reason


def test_face_columns_may_be_named_by_key(checker: RowChecker) -> None:
    values = row(ISSUER, 1)
    values["address"] = values.pop("经营场所")
    result = checker.check(0, values)
    assert isinstance(result, GoodRow)
    assert result.face["address"] == "开封市鼓楼区测试路1号"


def test_several_problems_are_reported_together(checker: RowChecker) -> None:
    reason = _reason(
        checker, **{parsing.COL_SERIAL: "JY-01", parsing.COL_HOLDER_NAME: "", parsing.COL_VERSION: "A"}
    )
    assert (
        reason
        == "证照编号只能由数字和英文字母组成，不超过32位；版本号应为001至999的三位数字；持证主体名称未填写"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-29", datetime.date(2024, 2, 29)),
        ("20240229", datetime.date(2024, 2, 29)),
        ("2024/2/9", datetime.date(2024, 2, 9)),
        ("2024年2月9日", datetime.date(2024, 2, 9)),
        (datetime.datetime(2024, 2, 9, 8, 0), datetime.date(2024, 2, 9)),
        ("2023-02-29", None),
        ("24-02-09", None),
    ],
)
def test_dates_in_the_accepted_forms(value: object, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected
