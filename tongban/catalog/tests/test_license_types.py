"""免证可办 in the catalog: a material names the licence type that replaces it; the guide says so, with the type's
name only when ``licenses`` registered a namer (catalog does not import licenses)."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from tongban.catalog.queries import license_type_name, register_license_type_namer
from tongban.catalog.templatetags.catalog_text import license_badge

CODE = "11100000MB0143028R101"


@pytest.fixture
def no_namer() -> Iterator[None]:
    from tongban.catalog.queries import license_types

    saved = license_types._namer
    register_license_type_namer(None)
    yield
    register_license_type_namer(saved)


def test_without_a_namer_the_guide_only_says_a_licence_may_be_used(no_namer: None) -> None:
    assert license_type_name(CODE) == ""
    html = str(license_badge(SimpleNamespace(license_type_code=CODE)))
    assert "可使用电子证照" in html and f'data-license-type="{CODE}"' in html


def test_a_registered_namer_names_the_type(no_namer: None) -> None:
    register_license_type_namer({CODE: "食品经营许可证"}.get)
    html = str(license_badge(SimpleNamespace(license_type_code=CODE)))
    assert "可用电子证照免提交（" in html and "食品经营许可证" in html
    assert str(license_badge(SimpleNamespace(license_type_code="11100000MB0143028R999"))).count("（") == 0


def test_a_material_no_licence_replaces_shows_nothing(no_namer: None) -> None:
    assert str(license_badge(SimpleNamespace(license_type_code=""))) == ""
    assert str(license_badge(SimpleNamespace())) == ""
