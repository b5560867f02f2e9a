"""State-changing services of ``licenses``: issue, suspend, reinstate, revoke, correct, present, authorise use,
define types (ADR 0013). Each runs in one transaction and appends one ledger entry of its own.

Signing happens inside the same transaction through :mod:`tongban.signing.services` (which appends its own
``signing.signed`` entry); the PDF face is rendered after commit by :func:`tongban.licenses.tasks.render_license_pdf`
so the lifecycle never waits for WeasyPrint and pyHanko.
"""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tongban.core.masking import mask_id_number, mask_name
from tongban.core.services import append_ledger_entry
from tongban.core.validators import is_valid_credit_code
from tongban.licenses import access, errors
from tongban.licenses.choices import HolderCategory, LicenseAction, LicenseState, LicenseStatus
from tongban.licenses.events import LicenseLedgerAction
from tongban.licenses.identifier import build_identifier
from tongban.licenses.models import License, LicenseSerialSequence, LicenseType, LicenseUse, Presentation
from tongban.licenses.queries import forget_license_type_names
from tongban.licenses.transitions import check_transition

logger = logging.getLogger(__name__)

PRESENTATION_LIFETIME = timedelta(minutes=5)
JWS_PURPOSE_LICENSE = "license"
JWS_PURPOSE_PRESENTATION = "license_presentation"
# Face sources that are not fields of the case form (LicenseType.face_mapping values).
SPECIAL_SOURCES = ("$holder_name", "$holder_id", "$case_number", "$issue_date", "$department")
TYPE_FIELDS = (
    "name",
    "define_agency_name",
    "define_agency_code",
    "define_agency_level",
    "issuing_level",
    "holder_category",
    "validity_years",
    "face_schema",
    "face_mapping",
    "face_template",
    "is_demo",
)


# --- helpers ---------------------------------------------------------------------------------------------------------


def _local_day(now: datetime) -> date:
    return timezone.localtime(now).date()


def add_years(day: date, years: int) -> date:
    """``day`` moved by ``years`` (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def validity_until(valid_from: date, validity_years: int | None) -> date | None:
    """The last day of a validity of ``validity_years`` starting ``valid_from``; ``None`` (长期) without years.

    The period includes its first day, so five years from 2026-12-04 ends on 2031-12-03.
    """
    if not validity_years:
        return None
    return add_years(valid_from, validity_years) - timedelta(days=1)


def next_serial(type_code: str, issuer_code: str) -> str:
    """The next serial (流水号) for the licence type and issuing agency: an 8-digit counter, zero-padded.

    ``UPDATE … SET last = last + 1`` takes the row lock until the issuing transaction ends; the pair's first
    licence creates the row with ``INSERT … ON CONFLICT DO NOTHING`` so two first issuances do not collide (the
    case-number sequence does the same). On SQLite the IMMEDIATE transaction serialises writers. Call inside the
    issuing transaction: a rolled-back issuance gives its number back.
    """
    rows = LicenseSerialSequence.objects.filter(type_code=type_code, issuer_code=issuer_code)
    if not rows.update(last=F("last") + 1):
        LicenseSerialSequence.objects.bulk_create(
            [LicenseSerialSequence(type_code=type_code, issuer_code=issuer_code, last=0)],
            ignore_conflicts=True,
        )
        rows.update(last=F("last") + 1)
    last = rows.values_list("last", flat=True).get()
    return f"{last:08d}"


def _lock(lic: License) -> License:
    # Only the licence row is locked (``of``): PostgreSQL refuses FOR UPDATE on the nullable side of the join.
    return (
        License.objects.select_for_update(of=("self",))
        .select_related("type", "issuing_department")
        .get(pk=lic.pk)
    )


def masked_holder(lic: License) -> dict[str, str]:
    """The holder as the signed payload carries it: a person masked (name and ID number), an enterprise in full
    (its name and credit code are public register data)."""
    if lic.holder_category == HolderCategory.ENTERPRISE:
        return {"category": lic.holder_category, "name": lic.holder_name, "id": lic.holder_credit_code}
    return {
        "category": lic.holder_category,
        "name": mask_name(lic.holder_name),
        "id": mask_id_number(lic.holder_id_number),
    }


def license_claims(lic: License, *, now: datetime) -> dict[str, Any]:
    """The claims of a licence's signed payload (JWS). Dates are ISO strings; ``valid_until`` null is 长期."""
    return {
        "iss": lic.issuer_code,
        "iss_name": lic.issuer_name,
        "lid": lic.identifier,
        "typ_code": lic.type.code,
        "typ_name": lic.type.name,
        "ver": lic.version,
        "holder": masked_holder(lic),
        "valid_from": lic.valid_from.isoformat(),
        "valid_until": lic.valid_until.isoformat() if lic.valid_until else None,
        "iat": int(now.timestamp()),
    }


def _sign(payload: dict[str, Any], *, actor: Any, purpose: str) -> str:
    from tongban.signing.services import sign_jws

    return sign_jws(payload, actor=actor, purpose=purpose)


def _sign_for_entry(payload: dict[str, Any], *, purpose: str) -> tuple[str, dict[str, Any]]:
    """The payload's JWS and the signing record that goes into the caller's own ledger entry (``"signature"``)."""
    from tongban.signing.services import sign_jws_for_entry

    return sign_jws_for_entry(payload, purpose=purpose)


def _seal_for(department: Any, *, actor: Any) -> Any:
    from tongban.signing.services import ensure_seal

    return ensure_seal(department, actor=actor)


def _render_after_commit(license_id: int) -> None:
    """Queue the PDF rendering once the issuing transaction commits (never inside it).

    ``TONGBAN_LICENSE_PDF_PRERENDER`` off: nothing is queued; the first download renders the PDF."""
    if not getattr(settings, "TONGBAN_LICENSE_PDF_PRERENDER", True):
        return

    def enqueue() -> None:
        from tongban.licenses.tasks import render_license_pdf

        try:
            render_license_pdf.enqueue(license_id)
        except Exception:  # a broken queue must not break the request; the first download renders it instead
            logger.exception("could not queue the PDF of licence %s", license_id)

    transaction.on_commit(enqueue)


def validate_face(license_type: LicenseType, face: dict[str, Any]) -> None:
    """``LICENSE_FACE_INVALID`` (with the failing fields) unless ``face`` satisfies the type's JSON Schema."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    schema = license_type.face_schema or {}
    try:
        validator = Draft202012Validator(schema)
        problems = sorted(validator.iter_errors(face), key=lambda e: list(e.path))
    except SchemaError:
        raise errors.LICENSE_FACE_INVALID.error(fields={"face_schema": ["invalid schema"]}) from None
    if problems:
        fields: dict[str, list[str]] = {}
        for problem in problems:
            fields.setdefault(_problem_field(problem), []).append(problem.message)
        raise errors.LICENSE_FACE_INVALID.error(fields=fields)


def _problem_field(problem: Any) -> str:
    """The face field a schema error is about: its path, or the missing property of a ``required`` error."""
    if problem.path:
        return ".".join(str(part) for part in problem.path)
    if problem.validator == "required" and isinstance(problem.instance, dict):
        for name in problem.validator_value or []:
            if name not in problem.instance:
                return str(name)
    return "face"


def _holder_from_case(case: Any) -> dict[str, str]:
    if case.enterprise_id:
        enterprise = case.enterprise
        return {
            "holder_category": HolderCategory.ENTERPRISE,
            "holder_name": enterprise.name,
            "holder_credit_code": enterprise.credit_code,
            "holder_id_number": "",
        }
    user = case.applicant_user
    name = case.applicant_name or (user.real_name if user is not None else "")
    id_number = case.applicant_id_number or (user.id_number if user is not None else "")
    return {
        "holder_category": HolderCategory.PERSON,
        "holder_name": name,
        "holder_id_number": id_number,
        "holder_credit_code": "",
    }


def map_face(
    license_type: LicenseType, case: Any, holder: dict[str, str], *, now: datetime
) -> dict[str, Any]:
    """The face of a licence issued for ``case``: each face field from its form field or special source.

    A form field the case does not have is left out, so the face schema's ``required`` reports it.
    """
    form = case.form_data if isinstance(case.form_data, dict) else {}
    special = {
        "$holder_name": holder["holder_name"],
        "$holder_id": holder["holder_credit_code"] or holder["holder_id_number"],
        "$case_number": case.number or "",
        "$issue_date": _local_day(now).isoformat(),
        "$department": case.department.name,
    }
    face: dict[str, Any] = {}
    mapping = license_type.face_mapping if isinstance(license_type.face_mapping, dict) else {}
    for face_field, source in mapping.items():
        source = str(source)
        if source in special:
            face[face_field] = special[source]
        elif source in form and form[source] not in (None, ""):
            face[face_field] = form[source]
    return face


# --- issuing ---------------------------------------------------------------------------------------------------------


def _create_license(
    *,
    license_type: LicenseType,
    holder: dict[str, str],
    face: dict[str, Any],
    department: Any,
    now: datetime,
    actor: Any,
    serial: str,
    version: str,
    valid_from: date,
    valid_until: date | None,
    source_case: Any = None,
    reason: str = "",
) -> tuple[License, dict[str, Any]]:
    """The new licence row, signed, and the signing record for the caller's ledger entry (one INSERT)."""
    issuer_code = department.credit_code
    lic = License(
        identifier=build_identifier(license_type.code, issuer_code, serial, version),
        type=license_type,
        issuer_code=issuer_code,
        issuer_name=department.name,
        serial=serial,
        version=version,
        face=face,
        valid_from=valid_from,
        valid_until=valid_until,
        issued_at=now,
        issuing_department=department,
        seal=_seal_for(department, actor=actor),
        state=LicenseState.VALID,
        source_case=source_case,
        reason=reason,
        **holder,
    )
    lic.payload, signature = _sign_for_entry(license_claims(lic, now=now), purpose=JWS_PURPOSE_LICENSE)
    lic.save(force_insert=True)
    return lic, signature


def issue_for_case(case: Any, *, actor: Any, now: datetime | None = None) -> License | None:
    """Issue the licence an approved case produces (颁证), inside the caller's decision transaction.

    ``None`` when the case's item version names no licence type. Idempotent: a case that already has its licence
    gets that one back. ``LICENSE_TYPE_NOT_FOUND``, ``LICENSE_HOLDER_MISSING``, ``LICENSE_ISSUER_MISSING`` or
    ``LICENSE_FACE_INVALID`` (the mapped face fails the type's schema) roll the caller's decision back.
    """
    type_code = str(getattr(case.version, "license_type_code", "") or "").strip()
    if not type_code:
        return None
    now = now or timezone.now()
    with transaction.atomic(savepoint=False):  # inside the decision: its failure rolls the decision back
        existing = License.objects.filter(source_case=case).order_by("id").first()
        if existing is not None:
            return existing
        license_type = LicenseType.objects.filter(code=type_code).first()
        if license_type is None:
            raise errors.LICENSE_TYPE_NOT_FOUND.error()
        department = case.department
        if not is_valid_credit_code(department.credit_code or ""):
            raise errors.LICENSE_ISSUER_MISSING.error()
        holder = _holder_from_case(case)
        if not holder["holder_name"] or not (holder["holder_id_number"] or holder["holder_credit_code"]):
            raise errors.LICENSE_HOLDER_MISSING.error()
        face = map_face(license_type, case, holder, now=now)
        validate_face(license_type, face)
        valid_from = _local_day(now)
        lic, signature = _create_license(
            license_type=license_type,
            holder=holder,
            face=face,
            department=department,
            now=now,
            actor=actor,
            serial=next_serial(license_type.code, department.credit_code),
            version="001",
            valid_from=valid_from,
            valid_until=validity_until(valid_from, license_type.validity_years),
            source_case=case,
        )
        append_ledger_entry(
            actor=actor,
            action=LicenseLedgerAction.ISSUED,
            obj=lic,
            data={
                "identifier": lic.identifier,
                "type_code": license_type.code,
                "case": case.number or "",
                "signature": signature,
            },
        )
        _render_after_commit(lic.pk)
    return lic


# --- lifecycle -------------------------------------------------------------------------------------------------------


def _require_text(value: str, error: Any) -> str:
    text = (value or "").strip()
    if not text:
        raise error.error()
    return text


def _move(
    lic: License,
    *,
    actor: Any,
    action: str,
    ledger_action: str,
    reason: str,
    legal_basis: str = "",
) -> License:
    access.require_can_manage(actor, lic)
    reason = _require_text(reason, errors.LICENSE_REASON_REQUIRED)
    with transaction.atomic():
        locked = _lock(lic)
        before = locked.state
        locked.state = check_transition(action, before)
        locked.reason = reason
        fields = ["state", "reason", "updated_at"]
        if legal_basis:
            locked.legal_basis = legal_basis
            fields.append("legal_basis")
        locked.save(update_fields=fields)
        append_ledger_entry(
            actor=actor,
            action=ledger_action,
            obj=locked,
            data={"identifier": locked.identifier, "before": before, "after": locked.state, "reason": reason},
        )
    return locked


def do_suspend_license(lic: License, *, actor: Any, reason: str) -> License:
    """Suspend a valid licence (暂停); an approver of the issuing department only; reason required."""
    return _move(
        lic,
        actor=actor,
        action=LicenseAction.SUSPEND,
        ledger_action=LicenseLedgerAction.SUSPENDED,
        reason=reason,
    )


def do_reinstate_license(lic: License, *, actor: Any, reason: str) -> License:
    """Reinstate a suspended licence (恢复); an approver of the issuing department only; reason required."""
    return _move(
        lic,
        actor=actor,
        action=LicenseAction.REINSTATE,
        ledger_action=LicenseLedgerAction.REINSTATED,
        reason=reason,
    )


def do_revoke_license(lic: License, *, actor: Any, reason: str, legal_basis: str) -> License:
    """Revoke a valid or suspended licence (撤销) for good; reason and legal basis required."""
    legal_basis = _require_text(legal_basis, errors.LICENSE_LEGAL_BASIS_REQUIRED)
    return _move(
        lic,
        actor=actor,
        action=LicenseAction.REVOKE,
        ledger_action=LicenseLedgerAction.REVOKED,
        reason=reason,
        legal_basis=legal_basis,
    )


def next_version(version: str) -> str:
    """``"001"`` → ``"002"``; the version part of the identifier has three digits."""
    number = int(version) + 1
    if number > 999:
        raise errors.LICENSE_TRANSITION_NOT_ALLOWED.error()
    return f"{number:03d}"


def do_correct_license(lic: License, *, actor: Any, face: dict[str, Any], reason: str) -> License:
    """Correct a valid licence (更正): issue the next version with ``face`` under the same serial, validity and
    holder; the old version becomes ``superseded`` with ``superseded_by``. Both stay verifiable. Returns the new
    version. ``LICENSE_FACE_INVALID`` when ``face`` fails the type's schema (nothing changes)."""
    access.require_can_manage(actor, lic)
    reason = _require_text(reason, errors.LICENSE_REASON_REQUIRED)
    if not isinstance(face, dict):
        raise errors.LICENSE_FACE_INVALID.error()
    now = timezone.now()
    with transaction.atomic():
        old = _lock(lic)
        old.state = check_transition(LicenseAction.CORRECT, old.state)
        validate_face(old.type, face)
        department = old.issuing_department
        if department is None or department.credit_code != old.issuer_code:
            raise errors.LICENSE_ISSUER_MISSING.error()
        new, signature = _create_license(
            license_type=old.type,
            holder={
                "holder_category": old.holder_category,
                "holder_name": old.holder_name,
                "holder_id_number": old.holder_id_number,
                "holder_credit_code": old.holder_credit_code,
            },
            face=face,
            department=department,
            now=now,
            actor=actor,
            serial=old.serial,
            version=next_version(old.version),
            valid_from=old.valid_from,
            valid_until=old.valid_until,
            source_case=old.source_case,
            reason=reason,
        )
        old.superseded_by = new
        old.reason = reason
        old.save(update_fields=["state", "superseded_by", "reason", "updated_at"])
        append_ledger_entry(
            actor=actor,
            action=LicenseLedgerAction.CORRECTED,
            obj=old,
            data={
                "identifier": old.identifier,
                "new_identifier": new.identifier,
                "before": LicenseState.VALID,
                "after": old.state,
                "reason": reason,
                "signature": signature,
            },
        )
        _render_after_commit(new.pk)
    return new


# --- the holder's acts -----------------------------------------------------------------------------------------------


def do_present_license(lic: License, *, actor: Any) -> str:
    """Show a licence (亮证): a signed five-minute wrapper around its payload, recorded as a Presentation.

    Only the holder; a licence that is not currently valid cannot be shown (``LICENSE_NOT_USABLE``).
    """
    access.require_holder(actor, lic)
    now = timezone.now()
    expires_at = now + PRESENTATION_LIFETIME
    nonce = secrets.token_urlsafe(24)
    with transaction.atomic():
        # The state is read from the locked row: the caller's object may predate a revocation.
        lic = _lock(lic)
        if lic.current_status(_local_day(now)) != LicenseStatus.VALID:
            raise errors.LICENSE_NOT_USABLE.error()
        Presentation.objects.create(license=lic, nonce=nonce, expires_at=expires_at, created_by=actor)
        token = _sign(
            {
                "typ": "presentation",
                "lic": lic.payload,
                "nonce": nonce,
                "iat": int(now.timestamp()),
                "exp": int(expires_at.timestamp()),
            },
            actor=actor,
            purpose=JWS_PURPOSE_PRESENTATION,
        )
        append_ledger_entry(
            actor=actor,
            action=LicenseLedgerAction.PRESENTED,
            obj=lic,
            data={"identifier": lic.identifier, "nonce": nonce, "expires_at": expires_at.isoformat()},
        )
    return token


def do_authorise_license_use(
    lic: License, case: Any, *, actor: Any, material_name: str, until: date | None = None
) -> LicenseUse:
    """The holder lets the case's department use ``lic`` in place of the material ``material_name`` (用证授权).

    ``LICENSE_NOT_FOUND`` unless ``actor`` holds the licence; ``LICENSE_NOT_USABLE`` unless it is valid today.
    Idempotent per licence, case and material: a repeated authorisation returns the first record.
    """
    access.require_holder(actor, lic)
    now = timezone.now()
    material_name = _require_text(material_name, errors.LICENSE_MATERIAL_REQUIRED)[:200]
    with transaction.atomic():
        lic = _lock(lic)
        if lic.current_status(_local_day(now)) != LicenseStatus.VALID:
            raise errors.LICENSE_NOT_USABLE.error()
        existing = LicenseUse.objects.filter(license=lic, case=case, material_name=material_name).first()
        if existing is not None:
            return existing
        use = LicenseUse.objects.create(
            license=lic,
            case=case,
            department=case.department,
            material_name=material_name,
            authorised_by=actor,
            valid_until=until,
            created_at=now,
        )
        append_ledger_entry(
            actor=actor,
            action=LicenseLedgerAction.USE_AUTHORISED,
            obj=lic,
            data={
                "identifier": lic.identifier,
                "case": case.number or str(case.public_id),
                "department": case.department.credit_code,
                "material": material_name,
            },
        )
    return use


# --- licence types ---------------------------------------------------------------------------------------------------


def is_valid_type_code(code: str) -> bool:
    """A 证照类型代码: the defining agency's 18-character credit code (with a correct check character) + 3 digits."""
    return (
        isinstance(code, str) and len(code) == 21 and code[18:].isdigit() and is_valid_credit_code(code[:18])
    )


def do_define_license_type(*, actor: Any, **fields: Any) -> LicenseType:
    """Define a licence type, or update the one with the same ``code`` (idempotent on ``code``).

    A data administrator only (``PERMISSION_DENIED``); ``actor=None`` is the platform itself (demo loader,
    migrations of reference data). ``LICENSE_TYPE_CODE_INVALID`` for a malformed code; ``define_agency_code``
    defaults to the code's first 18 characters and must equal them.
    """
    if actor is not None:
        access.require_can_define_types(actor)
    code = str(fields.pop("code", "") or "").strip().upper()
    if not is_valid_type_code(code):
        raise errors.LICENSE_TYPE_CODE_INVALID.error(
            fields={"code": [str(errors.LICENSE_TYPE_CODE_INVALID.message)]}
        )
    unknown = set(fields) - set(TYPE_FIELDS)
    if unknown:
        raise errors.LICENSE_TYPE_INVALID.error(fields={name: ["unknown field"] for name in sorted(unknown)})
    fields.setdefault("define_agency_code", code[:18])
    if fields["define_agency_code"] != code[:18]:
        raise errors.LICENSE_TYPE_CODE_INVALID.error(
            fields={"define_agency_code": [str(errors.LICENSE_TYPE_CODE_INVALID.message)]}
        )
    if not str(fields.get("name", "") or "").strip() and not LicenseType.objects.filter(code=code).exists():
        raise errors.LICENSE_TYPE_INVALID.error(fields={"name": ["required"]})
    schema = fields.get("face_schema")
    if schema is not None:
        _check_schema(schema)
    with transaction.atomic():
        license_type, created = LicenseType.objects.select_for_update().get_or_create(
            code=code, defaults={**fields}
        )
        changed = (
            []
            if created
            else [name for name, value in fields.items() if getattr(license_type, name) != value]
        )
        if created or changed:
            for name in changed:
                setattr(license_type, name, fields[name])
            if changed:
                license_type.save(update_fields=[*changed, "updated_at"])
            append_ledger_entry(
                actor=actor,
                action=LicenseLedgerAction.TYPE_DEFINED,
                obj=license_type,
                data={"code": code, "created": created, "changed": sorted(changed)},
            )
            transaction.on_commit(forget_license_type_names)
    return license_type


def _check_schema(schema: Any) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    if not isinstance(schema, dict):
        raise errors.LICENSE_TYPE_INVALID.error(fields={"face_schema": ["must be an object"]})
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise errors.LICENSE_TYPE_INVALID.error(fields={"face_schema": [exc.message]}) from None
