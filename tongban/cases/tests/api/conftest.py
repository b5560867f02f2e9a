"""Fixtures of the cases API tests."""

from __future__ import annotations

import pytest

from tongban.cases.tests.factories import World, make_world


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()
