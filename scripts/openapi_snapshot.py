"""Write or check the committed OpenAPI snapshot ``tests/openapi.json``.

Usage: ``python scripts/openapi_snapshot.py --write`` (what ``make openapi`` runs) or ``--check`` (exit 1 on drift).
The snapshot is ``api.get_openapi_schema()`` serialised with sorted keys and two-space indents, so a reviewer sees
every change to the public API as a small diff.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "openapi.json"


def render_schema() -> str:
    """The current schema as the exact text the snapshot holds."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")
    import django

    django.setup()
    from tongban.api.routes import api

    schema = api.get_openapi_schema()
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate tests/openapi.json")
    mode.add_argument("--check", action="store_true", help="exit 1 when tests/openapi.json is out of date")
    args = parser.parse_args()

    text = render_schema()
    if args.write:
        SNAPSHOT.write_text(text, encoding="utf-8")
        paths = len(json.loads(text).get("paths", {}))
        print(f"wrote {SNAPSHOT.relative_to(ROOT)} ({paths} paths)")
        return 0
    if SNAPSHOT.exists() and SNAPSHOT.read_text(encoding="utf-8") == text:
        print("OpenAPI snapshot is up to date")
        return 0
    print(
        "OpenAPI snapshot is out of date: run `make openapi` and commit tests/openapi.json", file=sys.stderr
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
