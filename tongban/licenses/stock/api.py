"""``/api/v1/licenses/imports``: a data administrator uploads a stock file and follows its import.

``POST`` answers 202 at once (the rows are checked and imported by a background task); poll ``GET /{id}`` until
``status`` is ``done`` (or ``failed``), then fetch ``GET /{id}/rejected.xlsx`` when ``rejected_count`` is not 0.
Anyone who is not a data administrator gets 403 on the upload and 404 on every import.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from tongban.accounts.auth import api_auth
from tongban.core.api_schemas import ERROR_RESPONSES
from tongban.core.errors import NOT_FOUND
from tongban.licenses.choices import StockImportStatus
from tongban.licenses.models import StockImport
from tongban.licenses.stock import access, errors, services, workbooks

router = Router(tags=["licenses"])


class LicenseStockImportSchema(Schema):
    """One stock import (存量证照导入): its file, status and counts; ``rejected_url`` once there are rejected rows."""

    id: int
    filename: str
    sha256: str
    status: str
    status_label: str
    total_rows: int
    processed_rows: int
    imported_count: int
    duplicate_count: int
    rejected_count: int
    percent: int
    error: str
    created_at: datetime
    finished_at: datetime | None
    rejected_url: str | None


def _caller(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _schema(stock_import: StockImport) -> LicenseStockImportSchema:
    done = stock_import.status == StockImportStatus.DONE
    total = stock_import.total_rows
    percent = 100 if done else (min(stock_import.processed_rows, total) * 100 // total if total else 0)
    rejected_url = None
    if done and stock_import.rejected_file:
        try:
            rejected_url = reverse("api:license_stock_import_rejected", kwargs={"import_id": stock_import.pk})
        except NoReverseMatch:  # the router is not mounted under the API's namespace (a bare test API)
            rejected_url = None
    return LicenseStockImportSchema(
        id=stock_import.pk,
        filename=stock_import.filename,
        sha256=stock_import.sha256,
        status=stock_import.status,
        status_label=str(StockImportStatus(stock_import.status).label),
        total_rows=total,
        processed_rows=stock_import.processed_rows,
        imported_count=stock_import.imported_count,
        duplicate_count=stock_import.duplicate_count,
        rejected_count=stock_import.rejected_count,
        percent=percent,
        error=stock_import.error,
        created_at=stock_import.created_at,
        finished_at=stock_import.finished_at,
        rejected_url=rejected_url,
    )


@router.post(
    "",
    response={202: LicenseStockImportSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="导入存量证照（上传 CSV 或 XLSX）",
)
def start_stock_import(
    request: HttpRequest,
    file: UploadedFile = File(None),  # noqa: B008 - django-ninja's declaration style
) -> tuple[int, LicenseStockImportSchema]:
    """Upload a stock file (multipart field ``file``; CSV in UTF-8 or GB18030, or XLSX) for a background import.

    The file is refused at once when it cannot be imported: 422 ``STOCK_IMPORT_NO_FILE``, ``STOCK_IMPORT_EMPTY``,
    ``STOCK_IMPORT_NO_ROWS``, ``STOCK_IMPORT_MISSING_COLUMNS``, ``STOCK_IMPORT_BAD_HEADER``,
    ``STOCK_IMPORT_UNREADABLE``, ``STOCK_IMPORT_TOO_MANY_ROWS``; 415 ``STOCK_IMPORT_FILE_TYPE``; 413
    ``STOCK_IMPORT_TOO_LARGE``. Rows with problems do not refuse the file: they are counted as rejected and listed
    with their reasons in ``rejected.xlsx``. Importing the same file again creates no duplicates.
    """
    user = _caller(request)
    access.require_can_run_stock_import(user)
    if file is None:
        raise errors.STOCK_IMPORT_NO_FILE.error()
    stock_import = services.do_start_stock_import(file, actor=user)
    stock_import.refresh_from_db()
    return 202, _schema(stock_import)


@router.get(
    "/{import_id}",
    response={200: LicenseStockImportSchema, **ERROR_RESPONSES},
    auth=api_auth,
    summary="存量证照导入进度",
    url_name="license_stock_import",
)
def get_stock_import(request: HttpRequest, import_id: int) -> LicenseStockImportSchema:
    """Status and counts of one import (``processed_rows`` of ``total_rows``)."""
    return _schema(access.access_stock_import_by_id(_caller(request), import_id))


@router.get(
    "/{import_id}/rejected.xlsx",
    response=ERROR_RESPONSES,
    auth=api_auth,
    summary="下载未导入的数据行（XLSX）",
    url_name="license_stock_import_rejected",
    openapi_extra={
        "responses": {
            200: {"description": "原文件的列加“原因”列", "content": {workbooks.XLSX_CONTENT_TYPE: {}}}
        }
    },
)
def get_stock_import_rejected(request: HttpRequest, import_id: int) -> HttpResponse:
    """The rejected rows: the file's own columns, then 原因 (the reason) and 原文件行号 (the row in the file).

    409 ``STOCK_IMPORT_NOT_DONE`` while the import runs; 404 when it is done and no row was rejected.
    """
    stock_import = access.access_stock_import_by_id(_caller(request), import_id)
    if stock_import.status != StockImportStatus.DONE:
        raise errors.STOCK_IMPORT_NOT_DONE.error()
    if not stock_import.rejected_file:
        raise NOT_FOUND.error()
    try:
        with stock_import.rejected_file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:  # storage lost the file (a restore without media): not found, not a 500
        raise NOT_FOUND.error() from None
    response = HttpResponse(content, content_type=workbooks.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="rejected-{stock_import.pk}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
