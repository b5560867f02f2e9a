"""Case numbers, query codes and pickup codes."""

from __future__ import annotations

from datetime import date

import pytest

from tongban.cases.engine.numbering import (
    QUERY_CODE_ALPHABET,
    new_pickup_code,
    new_query_code,
    next_case_number,
    region_code_for,
)
from tongban.cases.tests.factories import World, at, make_item, make_world, submitted_case


@pytest.mark.django_db
def test_numbers_count_up_per_region_and_day() -> None:
    day = date(2025, 9, 26)
    assert next_case_number("410200", day) == "41020020250926000001"
    assert next_case_number("410200", day) == "41020020250926000002"
    assert next_case_number("410212", day) == "41021220250926000001"
    assert next_case_number("410200", date(2025, 9, 27)) == "41020020250927000001"


def test_a_township_code_contributes_its_county_prefix() -> None:
    assert region_code_for("410212100000") == "410212"
    assert region_code_for("410200") == "410200"


def test_query_codes_avoid_ambiguous_characters() -> None:
    codes = {new_query_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(QUERY_CODE_ALPHABET) for c in codes)
    assert not set("".join(codes)) & set("01OI")
    assert len(codes) > 190
    assert new_pickup_code().isdigit()


@pytest.mark.django_db
def test_the_date_in_the_number_is_the_shanghai_date() -> None:
    world: World = make_world()
    version = make_item(world.scjg, materials=())
    # 2025-09-26 23:30 in Shanghai is still 15:30 UTC the same day; 00:30 on the 27th is 16:30 UTC on the 26th.
    case = submitted_case(world, version, now=at("2025-09-27 00:30"))
    assert case.number[6:14] == "20250927"
