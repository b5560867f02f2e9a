"""Masking of personal data, as functions and as template filters."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from tongban.core.masking import mask_id_number, mask_name, mask_phone


def test_the_contract_examples() -> None:
    assert mask_id_number("410202199001010018") == "410202********0018"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("王秀英") == "王*英"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("4", "*"),
        ("41", "**"),
        ("4102", "4**2"),
        ("410202190101001", "410202*****1001"),
    ],
)
def test_short_and_odd_id_numbers_never_raise(value: object, expected: str) -> None:
    assert mask_id_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(None, ""), ("", ""), ("110", "1*0"), ("12", "**"), (13812345678, "138****5678")]
)
def test_short_and_odd_phones_never_raise(value: object, expected: str) -> None:
    assert mask_phone(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(None, ""), ("", ""), ("王", "*"), ("王五", "王*"), ("欧阳娜娜", "欧**娜")]
)
def test_names_of_every_length(value: object, expected: str) -> None:
    assert mask_name(value) == expected


def test_the_template_filters() -> None:
    template = Template(
        "{% load tongban %}{{ id|mask_id }} {{ phone|mask_phone }} {{ name|mask_name }} [{{ none|mask_name }}]"
    )
    rendered = template.render(
        Context({"id": "410202199001010018", "phone": "13812345678", "name": "王秀英", "none": None})
    )
    assert rendered == "410202********0018 138****5678 王*英 []"
