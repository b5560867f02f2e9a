"""The seal picture: valid SVG with a red ring, the name's characters, a star, and the kind below it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tongban.signing.seal_svg import FONT_FAMILY, seal_svg

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize(
    ("ring", "label"),
    [
        ("开封市", "行政审批专用章"),
        ("开封市市场监督管理局", ""),
        ("兰考县人力资源和社会保障局", ""),
        ("甲", ""),
    ],
)
def test_it_is_valid_svg_with_every_character_of_the_name(ring, label) -> None:  # type: ignore[no-untyped-def]
    root = _parse(seal_svg(ring, kind_label=label))
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert [t for t in texts if len(t or "") == 1] == list(ring)
    if label:
        assert label in texts
    else:
        assert all(len(t or "") == 1 for t in texts)


def test_it_has_a_red_ring_a_star_and_the_font_fallbacks() -> None:
    root = _parse(seal_svg("开封市", kind_label="行政审批专用章"))
    (ring,) = root.iter(f"{SVG}circle")
    assert ring.get("stroke") == "#d3202a" and ring.get("fill") == "none"
    (star,) = root.iter(f"{SVG}polygon")
    assert len(star.get("points", "").split()) == 10  # five points, five inner corners
    group = next(root.iter(f"{SVG}g"))
    assert group.get("font-family") == FONT_FAMILY
    assert FONT_FAMILY.startswith("'Noto Serif CJK SC', 'Noto Sans CJK SC'") and FONT_FAMILY.endswith("serif")


def test_the_kind_sits_below_the_star_in_a_straight_line() -> None:
    root = _parse(seal_svg("开封市", kind_label="行政审批专用章"))
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "行政审批专用章")
    assert label.get("transform") is None and float(label.get("y", "0")) > 100


def test_markup_in_a_name_is_escaped() -> None:
    root = _parse(seal_svg("<b>&局", kind_label="<i>"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:4] == ["<", "b", ">", "&"] and "<i>" in texts
