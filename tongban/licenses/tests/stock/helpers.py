"""Building stock files for the tests: rows with valid codes, written as CSV (UTF-8, GB18030) or XLSX."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Sequence
from typing import Any

from stdnum.cn import ric

from tongban.core.validators import make_credit_code
from tongban.licenses.stock import parsing

# 食品经营许可证-like type defined by a (fictitious) provincial agency: person holders for the tests.
TYPE_CODE = make_credit_code("11410000MB1234567") + "001"
ENTERPRISE_TYPE_CODE = make_credit_code("11410000MB1234567") + "002"
FACE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "category": {
            "type": "string",
            "title": "经营项目",
            "enum": ["retail", "catering"],
            "x-enum-labels": ["食品销售", "餐饮服务"],
        },
        "address": {"type": "string", "title": "经营场所", "maxLength": 100},
        "area": {"type": "number", "title": "面积（平方米）", "minimum": 0},
    },
    "required": ["category", "address"],
}
ENTERPRISE_FACE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"legal_representative": {"type": "string", "title": "法定代表人", "maxLength": 50}},
    "required": ["legal_representative"],
}
FACE_HEADERS = ("经营项目", "经营场所", "面积（平方米）")
HEADERS = (*parsing.FIXED_COLUMNS, *FACE_HEADERS)


def id_number(n: int, *, region: str = "410202", birth: str = "19800101") -> str:
    """The ``n``-th valid 居民身份证号码 (sequence digits from ``n``, check digit computed, GB 11643)."""
    body = f"{region}{birth}{n % 1000:03d}"
    if n >= 1000:  # vary the birth date too so 10,000 numbers stay distinct
        day = datetime.date(1980, 1, 1) + datetime.timedelta(days=n // 1000)
        body = f"{region}{day:%Y%m%d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def row(issuer: str, n: int = 1, **overrides: Any) -> dict[str, Any]:
    """A good row of :data:`TYPE_CODE` for issuer ``issuer`` (credit code); override any column by name."""
    values: dict[str, Any] = {
        parsing.COL_TYPE: TYPE_CODE,
        parsing.COL_SERIAL: f"JY{n:08d}",
        parsing.COL_HOLDER_NAME: f"测试持证人{n}",
        parsing.COL_HOLDER_CODE: id_number(n),
        parsing.COL_ISSUER: issuer,
        parsing.COL_ISSUED_ON: "2020-05-01",
        parsing.COL_VALID_FROM: "2020-05-01",
        parsing.COL_VALID_UNTIL: "2025-04-30",
        parsing.COL_VERSION: "001",
        "经营项目": "食品销售",
        "经营场所": f"开封市鼓楼区测试路{n}号",
        "面积（平方米）": "35.5",
    }
    values.update(overrides)
    return values


def csv_bytes(
    rows: Sequence[dict[str, Any]], *, headers: Sequence[str] = HEADERS, encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for values in rows:
        writer.writerow([values.get(name, "") for name in headers])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[Any]], *, headers: Sequence[str] = HEADERS) -> bytes:
    """An XLSX whose first sheet has ``headers`` and ``rows`` (cells as given: dates, numbers, text)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for cells in rows:
        sheet.append(list(cells))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_xlsx(data: bytes) -> list[list[Any]]:
    """Every row of the first sheet of an XLSX as values."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [list(values) for values in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
