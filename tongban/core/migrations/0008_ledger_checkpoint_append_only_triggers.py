"""Make ``core_ledgercheckpoint`` append-only in the database, like the ledger itself (0003)."""

from django.db import migrations

from tongban.core.dbtriggers import install_checkpoint_triggers, remove_checkpoint_triggers


def install(apps, schema_editor):
    install_checkpoint_triggers(schema_editor.connection)


def remove(apps, schema_editor):
    remove_checkpoint_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0007_ledger_checkpoints")]

    operations = [migrations.RunPython(install, remove)]
