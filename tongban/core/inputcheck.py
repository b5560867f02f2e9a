"""Strict reading of request input, shared by the request guard middleware and the API's JSON parser.

One rule for every text a client sends (ARCHITECTURE §5.7): no control characters except tab, CR and LF (NUL
above all — PostgreSQL cannot store it), no lone UTF-16 surrogates (they cannot be encoded as UTF-8), and JSON
exactly as RFC 8259 defines it — ``NaN``, ``Infinity`` and numbers too large for a double are refused instead of
becoming ``nan``/``inf`` that later code cannot store or compare.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab (\x09), LF (\x0a) and CR (\x0d), plus DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_JSON_DEPTH = 64
MAX_INT_DIGITS = 300  # beyond this an integer cannot be a double either (and Python's own limit is 4300)


class InputRefused(Exception):
    """Client input that the platform refuses; ``kind`` picks the error code, ``field`` names where it is."""

    def __init__(self, kind: str, field: str = "") -> None:
        super().__init__(f"{kind} at {field or 'body'}")
        self.kind = kind
        self.field = field


# Kinds of InputRefused.
CONTROL_CHARACTER = "control_character"
SURROGATE = "surrogate"
NOT_JSON = "not_json"
NON_FINITE = "non_finite"
OUT_OF_RANGE = "out_of_range"
TOO_DEEP = "too_deep"


def text_problem(value: str) -> str | None:
    """The kind of problem with one text value (control character or lone surrogate), or ``None``."""
    if _CONTROL.search(value):
        return CONTROL_CHARACTER
    if _SURROGATE.search(value):
        return SURROGATE
    return None


class _OutOfRange(Exception):
    pass


class _NonFinite(Exception):
    pass


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _OutOfRange(text)
    return value


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _OutOfRange(text)
    return int(text)


def _parse_constant(text: str) -> Any:
    raise _NonFinite(text)  # NaN, Infinity, -Infinity: JavaScript, not JSON


def loads_strict(raw: bytes | str) -> Any:
    """Parse JSON strictly and check every string in it; raise :class:`InputRefused` on any problem.

    The body must be UTF-8 (a BOM is tolerated); the value may be of any JSON type. Strings — keys included — are
    checked with :func:`text_problem`, and the field named in the refusal is the dotted path (``form_data.name``,
    ``items.0``).
    """
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputRefused(NOT_JSON) from exc
    else:
        text = raw
    try:
        data = json.loads(
            text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=_parse_constant
        )
    except _OutOfRange as exc:
        raise InputRefused(OUT_OF_RANGE, _locate_number(text, str(exc))) from exc
    except _NonFinite as exc:
        raise InputRefused(NON_FINITE) from exc
    except RecursionError as exc:
        raise InputRefused(TOO_DEEP) from exc
    except ValueError as exc:  # JSONDecodeError, and ints over Python's digit limit
        raise InputRefused(NOT_JSON) from exc
    check_strings(data)
    return data


def check_strings(data: Any) -> None:
    """Walk a parsed JSON value (iteratively: depth is bounded) and refuse the first bad string or key."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise InputRefused(TOO_DEEP, path)
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise InputRefused(problem, path)
        elif isinstance(value, dict):
            for key, item in value.items():
                child = f"{path}.{key}" if path else str(key)
                problem = text_problem(key)
                if problem:
                    raise InputRefused(problem, path or "__all__")
                stack.append((item, child, depth + 1))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                stack.append((item, f"{path}.{index}" if path else str(index), depth + 1))


def _locate_number(text: str, literal: str) -> str:
    """Best-effort dotted path of the first too-large number ``literal`` (for the error's ``fields``)."""
    marker = "\u0000tongban-out-of-range\u0000"

    def parse_float(value: str) -> Any:
        return marker if value == literal else float(value)

    def parse_int(value: str) -> Any:
        return marker if value == literal else 0

    try:
        data = json.loads(text, parse_float=parse_float, parse_int=parse_int, parse_constant=lambda v: None)
    except (ValueError, RecursionError):
        return ""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop(0)
        if value == marker:
            return path
        if isinstance(value, dict):
            stack.extend((item, f"{path}.{key}" if path else str(key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{path}.{i}" if path else str(i)) for i, item in enumerate(value))
    return ""
