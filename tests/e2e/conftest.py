"""Browser journeys: Playwright driving Debian's Chromium (no ``playwright install``) against a live server.

Each journey gets a fresh database (``transactional_db`` via ``live_server``) with the demo city loaded by the
``demo_city`` fixture, a browser page in zh-Hans, and ``shot(name)`` to save a screenshot under
``var/screenshots/`` for a human to look at.

Accessibility: ``axe(page)`` runs the vendored axe-core on the page as it is now, at 1280 px and at 390 px, each
in the standard layout and in 大字版, and fails on any WCAG 2.1 A/AA violation, on any element that scrolls
sideways on the phone, and in 大字版 on text below 7:1 contrast. Every page a journey opens is watched: a page
that was navigated to (or changed its address through an HTMX swap) and never checked fails the journey at
teardown, so a new step cannot skip the check by accident.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("TONGBAN_CHROMIUM", "/usr/bin/chromium")
# Not under test-results/: pytest-playwright empties that folder at the start of every session.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DEMO_PASSWORD = "tongban-demo"
AXE_JS = Path(__file__).resolve().parents[2] / "tongban" / "static" / "vendor" / "axe-core" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# (name, viewport, 大字版): every check runs in all four.
LAYOUTS = (
    ("desktop", DESKTOP, False),
    ("desktop-elderly", DESKTOP, True),
    ("phone", PHONE, False),
    ("phone-elderly", PHONE, True),
)

# Runs in the page: axe with the WCAG 2.1 A/AA rules (plus 7:1 contrast in 大字版), then the sideways scrollers.
_AXE_RUN = """async ({elderly, tags}) => {
  const rules = elderly ? {"color-contrast-enhanced": {enabled: true}} : {};
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags.concat(elderly ? ["wcag2aaa"] : [])},
    rules, resultTypes: ["violations"],
  });
  const keep = new Set(tags);
  return result.violations
    .filter((v) => v.tags.some((t) => keep.has(t)) || (elderly && v.id === "color-contrast-enhanced"))
    .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 8).map((n) => ({target: n.target.join(" "), summary: n.failureSummary}))}));
}"""

# Elements (and the page itself) wider than the phone's screen: the reader would have to scroll sideways.
_SIDEWAYS = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) { out.push("page: " + doc.scrollWidth + "px > " + window.innerWidth + "px"); }
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX) || el.clientWidth === 0) { continue; }
    if (el.tagName === "TEXTAREA" || el.closest("[data-tb-scroll-ok]")) { continue; }
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push((el.id ? "#" + el.id : el.tagName.toLowerCase() + "." + [...el.classList].join(".")) +
               " scrolls sideways: " + el.scrollWidth + "px in " + el.clientWidth + "px");
    }
  }
  return out;
}"""


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


def unresolved_references(page: Any) -> list[str]:
    """``aria-describedby`` / ``aria-labelledby`` / ``label[for]`` references to ids that are not on the page."""
    return page.evaluate(
        """() => {
          const out = [];
          for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
            for (const el of document.querySelectorAll("[" + attr + "]")) {
              for (const id of el.getAttribute(attr).split(/\\s+/)) {
                if (id && !document.getElementById(id)) { out.push((el.id || el.tagName) + " " + attr + " -> " + id); }
              }
            }
          }
          for (const label of document.querySelectorAll("label[for]")) {
            if (!document.getElementById(label.htmlFor)) { out.push("label for -> " + label.htmlFor); }
          }
          return out;
        }"""
    )


@dataclass
class AxeChecker:
    """``axe(page)`` checks the page in the four layouts; watched pages must be checked after each navigation."""

    scans: int = 0
    # page -> the addresses it was navigated to since its last check
    unchecked: dict[Any, list[str]] = field(default_factory=dict)

    def watch(self, page: Any) -> None:
        self.unchecked.setdefault(page, [])

        def navigated(frame: Any) -> None:
            if frame == page.main_frame and not frame.url.startswith(("about:", "data:")):
                self.unchecked.setdefault(page, []).append(frame.url)

        page.on("framenavigated", navigated)

    def __call__(self, page: Any, *, what: str = "", scripts_off_copy: bool = False) -> None:
        page.wait_for_load_state("load")
        self.unchecked[page] = []
        if not scripts_off_copy and not page.evaluate(
            "() => document.documentElement.classList.contains('tb-js')"
        ):
            # Scripts are off (tongban-head.js did not mark the page), and axe cannot run there: check the same
            # document, without its scripts, in a scratch page that runs axe.
            html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.S | re.I)
            scratch = page.context.browser.new_context(locale="zh-CN", viewport=page.viewport_size).new_page()
            try:
                scratch.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
                scratch.goto(page.url)
                self(scratch, what=f"{page.url} (scripts off)", scripts_off_copy=True)
            finally:
                scratch.context.close()
            return
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
        # Colours are measured at rest: no half-finished hover or focus transition from the click that led here.
        page.evaluate(
            "() => { const s = document.createElement('style'); s.id = 'tb-axe-still';"
            " s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';"
            " document.head.appendChild(s); }"
        )
        viewport = page.viewport_size
        server_elderly = page.evaluate("() => document.documentElement.classList.contains('elderly')")
        problems: list[str] = []
        try:
            for name, size, elderly in LAYOUTS:
                page.set_viewport_size(size)
                # A synchronous reflow (animation frames never come in a page whose scripts are off).
                page.evaluate(
                    "(on) => { document.documentElement.classList.toggle('elderly', on);"
                    " return document.documentElement.offsetWidth; }",
                    elderly,
                )
                for v in page.evaluate(_AXE_RUN, {"elderly": elderly, "tags": WCAG21_AA}):
                    nodes = "; ".join(f"{n['target']}: {n['summary']}" for n in v["nodes"])
                    problems.append(f"[{name}] {v['id']} ({v['impact']}): {v['help']} — {nodes}")
                if size is PHONE:
                    problems.extend(f"[{name}] {p}" for p in page.evaluate(_SIDEWAYS))
                self.scans += 1
        finally:
            page.evaluate(
                "(on) => { document.documentElement.classList.toggle('elderly', on);"
                " document.getElementById('tb-axe-still')?.remove(); }",
                server_elderly,
            )
            if viewport:
                page.set_viewport_size(viewport)
        if problems:
            where = what or page.url
            pytest.fail(f"accessibility problems on {where}:\n" + "\n".join(problems), pytrace=False)

    def skip(self, page: Any, *, why: str) -> None:
        """Leave the pages ``page`` showed since its last check unchecked, for a reason the journey states (a
        third-party page such as Swagger UI, which the platform serves but does not write)."""
        assert why.strip(), "say why the page is not checked"
        self.unchecked[page] = []

    def assert_all_checked(self) -> None:
        missed = {
            str(page.url): urls for page, urls in self.unchecked.items() if urls and not page.is_closed()
        }
        assert not missed, f"pages navigated to but never checked with axe(page): {missed}"


@pytest.fixture
def axe(request: pytest.FixtureRequest) -> Iterator[AxeChecker]:
    """The accessibility check; every page made through ``new_context`` (so ``page`` too) is watched."""
    checker = AxeChecker()
    yield checker
    if not getattr(request.node, "rep_call_failed", False):
        checker.assert_all_checked()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:  # type: ignore[type-arg]
    report = yield
    if report.when == "call" and report.failed:
        item.rep_call_failed = True  # type: ignore[attr-defined]
    return report


@pytest.fixture
def new_context(new_context: Callable[..., Any], axe: AxeChecker) -> Callable[..., Any]:
    """pytest-playwright's ``new_context``, with every page it opens watched by ``axe``."""

    def _new_context(**kwargs: Any) -> Any:
        context = new_context(**kwargs)
        context.on("page", axe.watch)
        return context

    return _new_context


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
def login(page, live_server, axe) -> Iterator[Callable[[str], None]]:  # type: ignore[no-untyped-def]
    """Log in through the real login form as a demo account (the login page and the landing page are checked)."""

    def _login(username: str, password: str = DEMO_PASSWORD) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        axe(page)
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")  # the header has submit buttons too (language, 大字版)
        # Wait for the redirect away from the login page, not just network idle (which can come first).
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.wait_for_load_state("networkidle")
        axe(page)

    yield _login
