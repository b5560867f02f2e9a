"""One validator for ID numbers and credit codes: every demo account's number passes everywhere it is asked for."""

from __future__ import annotations

import pytest

from tongban.accounts import demo
from tongban.accounts.services import clean_credit_code, clean_id_number
from tongban.cases import formschema
from tongban.core.errors import DomainError
from tongban.core.validators import is_valid_credit_code, is_valid_id_number

DEMO_PEOPLE = [*demo.CITIZENS, demo.AGENT]
SCHEMA = {
    "type": "object",
    "properties": {
        "id_number": {"type": "string", "title": "身份证号码", "x-format": "id_number"},
        "credit_code": {"type": "string", "title": "统一社会信用代码", "x-format": "credit_code"},
    },
}


@pytest.mark.parametrize("person", DEMO_PEOPLE, ids=lambda p: p.username)
def test_every_demo_id_number_passes_the_validator_the_accounts_and_the_form(person) -> None:  # type: ignore[no-untyped-def]
    assert is_valid_id_number(person.id_number)
    assert clean_id_number(person.id_number) == person.id_number
    clean, errors = formschema.validate(SCHEMA, {"id_number": person.id_number})
    assert errors == {} and clean["id_number"] == person.id_number


@pytest.mark.parametrize("row", demo.ENTERPRISES, ids=lambda r: r[0])
def test_every_demo_credit_code_passes_the_validator_the_accounts_and_the_form(row) -> None:  # type: ignore[no-untyped-def]
    code = row[0]
    assert is_valid_credit_code(code) and clean_credit_code(code) == code
    clean, errors = formschema.validate(SCHEMA, {"credit_code": code})
    assert errors == {} and clean["credit_code"] == code


def test_citizen2s_410203_number_is_accepted_by_the_form_validator() -> None:
    # python-stdnum's own region list rejects 410203/410204; the platform validator accepts GB/T 2260 codes.
    _clean, errors = formschema.validate(SCHEMA, {"id_number": "410203198005151231"})
    assert errors == {}


@pytest.mark.parametrize(
    "value",
    ["410202199001010019", "990202199001010010", "41020219900230001X", "4102021990010100"],
    ids=["check digit", "no such province", "30 February", "too short"],
)
def test_bad_id_numbers_are_refused_alike_by_accounts_and_forms(value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError):
        clean_id_number(value)
    _clean, errors = formschema.validate(SCHEMA, {"id_number": value})
    assert "id_number" in errors


def test_both_normalise_lowercase_x_and_spaces_alike() -> None:
    assert clean_id_number(" 11010519491231002x ") == "11010519491231002X"
    clean, errors = formschema.validate(SCHEMA, {"id_number": "110105 19491231002x"})
    assert errors == {} and clean["id_number"] == "11010519491231002X"
