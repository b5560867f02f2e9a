"""Applying (申请): drafts, form data, materials, the 告知承诺 signature and submission."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tongban.accounts.queries import active_authorizations
from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.choices import (
    ApplicantKind,
    CaseAction,
    CaseState,
    Channel,
    NoticeKind,
)
from tongban.cases.engine.clock import (
    compute_acceptance_deadline,
    local_day,
)
from tongban.cases.engine.numbering import new_query_code, next_case_number
from tongban.cases.events import CaseLedgerAction
from tongban.cases.formschema import validate, validate_draft
from tongban.cases.models import (
    Case,
    CaseMaterial,
)
from tongban.cases.services._kernel import (
    append_case_ledger,
    check_delivery_choice,
    flagged_problems,
    inspect_upload,
    issue_notice,
    lock_case,
    move_case,
    provisional_fields,
    resolve_now,
    signed_in_user,
)
from tongban.cases.services.generated import generate_form_materials
from tongban.cases.services.intake import accept_case
from tongban.catalog.choices import (
    MaterialNecessity,
)
from tongban.catalog.queries import get_version_for_application

if TYPE_CHECKING:
    from tongban.accounts.models import AgentAuthorization, Enterprise
    from tongban.catalog.models import ItemVersion, Material


def _validate_form(version: ItemVersion, form_data: dict[str, Any]) -> dict[str, Any]:
    """``form_data`` validated against the version's form schema; ``FORM_INVALID`` with the field problems."""
    if not version.form_schema:
        return dict(form_data or {})
    clean, problems = validate(version.form_schema, form_data or {})
    if problems:
        raise errors.FORM_INVALID.error(fields=problems)
    return clean


def check_draft_form_data(version: ItemVersion, form_data: Any) -> dict[str, Any]:
    """``form_data`` as a draft may keep it (:func:`~tongban.cases.formschema.validate_draft`): lenient on what
    is missing, strict on shape and size. ``DRAFT_FIELD_INVALID`` names the fields that do not fit;
    ``DRAFT_TOO_LARGE`` (413) when the whole exceeds ``settings.TONGBAN_DRAFT_MAX_BYTES``."""
    kept, problems = validate_draft(
        version.form_schema or {}, form_data or {}, max_chars=settings.TONGBAN_DRAFT_FIELD_MAX_CHARS
    )
    if problems:
        raise errors.DRAFT_FIELD_INVALID.error(fields=problems)
    size = len(json.dumps(kept, ensure_ascii=False, default=str).encode("utf-8"))
    if size > settings.TONGBAN_DRAFT_MAX_BYTES:
        kb = settings.TONGBAN_DRAFT_MAX_BYTES // 1024
        raise errors.DRAFT_TOO_LARGE.error(
            errors.DRAFT_TOO_LARGE.message % {"kb": kb}, fields={"form_data": [kb]}
        )
    return kept


def resolve_version(version: ItemVersion | None, implementation_code: str | None) -> ItemVersion:
    """The published version to apply for (given, or the current one of the implementation code), fully joined."""
    resolved = get_version_for_application(version.pk if version else None, implementation_code)
    if resolved is None:
        raise errors.ITEM_NOT_AVAILABLE.error()
    return resolved


# The longest idempotency key kept (``Case.idempotency_key``); a longer one is refused, never cut, so that two
# keys that differ only after this length cannot collide.
IDEMPOTENCY_KEY_MAX_LENGTH = 100


def check_idempotency_key(key: str | None) -> str:
    """The idempotency key as stored (surrounding blanks removed); ``IDEMPOTENCY_KEY_TOO_LONG`` past the limit."""
    key = (key or "").strip()
    if len(key) > IDEMPOTENCY_KEY_MAX_LENGTH:
        raise errors.IDEMPOTENCY_KEY_TOO_LONG.error(
            errors.IDEMPOTENCY_KEY_TOO_LONG.message % {"max": IDEMPOTENCY_KEY_MAX_LENGTH},
            fields={"idempotency_key": [f"{len(key)} > {IDEMPOTENCY_KEY_MAX_LENGTH}"]},
        )
    return key


def request_fingerprint(parts: dict[str, Any]) -> str:
    """SHA-256 of a creating request's meaningful parts, as canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def find_idempotent_case(actor: Any, key: str, fingerprint: str) -> Case | None:
    """The case ``actor`` created earlier with ``key``, if any; ``IDEMPOTENCY_KEY_REUSED`` when that request was
    a different one (cases created before fingerprints were kept are trusted as they are)."""
    if not key:
        return None
    existing = Case.objects.filter(created_by=actor, idempotency_key=key).first()
    if existing is not None and existing.idempotency_hash and existing.idempotency_hash != fingerprint:
        raise errors.IDEMPOTENCY_KEY_REUSED.error()
    return existing


def _active_authorization(actor: Any, *, enterprise: Any = None, principal: Any = None) -> AgentAuthorization:
    """The actor's active, unexpired authorisation for ``enterprise`` or ``principal``; refused otherwise."""
    query = active_authorizations(actor)
    query = (
        query.filter(enterprise=enterprise) if enterprise is not None else query.filter(principal=principal)
    )
    authorization = query.first()
    if authorization is None:
        raise errors.NOT_AUTHORISED_FOR_APPLICANT.error()
    return authorization


def create_case_row(
    *,
    actor: Any,
    version: ItemVersion,
    form_data: dict[str, Any] | None,
    channel: str,
    applicant_user: Any = None,
    applicant_name: str = "",
    applicant_id_number: str = "",
    contact_phone: str = "",
    enterprise: Enterprise | None = None,
    agent: Any = None,
    authorization: AgentAuthorization | None = None,
    idempotency_key: str = "",
    idempotency_hash: str = "",
    delivery_mode: str = "",
    delivery_address: str = "",
    window: Any = None,
    now: datetime,
) -> Case:
    """Insert the draft row for the applicant (person or enterprise) and ledger ``case.created``.

    ``form_data`` is checked as a draft (:func:`check_draft_form_data`). For a window intake the ledger entry
    names the window and the clerk, so the timeline says who filed the case. A person applicant without a linked
    account (a window intake the identity rules would not link) is named by ``applicant_name`` and
    ``applicant_id_number`` and reached at ``contact_phone``.
    """
    access.require_applicant_kind(version, enterprise=enterprise)
    form_data = check_draft_form_data(version, form_data)
    implementation = version.implementation
    if enterprise is not None:
        applicant_kind, name, id_number = ApplicantKind.ENTERPRISE, enterprise.name, enterprise.credit_code
    elif applicant_user is not None:
        applicant_kind = ApplicantKind.PERSON
        name = applicant_user.real_name or applicant_user.username
        id_number = applicant_user.id_number
    else:
        applicant_kind, name, id_number = ApplicantKind.PERSON, applicant_name, applicant_id_number
    case = Case.objects.create(
        implementation=implementation,
        version=version,
        department=implementation.department,
        region=implementation.region,
        region_path=implementation.region.path,
        channel=channel,
        applicant_kind=applicant_kind,
        applicant_user=applicant_user,
        enterprise=enterprise,
        agent=agent,
        authorization=authorization,
        applicant_name=name,
        applicant_id_number=id_number,
        contact_phone=contact_phone,
        created_by=actor,
        idempotency_key=idempotency_key or "",
        idempotency_hash=idempotency_hash if idempotency_key else "",
        form_data=dict(form_data or {}),
        requested_delivery_mode=delivery_mode,
        delivery_address=delivery_address,
    )
    filed_by: dict[str, Any] = {}
    if channel == Channel.WINDOW:
        filed_by = {
            "clerk": getattr(actor, "display_name", str(actor)),
            "window": str(window) if window else "",
        }
    append_case_ledger(
        case,
        actor,
        CaseLedgerAction.CREATED,
        {
            "to": CaseState.DRAFT,
            "implementation": implementation.code,
            "version": version.number,
            "channel": channel,
            **filed_by,
        },
        at=now,
    )
    return case


def do_create_case(
    *,
    actor: Any,
    version: ItemVersion | None = None,
    implementation_code: str | None = None,
    form_data: dict[str, Any] | None = None,
    channel: str = Channel.ONLINE,
    enterprise: Enterprise | None = None,
    principal: Any = None,
    idempotency_key: str = "",
    submit: bool = False,
    delivery_mode: str = "",
    delivery_address: str = "",
    now: datetime | None = None,
) -> Case:
    """Create a draft case for the published ``version`` (or implementation code); optionally submit it at once.

    The applicant is ``actor`` themselves, ``enterprise`` (actor must be its authorised agent) or ``principal``
    (代办: actor must hold an active proxy authorisation). ``idempotency_key`` is unique per creating account: a
    second call with the same key and the same request returns the first case (submitting it if ``submit`` and
    it is still a draft); the same key with another request is ``IDEMPOTENCY_KEY_REUSED``, a key longer than
    :data:`IDEMPOTENCY_KEY_MAX_LENGTH` ``IDEMPOTENCY_KEY_TOO_LONG``. ``delivery_mode``/``delivery_address``
    (optional) are checked as in :func:`do_choose_delivery`.
    """
    if signed_in_user(actor) is None:
        raise errors.NOT_FOUND.error()
    now = resolve_now(now)
    key = check_idempotency_key(idempotency_key)
    # What makes two creations "the same request" (``submit`` is not part of it: retrying with it submits).
    fingerprint = request_fingerprint(
        {
            "item": f"version:{version.pk}" if version is not None else f"code:{implementation_code}",
            "form_data": form_data or {},
            "channel": channel,
            "enterprise": enterprise.pk if enterprise is not None else None,
            "principal": principal.pk if principal is not None else None,
            "delivery_mode": delivery_mode,
            "delivery_address": delivery_address,
        }
    )
    existing = find_idempotent_case(actor, key, fingerprint)
    if existing is not None:
        return do_submit_case(existing, actor=actor, now=now) if submit else existing
    version = resolve_version(version, implementation_code)
    delivery_mode, delivery_address = check_delivery_choice(version, delivery_mode, delivery_address)
    if not submit:
        open_drafts = Case.objects.filter(created_by=actor, state=CaseState.DRAFT).count()
        if open_drafts >= settings.TONGBAN_MAX_OPEN_DRAFTS:
            raise errors.TOO_MANY_DRAFTS.error(
                errors.TOO_MANY_DRAFTS.message % {"n": open_drafts}, fields={"drafts": [open_drafts]}
            )
    authorization = None
    applicant_user, agent = actor, None
    if enterprise is not None:
        authorization = _active_authorization(actor, enterprise=enterprise)
        applicant_user, agent = None, actor
    elif principal is not None and principal.pk != actor.pk:
        authorization = _active_authorization(actor, principal=principal)
        applicant_user, agent = principal, actor
    try:
        with transaction.atomic():
            case = create_case_row(
                actor=actor,
                version=version,
                form_data=form_data,
                channel=channel,
                applicant_user=applicant_user,
                enterprise=enterprise,
                agent=agent,
                authorization=authorization,
                idempotency_key=key,
                idempotency_hash=fingerprint,
                delivery_mode=delivery_mode,
                delivery_address=delivery_address,
                now=now,
            )
            if submit:
                case = do_submit_case(case, actor=actor, now=now)
    except IntegrityError:
        # A concurrent request with the same key won the race: return its case (ARCHITECTURE §5.7).
        existing = find_idempotent_case(actor, key, fingerprint)
        if existing is None:
            raise
        return existing
    return case


def do_update_draft(
    case: Case,
    *,
    actor: Any,
    form_data: dict[str, Any],
    delivery_mode: str | None = None,
    delivery_address: str = "",
) -> Case:
    """Save the form data of a draft as typed (validation happens on submission, so nothing typed is lost).

    ``delivery_mode`` ``None`` keeps the chosen 领取方式, ``""`` clears it; any other value is checked as in
    :func:`do_choose_delivery`.
    """
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.EDIT_DRAFT)
        case.form_data = check_draft_form_data(case.version, form_data)
        if delivery_mode is not None:
            mode, address = check_delivery_choice(case.version, delivery_mode, delivery_address)
            case.requested_delivery_mode, case.delivery_address = mode, address
        case.version_no += 1
        case.save(
            update_fields=[
                "form_data",
                "requested_delivery_mode",
                "delivery_address",
                "version_no",
                "updated_at",
            ]
        )
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.DRAFT_UPDATED,
            {"state": case.state, "fields": sorted(case.form_data)},
        )
    return case


def do_delete_draft(case: Case, *, actor: Any) -> None:
    """Delete a draft (草稿) of the applicant side, with its uploads (files leave storage after commit).

    Only a draft, only by the applicant side (``CasePermission.DELETE_DRAFT``). The ledger keeps
    ``case.draft_deleted`` (item, number of uploads); nothing else of the draft remains.
    """
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.DELETE_DRAFT)
        rows = list(case.materials.all())
        files = [(row.file.storage, str(row.file.name)) for row in rows if row.file]
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.DRAFT_DELETED,
            {"state": case.state, "implementation": case.implementation.code, "materials": len(rows)},
        )
        case.delete()
        for storage, path in files:
            transaction.on_commit(partial(storage.delete, path))


def add_material_row(
    case: Case,
    *,
    actor: Any,
    file: Any,
    material: Material | None,
    name: str,
    content_type: str,
    originals_checked: bool,
    now: datetime,
) -> CaseMaterial:
    """Store an upload for ``material`` (replacing its current one) or an extra, and ledger it."""
    if material is not None and material.version_id != case.version_id:
        raise errors.MATERIAL_NOT_OF_CASE.error()
    sha256, content_type, size = inspect_upload(file, content_type)
    if material is not None:
        case.materials.filter(material=material, is_current=True).update(is_current=False)
    original_name = str(getattr(file, "name", "") or name or "file").rsplit("/", 1)[-1][:255]
    row = CaseMaterial(
        case=case,
        material=material,
        name=(material.name if material is not None else (name or original_name))[:300],
        original_name=original_name,
        size=size,
        content_type=content_type[:100],
        sha256=sha256,
        uploaded_by=signed_in_user(actor),
        uploaded_at=now,
        originals_checked=originals_checked,
    )
    row.file.save(original_name, file, save=False)
    row.save()
    append_case_ledger(
        case,
        actor,
        CaseLedgerAction.MATERIAL_ADDED,
        {
            "state": case.state,
            "material": material.pk if material else None,
            "name": row.name,
            "sha256": sha256,
            "size": size,
        },
        at=now,
    )
    return row


def do_add_material(
    case: Case,
    *,
    actor: Any,
    file: Any,
    material: Material | None = None,
    name: str = "",
    content_type: str = "",
    originals_checked: bool = False,
    now: datetime | None = None,
) -> CaseMaterial:
    """Upload a material to a draft, or replace a material flagged on the open correction notice.

    A new upload for a catalog material replaces the current one (kept with ``is_current=False``). While a
    correction is open only flagged materials can be uploaded (``MATERIAL_NOT_FLAGGED``).
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        upload_action = (
            CasePermission.UPLOAD_CORRECTION
            if case.state == CaseState.CORRECTION_REQUESTED
            else CasePermission.EDIT_DRAFT
        )
        access.require_can(actor, case, upload_action)
        if case.state == CaseState.CORRECTION_REQUESTED:
            flagged = flagged_problems(case)
            ids = {p.get("material_id") for p in flagged}
            names = {p.get("name") for p in flagged}
            if (material is not None and material.pk not in ids) or (material is None and name not in names):
                raise errors.MATERIAL_NOT_FLAGGED.error()
            if material is None:
                case.materials.filter(material__isnull=True, name=name, is_current=True).update(
                    is_current=False
                )
        return add_material_row(
            case,
            actor=actor,
            file=file,
            material=material,
            name=name,
            content_type=content_type,
            originals_checked=originals_checked,
            now=now,
        )


def do_remove_material(case_material: CaseMaterial, *, actor: Any) -> None:
    """Remove an upload from a draft (the file is deleted from storage after commit)."""
    with transaction.atomic():
        case = lock_case(case_material.case_id)
        access.require_can(actor, case, CasePermission.EDIT_DRAFT)
        row = CaseMaterial.objects.get(pk=case_material.pk, case=case)
        storage, path = row.file.storage, row.file.name
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.MATERIAL_REMOVED,
            {"state": case.state, "name": row.name, "sha256": row.sha256},
        )
        row.delete()
        if path:
            transaction.on_commit(lambda: storage.delete(path))


def do_sign_commitment(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Record the applicant's signature of the item's 告知承诺书 (text, SHA-256, time) on a draft."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.EDIT_DRAFT)
        if not case.version.commitment:
            raise errors.COMMITMENT_NOT_OFFERED.error()
        text = case.version.commitment_text or _(
            "本人承诺所提交的材料真实有效，符合许可条件，愿意承担不实承诺的法律责任。"
        )
        case.commitment_text = text
        case.commitment_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        case.commitment_signed_at = now
        case.version_no += 1
        case.save(
            update_fields=[
                "commitment_text",
                "commitment_hash",
                "commitment_signed_at",
                "version_no",
                "updated_at",
            ]
        )
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.COMMITMENT_SIGNED,
            {"state": case.state, "hash": case.commitment_hash},
            at=now,
        )
    return case


def _missing_required_materials(case: Case) -> list[str]:
    # A material is provided by an upload or by an electronic licence used in its place (免证可办).
    present = set(
        case.materials.filter(is_current=True, material__isnull=False)
        .filter(~Q(file="") | ~Q(license_identifier=""))
        .values_list("material_id", flat=True)
    )
    return [
        m.name
        for m in case.version.materials.all()
        if m.necessity == MaterialNecessity.REQUIRED
        and not m.exempt_if_shared
        and not m.generated_from_form  # rendered from the form at submission, never demanded
        and m.pk not in present
    ]


def submit_case(case: Case, *, actor: Any, now: datetime) -> Case:
    """Validate, number and submit a locked draft, issue the receipt; 收件即受理 items are accepted at once.

    Materials generated from the online form are rendered once the case has its number (they print it).
    """
    case.form_data = _validate_form(case.version, case.form_data)
    missing = _missing_required_materials(case)
    if missing:
        raise errors.MATERIALS_MISSING.error(fields={"materials": missing})
    case.number = next_case_number(case.region.code, local_day(now))
    case.query_code = new_query_code()
    case.submitted_at = now
    case.acceptance_deadline = compute_acceptance_deadline(case, local_day(now))
    provisional = provisional_fields(case)
    generate_form_materials(case, actor=actor, now=now)
    move_case(
        case,
        CaseAction.SUBMIT,
        actor,
        fields=["number", "query_code", "submitted_at", "acceptance_deadline", "form_data", *provisional],
        channel=case.channel,
        at=now,
    )
    issue_notice(
        case,
        NoticeKind.RECEIPT,
        actor,
        {
            "query_code": case.query_code,
            "applicant": case.applicant_name,
            "submitted_at": now.isoformat(),
            "acceptance_deadline": case.acceptance_deadline.isoformat() if case.acceptance_deadline else None,
            "materials": [m.name for m in case.materials.filter(is_current=True)],
        },
        now,
    )
    if case.version.accept_on_receipt:
        # 收件即受理: accepted by the clerk at a window, by the platform ("system") for an online submission.
        acceptor = actor if access.is_case_clerk(actor, case) else None
        case = accept_case(
            case, actor=acceptor, note=_("收件即受理"), tolerated_materials=(), supplement_days=None, now=now
        )
    return case


def do_submit_case(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Submit a draft: validate the form, check required materials, assign the number and the query code.

    Submitting a case that is already submitted returns it unchanged (a retried request is harmless). Items with
    收件即受理 are accepted in the same transaction.
    """
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_who(actor, case, CaseAction.SUBMIT)
        if case.state != CaseState.DRAFT and case.number:
            return case
        access.require_can(actor, case, CaseAction.SUBMIT)
        return submit_case(case, actor=actor, now=now)
