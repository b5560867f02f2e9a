"""Browser journeys: Playwright driving Debian's Chromium (no ``playwright install``) against a live server.

Each journey gets a fresh database (``transactional_db`` via ``live_server``) with the demo city loaded by the
``demo_city`` fixture, a browser page in zh-Hans, and ``shot(name)`` to save a screenshot under
``var/screenshots/`` for a human to look at.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("TONGBAN_CHROMIUM", "/usr/bin/chromium")
# Not under test-results/: pytest-playwright empties that folder at the start of every session.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DEMO_PASSWORD = "tongban-demo"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:  # type: ignore[type-arg]
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make test` (installs Debian's chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:  # type: ignore[type-arg]
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def demo_city(transactional_db: None, settings) -> None:  # type: ignore[no-untyped-def]
    """The demo city (regions, departments, accounts, catalog, cases) loaded through the real loaders."""
    from django.core.management import call_command

    settings.TONGBAN_DEMO = True
    call_command("load_demo", verbosity=0)


@pytest.fixture
def shot(page) -> Callable[[str], Path]:  # type: ignore[no-untyped-def]
    """Save a full-page screenshot named after the journey step."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _shot(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot


@pytest.fixture
def login(page, live_server) -> Iterator[Callable[[str], None]]:  # type: ignore[no-untyped-def]
    """Log in through the real login form as a demo account."""

    def _login(username: str, password: str = DEMO_PASSWORD) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")  # the header has submit buttons too (language, 大字版)
        # Wait for the redirect away from the login page, not just network idle (which can come first).
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.wait_for_load_state("networkidle")

    yield _login
