"""The kernel every case service shares: lock, transition, ledger, notices, outbox, clock fields (ADR 0007).

Every public ``do_*`` service in this package is one transition: it runs in one ``transaction.atomic``, locks the
case row (``select_for_update``; SQLite's IMMEDIATE transactions serialise writers), checks who may act
(:mod:`tongban.cases.access`) and the transition table (:mod:`tongban.cases.transitions`), changes rows with
``save(update_fields=…)``, appends the ledger entry, updates ``CaseTask`` rows and writes the outbox messages to the
applicant. Locks are always taken case first, then task, so two people acting on one case queue instead of
deadlocking. Every service accepts ``now`` so tests and the demo can back-date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.cases import errors
from tongban.cases.choices import (
    NOTICE_NUMBER_CODES,
    Channel,
    DeliveryMode,
    NoticeKind,
    TaskKind,
    TaskState,
)
from tongban.cases.documents.uploads import check_upload
from tongban.cases.engine.clock import (
    acceptance_deadline_provisional,
    compute_acceptance_deadline,
    compute_deadline,
    compute_supplement_deadline,
    deadline_provisional,
    local_day,
    supplement_deadline_provisional,
)
from tongban.cases.events import TRANSITION_LEDGER_ACTIONS, CaseEvent, CaseLedgerAction
from tongban.cases.models import (
    Case,
    ClockInterval,
    Notice,
)
from tongban.cases.queries import offered_delivery_modes
from tongban.cases.transitions import ACTIVE_TASK_STATES, check_transition
from tongban.core.services import append_ledger_entry
from tongban.notifications.choices import Channel as NotificationChannel
from tongban.notifications.services import enqueue_notification

if TYPE_CHECKING:
    from tongban.catalog.models import ItemVersion

# 行政复议法 §20 (60 days) and 行政诉讼法 §46 (6 months): printed on every refusal.
REMEDIES = _(
    "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
)


# --- small helpers ------------------------------------------------------------------------------------------------


def resolve_now(now: datetime | None) -> datetime:
    """``now`` when a caller back-dates (tests, the demo), else the current time."""
    return now or timezone.now()


def signed_in_user(actor: Any) -> Any:
    """``actor`` when it is a signed-in account, else ``None`` (the platform itself acting, e.g. 收件即受理)."""
    return actor if getattr(actor, "is_authenticated", False) else None


CASE_LOCK_RELATED = ("version", "department", "region", "implementation__item")
# The task services read only the case's own fields, its department and item name (notices): compiling the
# 156-column join above was the largest single cost of a task completion (ADR 0007), this one has 83.
TASK_CASE_LOCK_RELATED = ("department", "implementation__item")


def lock_case(case: Case | int, *, related: Sequence[str] = CASE_LOCK_RELATED) -> Case:
    """The case row, locked for update with ``related`` joined; ``CASE_NOT_FOUND`` when it is gone."""
    pk = case.pk if isinstance(case, Case) else case
    try:
        return Case.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)
    except Case.DoesNotExist:
        raise errors.CASE_NOT_FOUND.error() from None


# A back-dated ``now`` (the demo loader, tests) further than this from the clock is kept in the entry.
BACKDATE_TOLERANCE = timedelta(minutes=5)


def append_case_ledger(
    case: Case, actor: Any, action: CaseLedgerAction, data: dict[str, Any], *, at: datetime | None = None
) -> None:
    """Append ``action`` for ``case`` to the ledger, in the caller's transaction; the number (or draft id) is kept.

    The entry's own time is always the moment it is written (the chain is in order). When the service was told
    the change happened at another moment (``at``, a back-dated ``now``), that moment is kept as ``effective_at``
    and the timelines show it, so a timeline agrees with the dates on the case's notices.
    """
    extra: dict[str, Any] = {}
    if at is not None and abs(at - timezone.now()) > BACKDATE_TOLERANCE:
        extra["effective_at"] = at.isoformat()
    append_ledger_entry(
        actor=actor,
        action=CaseLedgerAction(action).value,
        obj=case,
        data={"number": case.number or str(case.public_id), **data, **extra},
    )


def move_case(
    case: Case,
    action: str,
    actor: Any,
    *,
    target: str | None = None,
    fields: Iterable[str] = (),
    at: datetime | None = None,
    **data: Any,
) -> None:
    """Change the state by ``action`` (checked against the table), save ``fields`` too and append the ledger entry."""
    before = case.state
    case.state = check_transition(case.state, action, target)
    case.version_no += 1
    case.save(update_fields=["state", "version_no", "updated_at", *fields])
    append_case_ledger(
        case, actor, TRANSITION_LEDGER_ACTIONS[action], {"from": before, "to": case.state, **data}, at=at
    )


def notify_applicant(case: Case, event: CaseEvent, title: str, body: str) -> None:
    """Outbox messages to the applicant side, in the caller's transaction."""
    recipients = {u.pk: u for u in (case.applicant_user, case.agent) if u is not None}
    url = reverse("cases:case_detail", kwargs={"ref": case.ref})
    if not recipients and case.channel == Channel.WINDOW:
        # No account may follow this window case: the applicant hears by SMS at the phone given at the window
        # (never the clerk who filed it), and follows it with number and query code.
        if case.contact_phone:
            enqueue_notification(
                user=None,
                phone=case.contact_phone,
                event=CaseEvent(event).value,
                title=title,
                body=body,
                case=case,
                channels=[NotificationChannel.SMS],
            )
        return
    if not recipients and case.created_by_id:
        recipients[case.created_by_id] = case.created_by
    for user in recipients.values():
        enqueue_notification(
            user=user, event=CaseEvent(event).value, title=title, body=body, url=url, case=case
        )


def next_notice_number(case: Case, kind: str) -> str:
    """The number the next notice of ``kind`` on ``case`` gets (call under the case lock)."""
    count = Notice.objects.filter(case=case, kind=kind).count()
    return f"{case.number}-{NOTICE_NUMBER_CODES[kind]}{count + 1:02d}"


def sentence(text: Any) -> str:
    """``text`` without trailing punctuation, to be placed inside a message that supplies its own (no "。。")."""
    return str(text or "").strip().rstrip("。．.，,；;：:！!？? ")


def issue_notice(case: Case, kind: str, actor: Any, content: dict[str, Any], now: datetime) -> Notice:
    """A numbered written notice (文书) of ``kind`` on the case: ``<case number>-<code><nn>``."""
    return Notice.objects.create(
        case=case,
        kind=kind,
        number=next_notice_number(case, kind),
        department=case.department,
        content={"case_number": case.number, "item": case.implementation.item.name, **content},
        created_at=now,
        created_by=signed_in_user(actor),
    )


def inspect_upload(file: Any, content_type: str) -> tuple[str, str, int]:
    """``(sha256, content_type, size)`` of an upload, checked by content (type sniffing, size and name limits)."""
    sha256, sniffed = check_upload(file)
    content_type = sniffed or content_type
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    return sha256, content_type or "application/octet-stream", int(size)


def tolerated_outstanding(case: Case) -> bool:
    """True while a 容缺 material accepted as missing has not been supplied (the decision must wait)."""
    return case.materials.filter(tolerated=True, supplied_at__isnull=True, is_current=True).exists()


def close_open_intervals(
    case: Case, actor: Any, now: datetime, *, kind: str | None = None
) -> list[ClockInterval]:
    """End the open clock stops (of ``kind``, or all) at ``now``; returns the intervals it closed."""
    intervals = list(case.clock_intervals.filter(ended_at__isnull=True))
    closed = []
    for interval in intervals:
        if kind is not None and interval.kind != kind:
            continue
        interval.ended_at = now
        interval.ended_by = signed_in_user(actor)
        interval.save(update_fields=["ended_at", "ended_by"])
        closed.append(interval)
    return closed


def cancel_active_tasks(case: Case, *, kinds: Sequence[str] = (TaskKind.FLOW, TaskKind.ADDED_SIGNER)) -> int:
    """Cancel the case's open and claimed tasks of ``kinds``; returns how many."""
    tasks = list(case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind__in=kinds))
    for task in tasks:
        task.state = TaskState.CANCELLED
        task.version += 1
        task.save(update_fields=["state", "version"])
    return len(tasks)


def refreshed_deadline_fields(case: Case, now: datetime) -> list[str]:
    """Recompute the stored (derived) deadlines; returns the changed field names for ``update_fields``."""
    changed = []
    acceptance = compute_acceptance_deadline(case, local_day(now))
    if acceptance != case.acceptance_deadline:
        case.acceptance_deadline = acceptance
        changed.append("acceptance_deadline")
    deadline = compute_deadline(case, local_day(now))
    if deadline != case.deadline:
        case.deadline = deadline
        changed.append("deadline")
    supplement = compute_supplement_deadline(case)
    if supplement is not None and supplement != case.supplement_deadline:
        case.supplement_deadline = supplement
        changed.append("supplement_deadline")
    return changed + provisional_fields(case)


def provisional_fields(case: Case) -> list[str]:
    """Set the "暂按法定节日计算" flags of the stored deadlines; returns the changed field names."""
    changed = []
    for field, value in (
        ("acceptance_deadline_provisional", acceptance_deadline_provisional(case)),
        ("deadline_provisional", deadline_provisional(case)),
        ("supplement_deadline_provisional", supplement_deadline_provisional(case)),
    ):
        if getattr(case, field) != value:
            setattr(case, field, value)
            changed.append(field)
    return changed


MAX_ADDRESS_LENGTH = 300


def check_delivery_choice(version: ItemVersion, mode: str, address: str) -> tuple[str, str]:
    """``(mode, address)`` cleaned: a mode the version offers (or ``""``); post needs an address, others keep none."""
    mode = (mode or "").strip()
    address = (address or "").strip()[:MAX_ADDRESS_LENGTH]
    if not mode:
        return "", ""
    if mode not in offered_delivery_modes(version):
        raise errors.DELIVERY_MODE_NOT_OFFERED.error(fields={"mode": [mode]})
    if mode == DeliveryMode.POST and not address:
        raise errors.DELIVERY_ADDRESS_REQUIRED.error(fields={"address": [mode]})
    return mode, address if mode == DeliveryMode.POST else ""


def flagged_problems(case: Case) -> list[dict[str, Any]]:
    """The problems listed on the case's latest one-time correction notice (一次性告知书)."""
    notice = case.notices.filter(kind=NoticeKind.CORRECTION).order_by("-created_at", "-id").first()
    return list(notice.content.get("problems", [])) if notice else []
