"""Django's ``flush``, made aware of the append-only ledger triggers.

On SQLite ``flush`` empties tables with ``DELETE``, which the ledger's delete trigger refuses; this override drops
the triggers for the duration of the flush and reinstalls them afterwards (ADR 0003). On PostgreSQL ``flush`` uses
``TRUNCATE``, which row triggers do not see, so nothing changes there. Test databases are flushed between
transactional tests, which is why this exists.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections

from tongban.core.dbtriggers import install_ledger_triggers, remove_ledger_triggers


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite" or "core_ledgerentry" not in connection.introspection.table_names():
            super().handle(**options)
            return
        remove_ledger_triggers(connection)
        try:
            super().handle(**options)
        finally:
            install_ledger_triggers(connection)
