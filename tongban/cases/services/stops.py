"""What stops or extends the clock during review: special procedures (特别程序) and extensions (延期)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.choices import (
    CaseAction,
    ClockIntervalKind,
    ExtensionState,
    NoticeKind,
    SpecialProcedureKind,
    TaskKind,
)
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import (
    Case,
    CaseExtension,
    ClockInterval,
)
from tongban.cases.services._kernel import (
    append_case_ledger,
    close_open_intervals,
    issue_notice,
    lock_case,
    move_case,
    refreshed_deadline_fields,
    resolve_now,
    signed_in_user,
)
from tongban.cases.transitions import ACTIVE_TASK_STATES

MAX_EXTENSION_DAYS = 10  # 行政许可法 §42


def do_start_special_procedure(
    case: Case,
    *,
    actor: Any,
    kind: str,
    reason: str,
    expected_days: int | None,
    now: datetime | None = None,
) -> ClockInterval:
    """Start a special procedure (特别程序, 行政许可法 §45): the clock stops and the applicant is told in writing."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.START_SPECIAL_PROCEDURE)
        if kind not in SpecialProcedureKind.values:
            raise errors.INVALID_CHOICE.error(fields={"kind": [kind]})
        if not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        interval = ClockInterval.objects.create(
            case=case,
            kind=ClockIntervalKind.SPECIAL_PROCEDURE,
            procedure=kind,
            reason=reason.strip(),
            expected_days=expected_days,
            started_at=now,
            started_by=signed_in_user(actor),
        )
        issue_notice(
            case,
            NoticeKind.SPECIAL_PROCEDURE,
            actor,
            {
                "procedure": kind,
                "procedure_label": str(SpecialProcedureKind(kind).label),
                "reason": reason,
                "expected_days": expected_days,
            },
            now,
        )
        changed = refreshed_deadline_fields(case, now)
        move_case(
            case,
            CaseAction.START_SPECIAL_PROCEDURE,
            actor,
            fields=changed,
            procedure=kind,
            expected_days=expected_days,
            at=now,
        )
    return interval


def do_finish_special_procedure(
    case: Case, *, actor: Any, result: str = "", now: datetime | None = None
) -> Case:
    """Finish the open special procedure; the clock runs again and the deadline moves by the stopped days."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.FINISH_SPECIAL_PROCEDURE)
        closed = close_open_intervals(case, actor, now, kind=ClockIntervalKind.SPECIAL_PROCEDURE)
        for interval in closed:
            interval.result = result
            interval.save(update_fields=["result"])
        changed = refreshed_deadline_fields(case, now)
        move_case(
            case,
            CaseAction.FINISH_SPECIAL_PROCEDURE,
            actor,
            fields=changed,
            deadline=case.deadline.isoformat() if case.deadline else None,
            at=now,
        )
    return case


def do_request_extension(
    case: Case, *, actor: Any, days: int, reason: str, now: datetime | None = None
) -> CaseExtension:
    """Ask a supervisor to extend the deadline (延期); approved plus pending days may not exceed 10 (§42)."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.REQUEST_EXTENSION)
        if not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        used = sum(
            e.days
            for e in case.extensions.filter(state__in=(ExtensionState.APPROVED, ExtensionState.PENDING))
        )
        if days < 1 or used + days > MAX_EXTENSION_DAYS:
            raise errors.EXTENSION_TOO_LONG.error()
        extension = CaseExtension.objects.create(
            case=case, days=days, reason=reason.strip(), requested_by=actor, requested_at=now
        )
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.EXTENSION_REQUESTED,
            {"state": case.state, "extension": extension.pk, "days": days},
            at=now,
        )
    return extension


def do_decide_extension(
    extension: CaseExtension, *, actor: Any, approve: bool, note: str = "", now: datetime | None = None
) -> CaseExtension:
    """A supervisor approves or rejects an extension; an approval moves the deadline and issues a 延期告知书."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(extension.case_id)
        access.require_can(actor, case, CasePermission.DECIDE_EXTENSION)
        extension = CaseExtension.objects.select_for_update().get(pk=extension.pk)
        if extension.state != ExtensionState.PENDING:
            raise errors.EXTENSION_ALREADY_DECIDED.error()
        extension.state = ExtensionState.APPROVED if approve else ExtensionState.REJECTED
        extension.decided_by, extension.decided_at, extension.note = actor, now, note
        extension.save(update_fields=["state", "decided_by", "decided_at", "note"])
        changed = refreshed_deadline_fields(case, now)
        if changed:
            case.version_no += 1
            case.save(update_fields=[*changed, "version_no", "updated_at"])
            case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).update(
                due_date=case.deadline, due_provisional=case.deadline_provisional
            )
        if approve:
            issue_notice(
                case,
                NoticeKind.EXTENSION,
                actor,
                {
                    "days": extension.days,
                    "reason": extension.reason,
                    "deadline": case.deadline.isoformat() if case.deadline else None,
                },
                now,
            )
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.EXTENSION_DECIDED,
            {
                "state": case.state,
                "extension": extension.pk,
                "approved": approve,
                "days": extension.days,
                "deadline": case.deadline.isoformat() if case.deadline else None,
            },
            at=now,
        )
    return extension
