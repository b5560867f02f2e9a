"""Validators for the national codes the platform stores (reference standards-cn §1 and §7).

Each ``validate_*`` is a Django validator raising ``ValidationError`` with a Chinese message and a stable
``code``; each ``is_valid_*`` is its boolean twin. Values are checked exactly as given (no trimming or
upper-casing): normalise in the form before validating.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric, uscc

# GB 32100-2015: 31 characters, I O Z S V excluded everywhere; positions 3-8 are a GB/T 2260 division code.
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC = "[0-9A-HJ-NPQRTUWXY]"
_CREDIT_CODE_RE = re.compile(rf"^{_CC}{{2}}[0-9]{{6}}{_CC}{{10}}$")
_CREDIT_PREFIX_RE = re.compile(rf"^{_CC}{{2}}[0-9]{{6}}{_CC}{{9}}$")
# ZWFW C0109.1 基本编码: area(2) + item type(2) + main item(5: department 2 digits + sequence, which continues
# with capital letters except I O Z S V when digits run out) + sub-item (000, 00Y or 001-999).
_BASE_CODE_RE = re.compile(r"^[0-9]{2}(?:[0-3][0-9]|99)[0-9]{2}[0-9A-HJ-NPQRTUWXY]{3}(?:[0-9]{3}|00Y)$")
_USE_LEVELS = "1234567"  # 行使层级代码, GB/T 39046 A.2
_ID_NUMBER_RE = re.compile(r"^[0-9]{17}[0-9X]$")
# First two digits of a GB/T 2260 address code: the provinces, autonomous regions and municipalities, plus 71/81/82
# (台湾, 香港, 澳门) and 83 (港澳台居民居住证, GB 11643 as amended 2018). The rest of the address code is not checked
# against the current GB/T 2260 because abolished codes stay valid (standards-cn §7.2: 410224, 410211).
_PROVINCE_CODES = (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51)
ID_NUMBER_PROVINCES = frozenset(
    str(code) for code in (*_PROVINCE_CODES, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83)
)
_SEPARATORS = str.maketrans({" ": "", "-": "", "\u3000": "", "\uff38": "X", "\uff58": "X"})


def normalize_id_number(value: str) -> str:
    """Trim, drop spaces and hyphens, upper-case the check character (also a full-width Ｘ) before validating."""
    return str(value or "").strip().translate(_SEPARATORS).upper()


def normalize_credit_code(value: str) -> str:
    """Trim, drop spaces and hyphens and upper-case a 统一社会信用代码 before validating."""
    return str(value or "").strip().translate(_SEPARATORS).upper()


def _credit_code_ok(value: str) -> bool:
    if not isinstance(value, str) or not _CREDIT_CODE_RE.match(value):
        return False
    return uscc.calc_check_digit(value[:17]) == value[17]


def validate_credit_code(value: str) -> None:
    """统一社会信用代码 (GB 32100-2015): 18 characters of the allowed set, with a correct check character."""
    if not isinstance(value, str) or not _CREDIT_CODE_RE.match(value):
        raise ValidationError(
            _(
                "统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、Z、S、V），第3至8位为行政区划代码。"
            ),
            code="invalid_credit_code_format",
        )
    if uscc.calc_check_digit(value[:17]) != value[17]:
        raise ValidationError(
            _("统一社会信用代码的校验位不正确，请核对后重新输入。"), code="invalid_credit_code_check"
        )


def make_credit_code(prefix17: str) -> str:
    """Append the GB 32100 check character to a 17-character prefix (for test data and demo records)."""
    if not isinstance(prefix17, str) or not _CREDIT_PREFIX_RE.match(prefix17):
        raise ValueError("prefix17 must be 17 characters of the GB 32100 character set")
    return prefix17 + uscc.calc_check_digit(prefix17)


def validate_id_number(value: str) -> None:
    """居民身份证号码 (GB 11643-1999): 18 characters, MOD 11-2 check, a real birth date not in the future.

    The one validator for ID numbers on the platform (accounts, window intake, application forms). The address
    code must start with a GB/T 2260 province-level code; the county part is not checked against the current
    GB/T 2260, because abolished codes stay valid.
    """
    if not isinstance(value, str) or not _ID_NUMBER_RE.match(value):
        raise ValidationError(
            _("居民身份证号码应为18位，前17位为数字，最后一位为数字或大写字母X。"),
            code="invalid_id_number_format",
        )
    if value[:2] not in ID_NUMBER_PROVINCES:
        raise ValidationError(
            _("居民身份证号码的前6位应为行政区划代码（GB/T 2260），请核对后重新输入。"),
            code="invalid_id_number_region",
        )
    if ric.calc_check_digit(value) != value[17]:
        raise ValidationError(
            _("居民身份证号码的校验位不正确，请核对后重新输入。"), code="invalid_id_number_check"
        )
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(
            _("居民身份证号码中的出生日期不是真实存在的日期。"), code="invalid_id_number_birth_date"
        ) from None
    if birth > timezone.localdate() or birth.year < 1880:
        raise ValidationError(
            _("居民身份证号码中的出生日期不合理（不能早于1880年，也不能晚于今天）。"),
            code="invalid_id_number_birth_date",
        )


def validate_base_code(value: str) -> None:
    """基本编码 (12): area code, item type, main item and sub-item (ZWFW C0109.1, reference §1.2)."""
    if not isinstance(value, str) or not _BASE_CODE_RE.match(value):
        raise ValidationError(
            _(
                "基本编码应为12位：2位区划代码、2位事项类型代码、5位主项代码和3位子项代码（000、00Y或001至999）。"
            ),
            code="invalid_base_code",
        )


def validate_implementation_code(value: str) -> None:
    """实施编码 (31): the implementing body's credit code, a 行使层级 digit 1–7 and a base code."""
    if not isinstance(value, str) or len(value) != 31:
        raise ValidationError(
            _("实施编码应为31位：18位统一社会信用代码、1位行使层级代码和12位基本编码。"),
            code="invalid_implementation_code_length",
        )
    if not _credit_code_ok(value[:18]):
        raise ValidationError(
            _("实施编码的前18位不是有效的统一社会信用代码。"), code="invalid_implementation_code_credit_code"
        )
    if value[18] not in _USE_LEVELS:
        raise ValidationError(
            _("实施编码的第19位应为行使层级代码（1至7）。"), code="invalid_implementation_code_level"
        )
    if not _BASE_CODE_RE.match(value[19:]):
        raise ValidationError(
            _("实施编码的后12位不是有效的基本编码。"), code="invalid_implementation_code_base_code"
        )


def validate_handle_item_code(value: str) -> None:
    """业务办理项编码 (33): a valid implementation code followed by a two-digit sequence 01–99."""
    if not isinstance(value, str) or len(value) != 33:
        raise ValidationError(
            _("业务办理项编码应为33位：31位实施编码加2位顺序号（01至99）。"),
            code="invalid_handle_item_code_length",
        )
    validate_implementation_code(value[:31])
    if not re.fullmatch(r"0[1-9]|[1-9][0-9]", value[31:]):
        raise ValidationError(
            _("业务办理项编码的最后2位应为顺序号01至99。"), code="invalid_handle_item_code_sequence"
        )


def _boolean(validator: Callable[[str], None]) -> Callable[[str], bool]:
    def is_valid(value: str) -> bool:
        try:
            validator(value)
        except ValidationError:
            return False
        return True

    is_valid.__doc__ = f"True when :func:`{validator.__name__}` accepts ``value``."
    return is_valid


is_valid_credit_code = _boolean(validate_credit_code)
is_valid_id_number = _boolean(validate_id_number)
is_valid_base_code = _boolean(validate_base_code)
is_valid_implementation_code = _boolean(validate_implementation_code)
is_valid_handle_item_code = _boolean(validate_handle_item_code)


def parse_implementation_code(value: object) -> str | None:
    """``value`` as a 实施编码 to look up, or ``None`` when it cannot be one (wrong length or characters).

    The one parser for implementation codes in URLs, queries and API payloads: a code with anything after its
    31st character is not that code (a lookup must say "not found", not serve the item).
    """
    if not isinstance(value, str):
        return None
    code = value.strip()
    if len(code) != 31 or not code.isascii() or not code.isalnum():
        return None
    return code
