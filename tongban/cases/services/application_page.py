"""The application page (在线申请) saved as the applicant left it: draft first, then uploads, then the submission.

One call per page save, composed of the state changes in :mod:`tongban.cases.services.applying`, each with its
own transaction and ledger entry, so that nothing typed is lost when a later step is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from tongban.cases import errors
from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.services._kernel import resolve_now
from tongban.cases.services.applying import (
    do_add_material,
    do_create_case,
    do_remove_material,
    do_sign_commitment,
    do_submit_case,
    do_update_draft,
)
from tongban.cases.services.license_use import do_use_license
from tongban.core.errors import DomainError

if TYPE_CHECKING:
    from tongban.accounts.models import Enterprise
    from tongban.catalog.models import ItemVersion, Material


@dataclass
class ApplicationSave:
    """What one save of the application page did: the draft (or submitted case), upload problems, any refusal."""

    case: Case | None
    upload_errors: dict[int, str] = field(default_factory=dict)  # catalog material id → message
    submitted: bool = False
    error: DomainError | None = None


def check_save_application(
    *,
    actor: Any,
    version: ItemVersion,
    case: Case | None,
    form_data: dict[str, Any],
    delivery_mode: str | None = None,
    delivery_address: str = "",
    enterprise: Enterprise | None = None,
    idempotency_key: str = "",
    remove_ids: Sequence[int] = (),
    uploads: Sequence[tuple[Material, Any]] = (),
    licenses: Sequence[tuple[Material, str]] = (),
    submit: bool = False,
    commitment_signed: bool = False,
    now: datetime | None = None,
) -> ApplicationSave:
    """Save the application page as the applicant left it, then submit it when asked (在线申请).

    Nothing typed is lost (ARCHITECTURE §5.7): the draft (created for ``case=None``, else updated) is saved first
    and stays saved whatever follows; then the uploads marked for removal go, each new upload is stored (a bad
    file is reported per material and the others are kept), and each ``(material, licence identifier)`` of
    ``licenses`` is used instead of an upload (免证可办; a refusal is reported per material too); only then, with ``submit`` and no upload problem, the
    告知承诺 is signed (``commitment_signed`` must be ticked when the item offers it) and the case submitted, both in
    one transaction. Each step is its own service call with its own ledger entry.
    """
    now = resolve_now(now)
    key = (idempotency_key or "").strip()[:100]
    if case is None and key:
        # The page was sent again with the same key (a failed submit re-rendered on the new-application URL):
        # save into the draft that key created instead of keeping its old data or starting another draft.
        case = Case.objects.filter(created_by=actor, idempotency_key=key).first()
        if case is not None and case.state != CaseState.DRAFT:
            return ApplicationSave(case=case)
    try:
        if case is None:
            case = do_create_case(
                actor=actor,
                version=version,
                form_data=form_data,
                enterprise=enterprise,
                idempotency_key=idempotency_key,
                delivery_mode=delivery_mode or "",
                delivery_address=delivery_address,
                now=now,
            )
        else:
            case = do_update_draft(
                case,
                actor=actor,
                form_data=form_data,
                delivery_mode=delivery_mode,
                delivery_address=delivery_address,
            )
    except DomainError as exc:
        return ApplicationSave(case=case, error=exc)
    result = ApplicationSave(case=case)
    if case.state != CaseState.DRAFT:
        return result  # an idempotent retry of a submission that already went through
    for row in case.materials.filter(pk__in=[pk for pk in remove_ids if pk > 0], is_current=True):
        do_remove_material(row, actor=actor)
    for material, file in uploads:
        try:
            do_add_material(case, actor=actor, file=file, material=material, now=now)
        except DomainError as exc:
            result.upload_errors[material.pk] = str(exc.message)
    for material, identifier in licenses:
        if case.materials.filter(material=material, is_current=True, license_identifier=identifier).exists():
            continue  # already in use for this material: saving the page again changes nothing
        try:
            do_use_license(case, actor=actor, material=material, license_identifier=identifier, now=now)
        except DomainError as exc:
            result.upload_errors[material.pk] = str(exc.message)
    if not submit or result.upload_errors:
        return result
    try:
        with transaction.atomic():
            if version.commitment and not case.commitment_signed_at:
                if not commitment_signed:
                    raise errors.COMMITMENT_NOT_SIGNED.error()
                do_sign_commitment(case, actor=actor, now=now)
            result.case = do_submit_case(case, actor=actor, now=now)
            result.submitted = True
    except DomainError as exc:
        result.error = exc
    return result
