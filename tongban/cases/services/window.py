"""Window intake (窗口收件): a clerk takes in and submits an application for the person present."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongban.accounts.choices import Role, UserKind
from tongban.accounts.permissions import user_has_role
from tongban.accounts.services import do_authorize_agent
from tongban.cases import errors
from tongban.cases.choices import (
    Channel,
)
from tongban.cases.models import (
    Case,
)
from tongban.cases.services._kernel import (
    resolve_now,
)
from tongban.cases.services.applying import (
    add_material_row,
    check_idempotency_key,
    create_case_row,
    find_idempotent_case,
    request_fingerprint,
    resolve_version,
    submit_case,
)
from tongban.core.validators import validate_id_number

if TYPE_CHECKING:
    from tongban.catalog.models import ItemVersion, Material


def _find_or_create_person(id_number: str, name: str, phone: str) -> Any:
    id_number = (id_number or "").strip().upper()
    try:
        validate_id_number(id_number)
    except ValidationError as exc:
        raise errors.ID_NUMBER_INVALID.error(fields={"id_number": [str(m) for m in exc.messages]}) from None
    User = get_user_model()
    user = User.objects.filter(id_number=id_number).first()
    if user is None:
        user = User(
            username=f"id{id_number}",
            kind=UserKind.CITIZEN,
            real_name=(name or "").strip()[:100],
            id_number=id_number,
            phone=(phone or "").strip()[:20],
        )
        user.set_unusable_password()
        user.save()
    return user


def do_window_intake(
    *,
    actor: Any,
    version: ItemVersion | None = None,
    implementation_code: str | None = None,
    id_number: str,
    name: str,
    phone: str = "",
    form_data: dict[str, Any] | None = None,
    files: Sequence[tuple[Material | None, Any]] = (),
    originals_checked: bool = False,
    window: Any = None,
    principal_id_number: str = "",
    principal_name: str = "",
    authorization_note: str = "",
    idempotency_key: str = "",
    now: datetime | None = None,
) -> Case:
    """A clerk takes in and submits an application for a person present at the window (窗口收件).

    The person is found by ID number or an account without password is created. With ``principal_id_number``
    the present person is a 代办 proxy: the principal is the applicant and the authorisation is recorded. Items
    with 收件即受理 are accepted on the spot. Everything happens in one transaction. ``idempotency_key`` as in
    :func:`~tongban.cases.services.applying.do_create_case`: a repeated intake (same person, form and files by
    material, name and size) returns the first case, another intake under the same key is refused.
    """
    now = resolve_now(now)
    key = check_idempotency_key(idempotency_key)
    version = resolve_version(version, implementation_code)
    implementation = version.implementation
    if not user_has_role(
        actor, Role.CLERK, department=implementation.department, region=implementation.region
    ):
        raise errors.ITEM_NOT_AVAILABLE.error()
    fingerprint = request_fingerprint(
        {
            "item": f"version:{version.pk}",
            "id_number": (id_number or "").strip().upper(),
            "name": (name or "").strip(),
            "phone": (phone or "").strip(),
            "form_data": form_data or {},
            "files": [
                [
                    material.pk if material is not None else None,
                    getattr(file, "name", ""),
                    getattr(file, "size", None),
                ]
                for material, file in files
            ],
            "principal_id_number": (principal_id_number or "").strip().upper(),
            "principal_name": (principal_name or "").strip(),
        }
    )
    existing = find_idempotent_case(actor, key, fingerprint)
    if existing is not None:
        return existing
    with transaction.atomic():
        person = _find_or_create_person(id_number, name, phone)
        applicant, agent, authorization = person, None, None
        if principal_id_number:
            principal = _find_or_create_person(principal_id_number, principal_name, "")
            authorization = do_authorize_agent(
                person,
                principal,
                actor=actor,
                document_note=authorization_note[:200] or str(_("窗口核验授权委托书")),
            )
            applicant, agent = principal, person
        case = create_case_row(
            actor=actor,
            version=version,
            form_data=form_data,
            channel=Channel.WINDOW,
            applicant_user=applicant,
            agent=agent,
            authorization=authorization,
            idempotency_key=key,
            idempotency_hash=fingerprint,
            now=now,
        )
        case.intake_clerk = actor
        case.intake_window = window
        case.save(update_fields=["intake_clerk", "intake_window"])
        for material, file in files:
            add_material_row(
                case,
                actor=actor,
                file=file,
                material=material,
                name="",
                content_type="",
                originals_checked=originals_checked,
                now=now,
            )
        case = Case.objects.select_related("version", "department", "region", "implementation__item").get(
            pk=case.pk
        )
        return submit_case(case, actor=actor, now=now)
