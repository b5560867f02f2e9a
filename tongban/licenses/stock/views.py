"""The data administrator's stock-import pages: upload and past imports, progress, rejected rows, the template.

Everyone who is not a data administrator gets 404 on every page (the pages do not exist for them). The progress
page polls its partial every second with HTMX (the partial answers 286 when the import is over, which stops the
polling) and refreshes itself with ``<meta http-equiv="refresh">`` when scripts are off.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tongban.core.errors import DomainError
from tongban.licenses.choices import StockImportStatus
from tongban.licenses.models import LicenseType, StockImport
from tongban.licenses.stock import access, parsing, services, workbooks
from tongban.licenses.stock.forms import StockImportUploadForm

FINAL = (StockImportStatus.DONE, StockImportStatus.FAILED)
# htmx stops polling an element when the answer has this status (and still swaps the content in).
HTMX_STOP_POLLING = 286


def _require_admin(request: HttpRequest) -> None:
    if not access.can_run_stock_import(request.user):
        raise Http404


def _import_or_404(request: HttpRequest, pk: int) -> StockImport:
    try:
        return access.access_stock_import_by_id(request.user, pk)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def progress_context(stock_import: StockImport) -> dict[str, Any]:
    """What the progress partial shows: the counts, the percentage, whether it is over, the download link."""
    total = stock_import.total_rows
    processed = min(stock_import.processed_rows, total) if total else stock_import.processed_rows
    percent = (
        100 if stock_import.status == StockImportStatus.DONE else (processed * 100 // total if total else 0)
    )
    return {
        "stock_import": stock_import,
        "status_label": StockImportStatus(stock_import.status).label,
        "processed": processed,
        "total": total,
        "percent": percent,
        "finished": stock_import.status in FINAL,
        "done": stock_import.status == StockImportStatus.DONE,
        "failed": stock_import.status == StockImportStatus.FAILED,
    }


def _type_choices() -> list[LicenseType]:
    return list(LicenseType.objects.order_by("code").only("pk", "code", "name", "face_schema"))


@require_http_methods(["GET", "POST"])
def stock_import_list(request: HttpRequest) -> HttpResponse:
    """The upload form, how to fill the file, and the past imports (newest first)."""
    _require_admin(request)
    form = StockImportUploadForm()
    error: dict[str, Any] | None = None
    status = 200
    if request.method == "POST":
        form = StockImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                stock_import = services.do_start_stock_import(form.cleaned_data["file"], actor=request.user)
            except DomainError as exc:
                error = {"code": exc.code, "message": str(exc.message), "fields": exc.fields}
                form.add_error("file", str(exc.message))
                status = exc.status
            else:
                return redirect("licenses:stock_import_detail", pk=stock_import.pk)
        else:
            status = 422
    page = Paginator(access.fetch_stock_imports_for_admin(request.user), 20).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "error": error,
        "page": page,
        "columns": workbooks.COLUMN_HELP,
        "license_types": _type_choices(),
        "max_mb": f"{parsing.max_file_bytes() / (1024 * 1024):g}",
        "max_rows": parsing.max_rows(),
    }
    return render(request, "licenses/stock_import_list.html", context, status=status)


@require_GET
def stock_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of one import; HTMX polls get only the progress partial (286 once it is over)."""
    stock_import = _import_or_404(request, pk)
    context = progress_context(stock_import)
    if request.headers.get("HX-Request") == "true":
        return render(
            request,
            "licenses/stock_import_progress.html",
            context,
            status=HTMX_STOP_POLLING if context["finished"] else 200,
        )
    return render(request, "licenses/stock_import_detail.html", context)


@require_POST
def stock_import_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Continue a failed import from the row it stopped at."""
    stock_import = _import_or_404(request, pk)
    with contextlib.suppress(DomainError):  # already finished: the progress page says so
        services.do_resume_stock_import(stock_import, actor=request.user)
    return redirect("licenses:stock_import_detail", pk=stock_import.pk)


@require_GET
def stock_import_rejected(request: HttpRequest, pk: int) -> HttpResponse:
    """The rejected rows with their reasons (XLSX), once the import is done."""
    stock_import = _import_or_404(request, pk)
    if stock_import.status != StockImportStatus.DONE or not stock_import.rejected_file:
        raise Http404(_("没有未导入的数据行。"))
    return rejected_response(stock_import)


def rejected_response(stock_import: StockImport) -> HttpResponse:
    """The rejected-rows file as an attachment (private, never cached)."""
    try:
        with stock_import.rejected_file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = HttpResponse(content, content_type=workbooks.XLSX_CONTENT_TYPE)
    filename = f"rejected-{stock_import.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def stock_import_template(request: HttpRequest) -> HttpResponse:
    """The blank import template; ``?type=<code>`` adds the face columns of that licence type."""
    _require_admin(request)
    code = str(request.GET.get("type", "") or "").strip().upper()[:21]
    face_columns: list[tuple[str, str]] = []
    filename = "stock-import-template.xlsx"
    if code:
        license_type = LicenseType.objects.filter(code=code).first()
        if license_type is None:
            raise Http404(_("找不到该证照类型。"))
        for key, prop in ((license_type.face_schema or {}).get("properties") or {}).items():
            face_columns.append((str(prop.get("title") or key), str(prop.get("description") or "")))
        filename = f"stock-import-template-{license_type.code}.xlsx"
    response = HttpResponse(
        workbooks.template_workbook(face_columns), content_type=workbooks.XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def detail_url(stock_import: StockImport) -> str:
    """The progress page of ``stock_import``."""
    return reverse("licenses:stock_import_detail", kwargs={"pk": stock_import.pk})
