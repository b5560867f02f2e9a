#!/usr/bin/env bash
# `make run`: bootstrap, migrate, load the demo city once, then serve on http://127.0.0.1:8000.
#
# A second run is fast and keeps the data: bootstrap skips apt/pip when nothing changed, migrate is a no-op, and
# the demo is loaded only when the stamp for this database is missing. Arguments go to `tongban serve`
# (e.g. `scripts/run.sh --port 8001`, or `make run RUN_ARGS="--port 8001"`).
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/bootstrap.sh

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
TONGBAN=".venv/bin/tongban"

VAR_DIR="${TONGBAN_VAR_DIR:-var}"
mkdir -p "$VAR_DIR"
# One stamp per database, so pointing DATABASE_URL elsewhere loads the demo there too.
STAMP="$VAR_DIR/.demo-loaded-$(printf '%s' "${DATABASE_URL:-default-sqlite}" | sha256sum | cut -c1-12)"
# A deleted default database means a fresh start: forget that the demo was loaded into it.
if [[ -z "${DATABASE_URL:-}" && ! -f "$VAR_DIR/tongban.sqlite3" ]]; then
  rm -f "$STAMP"
fi

say "Applying database migrations"
"$TONGBAN" migrate

demo_on="$(tr '[:upper:]' '[:lower:]' <<<"${TONGBAN_DEMO:-1}")"
if [[ "${TONGBAN_ENV:-development}" != "production" && "$demo_on" =~ ^(1|true|yes|on)$ ]]; then
  if [[ -f "$STAMP" ]]; then
    say "Demo city already loaded (delete $STAMP, or run $TONGBAN load-demo, to load it again)"
  else
    say "Loading the demo city (开封市) — first run only"
    "$TONGBAN" load-demo
    date -u +%FT%TZ >"$STAMP"
  fi
fi

say "Starting Tongban (default http://127.0.0.1:8000; API docs at /api/v1/docs). Ctrl-C stops it."
say "Demo logins: the accounts listed below, password tongban-demo (see README)."
exec "$TONGBAN" serve "$@"
