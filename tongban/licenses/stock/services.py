"""Stock conversion (存量证照电子化): start an import from an uploaded file, and the chunked worker that runs it.

:func:`do_start_stock_import` refuses an unreadable file at once (type, encoding, header, size) and otherwise stores
it and queues :func:`run_stock_import` after commit. The worker checks every row, creates the good licences in
chunks of :data:`CHUNK_SIZE` (one transaction, one ``bulk_create``, one batch signature and one ledger entry per
chunk), and at the end writes the rejected rows with their reasons to an XLSX.

Idempotency: a licence is the same licence when its type, issuer, serial and version are (they make its
identifier), so a row whose identifier already exists is a duplicate, counted and not created again; a second
import of the same file creates nothing. Within one file the first row wins. The worker is restartable: each chunk
locks the import row, starts at ``processed_rows`` and commits its counters with its licences, so a crash loses at
most the chunk in flight and a second worker on the same import does no harm.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import logging
import os
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.core.errors import INVALID_STATE
from tongban.core.services import append_ledger_entry
from tongban.licenses.choices import HolderCategory, LicenseState, StockImportStatus
from tongban.licenses.events import LicenseLedgerAction
from tongban.licenses.identifier import build_identifier
from tongban.licenses.models import License, LicenseType, StockImport
from tongban.licenses.services import JWS_PURPOSE_LICENSE, license_claims
from tongban.licenses.stock import errors, parsing, workbooks
from tongban.licenses.stock.access import require_can_run_stock_import
from tongban.licenses.stock.events import StockImportLedgerAction
from tongban.licenses.stock.validation import BadRow, GoodRow, IssuerSpec, RowChecker, TypeSpec
from tongban.organizations.queries import fetch_departments

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
_CHUNK_ATTEMPTS = 3


def do_start_stock_import(uploaded_file: Any, *, actor: Any) -> StockImport:
    """Store an uploaded stock file as a pending import and queue its worker after commit.

    Only a data administrator may call it (``PERMISSION_DENIED``). The whole file is read and its header checked
    here, so a wrong type, an empty file, missing columns or an oversize file is refused at once with a Chinese
    message (``STOCK_IMPORT_*``) and nothing is stored. Ledger: ``license.stock_import_started`` with the file's
    SHA-256 and row count.
    """
    require_can_run_stock_import(actor)
    if uploaded_file is None:
        raise errors.STOCK_IMPORT_NO_FILE.error()
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > parsing.max_file_bytes():
        raise errors.STOCK_IMPORT_TOO_LARGE.error(
            errors.STOCK_IMPORT_TOO_LARGE.message % {"mb": f"{parsing.max_file_bytes() / (1024 * 1024):g}"}
        )
    uploaded_file.seek(0)
    data = uploaded_file.read(parsing.max_file_bytes() + 1)
    filename = os.path.basename(str(getattr(uploaded_file, "name", "") or "")) or "stock.csv"
    return _start(data, filename, actor=actor)


def import_stock_rows(rows: list[dict[str, Any]], *, actor: Any, filename: str = "stock.csv") -> StockImport:
    """Start an import of in-memory rows (the demo loader's entry point): each dict maps column name to value.

    The rows become a UTF-8 CSV with the union of their keys as header (fixed columns first) and go through
    :func:`do_start_stock_import`'s path, so they are checked, counted and recorded exactly like an upload.
    """
    keys: list[str] = [name for name in parsing.FIXED_COLUMNS if any(name in row for row in rows)]
    for row in rows:
        keys.extend(key for key in row if key not in keys)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(keys)
    for row in rows:
        writer.writerow([_csv_value(row.get(key, "")) for key in keys])
    return _start(buffer.getvalue().encode("utf-8"), filename, actor=actor)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _start(data: bytes, filename: str, *, actor: Any) -> StockImport:
    require_can_run_stock_import(actor)
    table = parsing.read_stock_file(data, filename)
    digest = hashlib.sha256(data).hexdigest()
    extension = ".xlsx" if table.kind == parsing.XLSX else ".csv"
    with transaction.atomic():
        stock_import = StockImport(
            filename=filename[:255],
            sha256=digest,
            status=StockImportStatus.PENDING,
            total_rows=len(table.rows),
            created_by=actor,
        )
        stock_import.file.save(f"stock-{digest[:16]}{extension}", ContentFile(data), save=False)
        stock_import.save()
        append_ledger_entry(
            actor=actor,
            action=StockImportLedgerAction.STARTED,
            obj=stock_import,
            data={"filename": stock_import.filename, "sha256": digest, "rows": len(table.rows)},
        )
        transaction.on_commit(lambda: _queue(stock_import.pk))
    return stock_import


def do_resume_stock_import(stock_import: StockImport, *, actor: Any) -> StockImport:
    """Queue a failed (or stalled) import again; the worker continues from ``processed_rows``.

    ``INVALID_STATE`` for a finished import. No ledger entry: resuming changes no licence, and the chunks it
    imports are recorded as they commit.
    """
    require_can_run_stock_import(actor)
    if stock_import.status == StockImportStatus.DONE:
        raise INVALID_STATE.error()
    with transaction.atomic():
        StockImport.objects.filter(pk=stock_import.pk).update(status=StockImportStatus.PENDING, error="")
        transaction.on_commit(lambda: _queue(stock_import.pk))
    stock_import.refresh_from_db()
    return stock_import


def _queue(import_id: int) -> None:
    from tongban.licenses.stock.tasks import process_stock_import

    try:
        process_stock_import.enqueue(import_id)
    except Exception:  # the upload committed; a broken queue leaves the import pending for a resume
        logger.exception("could not queue stock import %s", import_id)


@dataclass
class _Context:
    """What one run of the worker loads once: the parsed file, the row checker and the seals by department."""

    stock_import: StockImport
    table: parsing.StockTable
    checker: RowChecker
    license_types: dict[int, LicenseType]
    departments: dict[int, Any]
    seals: dict[int, Any]
    now: datetime.datetime


def run_stock_import(import_id: int) -> StockImport | None:
    """Work through an import from ``processed_rows`` to the end; idempotent and safe to run twice.

    A finished import is left alone. A failure marks the import ``failed`` with the error (the licences of the
    chunks already committed stay, and :func:`do_resume_stock_import` continues from there).
    """
    stock_import = StockImport.objects.select_related("created_by").filter(pk=import_id).first()
    if stock_import is None or stock_import.status == StockImportStatus.DONE:
        return stock_import
    try:
        context = _load(stock_import)
        StockImport.objects.filter(pk=import_id).exclude(status=StockImportStatus.DONE).update(
            status=StockImportStatus.RUNNING, total_rows=len(context.table.rows), error=""
        )
        while _run_chunk(context):
            pass
        _finish(context)
    except Exception as exc:
        logger.exception("stock import %s failed", import_id)
        StockImport.objects.filter(pk=import_id).exclude(status=StockImportStatus.DONE).update(
            status=StockImportStatus.FAILED, error=_failure_text(exc)
        )
    stock_import.refresh_from_db()
    return stock_import


def _failure_text(exc: Exception) -> str:
    message = getattr(exc, "message", None)
    if message is not None:
        return str(message)
    return _("导入过程中出现系统错误（%(kind)s），已导入的数据保留，可稍后继续导入。") % {
        "kind": type(exc).__name__
    }


def _load(stock_import: StockImport) -> _Context:
    with stock_import.file.open("rb") as handle:
        data = handle.read()
    table = parsing.read_stock_file(data, stock_import.filename)
    license_types = {license_type.pk: license_type for license_type in LicenseType.objects.all()}
    return _Context(
        stock_import=stock_import,
        table=table,
        checker=build_checker(license_types.values()),
        license_types=license_types,
        departments={},
        seals={},
        now=timezone.now(),
    )


def build_checker(license_types: Any = None, today: datetime.date | None = None) -> RowChecker:
    """A checker over the licence types (default: all) and every active department (loaded once)."""
    if license_types is None:
        license_types = LicenseType.objects.all()
    types = [TypeSpec.of(license_type) for license_type in license_types]
    issuers = [
        IssuerSpec(pk=department.pk, credit_code=department.credit_code, name=department.name)
        for department in fetch_departments()
    ]
    return RowChecker(types, issuers, today=today or timezone.localdate())


def _run_chunk(context: _Context) -> bool:
    """Process the next chunk; ``False`` when there was nothing left. Retried when a concurrent issue collides."""
    for attempt in range(_CHUNK_ATTEMPTS):
        try:
            return _chunk_once(context)
        except IntegrityError:
            # Another transaction created one of these licences between our look-up and our insert: the next
            # attempt sees it and counts it as a duplicate.
            if attempt == _CHUNK_ATTEMPTS - 1:
                raise
    return False  # pragma: no cover - the loop returns or raises


def _chunk_once(context: _Context) -> bool:
    table = context.table
    with transaction.atomic():
        locked = StockImport.objects.select_for_update().get(pk=context.stock_import.pk)
        start = locked.processed_rows
        if locked.status == StockImportStatus.DONE or start >= len(table.rows):
            return False
        end = min(start + CHUNK_SIZE, len(table.rows))
        good: list[tuple[GoodRow, str]] = []
        rejected = 0
        seen: set[str] = set()
        for index in range(start, end):
            result = context.checker.check(index, table.row_dict(index))
            if isinstance(result, BadRow):
                rejected += 1
                continue
            identifier = build_identifier(*result.key)
            if identifier in seen:
                continue
            seen.add(identifier)
            good.append((result, identifier))
        existing = set(
            License.objects.filter(identifier__in=[identifier for _row, identifier in good]).values_list(
                "identifier", flat=True
            )
        )
        new = [(row, identifier) for row, identifier in good if identifier not in existing]
        duplicates = (end - start) - rejected - len(new)
        if new:
            _create_licenses(context, locked, new, rows_range=(start, end))
        StockImport.objects.filter(pk=locked.pk).update(
            processed_rows=end,
            imported_count=locked.imported_count + len(new),
            duplicate_count=locked.duplicate_count + duplicates,
            rejected_count=locked.rejected_count + rejected,
        )
    return True


def _create_licenses(
    context: _Context,
    stock_import: StockImport,
    rows: list[tuple[GoodRow, str]],
    *,
    rows_range: tuple[int, int],
) -> None:
    """Create one chunk's licences: seals per department, one batch signature, one ``bulk_create``, one ledger."""
    from tongban.signing.services import ensure_seal, sign_jws_many

    actor = stock_import.created_by
    department_ids = {row.issuer.pk for row, _identifier in rows}
    missing = department_ids - context.departments.keys()
    if missing:
        for department in fetch_departments().filter(pk__in=missing):
            context.departments[department.pk] = department
    for pk in department_ids:
        if pk not in context.seals:
            context.seals[pk] = ensure_seal(context.departments[pk], actor=actor)
    licenses = [
        _license(
            row,
            identifier,
            stock_import,
            license_type=context.license_types[row.type.pk],
            department=context.departments[row.issuer.pk],
            seal=context.seals[row.issuer.pk],
        )
        for row, identifier in rows
    ]
    tokens = sign_jws_many(
        [license_claims(lic, now=context.now) for lic in licenses], actor=actor, purpose=JWS_PURPOSE_LICENSE
    )
    for lic, token in zip(licenses, tokens, strict=True):
        lic.payload = token
    License.objects.bulk_create(licenses, batch_size=CHUNK_SIZE)
    identifiers = sorted(lic.identifier for lic in licenses)
    append_ledger_entry(
        actor=actor,
        action=LicenseLedgerAction.STOCK_IMPORTED,
        obj=stock_import,
        data={
            "count": len(licenses),
            "rows": [rows_range[0] + 1, rows_range[1]],
            "identifiers_sha256": hashlib.sha256("\n".join(identifiers).encode()).hexdigest(),
            "types": sorted({lic.type.code for lic in licenses}),
        },
    )


def _license(
    row: GoodRow,
    identifier: str,
    stock_import: StockImport,
    *,
    license_type: LicenseType,
    department: Any,
    seal: Any,
) -> License:
    issued_at = timezone.make_aware(datetime.datetime.combine(row.issued_on, datetime.time.min))
    return License(
        identifier=identifier,
        type=license_type,
        issuer_code=row.issuer.credit_code,
        issuer_name=department.name,
        serial=row.serial,
        version=row.version,
        holder_category=row.holder_category,
        holder_name=row.holder_name,
        holder_id_number=row.holder_id_number if row.holder_category == HolderCategory.PERSON else "",
        holder_credit_code=row.holder_credit_code if row.holder_category == HolderCategory.ENTERPRISE else "",
        face=row.face,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        issued_at=issued_at,
        issuing_department=department,
        seal=seal,
        state=LicenseState.VALID,
        import_batch=stock_import,
    )


def _finish(context: _Context) -> None:
    """Write the rejected-rows file and mark the import done (once; a second worker finds it done)."""
    table = context.table
    rejected: list[tuple[int, list[Any], str]] = []
    for index in range(len(table.rows)):
        result = context.checker.check(index, table.row_dict(index))
        if isinstance(result, BadRow):
            rejected.append((table.lines[index], table.rows[index], result.reason))
    content = workbooks.rejected_workbook(table.headers, rejected) if rejected else b""
    with transaction.atomic():
        locked = (
            StockImport.objects.select_for_update()
            .select_related("created_by")
            .get(pk=context.stock_import.pk)
        )
        if locked.status == StockImportStatus.DONE:
            return
        if content:
            locked.rejected_file.save(f"rejected-{locked.pk}.xlsx", ContentFile(content), save=False)
        locked.status = StockImportStatus.DONE
        locked.finished_at = timezone.now()
        locked.save(update_fields=["rejected_file", "status", "finished_at"])
        append_ledger_entry(
            actor=locked.created_by,
            action=StockImportLedgerAction.FINISHED,
            obj=locked,
            data={
                "rows": locked.total_rows,
                "imported": locked.imported_count,
                "duplicates": locked.duplicate_count,
                "rejected": locked.rejected_count,
            },
        )
