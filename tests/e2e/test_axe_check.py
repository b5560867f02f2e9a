"""The accessibility check of the journeys catches what it is meant to catch (so a green journey means something)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import AxeChecker

PAGE = """<!doctype html><html lang="en" class="tb-js"><head><title>t</title><style>{css}</style></head>
<body><main><h1>Check</h1>{body}</main></body></html>"""


def _load(page: Page, body: str, css: str = "") -> None:
    page.set_content(PAGE.format(body=body, css=css))


def test_it_fails_on_a_wcag_violation(page: Page) -> None:
    _load(page, '<img src="data:,">')  # no alt text (WCAG 1.1.1)
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        AxeChecker()(page)


def test_it_fails_on_a_table_that_scrolls_sideways_on_a_phone(page: Page) -> None:
    cells = "".join(f"<td>column{i}</td>" for i in range(12))
    _load(
        page,
        f'<div style="overflow-x:auto" tabindex="0" role="region" aria-label="t"><table><tr>{cells}</tr></table></div>',
    )
    with pytest.raises(pytest.fail.Exception, match=r"\[phone\] div\. scrolls sideways"):
        AxeChecker()(page)


def test_it_fails_in_large_text_mode_below_seven_to_one(page: Page) -> None:
    # #0d6efd on white is 4.5:1: enough for the standard layout, not for 大字版.
    _load(page, '<p style="color:#0d6efd">Text</p>')
    with pytest.raises(
        pytest.fail.Exception, match=r"\[desktop-elderly\] color-contrast-enhanced"
    ) as failure:
        AxeChecker()(page)
    assert "[desktop] color-contrast" not in str(failure.value)


def test_it_passes_a_clean_page_and_restores_the_layout(page: Page) -> None:
    _load(page, "<p>Fine</p>")
    before = page.viewport_size
    AxeChecker()(page)
    assert page.viewport_size == before
    assert not page.evaluate("document.documentElement.classList.contains('elderly')")


def test_it_reports_a_watched_page_that_was_never_checked(page: Page, live_server, axe: AxeChecker) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/guide/nope/")  # ``page`` is watched by the journeys' ``axe``
    with pytest.raises(AssertionError, match="never checked"):
        axe.assert_all_checked()
    axe(page)
    axe.assert_all_checked()
