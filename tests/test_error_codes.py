"""Every error code means one thing platform-wide: one HTTP status per code (ISSUE 8 §3)."""

from __future__ import annotations

import importlib

from tongban.core.errors import ErrorDef

APPS = (
    "core",
    "organizations",
    "accounts",
    "catalog",
    "cases",
    "notifications",
    "signing",
    "licenses",
    "licenses.stock",
)


def _definitions() -> list[tuple[str, ErrorDef]]:
    found = []
    for app in APPS:
        try:
            module = importlib.import_module(f"tongban.{app}.errors")
        except ModuleNotFoundError:
            continue
        found += [
            (f"{app}.{name}", value) for name, value in vars(module).items() if isinstance(value, ErrorDef)
        ]
    return found


def test_every_error_code_has_one_status() -> None:
    statuses: dict[str, set[int]] = {}
    for _where, definition in _definitions():
        statuses.setdefault(definition.code, set()).add(definition.status)
    assert len(statuses) > 50
    assert {code: s for code, s in statuses.items() if len(s) > 1} == {}
