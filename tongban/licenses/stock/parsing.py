"""Reading a stock file (存量证照文件): CSV (UTF-8 with or without BOM, or GB18030) or XLSX, into header and rows.

The file's kind is decided by its bytes (an XLSX is a ZIP package with ``xl/``; a CSV is text without NUL bytes),
and its name's extension must agree, so a renamed spreadsheet or a binary is refused with a clear message instead
of being read as garbage. Nothing here touches the database: :mod:`tongban.licenses.stock.validation` checks the
rows, :mod:`tongban.licenses.stock.services` imports them.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from tongban.licenses.stock import errors

# The fixed columns (表头), in the order of the template. Face fields (照面信息) follow, one column each, named by
# the field's title or key in the licence type's face schema.
COL_TYPE = "证照类型代码"
COL_SERIAL = "证照编号"
COL_HOLDER_NAME = "持证主体名称"
COL_HOLDER_CODE = "持证主体代码"
COL_ISSUER = "颁发机构代码"
COL_ISSUED_ON = "颁发日期"
COL_VALID_FROM = "有效期起始"
COL_VALID_UNTIL = "有效期截止"
COL_VERSION = "版本号"
FIXED_COLUMNS = (
    COL_TYPE,
    COL_SERIAL,
    COL_HOLDER_NAME,
    COL_HOLDER_CODE,
    COL_ISSUER,
    COL_ISSUED_ON,
    COL_VALID_FROM,
    COL_VALID_UNTIL,
    COL_VERSION,
)
# Columns a file must have; the others default (有效期起始 = 颁发日期, 有效期截止 = 长期, 版本号 = 001).
REQUIRED_COLUMNS = (COL_TYPE, COL_SERIAL, COL_HOLDER_NAME, COL_HOLDER_CODE, COL_ISSUER, COL_ISSUED_ON)
# Other spellings of a fixed column that files exported from older systems use.
COLUMN_ALIASES = {
    "流水号": COL_SERIAL,
    "证照流水号": COL_SERIAL,
    "证照编号/流水号": COL_SERIAL,
    "证照版本号": COL_VERSION,
    "证照颁发机构代码": COL_ISSUER,
    "证照颁发日期": COL_ISSUED_ON,
}
REASON_COLUMN = "原因"
LINE_COLUMN = "原文件行号"

CSV, XLSX = "csv", "xlsx"
EXTENSIONS = {".csv": CSV, ".xlsx": XLSX}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls (BIFF) and other old Office files


def max_file_bytes() -> int:
    """The largest stock file accepted (``TONGBAN_STOCK_IMPORT_MAX_BYTES``, default the upload limit)."""
    return int(getattr(settings, "TONGBAN_STOCK_IMPORT_MAX_BYTES", settings.TONGBAN_UPLOAD_MAX_BYTES))


def max_rows() -> int:
    """The most data rows one file may hold (``TONGBAN_STOCK_IMPORT_MAX_ROWS``, default 50,000)."""
    return int(getattr(settings, "TONGBAN_STOCK_IMPORT_MAX_ROWS", 50_000))


@dataclass
class StockTable:
    """A parsed stock file: the header as written, the canonical column names, and the non-blank data rows.

    ``rows[i]`` holds the cells of data row ``i`` (padded to the header's width) and ``lines[i]`` its row number in
    the file (the header is row 1), which the rejected-rows file reports so a row can be found in the original.
    """

    kind: str
    headers: list[str]
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def row_dict(self, index: int) -> dict[str, Any]:
        """Data row ``index`` keyed by canonical column name (fixed columns) or header text (face columns)."""
        return dict(zip(self.columns, self.rows[index], strict=True))


def detect_kind(data: bytes, filename: str) -> str:
    """``csv`` or ``xlsx`` from the bytes, checked against the name's extension (``DomainError`` otherwise)."""
    extension = os.path.splitext(filename or "")[1].lower()
    if data.startswith(_OLE_MAGIC) or extension == ".xls":
        raise errors.STOCK_IMPORT_FILE_TYPE.error(
            _("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后重新上传。")
        )
    if data.startswith(_ZIP_MAGIC):
        kind = XLSX if _is_xlsx(data) else ""
    elif b"\x00" in data[:65536]:
        kind = ""
    else:
        kind = CSV
    if not kind or EXTENSIONS.get(extension) != kind:
        raise errors.STOCK_IMPORT_FILE_TYPE.error()
    return kind


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)


def read_stock_file(data: bytes, filename: str) -> StockTable:
    """Parse a whole stock file; raises a ``DomainError`` with a Chinese message for anything unreadable.

    Checks, in order: empty, too large, file type, encoding (CSV), header (required columns present, no column
    twice), at least one data row, at most :func:`max_rows` rows. Blank rows are skipped.
    """
    if not data:
        raise errors.STOCK_IMPORT_EMPTY.error()
    if len(data) > max_file_bytes():
        raise errors.STOCK_IMPORT_TOO_LARGE.error(
            errors.STOCK_IMPORT_TOO_LARGE.message % {"mb": f"{max_file_bytes() / (1024 * 1024):g}"}
        )
    kind = detect_kind(data, filename)
    raw_rows = _csv_rows(data) if kind == CSV else _xlsx_rows(data)
    header: list[Any] | None = None
    header_line = 0
    for line, cells in raw_rows:
        if any(_present(cell) for cell in cells):
            header, header_line = cells, line
            break
    if header is None:
        raise errors.STOCK_IMPORT_EMPTY.error()
    headers = _trim_trailing([clean_header(cell) for cell in header])
    columns = _canonical_columns(headers)
    table = StockTable(kind=kind, headers=headers, columns=columns)
    width = len(headers)
    limit = max_rows()
    for line, cells in raw_rows:
        if line <= header_line:
            continue
        if any(_present(normalize_cell(cell)) for cell in cells[width:]):
            raise errors.STOCK_IMPORT_UNREADABLE.error(
                _("第%(line)s行的内容超出了表头的列数，请检查是否多了分隔符或漏了表头。") % {"line": line}
            )
        values = [normalize_cell(cell) for cell in cells[:width]]
        if not any(_present(value) for value in values):
            continue
        values += [""] * (width - len(values))
        table.rows.append(values)
        table.lines.append(line)
        if len(table.rows) > limit:
            raise errors.STOCK_IMPORT_TOO_MANY_ROWS.error(
                errors.STOCK_IMPORT_TOO_MANY_ROWS.message % {"limit": limit}
            )
    if not table.rows:
        raise errors.STOCK_IMPORT_NO_ROWS.error()
    return table


def _canonical_columns(headers: list[str]) -> list[str]:
    columns: list[str] = []
    for position, text in enumerate(headers, start=1):
        if not text:
            raise errors.STOCK_IMPORT_BAD_HEADER.error(
                _("表头第%(n)s列为空，请为每一列填写列名（或删除该列）。") % {"n": position}
            )
        name = COLUMN_ALIASES.get(text, text)
        if name in columns:
            raise errors.STOCK_IMPORT_BAD_HEADER.error(
                _("表头中“%(name)s”出现了不止一次，请删除重复的列。") % {"name": name}
            )
        columns.append(name)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise errors.STOCK_IMPORT_MISSING_COLUMNS.error(
            errors.STOCK_IMPORT_MISSING_COLUMNS.message % {"columns": "、".join(missing)},
            fields={"columns": missing},
        )
    return columns


def _csv_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    text = decode_csv(data)
    try:
        return [(line, row) for line, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)]
    except csv.Error as exc:
        raise errors.STOCK_IMPORT_UNREADABLE.error(
            _("CSV 文件格式有误（%(detail)s），请检查引号是否成对。") % {"detail": exc}
        ) from exc


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a BOM is dropped), else GB18030 (Excel's 中文 CSV); refused otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise errors.STOCK_IMPORT_UNREADABLE.error(
        _("无法识别 CSV 文件的文字编码，请另存为 UTF-8 或 GB18030 编码后重新上传。")
    )


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    # Imported here: openpyxl takes a while to import and only XLSX files need it.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to its own InvalidFileException
        raise errors.STOCK_IMPORT_UNREADABLE.error() from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise errors.STOCK_IMPORT_EMPTY.error()
        rows: list[tuple[int, list[Any]]] = []
        try:
            for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((line, list(row)))
        except Exception as exc:  # a damaged sheet part
            raise errors.STOCK_IMPORT_UNREADABLE.error() from exc
        return rows
    finally:
        workbook.close()


def clean_header(cell: Any) -> str:
    """A header cell as text: trimmed, inner whitespace and a trailing ``*`` (required mark) removed."""
    text = "" if cell is None else str(cell)
    text = "".join(text.split()).rstrip("*＊")
    return text


def _trim_trailing(headers: list[str]) -> list[str]:
    while headers and not headers[-1]:
        headers.pop()
    return headers


def normalize_cell(cell: Any) -> Any:
    """A cell as the validator expects it: text trimmed, whole numbers as digits, dates as ``date``.

    XLSX cells come typed (``int``, ``float``, ``datetime``, ``bool``); a CSV cell is always text.
    """
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell).strip()


def _present(value: Any) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))
