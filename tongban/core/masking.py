"""Masking of personal data for display (ARCHITECTURE §8): never show a full ID number, phone or name by default.

Every function accepts ``None``, empty and unexpectedly short values and never raises.
"""

from __future__ import annotations

from typing import Any


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def mask_id_number(value: Any) -> str:
    """``410202199001010018`` → ``410202********0018``: keep the 6-digit area code and the last 4 characters."""
    text = _text(value)
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) > 2:
        return text[0] + "*" * (len(text) - 2) + text[-1]
    return "*" * len(text)


def mask_phone(value: Any) -> str:
    """``13812345678`` → ``138****5678``: keep the first 3 and last 4 digits."""
    text = _text(value)
    if len(text) >= 8:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    if len(text) > 2:
        return text[0] + "*" * (len(text) - 2) + text[-1]
    return "*" * len(text)


def mask_name(value: Any) -> str:
    """``王秀英`` → ``王*英``, ``王五`` → ``王*``, ``欧阳娜娜`` → ``欧**娜``: keep the first and last character."""
    text = _text(value)
    if len(text) >= 3:
        return text[0] + "*" * (len(text) - 2) + text[-1]
    if len(text) == 2:
        return text[0] + "*"
    return "*" * len(text)
