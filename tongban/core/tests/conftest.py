"""Fixtures for ``core`` tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tongban.core import calendar


@pytest.fixture(autouse=True)
def _fresh_calendar_cache() -> Iterator[None]:
    # Each test runs in its own rolled-back transaction: never let one test's calendar cache leak into the next.
    calendar._cache.dirty = False
    calendar._cache.clear()
    yield
    calendar._cache.dirty = False
    calendar._cache.clear()
