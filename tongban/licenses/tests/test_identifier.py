"""Licence identifiers (GB/T 36904) and their ISO/IEC 7064 MOD 37,36 check character (standards-cn §3.4)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongban.licenses.identifier import (
    ALPHABET,
    ROOT,
    build_identifier,
    check_character,
    is_valid_identifier,
    parse_identifier,
)

REAL_IDENTIFIERS = [
    "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
    "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F",
    "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
]
# A sample from a published swagger document: its check character is wrong (the computed value is D).
SWAGGER_SAMPLE = (
    "1.2.156.3005.2.11100000000013661B006.113700000045046442.209FA4E88F9E4C878F3E9BED2CE7EA49.001.M"
)


@pytest.mark.parametrize("identifier", REAL_IDENTIFIERS)
def test_the_real_identifiers_verify(identifier: str) -> None:
    assert is_valid_identifier(identifier)
    parsed = parse_identifier(identifier)
    assert build_identifier(parsed.type_code, parsed.issuer_code, parsed.serial, parsed.version) == identifier


def test_the_swagger_sample_does_not_verify() -> None:
    assert not is_valid_identifier(SWAGGER_SAMPLE)
    body = SWAGGER_SAMPLE[len(ROOT) + 1 : -2].replace(".", "")
    assert check_character(body) == "D"


def test_build_identifier_puts_the_parts_in_order() -> None:
    identifier = build_identifier("11100000000013338W032", "11220000013544541J", "2430599", "001")
    assert identifier == REAL_IDENTIFIERS[1]


@pytest.mark.parametrize(
    "parts",
    [
        ("11100000000013338W03", "11220000013544541J", "1", "001"),  # type code too short
        ("11100000000013338W032", "11220000013544541", "1", "001"),  # issuer too short
        ("11100000000013338W032", "11220000013544541J", "ab", "001"),  # lowercase serial
        ("11100000000013338W032", "11220000013544541J", "", "001"),  # empty serial
        ("11100000000013338W032", "11220000013544541J", "1" * 33, "001"),  # serial too long
        ("11100000000013338W032", "11220000013544541J", "1", "01"),  # version of two digits
    ],
)
def test_build_identifier_refuses_malformed_parts(parts: tuple[str, str, str, str]) -> None:
    with pytest.raises(ValueError):
        build_identifier(*parts)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        None,
        42,
        ROOT,
        REAL_IDENTIFIERS[0] + ".X",
        REAL_IDENTIFIERS[0].replace(ROOT, "1.2.156.3005.3"),
    ],
)
def test_malformed_text_is_not_an_identifier(text: object) -> None:
    assert not is_valid_identifier(text)


def test_check_character_refuses_characters_outside_the_alphabet() -> None:
    with pytest.raises(ValueError):
        check_character("abc")


_serials = st.text(alphabet=ALPHABET, min_size=1, max_size=32)


@given(serial=_serials, version=st.integers(min_value=1, max_value=999), data=st.data())
def test_any_single_character_change_is_caught(serial: str, version: int, data: st.DataObject) -> None:
    identifier = build_identifier("11100000000013338W032", "11220000013544541J", serial, f"{version:03d}")
    assert is_valid_identifier(identifier)
    # Change one character of the body or the check character (not the root, not a dot) to another one.
    positions = [i for i, ch in enumerate(identifier) if i > len(ROOT) and ch != "."]
    position = data.draw(st.sampled_from(positions))
    replacement = data.draw(st.sampled_from([c for c in ALPHABET if c != identifier[position]]))
    changed = identifier[:position] + replacement + identifier[position + 1 :]
    assert not is_valid_identifier(changed)
