"""Notice PDFs: rendered from the notice row with the case number and Chinese text, cached by notice id."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.core.files.storage import default_storage

from tongban.cases import services
from tongban.cases.documents.notices import cached_pdf_name, get_notice_pdf, render_notice_pdf, seal_svg
from tongban.cases.tests.factories import make_item, make_world, submitted_case

pytestmark = pytest.mark.django_db


def _text(pdf_bytes: bytes, tmp_path) -> str:
    # `make test` installs poppler-utils; without it this must fail, not skip (the check would silently vanish).
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run `make test` to install it"
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def world():
    return make_world()


def test_the_receipt_shows_the_case_number_query_code_and_chinese_text(world, tmp_path):
    case = submitted_case(world, make_item(world.scjg, name="食品经营许可"))
    receipt = case.notices.get(kind="receipt")
    text = _text(render_notice_pdf(receipt), tmp_path)
    assert case.number in text
    assert case.query_code in text
    assert "收件回执" in text and "开封市市场监督管理局" in text
    assert "410202199001010018" not in text.replace("\n", "")  # the ID number is masked


def test_the_correction_notice_lists_every_problem(world, tmp_path):
    case = submitted_case(world, make_item(world.scjg))
    material = case.materials.get()
    notice = services.do_request_correction(case, actor=world.clerk, problems=[(material, "复印件不清晰")])
    text = _text(render_notice_pdf(notice), tmp_path)
    assert "补正材料一次性告知书" in text
    assert "营业执照" in text and "复印件不清晰" in text
    assert case.number in text


def test_the_pdf_is_rendered_once_and_then_served_from_the_cache(world, monkeypatch):
    case = submitted_case(world, make_item(world.scjg))
    receipt = case.notices.get(kind="receipt")
    with get_notice_pdf(receipt) as first:
        content = first.read()
    assert content.startswith(b"%PDF")
    assert default_storage.exists(cached_pdf_name(receipt))

    def fail(_notice):
        raise AssertionError("rendered twice")

    monkeypatch.setattr("tongban.cases.documents.notices.render_notice_pdf", fail)
    with get_notice_pdf(receipt) as second:
        assert second.read() == content


def test_the_seal_carries_the_department_name_and_says_demo_in_demo_mode():
    svg = seal_svg("开封市公安局", demo=True)
    assert all(char in svg for char in "开封市公安局")
    assert "演示专用" in svg
    assert "演示" not in seal_svg("开封市公安局", demo=False)


def _pages(pdf_bytes: bytes, tmp_path) -> int:
    assert shutil.which("pdfinfo"), "pdfinfo (poppler-utils) is missing: run `make test` to install it"
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf_bytes)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_the_receipt_fits_on_one_page(world, tmp_path):
    from tongban.catalog.choices import MaterialNecessity

    materials = tuple(
        (f"申请材料第{i}项（法定代表人签字并加盖公章的复印件）", MaterialNecessity.REQUIRED) for i in range(8)
    )
    case = submitted_case(world, make_item(world.scjg, name="食品经营许可", materials=materials))
    receipt = case.notices.get(kind="receipt")
    assert _pages(render_notice_pdf(receipt), tmp_path) == 1


def test_the_acceptance_notice_of_an_immediate_item_says_it_is_finished_the_same_day(world, tmp_path):
    case = submitted_case(world, make_item(world.scjg, promised_days=0, legal_days=3))
    case = services.do_accept_case(case, actor=world.clerk)
    text = _text(render_notice_pdf(case.notices.get(kind="acceptance")), tmp_path).replace("\n", "")
    assert "即办件，受理当日办结" in text and "3 个工作日" not in text


def test_the_decision_document_number_matches_its_header(world, tmp_path):
    from tongban.cases.tests.helpers import walk_single

    case = walk_single(
        world, services.do_accept_case(submitted_case(world, make_item(world.scjg)), actor=world.clerk)
    )
    notice = case.notices.get(kind="decision")
    text = _text(render_notice_pdf(notice), tmp_path)
    compact = text.replace(" ", "")
    assert f"决定书编号：{notice.number}" in compact
    # Every document number printed (header and text) is the notice's own.
    assert compact.count(f"{case.number}-JD") == compact.count(notice.number) == 2
