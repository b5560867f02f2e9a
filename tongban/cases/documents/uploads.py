"""Uploaded application materials: size and type limits decided by content, SHA-256, safe download responses.

ARCHITECTURE §5.5: a file's type is decided by sniffing its bytes (``filetype``), never by its name or the
browser's ``Content-Type``; a ``.pdf`` that is really an executable or an HTML page is refused. Files are stored
through Django storage (``CaseMaterial.file``) and served only by ``cases:material_download`` after an access
check, as attachments with ``nosniff``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import zipfile
from typing import Any

import filetype
from django.conf import settings
from django.http import FileResponse, Http404

from tongban.cases.errors import (
    UPLOAD_EMPTY,
    UPLOAD_EXTENSION_MISMATCH,
    UPLOAD_TOO_LARGE,
    UPLOAD_TYPE_NOT_ALLOWED,
)

logger = logging.getLogger(__name__)

PDF, JPEG, PNG, OFD, DOCX = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/ofd",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
# Allowed content types and the file-name extensions that may carry each.
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    JPEG: (".jpg", ".jpeg"),
    PNG: (".png",),
    OFD: (".ofd",),
    DOCX: (".docx",),
}
ACCEPT_ATTRIBUTE = ",".join(ext for exts in ALLOWED_TYPES.values() for ext in exts)
SNIFF_BYTES = 8192


def max_upload_bytes() -> int:
    """The configured per-file limit (``TONGBAN_UPLOAD_MAX_BYTES``)."""
    return int(settings.TONGBAN_UPLOAD_MAX_BYTES)


def max_upload_mb() -> str:
    """The limit in MB for messages and hints (``20``, or ``0.5`` for small test limits)."""
    mb = max_upload_bytes() / (1024 * 1024)
    return f"{mb:g}"


def _is_ofd(uploaded_file: Any) -> bool:
    """OFD (GB/T 33190) is a ZIP package whose root holds ``OFD.xml``."""
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as package:
            return "OFD.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        uploaded_file.seek(0)


def sniff_content_type(uploaded_file: Any) -> str:
    """The content type the bytes show, or ``""`` when it is not one of the allowed kinds."""
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else ""
    if mime in (PDF, JPEG, PNG):
        return mime
    if mime == DOCX:
        return DOCX
    if mime == "application/zip" and _is_ofd(uploaded_file):
        return OFD
    if mime == "application/zip":
        # filetype recognises DOCX only when word/ sits in the first bytes; look at the whole package.
        uploaded_file.seek(0)
        try:
            with zipfile.ZipFile(uploaded_file) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            names = []
        finally:
            uploaded_file.seek(0)
        if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            return DOCX
    return ""


def file_sha256(uploaded_file: Any) -> str:
    """SHA-256 of the whole file as lowercase hex (read in chunks; position reset afterwards)."""
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    if hasattr(uploaded_file, "chunks"):
        for chunk in uploaded_file.chunks():
            digest.update(chunk)
    else:
        for chunk in iter(lambda: uploaded_file.read(64 * 1024), b""):
            digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def check_upload(uploaded_file: Any) -> tuple[str, str]:
    """Validate one uploaded file and return ``(sha256, content_type)``.

    Raises a ``DomainError`` (``UPLOAD_EMPTY``, ``UPLOAD_TOO_LARGE``, ``UPLOAD_TYPE_NOT_ALLOWED``,
    ``UPLOAD_EXTENSION_MISMATCH``) with a Chinese message. The type comes from the bytes; the name's extension must
    agree with it, so a renamed executable or HTML page is refused and a downloaded file opens in the right program.
    """
    size = getattr(uploaded_file, "size", None)
    if size is None:
        uploaded_file.seek(0, io.SEEK_END)
        size = uploaded_file.tell()
        uploaded_file.seek(0)
    if not size:
        raise UPLOAD_EMPTY.error()
    if size > max_upload_bytes():
        raise UPLOAD_TOO_LARGE.error(UPLOAD_TOO_LARGE.message % {"mb": max_upload_mb()})
    content_type = sniff_content_type(uploaded_file)
    if not content_type:
        raise UPLOAD_TYPE_NOT_ALLOWED.error()
    extension = os.path.splitext(getattr(uploaded_file, "name", "") or "")[1].lower()
    if extension not in ALLOWED_TYPES[content_type]:
        raise UPLOAD_EXTENSION_MISMATCH.error()
    return file_sha256(uploaded_file), content_type


def download_response(field_file: Any, *, filename: str, content_type: str) -> FileResponse:
    """A response that makes the browser save the file: attachment, the recorded type, ``nosniff``, no caching."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        # The row survives but storage lost the file (restore without media, manual cleanup): a 404, not a 500.
        logger.error("stored file missing: %s", getattr(field_file, "name", field_file))
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename or os.path.basename(field_file.name),
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
