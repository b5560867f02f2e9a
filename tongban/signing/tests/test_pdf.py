"""PAdES signing: the signed PDF validates in pyHanko and in poppler's pdfsig (NSS trusting only the platform root),
and one changed byte inside the signed range makes both report it invalid.

No frozen time here: ``pdfsig`` runs in its own process on the real clock, and every date in the certificates is
relative to the moment they are made.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.signing import queries, services
from tongban.signing.events import SigningLedgerAction as Action
from tongban.signing.tests.factories import make_pdf, make_system_admin

pytestmark = pytest.mark.django_db
PDFSIG = shutil.which("pdfsig") or "/usr/bin/pdfsig"
CERTUTIL = shutil.which("certutil") or "/usr/bin/certutil"


@pytest.fixture
def signed(tmp_path):  # type: ignore[no-untyped-def]
    admin = make_system_admin()
    seal = services.ensure_seal(None, actor=admin)
    data = services.sign_pdf(make_pdf(), seal=seal, actor=admin, reason="电子证照签发")
    return seal, data


def _root() -> asn1_x509.Certificate:
    _type, _headers, der = pem.unarmor(queries.root_certificate_pem().encode())
    return asn1_x509.Certificate.load(der)


def _pyhanko_status(data: bytes):  # type: ignore[no-untyped-def]
    reader = PdfFileReader(BytesIO(data))
    (embedded,) = reader.embedded_signatures
    return validate_pdf_signature(embedded, ValidationContext(trust_roots=[_root()]))


def _signed_range_offset(data: bytes) -> int:
    """An offset inside the first signed byte range, in the page content (well before the signature)."""
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert match is not None
    start, length = int(match.group(1)), int(match.group(2))
    offset = data.index(b"stream", start) + 20
    assert start <= offset < start + length
    return offset


def _tamper(data: bytes) -> bytes:
    changed = bytearray(data)
    offset = _signed_range_offset(data)
    changed[offset] ^= 0x01
    return bytes(changed)


def test_the_signed_pdf_is_intact_valid_and_trusted_in_pyhanko(signed) -> None:  # type: ignore[no-untyped-def]
    seal, data = signed
    status = _pyhanko_status(data)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == seal.name
    assert status.md_algorithm == "sha256"
    assert status.signer_reported_dt is not None  # the signing time (PAdES B-B)


def test_signing_writes_a_ledger_entry_with_hashes(signed) -> None:  # type: ignore[no-untyped-def]
    seal, data = signed
    entry = LedgerEntry.objects.get(action=Action.PDF_SIGNED)
    assert entry.data["seal"] == seal.name and entry.data["reason"] == "电子证照签发"
    assert entry.data["field"] == "Seal1" and entry.data["signed_sha256"] == hashlib.sha256(data).hexdigest()


def test_a_changed_byte_is_reported_by_pyhanko(signed) -> None:  # type: ignore[no-untyped-def]
    _seal, data = signed
    status = _pyhanko_status(_tamper(data))
    # ``valid`` alone is the signature over the signed attributes (still true); ``intact`` is the document
    # digest they carry, and ``bottom_line`` is the verdict.
    assert not status.intact and not status.bottom_line


def test_a_second_signature_gets_its_own_field(signed) -> None:  # type: ignore[no-untyped-def]
    seal, data = signed
    twice = services.sign_pdf(data, seal=seal, actor=None, reason="再次签章")
    reader = PdfFileReader(BytesIO(twice))
    assert [s.field_name for s in reader.embedded_signatures] == ["Seal1", "Seal2"]


def test_a_file_that_is_not_a_pdf_is_refused_without_a_ledger_entry(signed) -> None:  # type: ignore[no-untyped-def]
    seal, _data = signed
    before = LedgerEntry.objects.count()
    with pytest.raises(DomainError) as info:
        services.sign_pdf(b"not a pdf at all", seal=seal, actor=None, reason="x")
    assert info.value.code == "SIGNING_PDF_UNREADABLE" and LedgerEntry.objects.count() == before


@pytest.fixture
def nss_db(tmp_path: Path, signed) -> Path:  # type: ignore[no-untyped-def]
    """An NSS database that trusts the platform root, and nothing else, for signing certificates."""
    if not (Path(PDFSIG).exists() and Path(CERTUTIL).exists()):
        pytest.fail("pdfsig (poppler-utils) and certutil (libnss3-tools) are required: scripts/bootstrap.sh")
    db = tmp_path / "nss"
    db.mkdir()
    (tmp_path / "root.pem").write_text(queries.root_certificate_pem())
    subprocess.run([CERTUTIL, "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(
        [
            CERTUTIL,
            "-A",
            "-d",
            f"sql:{db}",
            "-n",
            "tongban-root",
            "-t",
            "C,C,C",
            "-a",
            "-i",
            str(tmp_path / "root.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return db


def _pdfsig(tmp_path: Path, db: Path, data: bytes) -> str:
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        [PDFSIG, "-nssdir", f"sql:{db}", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return result.stdout + result.stderr


def test_pdfsig_reports_a_valid_signature_and_a_trusted_certificate(tmp_path, nss_db, signed) -> None:  # type: ignore[no-untyped-def]
    _seal, data = signed
    report = _pdfsig(tmp_path, nss_db, data)
    assert "Signature is Valid" in report, report
    assert "Certificate is Trusted" in report, report


def test_pdfsig_reports_a_changed_byte_as_invalid(tmp_path, nss_db, signed) -> None:  # type: ignore[no-untyped-def]
    _seal, data = signed
    report = _pdfsig(tmp_path, nss_db, _tamper(data))
    assert "Signature is Valid" not in report, report
    assert "Digest Mismatch" in report or "Invalid" in report, report


def test_pyhankos_synchronous_signing_runs_even_where_an_event_loop_runs() -> None:
    """pyHanko's synchronous API calls asyncio.run, which fails in a thread that already runs a loop (an ASGI
    worker, a test thread driving a browser); ``sign_pdf`` then signs in a helper thread."""
    import asyncio

    from tongban.signing.services import _outside_event_loop

    async def inner() -> str:
        return "signed"

    def work() -> str:  # what pyHanko's sync wrapper does
        return asyncio.run(inner())

    async def caller() -> str:
        with pytest.raises(RuntimeError):
            work()
        return _outside_event_loop(work)  # type: ignore[no-any-return]

    assert asyncio.run(caller()) == "signed"
    assert _outside_event_loop(work) == "signed"  # and plainly where no loop runs
