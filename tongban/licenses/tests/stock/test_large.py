"""A 10,000-row file (ID numbers with computed check digits) imports completely in bulk."""

from __future__ import annotations

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.licenses.choices import StockImportStatus
from tongban.licenses.models import License
from tongban.licenses.stock import parsing, services
from tongban.licenses.tests.stock.helpers import csv_bytes, read_xlsx, row

ROWS = 10_000


@pytest.mark.slow
@time_machine.travel("2026-12-04 10:00 +0800", tick=False)
def test_a_ten_thousand_row_file_imports_completely(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    rows = [row(stock.issuer, n) for n in range(ROWS)]
    # Every 1000th row has a bad date; the last 10 rows repeat earlier serials.
    for n in range(0, ROWS, 1000):
        rows[n] = row(stock.issuer, n, **{parsing.COL_ISSUED_ON: "2020-02-30"})
    for n in range(ROWS - 10, ROWS):
        rows[n] = row(stock.issuer, n - 5000)
    data = csv_bytes(rows)
    with django_capture_on_commit_callbacks(execute=True):
        stock_import = services.do_start_stock_import(SimpleUploadedFile("big.csv", data), actor=stock.admin)
    stock_import.refresh_from_db()

    assert stock_import.status == StockImportStatus.DONE, stock_import.error
    assert stock_import.processed_rows == stock_import.total_rows == ROWS
    assert (stock_import.rejected_count, stock_import.duplicate_count) == (10, 10)
    assert stock_import.imported_count == ROWS - 20
    assert License.objects.filter(import_batch=stock_import).count() == ROWS - 20
    assert len(read_xlsx(stock_import.rejected_file.read())) == 11
