"""Fixtures of the licence tests: the cases world, a licence type, and a KEK for the signing keys."""

from __future__ import annotations

import base64

import pytest

from tongban.cases.tests.factories import World, make_world


@pytest.fixture(autouse=True)
def _kek(settings):  # type: ignore[no-untyped-def]
    settings.TONGBAN_KEK = base64.b64encode(b"k" * 32).decode()


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world()


@pytest.fixture
def license_type(db):  # type: ignore[no-untyped-def]
    from tongban.licenses.tests.factories import make_license_type

    return make_license_type()
