"""Enterprises (法人) and authorisations to act for an enterprise (经办) or another person (代办)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from tongban.accounts import errors, events
from tongban.accounts.choices import AgentStatus
from tongban.accounts.models import AgentAuthorization, Enterprise, User
from tongban.accounts.services.validation import clean_credit_code
from tongban.core.services import append_ledger_entry

if TYPE_CHECKING:
    from tongban.organizations.models import Region


def do_upsert_enterprise(
    credit_code: str,
    name: str,
    *,
    legal_representative: str = "",
    address: str = "",
    region: Region | None = None,
) -> Enterprise:
    """Create or update the enterprise identified by ``credit_code`` (validated, GB 32100)."""
    code = clean_credit_code(credit_code)
    values = {
        "name": name,
        "legal_representative": legal_representative,
        "address": address,
        "region": region,
    }
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().filter(credit_code=code).first()
        if enterprise is None:
            enterprise = Enterprise.objects.create(credit_code=code, **values)
            action = events.ENTERPRISE_RECORDED
        else:
            changed = [field for field, value in values.items() if getattr(enterprise, field) != value]
            if not changed:
                return enterprise  # nothing to record: re-running a loader must not grow the ledger
            for field in changed:
                setattr(enterprise, field, values[field])
            enterprise.save(update_fields=[*changed, "updated_at"])
            action = events.ENTERPRISE_UPDATED
        append_ledger_entry(actor=None, action=action, obj=enterprise, data={"name": name})
    return enterprise


def do_authorize_agent(
    agent: User,
    target: Enterprise | User,
    *,
    actor: Any,
    valid_until: Any = None,
    document_note: str = "",
) -> AgentAuthorization:
    """Authorise ``agent`` to act for an enterprise (经办) or for another person (代办); idempotent per pair.

    Ledger: ``accounts.agent_authorized``.
    """
    if isinstance(target, Enterprise):
        lookup: dict[str, Any] = {"agent": agent, "enterprise": target, "principal": None}
    elif isinstance(target, User) and target.pk != agent.pk:
        lookup = {"agent": agent, "principal": target, "enterprise": None}
    else:
        raise errors.AUTHORIZATION_TARGET_REQUIRED.error()
    values = {"status": AgentStatus.ACTIVE, "valid_until": valid_until, "document_note": document_note}
    with transaction.atomic():
        authorization = AgentAuthorization.objects.select_for_update().filter(**lookup).first()
        if authorization is None:
            authorization = AgentAuthorization.objects.create(**lookup, **values)
        else:
            changed = [field for field, value in values.items() if getattr(authorization, field) != value]
            if not changed:
                return authorization  # already authorised exactly so: idempotent, no new ledger entry
            for field in changed:
                setattr(authorization, field, values[field])
            authorization.save(update_fields=[*changed, "updated_at"])
        append_ledger_entry(
            actor=actor,
            action=events.AGENT_AUTHORIZED,
            obj=authorization,
            data={"agent": agent.username, "target": str(target), "valid_until": valid_until},
        )
    return authorization


def do_revoke_agent_authorization(authorization: AgentAuthorization, *, actor: Any) -> AgentAuthorization:
    """Revoke an authorisation to act for someone. Ledger: ``accounts.agent_revoked``."""
    with transaction.atomic():
        authorization.status = AgentStatus.REVOKED
        authorization.save(update_fields=["status", "updated_at"])
        append_ledger_entry(actor=actor, action=events.AGENT_REVOKED, obj=authorization, data={})
    return authorization
