"""Deterministic 统一社会信用代码 for government bodies (GB 32100 with the GB 11714 organisation code inside).

Demo and test departments need valid, stable codes. They are built as ``1`` (机构编制) + ``1`` (机关) + the
6-digit region code + a 9-character organisation code (8 digits derived from the name + the GB 11714 check)
+ the GB 32100 check character. Such codes are synthetic and may collide with a real body only by chance.
"""

from __future__ import annotations

import hashlib

from stdnum.cn import uscc

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_char_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


def org_code_check(body8: str) -> str:
    """GB 11714 check character for an 8-character organisation-code body (``X`` for 10, ``0`` for 11)."""
    total = sum(_org_char_value(c) * w for c, w in zip(body8.upper(), _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code_check(prefix17: str) -> str:
    """GB 32100 check character for the first 17 characters."""
    return uscc.calc_check_digit(prefix17)


def government_credit_code(region_code: str, name: str) -> str:
    """A valid, deterministic 统一社会信用代码 for a government body (``11`` + region + org code + check)."""
    digest = int(hashlib.sha256(f"{region_code}:{name}".encode()).hexdigest(), 16)
    body = f"{digest % 10**8:08d}"
    prefix = f"11{region_code[:6]}{body}{org_code_check(body)}"
    return prefix + credit_code_check(prefix)
