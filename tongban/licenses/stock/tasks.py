"""Background job of the stock import (``django.tasks``; a django-tasks-db worker, or immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from tongban.licenses.stock.services import run_stock_import


@task()
def process_stock_import(import_id: int) -> dict[str, int | str]:
    """Run (or continue) stock import ``import_id`` to the end; idempotent, so a retry or a second run is harmless."""
    stock_import = run_stock_import(import_id)
    if stock_import is None:
        return {"status": "missing"}
    return {
        "status": stock_import.status,
        "processed": stock_import.processed_rows,
        "imported": stock_import.imported_count,
        "duplicates": stock_import.duplicate_count,
        "rejected": stock_import.rejected_count,
    }
