"""Licence identifiers (电子证照标识, GB/T 36904) and their check character (reference standards-cn §3.4).

``1.2.156.3005.2.<证照类型代码>.<证照颁发机构代码>.<流水号>.<版本号>.<校验位>``: the type code is the defining
agency's 18-character credit code plus 3 digits, the issuer code the issuing agency's credit code, the serial
uppercase alphanumeric, the version 3 digits, and the check character ISO/IEC 7064 MOD 37,36 over the four parts
concatenated without dots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROOT = "1.2.156.3005.2"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_VALUES = {char: value for value, char in enumerate(ALPHABET)}
SERIAL_MAX_LENGTH = 32
_TYPE_RE = re.compile(r"^[0-9A-Z]{18}[0-9]{3}$")
_ISSUER_RE = re.compile(r"^[0-9A-Z]{18}$")
_SERIAL_RE = re.compile(rf"^[0-9A-Z]{{1,{SERIAL_MAX_LENGTH}}}$")
_VERSION_RE = re.compile(r"^[0-9]{3}$")


@dataclass(frozen=True)
class ParsedIdentifier:
    """The parts of a licence identifier."""

    type_code: str
    issuer_code: str
    serial: str
    version: str
    check: str


def check_character(body: str) -> str:
    """The ISO/IEC 7064 MOD 37,36 check character of ``body`` (characters ``0-9A-Z``); ``ValueError`` otherwise."""
    p = 36
    for char in body:
        if char not in _VALUES:
            raise ValueError(f"character {char!r} is not in 0-9A-Z")
        s = (p + _VALUES[char]) % 36 or 36
        p = (2 * s) % 37
    return ALPHABET[(37 - p) % 36]


def _check_parts(type_code: str, issuer_code: str, serial: str, version: str) -> None:
    if not _TYPE_RE.match(type_code):
        raise ValueError("type code must be 18 characters 0-9A-Z and 3 digits")
    if not _ISSUER_RE.match(issuer_code):
        raise ValueError("issuer code must be 18 characters 0-9A-Z")
    if not _SERIAL_RE.match(serial):
        raise ValueError(f"serial must be 1-{SERIAL_MAX_LENGTH} characters 0-9A-Z")
    if not _VERSION_RE.match(version):
        raise ValueError("version must be 3 digits")


def build_identifier(type_code: str, issuer_code: str, serial: str, version: str) -> str:
    """The full identifier with its check character; ``ValueError`` when a part has the wrong shape."""
    _check_parts(type_code, issuer_code, serial, version)
    check = check_character(type_code + issuer_code + serial + version)
    return f"{ROOT}.{type_code}.{issuer_code}.{serial}.{version}.{check}"


def parse_identifier(text: str) -> ParsedIdentifier:
    """The parts of a well-formed identifier with a correct check character; ``ValueError`` otherwise."""
    if not isinstance(text, str) or not text.startswith(ROOT + "."):
        raise ValueError("identifier must start with the root 1.2.156.3005.2")
    parts = text[len(ROOT) + 1 :].split(".")
    if len(parts) != 5:
        raise ValueError("identifier must have five parts after the root")
    type_code, issuer_code, serial, version, check = parts
    _check_parts(type_code, issuer_code, serial, version)
    if check_character(type_code + issuer_code + serial + version) != check:
        raise ValueError("wrong check character")
    return ParsedIdentifier(type_code, issuer_code, serial, version, check)


def is_valid_identifier(text: object) -> bool:
    """True when ``text`` is a well-formed identifier whose check character is right; never raises."""
    try:
        parse_identifier(text)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True
