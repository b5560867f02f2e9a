"""Data administrator journey: downloads the template, uploads a stock file with good, bad and duplicate rows,
watches the progress bar reach 100%, and downloads the rejected rows with their reasons."""

from __future__ import annotations

import io

import pytest


@pytest.fixture
def stock_admin(transactional_db, settings):  # type: ignore[no-untyped-def]
    from tongban.accounts.choices import Role
    from tongban.accounts.testing import make_department, make_region_tree, make_staff
    from tongban.licenses.services import do_define_license_type
    from tongban.licenses.tests.stock import helpers

    department = make_department("开封市市场监督管理局", "市场监管", make_region_tree().city)
    do_define_license_type(
        actor=None,
        code=helpers.TYPE_CODE,
        name="食品经营许可证（演示导入）",
        define_agency_name="河南省市场监督管理局",
        holder_category="person",
        face_schema=helpers.FACE_SCHEMA,
    )
    make_staff("stock_admin_e2e", Role.DATA_ADMIN, real_name="数据管理员")
    return department


def test_data_admin_imports_a_stock_file(page, live_server, login, axe, shot, stock_admin, tmp_path):  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from tongban.licenses.stock import parsing
    from tongban.licenses.tests.stock.helpers import csv_bytes, row

    issuer = stock_admin.credit_code
    rows = [row(issuer, n) for n in range(1, 41)]
    rows.append(row(issuer, 41, **{parsing.COL_ISSUED_ON: "2020-02-30"}))
    rows.append(row(issuer, 42, **{"经营项目": "批发"}))
    rows.append(row(issuer, 1))  # the same licence again
    path = tmp_path / "存量食品经营许可证.csv"
    path.write_bytes(csv_bytes(rows, encoding="gb18030"))

    login("stock_admin_e2e")
    page.goto(f"{live_server.url}/licenses/imports/")
    axe(page)
    assert "证照类型代码" in page.inner_text("#stock-columns")
    shot("stock-01-upload-page")

    # A wrong file type is refused with a Chinese message, nothing is imported.
    wrong = tmp_path / "照片.pdf"
    wrong.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.set_input_files("#id_file", str(wrong))
    page.click("#stock-upload-button")
    page.wait_for_load_state("networkidle")
    assert "不支持该文件类型" in page.inner_text("#error-summary")
    axe(page)

    page.set_input_files("#id_file", str(path))
    page.click("#stock-upload-button")
    page.wait_for_url(lambda url: "/licenses/imports/" in url and url.rstrip("/").split("/")[-1].isdigit())
    page.wait_for_selector('#stock-progress-card[data-status="done"]', timeout=60_000)
    bar = page.locator("#stock-progress-bar")
    assert bar.get_attribute("value") == bar.get_attribute("max") == "43"
    assert "100%" in page.inner_text("#stock-progress-text")
    assert page.inner_text("#stock-imported") == "40"
    assert page.inner_text("#stock-duplicates") == "1"
    assert page.inner_text("#stock-rejected") == "2"
    axe(page)
    shot("stock-02-progress-done")

    with page.expect_download() as info:
        page.click("#stock-rejected-download")
    workbook = load_workbook(io.BytesIO(info.value.path().read_bytes()), read_only=True)
    values = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    assert values[0][-2:] == ["原因", "原文件行号"]
    reasons = sorted(r[-2] for r in values[1:])
    assert reasons == [
        "照面项“经营项目”应为以下之一：食品销售、餐饮服务",
        "颁发日期“2020-02-30”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）",
    ]

    page.goto(f"{live_server.url}/licenses/imports/")
    assert page.locator("#stock-imports tbody tr").count() == 1
    axe(page)
    shot("stock-03-history")
