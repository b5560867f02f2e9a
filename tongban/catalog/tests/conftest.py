import pytest

from tongban.catalog.tests.factories import make_world


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return make_world()
