"""Database-specific search structures (decision record 0006).

SQLite: an FTS5 table over the jieba-segmented text (``unicode61`` splits on the spaces jieba inserted).
PostgreSQL: pg_trgm, a generated ``search_vector`` column with a GIN index, and trigram indexes for substrings.
Each backend runs only its own statements; the other is a no-op.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalog_search_fts USING fts5(segmented, tokenize='unicode61')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS catalog_search_fts"]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE catalog_searchentry ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', segmented)) STORED",
    "CREATE INDEX catalog_searchentry_vector_gin ON catalog_searchentry USING gin (search_vector)",
    "CREATE INDEX catalog_searchentry_name_trgm ON catalog_searchentry USING gin (name gin_trgm_ops)",
    "CREATE INDEX catalog_searchentry_text_trgm ON catalog_searchentry USING gin (text gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalog_searchentry_text_trgm",
    "DROP INDEX IF EXISTS catalog_searchentry_name_trgm",
    "DROP INDEX IF EXISTS catalog_searchentry_vector_gin",
    "ALTER TABLE catalog_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
