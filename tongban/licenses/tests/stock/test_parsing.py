"""Reading stock files: encodings, XLSX cells, and the clear refusals of files that cannot be imported."""

from __future__ import annotations

import datetime

import pytest

from tongban.core.errors import DomainError
from tongban.licenses.stock import parsing
from tongban.licenses.tests.stock.helpers import HEADERS, csv_bytes, row, xlsx_bytes

ISSUER = "11410200MB0000001X"


def _code(data: bytes, name: str) -> str:
    with pytest.raises(DomainError) as caught:
        parsing.read_stock_file(data, name)
    return caught.value.code


def test_it_reads_utf8_csv_with_and_without_bom() -> None:
    data = csv_bytes([row(ISSUER, 1), row(ISSUER, 2)])
    for content in (data, b"\xef\xbb\xbf" + data):
        table = parsing.read_stock_file(content, "存量.csv")
        assert table.kind == parsing.CSV
        assert table.headers == list(HEADERS)
        assert len(table.rows) == 2
        assert table.lines == [2, 3]
        assert table.row_dict(0)[parsing.COL_HOLDER_NAME] == "测试持证人1"


def test_it_reads_gb18030_csv() -> None:
    table = parsing.read_stock_file(csv_bytes([row(ISSUER, 1)], encoding="gb18030"), "stock.CSV")
    assert table.row_dict(0)["经营场所"] == "开封市鼓楼区测试路1号"


def test_it_reads_typed_xlsx_cells_and_skips_blank_rows() -> None:
    cells = [row(ISSUER, 1)[name] for name in HEADERS]
    cells[5] = datetime.datetime(2020, 5, 1)  # a real Excel date
    cells[8] = 1  # 版本号 typed as a number
    data = xlsx_bytes([cells, [None] * len(HEADERS), cells])
    table = parsing.read_stock_file(data, "stock.xlsx")
    assert table.kind == parsing.XLSX
    assert table.lines == [2, 4]
    first = table.row_dict(0)
    assert first[parsing.COL_ISSUED_ON] == datetime.date(2020, 5, 1)
    assert first[parsing.COL_VERSION] == "1"


def test_it_accepts_alias_headers_and_required_marks() -> None:
    headers = ["证照类型代码*", "流水号", "持证主体名称", "持证主体代码", "颁发机构代码", "颁发日期"]
    data = csv_bytes([{}], headers=headers) + b"A,B,C,D,E,F\r\n"
    table = parsing.read_stock_file(data, "a.csv")
    assert table.columns[:2] == [parsing.COL_TYPE, parsing.COL_SERIAL]


def test_an_empty_file_is_refused() -> None:
    assert _code(b"", "a.csv") == "STOCK_IMPORT_EMPTY"
    assert _code(b"\r\n,,\r\n", "a.csv") == "STOCK_IMPORT_EMPTY"


def test_a_header_without_rows_is_refused() -> None:
    assert _code(csv_bytes([]), "a.csv") == "STOCK_IMPORT_NO_ROWS"


def test_missing_columns_are_named() -> None:
    with pytest.raises(DomainError) as caught:
        parsing.read_stock_file("证照类型代码,持证主体名称\r\nX,Y\r\n".encode(), "a.csv")
    assert caught.value.code == "STOCK_IMPORT_MISSING_COLUMNS"
    assert "证照编号、持证主体代码、颁发机构代码、颁发日期" in str(caught.value.message)
    assert caught.value.fields["columns"] == ["证照编号", "持证主体代码", "颁发机构代码", "颁发日期"]


def test_a_column_given_twice_is_refused() -> None:
    headers = [*HEADERS, "流水号"]
    assert _code(csv_bytes([row(ISSUER)], headers=headers), "a.csv") == "STOCK_IMPORT_BAD_HEADER"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.4\n", "a.pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.xls"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "a.csv"),
        ("证照类型代码\n".encode(), "a.xlsx"),  # text named .xlsx
        (b"PK\x03\x04not really a zip", "a.xlsx"),
    ],
)
def test_a_wrong_file_type_is_refused(content: bytes, name: str) -> None:
    assert _code(content, name) == "STOCK_IMPORT_FILE_TYPE"


def test_an_xlsx_named_csv_is_refused() -> None:
    assert _code(xlsx_bytes([]), "a.csv") == "STOCK_IMPORT_FILE_TYPE"


def test_an_oversize_file_is_refused(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_STOCK_IMPORT_MAX_BYTES = 100
    assert _code(csv_bytes([row(ISSUER)]), "a.csv") == "STOCK_IMPORT_TOO_LARGE"


def test_too_many_rows_are_refused(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_STOCK_IMPORT_MAX_ROWS = 2
    assert _code(csv_bytes([row(ISSUER, n) for n in range(3)]), "a.csv") == "STOCK_IMPORT_TOO_MANY_ROWS"


def test_an_undecodable_csv_is_refused() -> None:
    assert _code("证照类型代码\n".encode() + b"\xff\xff\xff\n", "a.csv") == "STOCK_IMPORT_UNREADABLE"


def test_cells_beyond_the_header_are_refused() -> None:
    data = csv_bytes([row(ISSUER)]) + ("," * len(HEADERS) + "extra\r\n").encode()
    assert _code(data, "a.csv") == "STOCK_IMPORT_UNREADABLE"
