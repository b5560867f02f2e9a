"""Make ``core_ledgerentry`` append-only in the database: triggers abort UPDATE and DELETE (SQLite, PostgreSQL)."""

from django.db import migrations

from tongban.core.dbtriggers import install_ledger_triggers, remove_ledger_triggers


def install(apps, schema_editor):
    install_ledger_triggers(schema_editor.connection)


def remove(apps, schema_editor):
    remove_ledger_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_seed_calendar_2024_2026")]

    operations = [migrations.RunPython(install, remove)]
