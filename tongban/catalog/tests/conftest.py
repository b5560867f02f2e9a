import pytest

from tongban.catalog.tests.factories import make_world


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return make_world()


@pytest.fixture(autouse=True)
def _chinese_after_each_test():  # type: ignore[no-untyped-def]
    """A request in English leaves English active in the thread (LocaleMiddleware); later tests expect zh-Hans."""
    yield
    from django.utils import translation

    translation.deactivate()
