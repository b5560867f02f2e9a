"""The printed face of a licence (证照照面) as a PAdES-signed PDF, and the QR codes the pages show.

``license_pdf`` renders the face with WeasyPrint from the type's template, has ``signing`` sign it with the seal's
P-256 key (PAdES B-B) and caches the signed bytes in ``License.pdf``. A licence's face never changes after issue
(a correction issues a new version with its own PDF), so the cache never goes stale. Rendering takes about a
second, so it never runs inside the approval's transaction: the first download or a task after commit does it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone

from tongban.core.masking import mask_id_number
from tongban.licenses.choices import HolderCategory
from tongban.licenses.queries import face_rows

if TYPE_CHECKING:
    from tongban.licenses.models import License

FACE_TEMPLATE_DIR = "licenses/faces"
DEFAULT_FACE = "default"
LONG_TERM = "长期"  # 有效期限 of a licence without an end date, as printed on paper licences


def verification_url(token: str) -> str:
    """Absolute URL of the public verification page for a signed payload or presentation token (what the QR
    holds: a phone camera opens it)."""
    base = str(settings.TONGBAN_BASE_URL).rstrip("/")
    return f"{base}{reverse('verify:verify')}?{urlencode({'p': token})}"


def qr_svg(url: str, *, label: str, svg_id: str = "") -> str:
    """The QR code of ``url`` as inline SVG (segno) that scales to its container, with ``label`` as its
    accessible name. Error correction L keeps the long JWS URL readable at a small size."""
    svg = segno.make(url, error="l").svg_inline(
        scale=1, border=2, omitsize=True, svgid=svg_id or None, svgclass="tb-qr", title=label
    )
    # role="img" so assistive technology reads the <title> as the image's name rather than a group of paths.
    return svg.replace("<svg ", '<svg role="img" ', 1)


def holder_number(lic: License) -> str:
    """The holder's number as shown: a credit code in full (it is public), an ID number masked."""
    if lic.holder_category == HolderCategory.ENTERPRISE:
        return str(lic.holder_credit_code or "")
    return mask_id_number(lic.holder_id_number)


def validity_text(valid_from: date | None, valid_until: date | None) -> str:
    """``2026年12月4日至2031年12月3日``, or ``2026年12月4日至长期`` without an end date."""

    def day(d: date | None) -> str:
        return f"{d.year}年{d.month}月{d.day}日" if d else ""

    return f"{day(valid_from)}至{day(valid_until) if valid_until else LONG_TERM}"


def face_context(lic: License, *, with_qr: bool = True) -> dict[str, Any]:
    """Everything a face template shows, built from the licence row, its type and its seal (``with_qr=False``
    leaves out the QR code of the payload, which the web pages replace by the presentation QR)."""
    department = lic.issuing_department
    issuer = lic.issuer_name or (department.name if department else "")
    url = verification_url(lic.payload) if lic.payload and with_qr else ""
    return {
        "license": lic,
        "title": lic.type.name,
        "rows": face_rows(lic),
        "holder_name": lic.holder_name,
        "holder_number": holder_number(lic),
        "holder_is_enterprise": lic.holder_category == HolderCategory.ENTERPRISE,
        "validity": validity_text(lic.valid_from, lic.valid_until),
        "issuer": issuer,
        "issued_on": timezone.localtime(lic.issued_at).date() if lic.issued_at else None,
        "seal_svg": lic.seal.svg if lic.seal is not None else "",
        "qr_svg": qr_svg(url, label="证照核验二维码") if url else "",
        "verify_url": url,
        "demo": bool(lic.type.is_demo),
    }


def face_template_names(lic: License) -> list[str]:
    """The type's own face template first, then the default face."""
    names = []
    if lic.type.face_template:
        names.append(f"{FACE_TEMPLATE_DIR}/{lic.type.face_template}.html")
    names.append(f"{FACE_TEMPLATE_DIR}/{DEFAULT_FACE}.html")
    return names


def render_face_html(lic: License) -> str:
    """The face as an HTML document for WeasyPrint (an unknown template name falls back to the default face)."""
    return select_template(face_template_names(lic)).render(face_context(lic))


def render_face_pdf(lic: License) -> bytes:
    """The unsigned face PDF (A4, CJK fonts)."""
    from weasyprint import HTML  # lazily: loading Pango costs ~0.3 s and most processes never render

    return bytes(HTML(string=render_face_html(lic), base_url=str(settings.BASE_DIR)).write_pdf())


def pdf_name(lic: License) -> str:
    """The file name the cached PDF is stored (and downloaded) under."""
    return f"{lic.identifier}.pdf"


def license_pdf(lic: License, *, actor: Any) -> bytes:
    """The licence's signed PDF: the cached file, or render, sign (PAdES, the licence's seal) and cache it.

    Call it outside any transaction that must stay short (a download, or a task after commit): rendering and
    signing take about a second. Two first downloads at once may both render; each result is valid and the last
    one stays cached. The signature appends a ``signing`` ledger entry, so the first download is recorded.
    """
    if lic.pdf:
        try:
            with lic.pdf.open("rb") as cached:
                return bytes(cached.read())
        except FileNotFoundError:
            pass  # the file was removed from storage: render it again
    from tongban.signing import services as signing

    seal = lic.seal if lic.seal is not None else signing.ensure_seal(lic.issuing_department, actor=actor)
    signed = signing.sign_pdf(
        render_face_pdf(lic), seal=seal, actor=actor, reason=f"{lic.type.name} {lic.identifier}"
    )
    lic.pdf.save(pdf_name(lic), ContentFile(signed), save=False)
    lic.save(update_fields=["pdf"])
    return signed


__all__ = [
    "face_context",
    "face_rows",
    "license_pdf",
    "qr_svg",
    "render_face_html",
    "validity_text",
    "verification_url",
]
