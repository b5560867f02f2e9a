"""Electronic licences as a case shows them (issue 9): the ones offered for its materials, the ones used, the
one it produced. Reads ``licenses.queries`` only (imported inside the functions: ``licenses`` reads ``cases``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import NoReverseMatch, reverse

if TYPE_CHECKING:
    from tongban.cases.models import Case, CaseMaterial
    from tongban.catalog.models import ItemVersion


def fetch_license_offers(
    version: ItemVersion, *, holder_user: Any, enterprise: Any = None
) -> dict[int, list[Any]]:
    """The holder's currently valid licences that may replace each material of ``version``: material id → licences.

    Materials without a ``license_type_code`` are left out; one query to ``licenses`` for all the types.
    """
    materials = [m for m in version.materials.all() if m.license_type_code]
    if not materials or holder_user is None or not getattr(holder_user, "is_authenticated", False):
        return {}
    from tongban.licenses import queries as license_queries

    codes = sorted({m.license_type_code for m in materials})
    licenses = list(license_queries.fetch_reusable_licenses(holder_user, codes, enterprise=enterprise))
    return {
        m.pk: [lic for lic in licenses if lic.type.code == m.license_type_code]
        for m in materials
        if any(lic.type.code == m.license_type_code for lic in licenses)
    }


def license_url(identifier: str) -> str:
    """The licence's page in the licences app (its holder and the issuing department may open it)."""
    try:
        return reverse("licenses:license_detail", args=[identifier])
    except NoReverseMatch:
        return f"/licenses/{identifier}/"


@dataclass
class UsedLicense:
    """A case material satisfied by an electronic licence, as the reviewer sees it: the verified face, not a scan.

    ``signature_valid`` and ``status`` come from verifying the stored signed payload now; ``revoked`` is true when
    the licence was revoked (before the decision, if the case is still open), which the page shows prominently.
    """

    row: CaseMaterial
    identifier: str
    found: bool
    type_name: str = ""
    holder_name: str = ""
    face: dict[str, Any] | None = None
    face_rows: list[tuple[str, Any]] | None = None
    signature_valid: bool = False
    status: str = ""
    status_label: str = ""
    valid_until: Any = None
    url: str = ""

    @property
    def revoked(self) -> bool:
        return self.status == "revoked"

    @property
    def usable(self) -> bool:
        return self.found and self.signature_valid and self.status == "valid"


def _face_rows(lic: Any, face: dict[str, Any]) -> list[tuple[str, Any]]:
    """The face as ``(title, shown value)``, titled and masked (ID and phone numbers) by the type's face schema."""
    from tongban.cases.formschema import display_rows

    try:
        rows = [
            item
            for _title, items in display_rows(lic.type.face_schema or {}, face, mask=True)
            for item in items
        ]
    except (AttributeError, KeyError, TypeError, ValueError):  # a face schema outside the form dialect
        rows = []
    return rows or [(str(name), str(value)) for name, value in face.items()]


def fetch_used_licenses(case: Case) -> list[UsedLicense]:
    """Every current material of ``case`` satisfied by a licence, with the licence verified as of now."""
    from tongban.licenses import queries as license_queries

    result = []
    for row in case.materials.filter(is_current=True).exclude(license_identifier="").order_by("id"):
        lic = license_queries.get_license(row.license_identifier)
        if lic is None:
            result.append(UsedLicense(row=row, identifier=row.license_identifier, found=False))
            continue
        check = license_queries.verify_payload(lic.payload)
        face = dict(check.face or lic.face or {})
        result.append(
            UsedLicense(
                row=row,
                identifier=lic.identifier,
                found=True,
                type_name=lic.type.name,
                holder_name=lic.holder_name,
                face=face,
                face_rows=_face_rows(lic, face),
                signature_valid=check.signature == "valid",
                status=str(check.status),
                status_label=str(check.status_label),
                valid_until=lic.valid_until,
                url=license_url(lic.identifier),
            )
        )
    return result


@dataclass
class ProducedLicense:
    """A licence the case's approval issued (办理结果), with a link to it."""

    identifier: str
    type_name: str
    status: str
    status_label: str
    url: str


def fetch_produced_licenses(case: Case) -> list[ProducedLicense]:
    """The licences issued for ``case`` (none unless its item version names a licence type)."""
    if not case.version.license_type_code:
        return []
    from tongban.licenses import queries as license_queries

    result = []
    for lic in license_queries.fetch_licenses_for_case(case):
        check = license_queries.verify_payload(lic.payload)
        result.append(
            ProducedLicense(
                identifier=lic.identifier,
                type_name=lic.type.name,
                status=str(check.status),
                status_label=str(check.status_label),
                url=license_url(lic.identifier),
            )
        )
    return result
