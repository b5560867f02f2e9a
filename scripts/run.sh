#!/usr/bin/env bash
# `make run`: bootstrap, migrate, load the demo city once, then serve on http://127.0.0.1:8000.
#
# A second run is fast and keeps the data: bootstrap skips apt/pip when nothing changed, migrate is a no-op, and
# the demo is loaded only when the stamp for this database is missing.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/bootstrap.sh

# shellcheck source=scripts/tb.sh
source scripts/tb.sh
say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

VAR_DIR="${TONGBAN_VAR_DIR:-var}"
mkdir -p "$VAR_DIR"
DB_KEY="${DATABASE_URL:-default-sqlite}"
STAMP="$VAR_DIR/.demo-loaded-$(printf '%s' "$DB_KEY" | sha256sum | cut -c1-12)"
# A deleted default database means a fresh start: forget that the demo was loaded into it.
if [[ -z "${DATABASE_URL:-}" && ! -f "$VAR_DIR/tongban.sqlite3" ]]; then
  rm -f "$STAMP"
fi

say "Applying database migrations"
tb migrate

demo_on="$(tr '[:upper:]' '[:lower:]' <<<"${TONGBAN_DEMO:-1}")"
if [[ "${TONGBAN_ENV:-development}" != "production" && "$demo_on" =~ ^(1|true|yes|on)$ ]]; then
  if [[ -f "$STAMP" ]]; then
    say "Demo city already loaded (delete $STAMP to load it again)"
  else
    say "Loading the demo city (开封市) — first run only"
    tb load-demo
    date -u +%FT%TZ >"$STAMP"
  fi
  echo
  echo "Demo logins (password: tongban-demo, demo mode only):"
  if ! tb demo-accounts 2>/dev/null; then
    echo "  citizen, citizen2, agent, clerk, reviewer_scjg, approver_scjg, supervisor, catalog_city, sysadmin (see README)"
  fi
fi

echo
say "Tongban is starting at http://127.0.0.1:8000   (API docs: http://127.0.0.1:8000/api/v1/docs; Ctrl-C stops)"
tb serve
