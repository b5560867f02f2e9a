"""Static accessibility checks of the public pages (WCAG 2.1 AA basics that HTML alone can prove)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


class _Collector(HTMLParser):
    """Collects form controls, labels, landmarks, headings and images of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.tags: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.html_lang: str | None = None
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append(a)
        if tag == "img":
            self.images.append(a)


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.fixture
def pages(client: Client, small_catalog) -> dict[str, str]:
    passport = small_catalog[0]
    urls = {
        "home": reverse("portal:home"),
        "search": reverse("portal:search") + "?q=护照",
        "empty search": reverse("portal:search") + "?q=火星移民",
        "guide": reverse("portal:guide", args=[passport.code]),
        "404": "/guide/nope/",
    }
    return {name: client.get(url).content.decode() for name, url in urls.items()}


def test_every_form_control_has_a_label(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        page = _collect(html)
        for control in page.controls:
            labelled = control.get("id") in page.label_for or control.get("aria-label")
            assert labelled, f"{name}: unlabelled {control}"


def test_pages_have_language_landmarks_one_h1_and_unique_ids(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        page = _collect(html)
        assert page.html_lang == "zh-CN", name
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in page.tags, f"{name}: no <{landmark}>"
        assert page.tags.count("h1") == 1, name
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        assert not duplicates, f"{name}: duplicate ids {duplicates}"
        assert all(img.get("alt") is not None for img in page.images), name


def test_skip_link_points_at_main(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        assert 'href="#main"' in html and 'id="main"' in html, name
