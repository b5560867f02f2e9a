"""Upload checks: type by content, size limit, SHA-256, and safe download responses."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.cases.documents.uploads import DOCX, JPEG, OFD, PDF, PNG, check_upload, download_response
from tongban.core.errors import DomainError

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name in names:
            package.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("营业执照.pdf", PDF_BYTES, PDF),
        ("照片.png", PNG_BYTES, PNG),
        ("照片.JPG", JPEG_BYTES, JPEG),
        ("照片.jpeg", JPEG_BYTES, JPEG),
        ("申请书.docx", _zip(["[Content_Types].xml", "word/document.xml"]), DOCX),
        ("电子证照.ofd", _zip(["OFD.xml", "Doc_0/Document.xml"]), OFD),
    ],
)
def test_allowed_types_are_recognised_by_content(name, content, expected):
    sha, content_type = check_upload(
        SimpleUploadedFile(name, content, content_type="application/octet-stream")
    )
    assert content_type == expected
    assert sha == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("营业执照.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 300),  # a Windows executable
        ("营业执照.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 300),  # a Linux executable
        ("营业执照.pdf", b"<!doctype html><html><script>alert(1)</script></html>"),
        ("营业执照.pdf", b"just some text"),
        ("archive.pdf", _zip(["evil.exe"])),  # a plain zip is neither OFD nor DOCX
    ],
)
def test_a_file_whose_content_is_not_allowed_is_refused(name, content):
    with pytest.raises(DomainError) as exc:
        check_upload(SimpleUploadedFile(name, content, content_type="application/pdf"))
    assert exc.value.code == "UPLOAD_TYPE_NOT_ALLOWED"
    assert "不支持该文件类型" in str(exc.value.message)


def test_an_extension_that_contradicts_the_content_is_refused():
    with pytest.raises(DomainError) as exc:
        check_upload(SimpleUploadedFile("scan.pdf", PNG_BYTES))
    assert exc.value.code == "UPLOAD_EXTENSION_MISMATCH"


def test_an_empty_file_is_refused():
    with pytest.raises(DomainError) as exc:
        check_upload(SimpleUploadedFile("a.pdf", b""))
    assert exc.value.code == "UPLOAD_EMPTY"


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_message(settings):
    settings.TONGBAN_UPLOAD_MAX_BYTES = 1024 * 1024
    content = PDF_BYTES + b"0" * (1024 * 1024)
    with pytest.raises(DomainError) as exc:
        check_upload(SimpleUploadedFile("big.pdf", content))
    assert exc.value.code == "UPLOAD_TOO_LARGE" and exc.value.status == 413
    assert "1 MB" in str(exc.value.message)


def test_a_file_at_the_limit_is_accepted(settings):
    settings.TONGBAN_UPLOAD_MAX_BYTES = 2048
    content = PDF_BYTES + b"0" * (2048 - len(PDF_BYTES))
    assert check_upload(SimpleUploadedFile("ok.pdf", content))[1] == PDF


def test_the_download_response_is_an_attachment_with_nosniff():
    name = default_storage.save("cases/test/营业执照.pdf", ContentFile(PDF_BYTES))
    field_file = default_storage.open(name)
    response = download_response(field_file, filename="营业执照.pdf", content_type=PDF)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == PDF
    assert b"".join(response.streaming_content) == PDF_BYTES
    field_file.close()  # response.close() would fire request_finished outside a request


def test_a_download_whose_file_is_gone_from_storage_is_a_404_not_a_500(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile
    from django.http import Http404

    from tongban.cases.documents.uploads import download_response

    class _Field:
        storage = FileSystemStorage(location=str(tmp_path))

    missing = FieldFile(instance=None, field=_Field(), name="cases/gone.pdf")  # type: ignore[arg-type]
    with pytest.raises(Http404):
        download_response(missing, filename="gone.pdf", content_type="application/pdf")
