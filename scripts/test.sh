#!/usr/bin/env bash
# `make test`: bootstrap with the test extras, then pytest over the whole suite (tongban/ and tests/).
#
# Honours DATABASE_URL (default: SQLite). Extra arguments go to pytest, e.g. `scripts/test.sh -k ledger`.
# PYTEST_WORKERS (default 2) sets pytest-xdist's worker count; 0 runs in one process.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

# WhiteNoise warns on every request handler built while STATIC_ROOT is missing; an empty one keeps the log readable.
mkdir -p "${TONGBAN_VAR_DIR:-var}/static"

WORKERS="${PYTEST_WORKERS:-2}"
TIMEOUT="${PYTEST_TIMEOUT:-300}"
args=(-p no:cacheprovider --timeout="$TIMEOUT")
if [[ "$WORKERS" != "0" ]]; then
  args+=(-n "$WORKERS" --dist loadfile)
fi

# Show the database without any credentials in it.
db="$(sed -E 's#//[^@/]*@#//#' <<<"${DATABASE_URL:-SQLite (default)}")"
say "pytest on $db with $WORKERS worker(s)"
set +e
.venv/bin/python -m pytest "${args[@]}" "$@"
rc=$?
set -e
if [[ $rc == 5 ]]; then
  echo "test: pytest collected no tests — that is a failure here, not a pass." >&2
  exit 1
fi
exit $rc
