"""Code validators: the reference test values, and every check-character corruption fails."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from tongban.core.validators import (
    CREDIT_CODE_CHARS,
    is_valid_base_code,
    is_valid_credit_code,
    is_valid_handle_item_code,
    is_valid_id_number,
    is_valid_implementation_code,
    make_credit_code,
    validate_base_code,
    validate_credit_code,
    validate_handle_item_code,
    validate_id_number,
    validate_implementation_code,
)

VALID_CREDIT_CODES = [
    "91350100M000100Y43",
    "91410200MA9TEQ007A",
    "114102000000000192",
    "12410202TEQAB1204M",
    "52410200MJ0TEQ011J",
    "91110000600037341L",
]
VALID_ID_NUMBERS = [
    "11010519491231002X",
    "440524188001010014",
    "110105195001010039",
    "410202199001010018",
    "410202200002290029",
    "410212202001010015",
    "410203198005151231",
    "410204197511112042",
]
ID_CHARS = "0123456789X"

credit_prefixes = st.builds(
    lambda head, area, body: head + area + body,
    st.text(alphabet=CREDIT_CODE_CHARS, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=CREDIT_CODE_CHARS, min_size=9, max_size=9),
)
credit_codes = credit_prefixes.map(make_credit_code)
base_codes = st.builds(
    lambda area, kind, dept, seq, sub: area + kind + dept + seq + sub,
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.sampled_from(["00", "01", "05", "07", "10", "11", "20", "21", "30", "32", "99"]),
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=3, max_size=3),
    st.one_of(st.just("000"), st.just("00Y"), st.integers(1, 999).map(lambda n: f"{n:03d}")),
)
implementation_codes = st.tuples(credit_codes, st.sampled_from("1234567"), base_codes).map("".join)
handle_item_codes = st.builds(
    lambda impl, n: impl + f"{n:02d}", implementation_codes, st.integers(min_value=1, max_value=99)
)


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_reference_credit_codes_pass(code: str) -> None:
    validate_credit_code(code)
    assert is_valid_credit_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "91410200MA9TEQ007B",
        "91410200MA9TEQ007",
        "91410200MA9TEQ007AA",
        "91410200MA9TEQO07A",
        "9141020OMA9TEQ007A",
        "91410200ma9teq007a",
        "",
        "91410200MA9TEQ00IA",
    ],
)
def test_bad_credit_codes_fail_with_a_chinese_message(code: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code(code)
    assert "统一社会信用代码" in excinfo.value.messages[0]
    assert not is_valid_credit_code(code)


def test_the_check_value_31_becomes_0() -> None:
    # Find a prefix whose weighted sum is 0 mod 31, the case one library gets wrong (reference §7.1).
    for tail in CREDIT_CODE_CHARS:
        prefix = "91410200MA9TEQ00" + tail
        if make_credit_code(prefix)[-1] == "0":
            assert is_valid_credit_code(prefix + "0")
            break
    else:  # pragma: no cover - one of 31 tails always hits
        pytest.fail("no prefix with check character 0 found")


def test_make_credit_code_refuses_a_bad_prefix() -> None:
    with pytest.raises(ValueError):
        make_credit_code("91410200MA9TEQ0O")


@settings(max_examples=200, deadline=None)
@given(code=credit_codes)
def test_generated_credit_codes_pass_and_every_check_corruption_fails(code: str) -> None:
    assert is_valid_credit_code(code)
    for char in CREDIT_CODE_CHARS:
        if char != code[17]:
            assert not is_valid_credit_code(code[:17] + char)


@pytest.mark.parametrize("number", VALID_ID_NUMBERS)
def test_reference_id_numbers_pass(number: str) -> None:
    validate_id_number(number)


def test_an_abolished_county_code_is_still_accepted() -> None:
    # 410224 开封县 was abolished in 2014; numbers issued there stay valid.
    number = "41022419900101001" + "0"
    number = number[:17] + ric.calc_check_digit(number)
    assert is_valid_id_number(number)


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("410202199001010019", "校验位"),
        ("41020219900101001x", "18位"),
        ("4102021990010100", "18位"),
        ("410202199002300015", "出生日期"),
        ("410202299001010011", "出生日期"),
    ],
)
def test_bad_id_numbers_fail_with_a_chinese_message(number: str, fragment: str) -> None:
    if fragment == "出生日期":
        number = number[:17] + ric.calc_check_digit(number)
    with pytest.raises(ValidationError) as excinfo:
        validate_id_number(number)
    assert fragment in excinfo.value.messages[0]
    assert not is_valid_id_number(number)


@settings(max_examples=200, deadline=None)
@given(
    area=st.sampled_from(["410202", "410212", "410225", "110105", "440524"]),
    birth=st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
    seq=st.integers(min_value=0, max_value=999),
)
def test_generated_id_numbers_pass_and_every_check_corruption_fails(area: str, birth: date, seq: int) -> None:
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    number = body + ric.calc_check_digit(body + "0")
    assert is_valid_id_number(number)
    for char in ID_CHARS:
        if char != number[17]:
            assert not is_valid_id_number(body + char)


@pytest.mark.parametrize(
    "code", ["370117002011", "442199806003", "000100100000", "41010010A00Y", "412017001001"]
)
def test_base_codes_pass(code: str) -> None:
    validate_base_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "37011700201",
        "3701170020111",
        "37A117002011",
        "3701170020YY",
        "37011700I000",
        "370117002O00",
        "374117002000",
    ],
)
def test_bad_base_codes_fail(code: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_base_code(code)
    assert "基本编码" in excinfo.value.messages[0]
    assert not is_valid_base_code(code)


def test_reference_implementation_codes_pass() -> None:
    validate_implementation_code("11370800MB28559184" + "3" + "370117002011")
    validate_implementation_code("12441500196720244T" + "3" + "442199806003")
    validate_handle_item_code("11370800MB28559184" + "3" + "370117002011" + "01")


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("11370800MB28559185" + "3" + "370117002011", "统一社会信用代码"),
        ("11370800MB28559184" + "8" + "370117002011", "行使层级"),
        ("11370800MB28559184" + "3" + "3701170020YY", "基本编码"),
        ("11370800MB28559184" + "3" + "37011700201", "31位"),
    ],
)
def test_bad_implementation_codes_fail(code: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_implementation_code(code)
    assert fragment in excinfo.value.messages[0]
    assert not is_valid_implementation_code(code)


@pytest.mark.parametrize("suffix", ["00", "1A", "1"])
def test_bad_handle_item_sequences_fail(suffix: str) -> None:
    assert not is_valid_handle_item_code("11370800MB28559184" + "3" + "370117002011" + suffix)


@settings(max_examples=100, deadline=None)
@given(code=implementation_codes)
def test_generated_implementation_codes_pass_and_every_embedded_check_corruption_fails(code: str) -> None:
    assert is_valid_implementation_code(code)
    for char in CREDIT_CODE_CHARS:
        if char != code[17]:
            assert not is_valid_implementation_code(code[:17] + char + code[18:])


@settings(max_examples=100, deadline=None)
@given(code=handle_item_codes)
def test_generated_handle_item_codes_pass_and_every_embedded_check_corruption_fails(code: str) -> None:
    assert is_valid_handle_item_code(code)
    for char in CREDIT_CODE_CHARS:
        if char != code[17]:
            assert not is_valid_handle_item_code(code[:17] + char + code[18:])


def test_an_implementation_code_parses_only_at_exactly_31_characters() -> None:
    from tongban.core.validators import parse_implementation_code

    code = "11410200MB0000000K2000100100001"[:31]
    assert parse_implementation_code(code) == code
    assert parse_implementation_code(f"  {code} ") == code
    for bad in (code + "X", code[:30], code[:30] + "\u4e00", None, 42, code[:30] + "-"):
        assert parse_implementation_code(bad) is None, bad


def test_an_id_number_must_start_with_a_province_code() -> None:
    from tongban.core.validators import validate_id_number

    with pytest.raises(ValidationError) as caught:
        validate_id_number("990202199001010010")  # valid check digit, but 99 is no province
    assert caught.value.code == "invalid_id_number_region"
