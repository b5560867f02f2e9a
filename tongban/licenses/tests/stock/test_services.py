"""The import service and its worker: good, bad and duplicate rows, re-import, encodings, restart, ledger."""

from __future__ import annotations

import hashlib

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.core.validators import make_credit_code
from tongban.licenses.choices import LicenseState, StockImportStatus
from tongban.licenses.events import LicenseLedgerAction
from tongban.licenses.identifier import build_identifier, is_valid_identifier
from tongban.licenses.models import License, StockImport
from tongban.licenses.stock import parsing, services
from tongban.licenses.stock.events import StockImportLedgerAction
from tongban.licenses.tests.stock.helpers import HEADERS, csv_bytes, id_number, read_xlsx, row, xlsx_bytes

NOW = "2026-12-04 10:00 +0800"


def _upload(data: bytes, name: str = "存量证照.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def _run(capture, data: bytes, actor, name: str = "存量证照.csv") -> StockImport:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        stock_import = services.do_start_stock_import(_upload(data, name), actor=actor)
    stock_import.refresh_from_db()
    return stock_import


@time_machine.travel(NOW, tick=False)
def test_good_bad_and_duplicate_rows(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    issuer = stock.issuer
    bad_check = id_number(3)[:17] + ("0" if id_number(3)[17] != "0" else "1")
    unknown_type = make_credit_code("11410000MB7654321") + "009"
    unknown_issuer = make_credit_code("11410200MB0000009")
    rows = [
        row(issuer, 1),
        row(issuer, 2, **{parsing.COL_VALID_UNTIL: "", parsing.COL_ISSUED_ON: "20190301"}),
        row(issuer, 3, **{parsing.COL_HOLDER_CODE: bad_check}),
        row(issuer, 4, **{parsing.COL_ISSUED_ON: "2020-13-01"}),
        row(issuer, 5, **{parsing.COL_TYPE: unknown_type}),
        row(issuer, 6, **{"经营场所": ""}),
        row(issuer, 7, **{parsing.COL_ISSUER: unknown_issuer}),
        row(
            issuer, 1, **{parsing.COL_HOLDER_NAME: "同一证照再次出现"}
        ),  # same serial: a duplicate in the file
    ]
    stock_import = _run(django_capture_on_commit_callbacks, csv_bytes(rows), stock.admin)

    assert stock_import.status == StockImportStatus.DONE
    assert (stock_import.total_rows, stock_import.processed_rows) == (8, 8)
    assert (stock_import.imported_count, stock_import.duplicate_count, stock_import.rejected_count) == (
        2,
        1,
        5,
    )
    assert stock_import.finished_at is not None

    licenses = {lic.serial: lic for lic in License.objects.filter(import_batch=stock_import)}
    assert set(licenses) == {"JY00000001", "JY00000002"}
    first = licenses["JY00000001"]
    assert first.holder_name == "测试持证人1"  # the first row wins
    assert first.identifier == build_identifier(stock.person_type.code, issuer, "JY00000001", "001")
    assert is_valid_identifier(first.identifier)
    assert first.state == LicenseState.VALID
    assert first.holder_id_number == id_number(1)
    assert first.face == {"category": "retail", "address": "开封市鼓楼区测试路1号", "area": 35.5}
    assert first.issuing_department == stock.department
    assert first.seal is not None
    assert first.payload.count(".") == 2  # a compact JWS
    assert licenses["JY00000002"].valid_until is None  # 长期

    rejected = read_xlsx(stock_import.rejected_file.read())
    assert rejected[0] == [*HEADERS, "原因", "原文件行号"]
    reasons = {r[1]: (r[-2], r[-1]) for r in rejected[1:]}
    assert reasons == {
        "JY00000003": ("持证主体代码（公民身份号码）：居民身份证号码的校验位不正确，请核对后重新输入", 4),
        "JY00000004": ("颁发日期“2020-13-01”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）", 5),
        "JY00000005": (f"证照类型代码“{unknown_type}”不存在，请先定义该证照类型", 6),
        "JY00000006": ("照面信息缺少必填项“经营场所”", 7),
        "JY00000007": (f"颁发机构代码“{unknown_issuer}”不是本平台已登记的部门", 8),
    }
    assert rejected[1][3] == bad_check  # the original cell, as text

    started = LedgerEntry.objects.filter(
        action=StockImportLedgerAction.STARTED, object_id=str(stock_import.pk)
    )
    assert started.get().data["rows"] == 8
    chunk = LedgerEntry.objects.get(action=LicenseLedgerAction.STOCK_IMPORTED, object_id=str(stock_import.pk))
    identifiers = sorted(lic.identifier for lic in licenses.values())
    assert chunk.data["count"] == 2
    assert chunk.data["identifiers_sha256"] == hashlib.sha256("\n".join(identifiers).encode()).hexdigest()
    assert "测试持证人1" not in str(chunk.data)  # no personal data in the ledger
    assert (
        LedgerEntry.objects.filter(action="signing.signed").exists()
        or LedgerEntry.objects.filter(action__startswith="signing.").exists()
    )


@time_machine.travel(NOW, tick=False)
def test_importing_the_same_file_again_creates_nothing(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    data = csv_bytes(
        [row(stock.issuer, n) for n in range(1, 6)] + [row(stock.issuer, 9, **{parsing.COL_ISSUER: ""})]
    )
    first = _run(django_capture_on_commit_callbacks, data, stock.admin)
    imported_ledger = LedgerEntry.objects.filter(action=LicenseLedgerAction.STOCK_IMPORTED).count()
    second = _run(django_capture_on_commit_callbacks, data, stock.admin)

    assert (first.imported_count, first.duplicate_count, first.rejected_count) == (5, 0, 1)
    assert (second.imported_count, second.duplicate_count, second.rejected_count) == (0, 5, 1)
    assert License.objects.count() == 5
    assert not License.objects.filter(import_batch=second).exists()
    assert LedgerEntry.objects.filter(action=LicenseLedgerAction.STOCK_IMPORTED).count() == imported_ledger
    assert second.sha256 == first.sha256


@time_machine.travel(NOW, tick=False)
def test_a_gb18030_csv_imports(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    data = csv_bytes([row(stock.issuer, 1)], encoding="gb18030")
    stock_import = _run(django_capture_on_commit_callbacks, data, stock.admin)
    assert stock_import.imported_count == 1
    assert License.objects.get().face["address"] == "开封市鼓楼区测试路1号"


@time_machine.travel(NOW, tick=False)
def test_an_xlsx_with_real_dates_and_numbers_imports(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    import datetime

    values = row(stock.issuer, 1)
    cells = [values[name] for name in HEADERS]
    cells[HEADERS.index(parsing.COL_ISSUED_ON)] = datetime.datetime(2021, 3, 15)
    cells[HEADERS.index(parsing.COL_VALID_FROM)] = datetime.datetime(2021, 3, 15)
    cells[HEADERS.index(parsing.COL_VALID_UNTIL)] = datetime.datetime(2026, 3, 14)
    cells[HEADERS.index(parsing.COL_VERSION)] = 1
    cells[HEADERS.index("面积（平方米）")] = 20
    stock_import = _run(django_capture_on_commit_callbacks, xlsx_bytes([cells]), stock.admin, "stock.xlsx")
    assert stock_import.imported_count == 1, stock_import.error
    lic = License.objects.get()
    assert (lic.valid_from, lic.valid_until, lic.version) == (
        datetime.date(2021, 3, 15),
        datetime.date(2026, 3, 14),
        "001",
    )
    assert lic.face["area"] == 20


@time_machine.travel(NOW, tick=False)
def test_an_enterprise_licence_is_held_by_its_credit_code(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    code = make_credit_code("91410200MA9TEQ007")
    headers = [*parsing.FIXED_COLUMNS, "法定代表人"]
    values = row(
        stock.issuer, 1, **{parsing.COL_TYPE: stock.enterprise_type.code, parsing.COL_HOLDER_CODE: code}
    )
    values["法定代表人"] = "赵敏"
    stock_import = _run(django_capture_on_commit_callbacks, csv_bytes([values], headers=headers), stock.admin)
    assert stock_import.imported_count == 1
    lic = License.objects.get()
    assert (lic.holder_category, lic.holder_credit_code, lic.holder_id_number) == ("enterprise", code, "")


@time_machine.travel(NOW, tick=False)
def test_the_worker_continues_from_processed_rows(
    stock, django_capture_on_commit_callbacks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(services, "CHUNK_SIZE", 2)
    data = csv_bytes([row(stock.issuer, n) for n in range(1, 6)])
    stock_import = services.do_start_stock_import(_upload(data), actor=stock.admin)  # not run: no commit here
    context = services._load(stock_import)
    assert services._run_chunk(context) is True  # one chunk, then the worker "crashes"
    stock_import.refresh_from_db()
    assert (stock_import.processed_rows, stock_import.imported_count) == (2, 2)

    finished = services.run_stock_import(stock_import.pk)
    assert finished is not None
    assert (finished.status, finished.processed_rows, finished.imported_count) == (
        StockImportStatus.DONE,
        5,
        5,
    )
    assert License.objects.count() == 5
    assert not finished.rejected_file  # nothing rejected, no file
    # A third run of a finished import does nothing.
    assert services.run_stock_import(stock_import.pk).imported_count == 5  # type: ignore[union-attr]
    assert LedgerEntry.objects.filter(action=LicenseLedgerAction.STOCK_IMPORTED).count() == 3


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "a.csv", "STOCK_IMPORT_EMPTY"),
        (b"%PDF-1.4 fake", "a.pdf", "STOCK_IMPORT_FILE_TYPE"),
        ("证照类型代码,持证主体名称\r\nA,B\r\n".encode(), "a.csv", "STOCK_IMPORT_MISSING_COLUMNS"),
    ],
)
def test_an_unusable_file_is_refused_and_nothing_is_stored(stock, data, name, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        services.do_start_stock_import(_upload(data, name), actor=stock.admin)
    assert caught.value.code == code
    assert not StockImport.objects.exists()
    assert not LedgerEntry.objects.filter(action=StockImportLedgerAction.STARTED).exists()


def test_only_a_data_administrator_may_import(stock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        services.do_start_stock_import(_upload(csv_bytes([row(stock.issuer)])), actor=stock.other_staff)
    assert caught.value.code == "PERMISSION_DENIED"
    assert not StockImport.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_import_stock_rows_takes_dicts(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        stock_import = services.import_stock_rows(
            [row(stock.issuer, n) for n in range(1, 4)], actor=stock.admin
        )
    stock_import.refresh_from_db()
    assert (stock_import.status, stock_import.imported_count) == (StockImportStatus.DONE, 3)
