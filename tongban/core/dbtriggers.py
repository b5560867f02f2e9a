"""SQL that makes ``core_ledgerentry`` append-only inside the database itself (ADR 0003).

Shared by the migration that installs the triggers and by the ``flush`` override, which lifts them on SQLite
for the one legitimate wipe (a test or development reset). PostgreSQL's ``TRUNCATE`` does not fire row
triggers, so there ``flush`` needs no help.
"""

from __future__ import annotations

from typing import Any

SQLITE_CREATE = [
    """CREATE TRIGGER IF NOT EXISTS core_ledgerentry_no_update BEFORE UPDATE ON core_ledgerentry
    BEGIN SELECT RAISE(ABORT, 'core_ledgerentry is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_ledgerentry_no_delete BEFORE DELETE ON core_ledgerentry
    BEGIN SELECT RAISE(ABORT, 'core_ledgerentry is append-only: DELETE refused'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS core_ledgerentry_no_update",
    "DROP TRIGGER IF EXISTS core_ledgerentry_no_delete",
]

POSTGRES_CREATE = [
    """CREATE OR REPLACE FUNCTION core_ledgerentry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'core_ledgerentry is append-only: % refused', TG_OP;
    END
    $$""",
    "DROP TRIGGER IF EXISTS core_ledgerentry_append_only ON core_ledgerentry",
    """CREATE TRIGGER core_ledgerentry_append_only BEFORE UPDATE OR DELETE ON core_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION core_ledgerentry_append_only()""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS core_ledgerentry_append_only ON core_ledgerentry",
    "DROP FUNCTION IF EXISTS core_ledgerentry_append_only()",
]


def _run(connection: Any, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install_ledger_triggers(connection: Any) -> None:
    """Create the triggers that abort UPDATE and DELETE on ledger rows (SQLite or PostgreSQL)."""
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_CREATE)
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_CREATE)


def remove_ledger_triggers(connection: Any) -> None:
    """Drop those triggers again (migration reversal, and SQLite ``flush``)."""
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_DROP)
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_DROP)
