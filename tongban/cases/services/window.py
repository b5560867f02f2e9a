"""Window intake (窗口收件): a clerk takes in and submits an application for the person present."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role
from tongban.accounts.queries import active_authorizations, get_enterprise_by_credit_code
from tongban.accounts.services import (
    clean_credit_code,
    clean_phone,
    do_authorize_agent,
    do_upsert_enterprise,
    resolve_window_person,
)
from tongban.cases import errors
from tongban.cases.access import serves_natural_persons, serves_organisations
from tongban.cases.choices import (
    Channel,
)
from tongban.cases.engine.clock import local_day
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
from tongban.cases.services.license_use import use_license_row
from tongban.core.errors import DomainError
from tongban.core.validators import validate_id_number

if TYPE_CHECKING:
    from tongban.accounts.models import Enterprise
    from tongban.catalog.models import ItemVersion, Material


def _clean_person_number(id_number: str, field: str = "id_number") -> str:
    """The 居民身份证号码 typed at the window, checked; ``ID_NUMBER_INVALID`` names ``field``."""
    id_number = (id_number or "").strip().upper()
    try:
        validate_id_number(id_number)
    except ValidationError as exc:
        raise errors.ID_NUMBER_INVALID.error(fields={field: [str(m) for m in exc.messages]}) from None
    return id_number


def _window_person(id_number: str, name: str, phone: str, *, actor: Any, field: str = "id_number") -> Any:
    """The account a window case of this person may be linked to, or ``None`` (ISSUE 7 §1).

    :func:`~tongban.accounts.services.resolve_window_person` decides: a verified account with the same name, or a
    window-confirmed account created now; never an unverified or name-mismatched account that merely holds the
    number — then the case is filed under the name and number given and found with number and query code."""
    return resolve_window_person(
        id_number=_clean_person_number(id_number, field), name=name, phone=phone, actor=actor
    )


def _window_phone(phone: str) -> str:
    """The phone given at the window, for the case's SMS when no account is linked ("" when mistyped)."""
    try:
        return clean_phone(phone) if phone else ""
    except DomainError:
        return ""


# A 授权委托书 verified at the window lets the 经办人 follow the enterprise's cases online; for a year at most.
WINDOW_AUTHORIZATION_DAYS = 365


def _enterprise_at_window(version: ItemVersion, credit_code: str, name: str) -> Enterprise | None:
    """The applicant enterprise named at the window (validated credit code), or ``None`` for a natural person.

    A known credit code must come with its recorded name (a typo in the code would otherwise file the case
    under another company); an unknown one is recorded with the name given.
    """
    credit_code = (credit_code or "").strip().upper()
    name = (name or "").strip()[:200]
    if not credit_code:
        if not serves_natural_persons(version):
            raise errors.ENTERPRISE_REQUIRED.error(
                fields={"credit_code": [str(errors.ENTERPRISE_REQUIRED.message)]}
            )
        return None
    if not serves_organisations(version):
        raise errors.ENTERPRISE_NOT_SERVED.error(
            fields={"credit_code": [str(errors.ENTERPRISE_NOT_SERVED.message)]}
        )
    code = clean_credit_code(credit_code)
    enterprise = get_enterprise_by_credit_code(code)
    if enterprise is not None:
        if name and name != enterprise.name:
            message = errors.ENTERPRISE_NAME_MISMATCH.message % {"name": enterprise.name}
            raise errors.ENTERPRISE_NAME_MISMATCH.error(message, fields={"enterprise_name": [message]})
        return enterprise
    if not name:
        raise errors.ENTERPRISE_REQUIRED.error(
            fields={"enterprise_name": [str(errors.ENTERPRISE_REQUIRED.message)]}
        )
    return do_upsert_enterprise(code, name)


def _agent_authorization(agent: Any, enterprise: Enterprise, *, actor: Any, note: str, now: datetime) -> Any:
    """The 经办人's authorisation for ``enterprise``: an existing active one is kept as it is, else the letter
    verified at the window is recorded (``accounts.agent_authorized``) for :data:`WINDOW_AUTHORIZATION_DAYS`."""
    existing = active_authorizations(agent).filter(enterprise=enterprise).first()
    if existing is not None:
        return existing
    return do_authorize_agent(
        agent,
        enterprise,
        actor=actor,
        valid_until=local_day(now) + timedelta(days=WINDOW_AUTHORIZATION_DAYS),
        document_note=note[:200] or str(_("窗口核验单位授权委托书")),
    )


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
    licenses: Sequence[tuple[Material, str]] = (),
    originals_checked: bool = False,
    window: Any = None,
    principal_id_number: str = "",
    principal_name: str = "",
    authorization_note: str = "",
    enterprise_credit_code: str = "",
    enterprise_name: str = "",
    idempotency_key: str = "",
    now: datetime | None = None,
) -> Case:
    """A clerk takes in and submits an application for a person present at the window (窗口收件).

    The person present is linked to an account only as :func:`_window_person` allows (a verified account of the
    same name, or a window-confirmed one created now); otherwise the case carries the name, number and phone given
    and is followed with its number and query code. With ``principal_id_number``
    the present person is a 代办 proxy: the principal is the applicant and the authorisation is recorded. With
    ``enterprise_credit_code`` (法人 items) the applicant is the enterprise and the person present is its 经办人:
    the enterprise is found by its validated credit code (or recorded), the authorisation letter is recorded,
    and every notice and decision is addressed to the enterprise. An item only for organisations needs the
    enterprise (``ENTERPRISE_REQUIRED``); one only for natural persons refuses it (``ENTERPRISE_NOT_SERVED``).
    Items with 收件即受理 are accepted on the spot. Everything happens in one transaction. ``idempotency_key`` as
    in :func:`~tongban.cases.services.applying.do_create_case`: a repeated intake (same person, applicant, form and
    files by material, name and size) returns the first case, another intake under the same key is refused.

    ``licenses`` are ``(material, licence identifier)`` pairs: the applicant's electronic licences used instead
    of paper (免证可办), each recorded as an authorisation to use. Only for an applicant whose identity links the
    case to a verified account (``LICENSE_APPLICANT_UNVERIFIED`` otherwise), only the applicant's own valid
    licences of the material's type (``LICENSE_NOT_REUSABLE``).
    """
    now = resolve_now(now)
    key = check_idempotency_key(idempotency_key)
    version = resolve_version(version, implementation_code)
    implementation = version.implementation
    if not user_has_role(
        actor, Role.CLERK, department=implementation.department, region=implementation.region
    ):
        raise errors.ITEM_NOT_AVAILABLE.error()
    if principal_id_number and enterprise_credit_code:
        raise errors.VALIDATION_ERROR.error(
            _("代办（为他人申请）与以单位名义申请只能选择一种。"), fields={"credit_code": ["principal"]}
        )
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
            "licenses": [[material.pk, identifier] for material, identifier in licenses],
            "principal_id_number": (principal_id_number or "").strip().upper(),
            "principal_name": (principal_name or "").strip(),
            "enterprise_credit_code": (enterprise_credit_code or "").strip().upper(),
            "enterprise_name": (enterprise_name or "").strip(),
        }
    )
    existing = find_idempotent_case(actor, key, fingerprint)
    if existing is not None:
        return existing
    with transaction.atomic():
        enterprise = _enterprise_at_window(version, enterprise_credit_code, enterprise_name)
        person = _window_person(id_number, name, phone, actor=actor)
        applicant, agent, authorization = person, None, None
        # Who the application is for, as typed and checked at the window: kept on the case even when no account
        # may be linked to it.
        applicant_name, applicant_number = (name or "").strip()[:100], _clean_person_number(id_number)
        if enterprise is not None:
            if person is not None:
                authorization = _agent_authorization(
                    person, enterprise, actor=actor, note=authorization_note, now=now
                )
            applicant, agent = None, person
        elif principal_id_number:
            principal = _window_person(
                principal_id_number, principal_name, "", actor=actor, field="principal_id_number"
            )
            applicant_name = (principal_name or "").strip()[:100]
            applicant_number = _clean_person_number(principal_id_number, "principal_id_number")
            if person is not None and principal is not None:
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
            applicant_name=applicant_name,
            applicant_id_number=applicant_number,
            contact_phone=_window_phone(phone),
            enterprise=enterprise,
            agent=agent,
            authorization=authorization,
            idempotency_key=key,
            window=window,
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
        for material, identifier in licenses:
            # The enterprise's licences through its 经办人 (just authorised above), else the applicant's own.
            use_license_row(
                case,
                actor=actor,
                material=material,
                identifier=identifier,
                holder_user=person if enterprise is not None else applicant,
                enterprise=enterprise,
                now=now,
            )
        case = Case.objects.select_related("version", "department", "region", "implementation__item").get(
            pk=case.pk
        )
        return submit_case(case, actor=actor, now=now)
