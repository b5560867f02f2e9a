"""The committed OpenAPI snapshot matches the API, and the live schema is served."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from pathlib import Path

from tongban.api.routes import api

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "openapi.json"


def _current_schema_text() -> str:
    # Same serialisation as scripts/openapi_snapshot.py (sorted keys, indent 2, UTF-8).
    return json.dumps(api.get_openapi_schema(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_the_committed_openapi_snapshot_matches_the_api() -> None:
    assert SNAPSHOT.exists(), "tests/openapi.json is missing: run `make openapi` and commit it"
    committed = SNAPSHOT.read_text(encoding="utf-8")
    current = _current_schema_text()
    if committed != current:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    current.splitlines(keepends=True),
                    "tests/openapi.json (committed)",
                    "api.get_openapi_schema() (current)",
                    n=2,
                )
            )[:80]
        )
        raise AssertionError(
            "The API changed but the OpenAPI snapshot did not. If the change is intended, run `make openapi` "
            "and commit tests/openapi.json.\n" + diff
        )


def test_the_snapshot_script_agrees_with_this_test() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "openapi_snapshot.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_the_live_schema_is_served_at_api_v1_openapi_json(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert served["openapi"].startswith("3.")
    assert served["info"]["title"] == api.title
    assert set(served["paths"]) == set(api.get_openapi_schema()["paths"])


def test_every_operation_has_an_operation_id_and_a_summary_or_description() -> None:
    schema = api.get_openapi_schema()
    missing = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if not operation.get("operationId") or not (operation.get("summary") or operation.get("description"))
    ]
    assert not missing, f"operations without an operationId or summary: {missing}"


def test_every_api_schema_name_is_unique_platform_wide() -> None:
    """The OpenAPI document keys schemas by class name: two apps' ``MaterialSchema`` silently become one."""
    from ninja import Schema

    import tongban.api.routes  # noqa: F401 - imports every app's API

    def subclasses(cls: type) -> list[type]:
        found = []
        for sub in cls.__subclasses__():
            found.append(sub)
            found.extend(subclasses(sub))
        return found

    by_name: dict[str, set[str]] = {}
    for cls in subclasses(Schema):
        if cls.__module__.startswith("tongban."):
            by_name.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    duplicates = {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1}
    assert duplicates == {}
