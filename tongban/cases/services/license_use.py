"""Electronic licences in a case (issue 9): used instead of an upload (免证可办), issued with an approval.

``licenses`` owns the licences; this module only calls its services and queries (ADR 0013). They are imported
inside the functions because ``licenses`` itself reads ``cases`` (a licence names its source case).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.services._kernel import append_case_ledger, lock_case, resolve_now, signed_in_user

if TYPE_CHECKING:
    from tongban.catalog.models import Material


def license_holder(case: Case, actor: Any) -> tuple[Any, Any]:
    """Whose licences ``actor`` may use for the case's materials online: ``(holder user, enterprise or None)``.

    An enterprise's licences through its agent (``licenses`` checks the agent's authorisation); a person's own
    licences when they apply for themselves. A proxy (代办) cannot use the principal's licences online, since
    only the holder authorises a use: ``(None, None)``.
    """
    if case.enterprise_id is not None:
        return signed_in_user(actor), case.enterprise
    if case.applicant_user_id is not None and case.applicant_user_id == getattr(actor, "pk", None):
        return case.applicant_user, None
    return None, None


def use_license_row(
    case: Case,
    *,
    actor: Any,
    material: Material | None,
    identifier: str,
    holder_user: Any,
    enterprise: Any,
    until: date | None = None,
    now: datetime,
) -> CaseMaterial:
    """Satisfy ``material`` of the locked ``case`` with the holder's licence ``identifier`` (授权用证) and ledger it.

    The licence must be one :func:`tongban.licenses.queries.fetch_reusable_licenses` offers the holder for the
    material's licence type (the holder's own, currently valid); anything else — unknown, another person's,
    suspended, revoked, expired, another type — is ``LICENSE_NOT_REUSABLE`` and nothing is written. The current
    upload of the material, if any, is replaced (kept with ``is_current=False``).
    """
    from tongban.licenses import queries as license_queries
    from tongban.licenses import services as license_services

    if material is None or material.version_id != case.version_id:
        raise errors.MATERIAL_NOT_OF_CASE.error()
    if not material.license_type_code:
        raise errors.LICENSE_NOT_ACCEPTED.error(fields={"material_id": [material.pk]})
    if holder_user is None:
        raise errors.LICENSE_APPLICANT_UNVERIFIED.error()
    identifier = (identifier or "").strip()
    offered = license_queries.fetch_reusable_licenses(
        holder_user, [material.license_type_code], enterprise=enterprise
    )
    lic = next((candidate for candidate in offered if candidate.identifier == identifier), None)
    if lic is None:
        raise errors.LICENSE_NOT_REUSABLE.error(fields={"license_identifier": [identifier[:128]]})
    case.materials.filter(material=material, is_current=True).update(is_current=False)
    row = CaseMaterial.objects.create(
        case=case,
        material=material,
        name=material.name[:300],
        license_identifier=lic.identifier,
        uploaded_by=signed_in_user(actor),
        uploaded_at=now,
    )
    # The holder authorises the use (授权用证); at a window the clerk records it for the holder present.
    license_services.do_authorise_license_use(
        lic, case, actor=holder_user, material_name=material.name[:200], until=until
    )
    append_case_ledger(
        case,
        actor,
        CaseLedgerAction.LICENSE_USED,
        {"state": case.state, "material": material.pk, "name": row.name, "license": lic.identifier},
        at=now,
    )
    return row


def do_use_license(
    case: Case,
    *,
    actor: Any,
    material: Material | None,
    license_identifier: str,
    until: date | None = None,
    now: datetime | None = None,
) -> CaseMaterial:
    """The applicant side uses one of its electronic licences instead of uploading ``material`` (免证可办).

    Only on a draft (``CasePermission.EDIT_DRAFT``). Records the authorisation to use (``licenses.LicenseUse``:
    which licence, this case, its department, until when) and ``case.license_used`` in one transaction; refusals
    as in :func:`use_license_row`. A required material so satisfied counts as provided at submission.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.EDIT_DRAFT)
        holder_user, enterprise = license_holder(case, actor)
        return use_license_row(
            case,
            actor=actor,
            material=material,
            identifier=license_identifier,
            holder_user=holder_user,
            enterprise=enterprise,
            until=until,
            now=now,
        )


def issue_result_license(case: Case, *, actor: Any, now: datetime) -> Any:
    """Issue the licence an approval of the locked ``case`` produces, inside the decision's transaction.

    Only when the item version names a licence type (``ItemVersion.license_type_code``). A refusal of
    ``licenses`` (a face that cannot be filled, no issuer code …) propagates and rolls the decision back.
    """
    if not case.version.license_type_code:
        return None
    from tongban.licenses import services as license_services

    return license_services.issue_for_case(case, actor=actor, now=now)


def result_license_identifiers(case: Case) -> list[str]:
    """Identifiers of the licences the case produced (for the delivery record and notice)."""
    if not case.version.license_type_code:
        return []
    from tongban.licenses import queries as license_queries

    return [lic.identifier for lic in license_queries.fetch_licenses_for_case(case)]
