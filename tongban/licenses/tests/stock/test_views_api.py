"""The stock-import pages and API: upload, progress partial, downloads, refusals, and who may see them."""

from __future__ import annotations

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tongban.accounts.testing import make_citizen
from tongban.licenses.models import License, StockImport
from tongban.licenses.stock import parsing
from tongban.licenses.tests.stock.helpers import csv_bytes, read_xlsx, row

NOW = "2026-12-04 10:00 +0800"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _file(data: bytes, name: str = "存量.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


@time_machine.travel(NOW, tick=False)
def test_an_administrator_uploads_and_follows_the_import(stock, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    client = _client(stock.admin)
    page = client.get("/licenses/imports/")
    assert page.status_code == 200
    assert "证照类型代码" in page.content.decode() and 'id="stock-upload-form"' in page.content.decode()

    data = csv_bytes([row(stock.issuer, 1), row(stock.issuer, 2, **{parsing.COL_ISSUED_ON: "bad"})])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/licenses/imports/", {"file": _file(data)})
    stock_import = StockImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/licenses/imports/{stock_import.pk}/"

    detail = client.get(response["Location"]).content.decode()
    assert '<progress class="w-100" id="stock-progress-bar" max="2" value="2"' in detail
    assert "hx-trigger" not in detail  # done: no polling
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert partial.status_code == 286  # htmx stops polling
    assert "<html" not in partial.content.decode()
    assert 'id="stock-rejected-download"' in partial.content.decode()

    download = client.get(f"/licenses/imports/{stock_import.pk}/rejected.xlsx")
    assert download.status_code == 200
    rows = read_xlsx(download.content)
    assert rows[1][-2] == "颁发日期“bad”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）"
    assert License.objects.count() == 1


def test_a_running_import_polls(stock) -> None:  # type: ignore[no-untyped-def]
    stock_import = StockImport.objects.create(
        filename="a.csv",
        sha256="0" * 64,
        total_rows=10,
        processed_rows=4,
        status="running",
        created_by=stock.admin,
    )
    client = _client(stock.admin)
    page = client.get(f"/licenses/imports/{stock_import.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert '<meta http-equiv="refresh" content="2">' in page  # scripts off
    assert 'value="4"' in page and "已处理 4 / 10 行（40%）" in page
    assert client.get(f"/licenses/imports/{stock_import.pk}/", HTTP_HX_REQUEST="true").status_code == 200
    assert client.get(f"/licenses/imports/{stock_import.pk}/rejected.xlsx").status_code == 404


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "上传的文件是空的"),
        (b"%PDF-1.4 x", "a.pdf", "不支持该文件类型"),
        ("证照类型代码\r\nA\r\n".encode(), "a.csv", "文件缺少必需的列"),
    ],
)
def test_a_bad_upload_shows_a_chinese_error(stock, data, name, message) -> None:  # type: ignore[no-untyped-def]
    response = _client(stock.admin).post("/licenses/imports/", {"file": _file(data, name)})
    assert 400 <= response.status_code < 500
    assert message in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()
    assert not StockImport.objects.exists()


def test_an_oversize_upload_shows_a_chinese_error(stock, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_STOCK_IMPORT_MAX_BYTES = 50
    response = _client(stock.admin).post(
        "/licenses/imports/", {"file": _file(csv_bytes([row(stock.issuer)]))}
    )
    assert response.status_code == 413
    assert "文件太大" in response.content.decode()


def test_the_template_has_the_columns_and_the_type_face(stock) -> None:  # type: ignore[no-untyped-def]
    client = _client(stock.admin)
    plain = read_xlsx(client.get("/licenses/imports/template.xlsx").content)
    assert plain[0] == list(parsing.FIXED_COLUMNS)
    typed = client.get(f"/licenses/imports/template.xlsx?type={stock.person_type.code}")
    header = read_xlsx(typed.content)[0]
    assert header[: len(parsing.FIXED_COLUMNS)] == list(parsing.FIXED_COLUMNS)
    # PostgreSQL's jsonb does not keep the schema's key order: compare the face columns as a set.
    assert set(header[len(parsing.FIXED_COLUMNS) :]) == {"经营项目", "经营场所", "面积（平方米）"}
    assert client.get("/licenses/imports/template.xlsx?type=NOPE").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_the_api_uploads_reports_and_serves_the_rejected_rows(
    stock, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = _client(stock.admin)
    data = csv_bytes([row(stock.issuer, 1), row(stock.issuer, 2, **{parsing.COL_HOLDER_NAME: ""})])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/licenses/imports", {"file": _file(data)})
    assert response.status_code == 202, response.content
    import_id = response.json()["id"]
    body = client.get(f"/api/v1/licenses/imports/{import_id}").json()
    assert body["status"] == "done"
    assert (body["imported_count"], body["rejected_count"], body["percent"]) == (1, 1, 100)
    assert body["rejected_url"] == f"/api/v1/licenses/imports/{import_id}/rejected.xlsx"
    rejected = client.get(body["rejected_url"])
    assert rejected.status_code == 200
    assert read_xlsx(rejected.content)[1][-2] == "持证主体名称未填写"


def test_the_api_refuses_bad_files_with_stable_codes(stock) -> None:  # type: ignore[no-untyped-def]
    client = _client(stock.admin)
    assert client.post("/api/v1/licenses/imports", {}).json()["code"] == "STOCK_IMPORT_NO_FILE"
    response = client.post("/api/v1/licenses/imports", {"file": _file(b"\x00\x01", "a.csv")})
    assert (response.status_code, response.json()["code"]) == (415, "STOCK_IMPORT_FILE_TYPE")
    assert client.get("/api/v1/licenses/imports/999999").status_code == 404
    assert not StockImport.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "citizen", "approver"])
def test_nobody_else_sees_any_page_or_endpoint(stock, who) -> None:  # type: ignore[no-untyped-def]
    user = {"anonymous": None, "citizen": make_citizen(), "approver": stock.other_staff}[who]
    stock_import = StockImport.objects.create(
        filename="a.csv", sha256="0" * 64, status="done", created_by=stock.admin
    )
    client = _client(user)
    for url in (
        "/licenses/imports/",
        "/licenses/imports/template.xlsx",
        f"/licenses/imports/{stock_import.pk}/",
        f"/licenses/imports/{stock_import.pk}/rejected.xlsx",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post("/licenses/imports/", {"file": _file(csv_bytes([row(stock.issuer)]))}).status_code == 404
    )
    assert client.post(f"/licenses/imports/{stock_import.pk}/resume/").status_code == 404
    api_post = client.post("/api/v1/licenses/imports", {"file": _file(csv_bytes([row(stock.issuer)]))})
    assert api_post.status_code in (401, 403)
    assert client.get(f"/api/v1/licenses/imports/{stock_import.pk}").status_code in (401, 404)
    assert client.get(f"/api/v1/licenses/imports/{stock_import.pk}/rejected.xlsx").status_code in (401, 404)
    assert StockImport.objects.count() == 1
