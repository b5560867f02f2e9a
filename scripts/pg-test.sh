#!/usr/bin/env bash
# Run the test suite against a fresh local PostgreSQL database.
#
# Usage: scripts/pg-test.sh [dbname] [pytest args...]   (default dbname: tongban_test_pg)
# PGHOST/PGPORT/PGUSER default to 127.0.0.1:5432 as postgres. The database is dropped and re-created as
# UTF-8 with a C.UTF-8 ctype, because pg_trgm ignores CJK characters under a C ctype.
set -euo pipefail

cd "$(dirname "$0")/.."
DB="${1:-tongban_test_pg}"
shift || true

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "pg-test: PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2
  exit 1
fi

dropdb --if-exists "$DB"
# pytest-django also creates test_$DB (and test_${DB}_gwN with xdist); drop leftovers of an aborted run.
for stale in $(psql -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'test\_${DB}%'"); do
  dropdb --if-exists "$stale"
done
createdb -T template0 -E UTF8 --lc-ctype=C.UTF-8 --lc-collate=C.UTF-8 "$DB"

DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" exec scripts/test.sh "$@"
