"""SQL that makes ``core_ledgerentry`` and ``core_ledgercheckpoint`` append-only inside the database (ADR 0003).

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


# The signed checkpoints get the same protection: deleting one must take dropping a trigger first.
CHECKPOINT_SQLITE_CREATE = [
    """CREATE TRIGGER IF NOT EXISTS core_ledgercheckpoint_no_update BEFORE UPDATE ON core_ledgercheckpoint
    BEGIN SELECT RAISE(ABORT, 'core_ledgercheckpoint is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_ledgercheckpoint_no_delete BEFORE DELETE ON core_ledgercheckpoint
    BEGIN SELECT RAISE(ABORT, 'core_ledgercheckpoint is append-only: DELETE refused'); END""",
]
CHECKPOINT_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS core_ledgercheckpoint_no_update",
    "DROP TRIGGER IF EXISTS core_ledgercheckpoint_no_delete",
]
CHECKPOINT_POSTGRES_CREATE = [
    """CREATE OR REPLACE FUNCTION core_ledgercheckpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'core_ledgercheckpoint is append-only: % refused', TG_OP;
    END
    $$""",
    "DROP TRIGGER IF EXISTS core_ledgercheckpoint_append_only ON core_ledgercheckpoint",
    """CREATE TRIGGER core_ledgercheckpoint_append_only BEFORE UPDATE OR DELETE ON core_ledgercheckpoint
    FOR EACH ROW EXECUTE FUNCTION core_ledgercheckpoint_append_only()""",
]
CHECKPOINT_POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS core_ledgercheckpoint_append_only ON core_ledgercheckpoint",
    "DROP FUNCTION IF EXISTS core_ledgercheckpoint_append_only()",
]


def _run(connection: Any, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _has_checkpoint_table(connection: Any) -> bool:
    # Migration 0003 installs the ledger's triggers before the checkpoint table exists (0007).
    return "core_ledgercheckpoint" in connection.introspection.table_names()


def install_ledger_triggers(connection: Any) -> None:
    """Create the triggers that abort UPDATE and DELETE on ledger rows and, once it exists, on checkpoint rows."""
    checkpoints = _has_checkpoint_table(connection)
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_CREATE + (CHECKPOINT_SQLITE_CREATE if checkpoints else []))
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_CREATE + (CHECKPOINT_POSTGRES_CREATE if checkpoints else []))


def remove_ledger_triggers(connection: Any) -> None:
    """Drop those triggers again (migration reversal, and SQLite ``flush``)."""
    checkpoints = _has_checkpoint_table(connection)
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_DROP + (CHECKPOINT_SQLITE_DROP if checkpoints else []))
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_DROP + (CHECKPOINT_POSTGRES_DROP if checkpoints else []))


def install_checkpoint_triggers(connection: Any) -> None:
    """Create only the checkpoint table's triggers (its migration)."""
    if connection.vendor == "sqlite":
        _run(connection, CHECKPOINT_SQLITE_CREATE)
    elif connection.vendor == "postgresql":
        _run(connection, CHECKPOINT_POSTGRES_CREATE)


def remove_checkpoint_triggers(connection: Any) -> None:
    """Drop only the checkpoint table's triggers (reversing its migration)."""
    if connection.vendor == "sqlite":
        _run(connection, CHECKPOINT_SQLITE_DROP)
    elif connection.vendor == "postgresql":
        _run(connection, CHECKPOINT_POSTGRES_DROP)
