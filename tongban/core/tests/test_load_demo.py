"""The ``load_demo`` command: demo mode only, loaders called in order, missing ones skipped."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tongban.core.management.commands import load_demo
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_loaders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    calls: list[str] = []
    for app in ("organizations", "accounts", "catalog"):
        module = types.ModuleType(f"tongban.{app}.demo")
        module.load = lambda app=app: calls.append(app)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, f"tongban.{app}.demo", module)
    real_import = load_demo.import_demo_module
    monkeypatch.setattr(
        load_demo,
        "import_demo_module",
        lambda app: None if app in ("cases", "licenses") else real_import(app),
    )
    yield calls


def test_it_refuses_without_demo_mode(settings, fake_loaders: list[str]) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = False
    before = LedgerEntry.objects.count()
    with pytest.raises(CommandError) as excinfo:
        call_command("load_demo")
    assert excinfo.value.returncode == 1
    assert "TONGBAN_DEMO" in str(excinfo.value)
    assert fake_loaders == []
    assert LedgerEntry.objects.count() == before


def test_it_calls_the_loaders_in_order_and_skips_missing_ones(settings, fake_loaders: list[str]) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert fake_loaders == ["organizations", "accounts", "catalog"]
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("organizations: 已加载")
    assert lines[3:6] == [
        "licenses.load_types: 跳过（无演示数据）",
        "cases: 跳过（无演示数据）",
        "licenses: 跳过（无演示数据）",
    ]


def test_an_app_without_a_demo_module_is_none() -> None:
    assert load_demo.import_demo_module("no_such_app") is None


def test_an_error_inside_a_demo_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_import(name: str) -> None:
        raise ModuleNotFoundError("No module named 'somethingelse'", name="somethingelse")

    monkeypatch.setattr(load_demo.importlib, "import_module", broken_import)
    with pytest.raises(ModuleNotFoundError):
        load_demo.import_demo_module("organizations")


def test_the_real_loaders_run_twice_without_error(settings) -> None:  # type: ignore[no-untyped-def]
    # Each app's loader owns its own idempotency; here the command must simply survive a second run.
    settings.TONGBAN_DEMO = True
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "演示数据已就绪" in out.getvalue()
