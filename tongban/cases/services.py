"""State-changing services of the case engine (ADR 0007).

Every public ``do_*`` function is one transition: it runs in one ``transaction.atomic``, locks the case row
(``select_for_update``; SQLite's IMMEDIATE transactions serialise writers), checks the transition table, changes
rows with ``save(update_fields=…)``, appends the ledger entry ``case.<action>``, updates ``CaseTask`` rows and writes
the outbox messages to the applicant. Locks are always taken case first, then task, so two people acting on one
case queue instead of deadlocking. Every function accepts ``now`` so tests and the demo can back-date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.accounts.choices import AgentStatus, Role, UserKind
from tongban.accounts.models import AgentAuthorization, Enterprise
from tongban.accounts.permissions import departments_for_role, user_has_role
from tongban.cases import errors, events
from tongban.cases.choices import (
    NOTICE_NUMBER_CODES,
    TRANSITIONS,
    ApplicantKind,
    CaseAction,
    CaseState,
    Channel,
    ClockIntervalKind,
    DeliveryMode,
    ExtensionState,
    MaterialReviewStatus,
    NoticeKind,
    SpecialProcedureKind,
    TaskKind,
    TaskOutcome,
    TaskState,
)
from tongban.cases.clock import (
    compute_acceptance_deadline,
    compute_deadline,
    local_day,
    time_limit_for,
)
from tongban.cases.flows import (
    COMMITMENT,
    DECISION_STEP,
    PARALLEL_REVIEW,
    SINGLE_DEPARTMENT,
    STEPS,
    complete_user_task,
    dump_workflow,
    ensure_flow_templates,
    load_workflow,
    ready_user_tasks,
    start_workflow,
    workflow_value,
)
from tongban.cases.models import (
    Case,
    CaseExtension,
    CaseMaterial,
    CaseTask,
    ClockInterval,
    Decision,
    Notice,
)
from tongban.cases.numbering import new_pickup_code, new_query_code, next_case_number
from tongban.cases.queries import offered_delivery_modes
from tongban.catalog.choices import FlowKind, MaterialNecessity, VersionStatus
from tongban.catalog.models import FlowTemplate, Implementation, ItemVersion, Material
from tongban.core.calendar import add_working_days
from tongban.core.services import append_ledger_entry

# 行政复议法 §20 (60 days) and 行政诉讼法 §46 (6 months): printed on every refusal.
REMEDIES = _(
    "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
)
DEFAULT_SUPPLEMENT_DAYS = 5
MAX_EXTENSION_DAYS = 10  # 行政许可法 §42
ACTIVE_TASK_STATES = (TaskState.OPEN, TaskState.CLAIMED)


# --- small helpers ------------------------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


CASE_LOCK_RELATED = ("version", "department", "region", "implementation__item")
# The task services read only the case's own fields, its department and item name (notices): compiling the
# 156-column join above was the largest single cost of a task completion (ADR 0007), this one has 83.
TASK_CASE_LOCK_RELATED = ("department", "implementation__item")


def _lock_case(case: Case | int, *, related: Sequence[str] = CASE_LOCK_RELATED) -> Case:
    pk = case.pk if isinstance(case, Case) else case
    try:
        return Case.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)
    except Case.DoesNotExist:
        raise errors.CASE_NOT_FOUND.error() from None


def _check_transition(case: Case, action: str, target: str | None = None) -> str:
    """The target state of ``action`` from the case's state; refuses what the table does not allow."""
    transition = TRANSITIONS[action]
    if case.state not in transition.sources:
        raise errors.CASE_INVALID_STATE.error(fields={"state": case.state, "action": action})
    if target is None:
        (target,) = tuple(transition.targets)
    assert target in transition.targets
    return target


def _ledger(case: Case, actor: Any, action: str, data: dict[str, Any]) -> None:
    append_ledger_entry(
        actor=actor,
        action=f"case.{action}",
        obj=case,
        data={"number": case.number or str(case.public_id), **data},
    )


def _move(
    case: Case, action: str, actor: Any, *, target: str | None = None, fields: Iterable[str] = (), **data: Any
) -> None:
    """Change the state by ``action`` (checked against the table), save ``fields`` too and append the ledger entry."""
    before = case.state
    case.state = _check_transition(case, action, target)
    case.version_no += 1
    case.save(update_fields=["state", "version_no", "updated_at", *fields])
    _ledger(case, actor, action, {"from": before, "to": case.state, **data})


def _notify(case: Case, event: str, title: str, body: str) -> None:
    """Outbox messages to the applicant side, in the caller's transaction (skipped if notifications is absent)."""
    try:
        from tongban.notifications.services import enqueue_notification
    except ImportError:  # pragma: no cover - the notifications app ships with the platform
        return
    recipients = {u.pk: u for u in (case.applicant_user, case.agent) if u is not None}
    if not recipients and case.created_by_id:
        recipients[case.created_by_id] = case.created_by
    url = reverse("cases:case_detail", kwargs={"ref": case.ref})
    for user in recipients.values():
        enqueue_notification(user=user, event=event, title=title, body=body, url=url, case=case)


def _issue_notice(case: Case, kind: str, actor: Any, content: dict[str, Any], now: datetime) -> Notice:
    code = NOTICE_NUMBER_CODES[kind]
    count = Notice.objects.filter(case=case, kind=kind).count()
    return Notice.objects.create(
        case=case,
        kind=kind,
        number=f"{case.number}-{code}{count + 1:02d}",
        department=case.department,
        content={"case_number": case.number, "item": case.implementation.item.name, **content},
        created_at=now,
        created_by=_user(actor),
    )


def _is_applicant_side(actor: Any, case: Case) -> bool:
    """True when ``actor`` is the applicant, the acting agent/proxy, or holds a valid authorisation for the case."""
    if _user(actor) is None:
        return False
    if actor.pk in (case.applicant_user_id, case.agent_id):
        return True
    today = timezone.localdate()
    authorizations = AgentAuthorization.objects.filter(agent=actor, status=AgentStatus.ACTIVE).exclude(
        valid_until__lt=today
    )
    if case.enterprise_id and authorizations.filter(enterprise_id=case.enterprise_id).exists():
        return True
    return bool(
        case.applicant_user_id and authorizations.filter(principal_id=case.applicant_user_id).exists()
    )


def _is_clerk(actor: Any, case: Case) -> bool:
    return user_has_role(actor, Role.CLERK, department=case.department, region=case.region)


def _is_department_staff(actor: Any, case: Case) -> bool:
    return any(
        user_has_role(actor, role, department=case.department, region=case.region)
        for role in (Role.REVIEWER, Role.APPROVER)
    )


def _require(condition: bool) -> None:
    """Refuse with the same "not found" as a missing case (ARCHITECTURE §5.4)."""
    if not condition:
        raise errors.CASE_NOT_FOUND.error()


def _validate_form(version: ItemVersion, form_data: dict[str, Any]) -> dict[str, Any]:
    """Validate ``form_data`` against the version's schema with the UI's ``formschema`` module, when present."""
    try:
        from tongban.cases.formschema import validate
    except ImportError:  # pragma: no cover
        return dict(form_data or {})
    if not version.form_schema:
        return dict(form_data or {})
    clean, problems = validate(version.form_schema, form_data or {})
    if problems:
        raise errors.FORM_INVALID.error(fields=problems)
    return clean


def _inspect_upload(file: Any, content_type: str) -> tuple[str, str, int]:
    """``(sha256, content_type, size)`` of an upload, checked by the UI's ``uploads.check_upload`` when present."""
    check_upload: Callable[[Any], tuple[str, str]] | None
    try:
        from tongban.cases.uploads import check_upload
    except ImportError:  # pragma: no cover
        check_upload = None
    if check_upload is not None:
        sha256, sniffed = check_upload(file)
        content_type = sniffed or content_type
    else:  # pragma: no cover
        digest = hashlib.sha256()
        file.seek(0)
        for chunk in file.chunks() if hasattr(file, "chunks") else [file.read()]:
            digest.update(chunk)
        file.seek(0)
        sha256 = digest.hexdigest()
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    return sha256, content_type or "application/octet-stream", int(size)


def _resolve_version(version: ItemVersion | None, implementation_code: str | None) -> ItemVersion:
    if version is None:
        implementation = (
            Implementation.objects.select_related("current_version")
            .filter(code=str(implementation_code or "")[:31], is_active=True)
            .first()
        )
        version = implementation.current_version if implementation is not None else None
    if version is None or version.status != VersionStatus.PUBLISHED:
        raise errors.ITEM_NOT_AVAILABLE.error()
    return ItemVersion.objects.select_related(
        "implementation__item", "implementation__department", "implementation__region"
    ).get(pk=version.pk)


def _active_authorization(actor: Any, *, enterprise: Any = None, principal: Any = None) -> AgentAuthorization:
    today = timezone.localdate()
    query = AgentAuthorization.objects.filter(agent=actor, status=AgentStatus.ACTIVE).exclude(
        valid_until__lt=today
    )
    query = (
        query.filter(enterprise=enterprise) if enterprise is not None else query.filter(principal=principal)
    )
    authorization = query.first()
    if authorization is None:
        raise errors.NOT_AUTHORISED_FOR_APPLICANT.error()
    return authorization


def _tolerated_outstanding(case: Case) -> bool:
    return case.materials.filter(tolerated=True, supplied_at__isnull=True, is_current=True).exists()


def _close_open_intervals(
    case: Case, actor: Any, now: datetime, *, kind: str | None = None
) -> list[ClockInterval]:
    intervals = list(case.clock_intervals.filter(ended_at__isnull=True))
    closed = []
    for interval in intervals:
        if kind is not None and interval.kind != kind:
            continue
        interval.ended_at = now
        interval.ended_by = _user(actor)
        interval.save(update_fields=["ended_at", "ended_by"])
        closed.append(interval)
    return closed


def _cancel_active_tasks(case: Case, *, kinds: Sequence[str] = (TaskKind.FLOW, TaskKind.ADDED_SIGNER)) -> int:
    tasks = list(case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind__in=kinds))
    for task in tasks:
        task.state = TaskState.CANCELLED
        task.version += 1
        task.save(update_fields=["state", "version"])
    return len(tasks)


def _refresh_deadline(case: Case, now: datetime) -> list[str]:
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
    return changed


# --- applying --------------------------------------------------------------------------------------------------


def _create_case_row(
    *,
    actor: Any,
    version: ItemVersion,
    form_data: dict[str, Any] | None,
    channel: str,
    applicant_user: Any = None,
    enterprise: Enterprise | None = None,
    agent: Any = None,
    authorization: AgentAuthorization | None = None,
    idempotency_key: str = "",
    delivery_mode: str = "",
    delivery_address: str = "",
    now: datetime,
) -> Case:
    implementation = version.implementation
    if enterprise is not None:
        applicant_kind, name, id_number = ApplicantKind.ENTERPRISE, enterprise.name, enterprise.credit_code
    else:
        applicant_kind = ApplicantKind.PERSON
        name = applicant_user.real_name or applicant_user.username
        id_number = applicant_user.id_number
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
        created_by=actor,
        idempotency_key=idempotency_key or "",
        form_data=dict(form_data or {}),
        requested_delivery_mode=delivery_mode,
        delivery_address=delivery_address,
    )
    _ledger(
        case,
        actor,
        "create",
        {
            "to": CaseState.DRAFT,
            "implementation": implementation.code,
            "version": version.number,
            "channel": channel,
        },
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
    second call with the same key returns the first case (submitting it if ``submit`` and it is still a draft).
    ``delivery_mode``/``delivery_address`` (optional) are checked as in :func:`do_choose_delivery`.
    """
    if _user(actor) is None:
        raise errors.NOT_FOUND.error()
    now = _now(now)
    key = (idempotency_key or "").strip()[:100]
    if key:
        existing = Case.objects.filter(created_by=actor, idempotency_key=key).first()
        if existing is not None:
            return do_submit_case(existing, actor=actor, now=now) if submit else existing
    version = _resolve_version(version, implementation_code)
    delivery_mode, delivery_address = _check_delivery_choice(version, delivery_mode, delivery_address)
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
            case = _create_case_row(
                actor=actor,
                version=version,
                form_data=form_data,
                channel=channel,
                applicant_user=applicant_user,
                enterprise=enterprise,
                agent=agent,
                authorization=authorization,
                idempotency_key=key,
                delivery_mode=delivery_mode,
                delivery_address=delivery_address,
                now=now,
            )
            if submit:
                case = do_submit_case(case, actor=actor, now=now)
    except IntegrityError:
        # A concurrent request with the same key won the race: return its case (ARCHITECTURE §5.7).
        existing = Case.objects.filter(created_by=actor, idempotency_key=key).first() if key else None
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
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state != CaseState.DRAFT:
            raise errors.CASE_INVALID_STATE.error()
        case.form_data = dict(form_data or {})
        if delivery_mode is not None:
            mode, address = _check_delivery_choice(case.version, delivery_mode, delivery_address)
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
        _ledger(case, actor, "update_draft", {"state": case.state, "fields": sorted(case.form_data)})
    return case


def _add_material_row(
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
    if material is not None and material.version_id != case.version_id:
        raise errors.MATERIAL_NOT_OF_CASE.error()
    sha256, content_type, size = _inspect_upload(file, content_type)
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
        uploaded_by=_user(actor),
        uploaded_at=now,
        originals_checked=originals_checked,
    )
    row.file.save(original_name, file, save=False)
    row.save()
    _ledger(
        case,
        actor,
        "add_material",
        {
            "state": case.state,
            "material": material.pk if material else None,
            "name": row.name,
            "sha256": sha256,
            "size": size,
        },
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
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state == CaseState.CORRECTION_REQUESTED:
            flagged = _flagged_problems(case)
            ids = {p.get("material_id") for p in flagged}
            names = {p.get("name") for p in flagged}
            if (material is not None and material.pk not in ids) or (material is None and name not in names):
                raise errors.MATERIAL_NOT_FLAGGED.error()
            if material is None:
                case.materials.filter(material__isnull=True, name=name, is_current=True).update(
                    is_current=False
                )
        elif case.state != CaseState.DRAFT:
            raise errors.CASE_INVALID_STATE.error()
        return _add_material_row(
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
        case = _lock_case(case_material.case_id)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state != CaseState.DRAFT:
            raise errors.CASE_INVALID_STATE.error()
        row = CaseMaterial.objects.get(pk=case_material.pk, case=case)
        storage, path = row.file.storage, row.file.name
        _ledger(case, actor, "remove_material", {"state": case.state, "name": row.name, "sha256": row.sha256})
        row.delete()
        if path:
            transaction.on_commit(lambda: storage.delete(path))


def do_sign_commitment(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Record the applicant's signature of the item's 告知承诺书 (text, SHA-256, time) on a draft."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state != CaseState.DRAFT:
            raise errors.CASE_INVALID_STATE.error()
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
        _ledger(case, actor, "sign_commitment", {"state": case.state, "hash": case.commitment_hash})
    return case


def _missing_required_materials(case: Case) -> list[str]:
    present = set(
        case.materials.filter(is_current=True, material__isnull=False)
        .exclude(file="")
        .values_list("material_id", flat=True)
    )
    return [
        m.name
        for m in case.version.materials.all()
        if m.necessity == MaterialNecessity.REQUIRED and not m.exempt_if_shared and m.pk not in present
    ]


def _submit(case: Case, *, actor: Any, now: datetime) -> Case:
    case.form_data = _validate_form(case.version, case.form_data)
    missing = _missing_required_materials(case)
    if missing:
        raise errors.MATERIALS_MISSING.error(fields={"materials": missing})
    case.number = next_case_number(case.region.code, local_day(now))
    case.query_code = new_query_code()
    case.submitted_at = now
    case.acceptance_deadline = compute_acceptance_deadline(case, local_day(now))
    _move(
        case,
        CaseAction.SUBMIT,
        actor,
        fields=["number", "query_code", "submitted_at", "acceptance_deadline", "form_data"],
        channel=case.channel,
    )
    _issue_notice(
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
        acceptor = actor if _is_clerk(actor, case) else None
        case = _accept(
            case, actor=acceptor, note=_("收件即受理"), tolerated_materials=(), supplement_days=None, now=now
        )
    return case


def do_submit_case(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Submit a draft: validate the form, check required materials, assign the number and the query code.

    Submitting a case that is already submitted returns it unchanged (a retried request is harmless). Items with
    收件即受理 are accepted in the same transaction.
    """
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state != CaseState.DRAFT and case.number:
            return case
        _check_transition(case, CaseAction.SUBMIT)
        return _submit(case, actor=actor, now=now)


def _find_or_create_person(id_number: str, name: str, phone: str) -> Any:
    from tongban.core.validators import validate_id_number

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
    with 收件即受理 are accepted on the spot. Everything happens in one transaction.
    """
    now = _now(now)
    version = _resolve_version(version, implementation_code)
    implementation = version.implementation
    if not user_has_role(
        actor, Role.CLERK, department=implementation.department, region=implementation.region
    ):
        raise errors.ITEM_NOT_AVAILABLE.error()
    key = (idempotency_key or "").strip()[:100]
    if key:
        existing = Case.objects.filter(created_by=actor, idempotency_key=key).first()
        if existing is not None:
            return existing
    with transaction.atomic():
        person = _find_or_create_person(id_number, name, phone)
        applicant, agent, authorization = person, None, None
        if principal_id_number:
            principal = _find_or_create_person(principal_id_number, principal_name, "")
            authorization, _created = AgentAuthorization.objects.update_or_create(
                agent=person,
                principal=principal,
                enterprise=None,
                defaults={
                    "status": AgentStatus.ACTIVE,
                    "document_note": authorization_note[:200] or _("窗口核验授权委托书"),
                },
            )
            applicant, agent = principal, person
        case = _create_case_row(
            actor=actor,
            version=version,
            form_data=form_data,
            channel=Channel.WINDOW,
            applicant_user=applicant,
            agent=agent,
            authorization=authorization,
            idempotency_key=key,
            now=now,
        )
        case.intake_clerk = actor
        case.intake_window = window
        case.save(update_fields=["intake_clerk", "intake_window"])
        for material, file in files:
            _add_material_row(
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
        return _submit(case, actor=actor, now=now)


# --- pre-review, correction, acceptance -----------------------------------------------------------------------


def do_prereview_material(
    case_material: CaseMaterial, *, actor: Any, ok: bool, reason: str = ""
) -> CaseMaterial:
    """Mark one material of a submitted case as passing pre-review or having a problem (with a reason)."""
    with transaction.atomic():
        case = _lock_case(case_material.case_id)
        _require(_is_clerk(actor, case))
        if case.state != CaseState.SUBMITTED:
            raise errors.CASE_INVALID_STATE.error()
        if not ok and not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        row = CaseMaterial.objects.get(pk=case_material.pk, case=case)
        row.review_status = MaterialReviewStatus.PASS if ok else MaterialReviewStatus.PROBLEM
        row.review_reason = "" if ok else reason.strip()[:500]
        row.save(update_fields=["review_status", "review_reason"])
        _ledger(
            case, actor, "prereview", {"state": case.state, "material": row.name, "status": row.review_status}
        )
    return row


def _flagged_problems(case: Case) -> list[dict[str, Any]]:
    notice = case.notices.filter(kind=NoticeKind.CORRECTION).order_by("-created_at", "-id").first()
    return list(notice.content.get("problems", [])) if notice else []


def do_request_correction(
    case: Case,
    *,
    actor: Any,
    problems: Sequence[tuple[CaseMaterial | Material, str]],
    note: str = "",
    now: datetime | None = None,
) -> Notice:
    """Issue ONE one-time correction notice (一次性告知书) listing every problem; the clock stops until resubmission.

    Before acceptance a clerk issues it (the acceptance clock stops); during review a reviewer or approver of the
    department may (the case clock stops).
    """
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        if case.state == CaseState.IN_REVIEW:
            _require(_is_department_staff(actor, case) or _is_clerk(actor, case))
        else:
            _require(_is_clerk(actor, case))
        _check_transition(case, CaseAction.REQUEST_CORRECTION)
        if not problems:
            raise errors.CORRECTION_EMPTY.error()
        listed = []
        for target, reason in problems:
            reason = (reason or "").strip()
            if not reason:
                raise errors.REASON_REQUIRED.error(fields={"problems": [str(getattr(target, "name", ""))]})
            if isinstance(target, CaseMaterial):
                if target.case_id != case.pk:
                    raise errors.MATERIAL_NOT_OF_CASE.error()
                CaseMaterial.objects.filter(pk=target.pk).update(
                    review_status=MaterialReviewStatus.PROBLEM, review_reason=reason[:500]
                )
                listed.append(
                    {
                        "case_material_id": target.pk,
                        "material_id": target.material_id,
                        "name": target.name,
                        "reason": reason,
                    }
                )
            else:
                if target.version_id != case.version_id:
                    raise errors.MATERIAL_NOT_OF_CASE.error()
                listed.append(
                    {
                        "case_material_id": None,
                        "material_id": target.pk,
                        "name": target.name,
                        "reason": reason,
                    }
                )
        notice = _issue_notice(case, NoticeKind.CORRECTION, actor, {"problems": listed, "note": note}, now)
        ClockInterval.objects.create(
            case=case,
            kind=ClockIntervalKind.CORRECTION,
            reason=note or _("材料补正"),
            started_at=now,
            started_by=_user(actor),
        )
        _move(case, CaseAction.REQUEST_CORRECTION, actor, notice=notice.number, problems=len(listed))
        _notify(
            case,
            events.CASE_CORRECTION_REQUESTED,
            _("您的申请需要补正材料"),
            _("办件 %(number)s 需要补正 %(count)s 项材料，请按一次性告知书补齐后重新提交。")
            % {"number": case.number, "count": len(listed)},
        )
    return notice


def do_resubmit_correction(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Resubmit after correction: every flagged material must have been replaced; the clock runs again."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        _check_transition(case, CaseAction.RESUBMIT, CaseState.SUBMITTED)  # source check
        notice = case.notices.filter(kind=NoticeKind.CORRECTION).order_by("-created_at", "-id").first()
        missing = []
        for problem in notice.content.get("problems", []) if notice else []:
            uploads = case.materials.filter(
                is_current=True, uploaded_at__gte=cast(Notice, notice).created_at
            ).exclude(file="")
            if problem.get("material_id"):
                uploads = uploads.filter(material_id=problem["material_id"])
            else:
                uploads = uploads.filter(material__isnull=True, name=problem.get("name"))
            if not uploads.exists():
                missing.append(problem.get("name"))
        if missing:
            raise errors.CORRECTION_INCOMPLETE.error(fields={"materials": missing})
        _close_open_intervals(case, actor, now, kind=ClockIntervalKind.CORRECTION)
        target = CaseState.IN_REVIEW if case.accepted_at else CaseState.SUBMITTED
        changed = _refresh_deadline(case, now)
        _move(case, CaseAction.RESUBMIT, actor, target=target, fields=changed)
    return case


def _template_for(case: Case) -> FlowTemplate:
    templates = {
        t.key: t
        for t in FlowTemplate.objects.filter(key__in=[SINGLE_DEPARTMENT, PARALLEL_REVIEW, COMMITMENT])
    }
    if len(templates) < 3:
        templates = ensure_flow_templates()
    if case.commitment_signed_at:
        return templates[COMMITMENT]
    chosen = case.version.flow_template
    if chosen is not None and chosen.kind != FlowKind.COMMITMENT:
        return chosen
    if case.version.review_departments.exists():
        return templates[PARALLEL_REVIEW]
    return templates[SINGLE_DEPARTMENT]


def _sync_tasks(case: Case, workflow: Any, now: datetime) -> list[CaseTask]:
    """Mirror the workflow's ready user tasks into ``CaseTask`` rows; cancel rows whose task is no longer ready."""
    ready = ready_user_tasks(workflow)
    active = {
        t.spiff_task_id: t
        for t in case.tasks.filter(
            state__in=ACTIVE_TASK_STATES, kind__in=(TaskKind.FLOW, TaskKind.VERIFICATION)
        )
    }
    created = []
    today = local_day(now)
    for item in ready:
        if item.spiff_task_id in active:
            continue
        step = STEPS[item.step]
        due = add_working_days(today, step.due_days) if step.due_days else case.deadline
        created.append(
            CaseTask(
                case=case,
                kind=TaskKind.VERIFICATION if item.step == "verification" else TaskKind.FLOW,
                spiff_task_id=item.spiff_task_id,
                step=item.step,
                name=str(step.label),
                department_id=item.department_id or case.department_id,
                role=step.role,
                due_date=due,
                created_at=now,
            )
        )
    CaseTask.objects.bulk_create(created)
    still_ready = {item.spiff_task_id for item in ready}
    for spiff_id, task in active.items():
        if spiff_id not in still_ready:
            task.state = TaskState.CANCELLED
            task.version += 1
            task.save(update_fields=["state", "version"])
    case.flow_state = dump_workflow(workflow)
    return created


def _start_review(case: Case, *, actor: Any, now: datetime) -> Case:
    template = _template_for(case)
    departments = list(case.version.review_departments.order_by("id").values_list("id", flat=True))
    data = {
        "departments": departments or [case.department_id],
        "countersign_mode": case.version.countersign_mode,
        "lead_department": case.department_id,
    }
    workflow = start_workflow(template, data)
    case.flow_template = template
    created = _sync_tasks(case, workflow, now)
    _move(
        case,
        CaseAction.START_REVIEW,
        actor,
        fields=["flow_template", "flow_state"],
        flow=template.key,
        tasks=[t.step for t in created],
    )
    return case


def _accept(
    case: Case,
    *,
    actor: Any,
    note: str,
    tolerated_materials: Sequence[Material],
    supplement_days: int | None,
    now: datetime,
) -> Case:
    tolerated = list(tolerated_materials)
    for material in tolerated:
        if (
            not case.version.tolerance
            or material.version_id != case.version_id
            or material.necessity != MaterialNecessity.TOLERABLE
        ):
            raise errors.TOLERANCE_NOT_ALLOWED.error(fields={"materials": [material.name]})
    today = local_day(now)
    fields = ["accepted_at", "accepted_late", "time_limit_days", "deadline", "acceptance_deadline"]
    if tolerated:
        uploaded = set(
            case.materials.filter(is_current=True).exclude(file="").values_list("material_id", flat=True)
        )
        for material in tolerated:
            if material.pk in uploaded:
                continue
            CaseMaterial.objects.create(case=case, material=material, name=material.name, tolerated=True)
        case.supplement_deadline = add_working_days(today, supplement_days or DEFAULT_SUPPLEMENT_DAYS)
        fields.append("supplement_deadline")
    case.acceptance_deadline = compute_acceptance_deadline(case, today)
    case.accepted_at = now
    case.accepted_late = bool(case.acceptance_deadline and today > case.acceptance_deadline)
    case.time_limit_days = time_limit_for(case.version)
    case.deadline = compute_deadline(case, today)
    _move(
        case,
        CaseAction.ACCEPT,
        actor,
        fields=fields,
        late=case.accepted_late,
        tolerated=[m.name for m in tolerated],
        deadline=case.deadline.isoformat() if case.deadline else None,
    )
    _issue_notice(
        case,
        NoticeKind.ACCEPTANCE,
        actor,
        {
            "applicant": case.applicant_name,
            "accepted_on": today.isoformat(),
            "time_limit_days": case.time_limit_days,
            "deadline": case.deadline.isoformat() if case.deadline else None,
            "tolerated": [m.name for m in tolerated],
            "supplement_deadline": case.supplement_deadline.isoformat() if case.supplement_deadline else None,
            "note": note,
        },
        now,
    )
    _notify(
        case,
        events.CASE_ACCEPTED,
        _("您的申请已受理"),
        _("办件 %(number)s 已受理，承诺于 %(deadline)s 前办结。")
        % {"number": case.number, "deadline": case.deadline.isoformat() if case.deadline else "-"},
    )
    case = _start_review(case, actor=actor, now=now)
    if case.commitment_signed_at:
        # 告知承诺制: the signed commitment is the basis for approval at once; verification follows.
        case = _decide(
            case,
            actor=actor,
            approve=True,
            opinion=_("申请人已签署告知承诺书，依承诺当场准予。"),
            reasons="",
            now=now,
        )
    return case


def do_accept_case(
    case: Case,
    *,
    actor: Any,
    note: str = "",
    tolerated_materials: Sequence[Material] = (),
    supplement_deadline_days: int | None = None,
    now: datetime | None = None,
) -> Case:
    """Accept a submitted case (受理通知书), start its review flow and move it to ``in_review``.

    容缺受理: ``tolerated_materials`` may list materials marked 容缺后补 on items with 容缺受理; they must be
    supplied before the decision. Accepting after the acceptance limit is allowed and flagged (``accepted_late``).
    For a signed 告知承诺 the case is decided (准予) at once and a verification task is scheduled.
    """
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_clerk(actor, case))
        _check_transition(case, CaseAction.ACCEPT)
        return _accept(
            case,
            actor=actor,
            note=note,
            tolerated_materials=tolerated_materials,
            supplement_days=supplement_deadline_days,
            now=now,
        )


def do_refuse_acceptance(
    case: Case, *, actor: Any, reasons: str | Sequence[str], now: datetime | None = None
) -> Case:
    """Refuse to accept (不予受理决定书 with reasons and remedies); final."""
    now = _now(now)
    reason_list = [reasons] if isinstance(reasons, str) else list(reasons)
    reason_list = [r.strip() for r in reason_list if r and r.strip()]
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_clerk(actor, case))
        _check_transition(case, CaseAction.REFUSE_ACCEPTANCE)
        if not reason_list:
            raise errors.REASON_REQUIRED.error()
        _close_open_intervals(case, actor, now)
        notice = _issue_notice(
            case, NoticeKind.NOT_ACCEPTED, actor, {"reasons": reason_list, "remedies": str(REMEDIES)}, now
        )
        case.ended_at = now
        case.end_reason = "；".join(reason_list)
        _move(
            case, CaseAction.REFUSE_ACCEPTANCE, actor, fields=["ended_at", "end_reason"], notice=notice.number
        )
        _notify(
            case,
            events.CASE_NOT_ACCEPTED,
            _("您的申请不予受理"),
            _("办件 %(number)s 不予受理，理由：%(reasons)s。")
            % {"number": case.number, "reasons": case.end_reason},
        )
    return case


def do_supplement_material(
    case: Case,
    *,
    actor: Any,
    material: Material,
    file: Any,
    content_type: str = "",
    now: datetime | None = None,
) -> CaseMaterial:
    """Supply a material accepted as 容缺 (tolerated); the decision is possible once none is outstanding."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case) or _is_clerk(actor, case))
        if case.state not in (CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.SPECIAL_PROCEDURE):
            raise errors.CASE_INVALID_STATE.error()
        row = case.materials.filter(
            material=material, tolerated=True, supplied_at__isnull=True, is_current=True
        ).first()
        if row is None:
            raise errors.MATERIAL_NOT_TOLERATED.error()
        sha256, content_type, size = _inspect_upload(file, content_type)
        original_name = str(getattr(file, "name", "") or material.name).rsplit("/", 1)[-1][:255]
        row.file.save(original_name, file, save=False)
        row.original_name, row.sha256, row.size, row.content_type = (
            original_name,
            sha256,
            size,
            content_type[:100],
        )
        row.uploaded_by, row.uploaded_at, row.supplied_at = _user(actor), now, now
        row.save(
            update_fields=[
                "file",
                "original_name",
                "sha256",
                "size",
                "content_type",
                "uploaded_by",
                "uploaded_at",
                "supplied_at",
            ]
        )
        _ledger(case, actor, "supplement", {"state": case.state, "material": material.name, "sha256": sha256})
    return row


# --- review tasks -----------------------------------------------------------------------------------------------


def _lock_task(task: CaseTask | int) -> tuple[Case, CaseTask]:
    pk = task.pk if isinstance(task, CaseTask) else task
    # A task never moves to another case, so the caller's case id is safe to lock by.
    case_id = (
        task.case_id
        if isinstance(task, CaseTask) and task.case_id
        else CaseTask.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    )
    if case_id is None:
        raise errors.TASK_NOT_FOUND.error()
    case = _lock_case(case_id, related=TASK_CASE_LOCK_RELATED)
    locked = (
        CaseTask.objects.select_for_update(of=("self",))
        .select_related("department", "department__region")
        .get(pk=pk)
    )
    return case, locked


def _require_task_role(actor: Any, task: CaseTask) -> None:
    if not user_has_role(actor, task.role, department=task.department):
        raise errors.TASK_NOT_FOUND.error()


def _task_ledger(case: Case, actor: Any, verb: str, task: CaseTask, **data: Any) -> None:
    _ledger(
        case,
        actor,
        f"task_{verb}",
        {"state": case.state, "task": task.pk, "step": task.step, "department": task.department_id, **data},
    )


def do_claim_task(task: CaseTask, *, actor: Any, now: datetime | None = None) -> CaseTask:
    """Claim (签收) an open task; claiming one's own claimed task again is harmless."""
    with transaction.atomic():
        case, task = _lock_task(task)
        _require_task_role(actor, task)
        if task.state in (TaskState.COMPLETED, TaskState.CANCELLED):
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.state == TaskState.CLAIMED:
            if task.assignee_id == actor.pk:
                return task
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        task.state, task.assignee, task.version = TaskState.CLAIMED, actor, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, "claim", task)
    return task


def do_release_task(task: CaseTask, *, actor: Any) -> CaseTask:
    """Give a claimed task back to the department's inbox."""
    with transaction.atomic():
        case, task = _lock_task(task)
        _require_task_role(actor, task)
        if task.state != TaskState.CLAIMED:
            raise errors.CASE_INVALID_STATE.error()
        if task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        task.state, task.assignee, task.version = TaskState.OPEN, None, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, "release", task)
    return task


def do_complete_task(
    task: CaseTask,
    *,
    actor: Any,
    outcome: str,
    opinion: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> CaseTask:
    """Complete a task with ``approve``/``reject``/``return`` and move the flow on; the decision step decides the case.

    Exactly one of two people completing the same task succeeds: the case row and then the task row are locked,
    and a completed task (or a changed ``expected_version``) is refused with ``TASK_ALREADY_COMPLETED`` /
    ``TASK_VERSION_CONFLICT`` (409). Only a holder of the task's role in its department may complete it, and only
    the assignee once it is claimed.
    """
    now = _now(now)
    opinion = (opinion or "").strip()
    with transaction.atomic():
        case, task = _lock_task(task)
        _require_task_role(actor, task)
        if task.state in (TaskState.COMPLETED, TaskState.CANCELLED):
            raise errors.TASK_ALREADY_COMPLETED.error()
        if expected_version is not None and task.version != expected_version:
            raise errors.TASK_VERSION_CONFLICT.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if outcome not in TaskOutcome.values:
            raise errors.TASK_INVALID_OUTCOME.error()
        if task.kind == TaskKind.ADDED_SIGNER:
            if outcome == TaskOutcome.RETURN:
                raise errors.TASK_INVALID_OUTCOME.error()
            _finish_task(task, actor, outcome, opinion, now)
            _task_ledger(case, actor, "complete", task, outcome=outcome)
            return task
        if task.kind == TaskKind.FLOW and case.state != CaseState.IN_REVIEW:
            raise errors.CASE_INVALID_STATE.error()
        if task.added_signers.filter(state__in=ACTIVE_TASK_STATES).exists():
            raise errors.TASK_WAITING_FOR_SIGNERS.error()
        step = STEPS[task.step]
        if outcome == TaskOutcome.RETURN and not step.return_allowed:
            raise errors.TASK_RETURN_NOT_ALLOWED.error()
        if outcome in (TaskOutcome.RETURN, TaskOutcome.REJECT) and not opinion:
            raise errors.REASON_REQUIRED.error()
        assert case.flow_state is not None  # set on acceptance, before any flow task exists
        workflow = load_workflow(case.flow_state)
        if task.step == DECISION_STEP and outcome != TaskOutcome.RETURN:
            if outcome == TaskOutcome.APPROVE and workflow_value(workflow, "recommendation") == "refuse":
                raise errors.DECISION_MUST_REFUSE.error()
            if _tolerated_outstanding(case):
                raise errors.TOLERATED_MATERIALS_OUTSTANDING.error()
        _finish_task(task, actor, outcome, opinion, now)
        try:
            complete_user_task(
                workflow, task.spiff_task_id, outcome=outcome, department_id=task.department_id
            )
        except LookupError:
            raise errors.TASK_ALREADY_COMPLETED.error() from None
        created = _sync_tasks(case, workflow, now)
        _task_ledger(case, actor, "complete", task, outcome=outcome, next=[t.step for t in created])
        if task.step == DECISION_STEP and outcome != TaskOutcome.RETURN:
            _decide(
                case,
                actor=actor,
                approve=outcome == TaskOutcome.APPROVE,
                opinion=opinion,
                reasons="" if outcome == TaskOutcome.APPROVE else opinion,
                now=now,
            )
        else:
            case.version_no += 1
            case.save(update_fields=["flow_state", "version_no", "updated_at"])
    return task


def _finish_task(task: CaseTask, actor: Any, outcome: str, opinion: str, now: datetime) -> None:
    task.state = TaskState.COMPLETED
    task.outcome = outcome
    task.opinion = opinion
    task.completed_by = actor
    task.completed_at = now
    task.assignee = task.assignee or actor
    task.version += 1
    task.save(
        update_fields=["state", "outcome", "opinion", "completed_by", "completed_at", "assignee", "version"]
    )


def do_transfer_task(task: CaseTask, *, actor: Any, to_user: Any, reason: str = "") -> CaseTask:
    """Transfer (转办) a task to a colleague holding the same role in the same department; it is claimed for them."""
    with transaction.atomic():
        case, task = _lock_task(task)
        _require_task_role(actor, task)
        if not task.is_active:
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if (
            to_user is None
            or to_user.pk == actor.pk
            or not user_has_role(to_user, task.role, department=task.department)
        ):
            raise errors.TRANSFER_TARGET_INVALID.error()
        task.state, task.assignee, task.version = TaskState.CLAIMED, to_user, task.version + 1
        task.save(update_fields=["state", "assignee", "version"])
        _task_ledger(case, actor, "transfer", task, to=to_user.pk, reason=reason)
    return task


def do_add_signer(
    task: CaseTask,
    *,
    actor: Any,
    department: Any = None,
    user: Any = None,
    note: str = "",
    now: datetime | None = None,
) -> CaseTask:
    """Ask for an extra opinion (加签) from a user or a department; the task cannot complete until it is given."""
    now = _now(now)
    with transaction.atomic():
        case, task = _lock_task(task)
        _require_task_role(actor, task)
        if not task.is_active or task.kind == TaskKind.ADDED_SIGNER:
            raise errors.TASK_ALREADY_COMPLETED.error()
        if task.assignee_id and task.assignee_id != actor.pk:
            raise errors.TASK_CLAIMED_BY_OTHER.error()
        if department is None and user is not None:
            department = (
                departments_for_role(user, Role.REVIEWER).first()
                or departments_for_role(user, Role.APPROVER).first()
            )
        if department is None:
            raise errors.SIGNER_TARGET_INVALID.error()
        role = Role.REVIEWER
        if user is not None and not user_has_role(user, Role.REVIEWER, department=department):
            if not user_has_role(user, Role.APPROVER, department=department):
                raise errors.SIGNER_TARGET_INVALID.error()
            role = Role.APPROVER
        signer = CaseTask.objects.create(
            case=case,
            kind=TaskKind.ADDED_SIGNER,
            step="sign",
            name=str(_("加签意见")),
            department=department,
            role=role,
            assignee=user,
            state=TaskState.CLAIMED if user is not None else TaskState.OPEN,
            due_date=case.deadline,
            parent=task,
            opinion="",
            created_at=now,
        )
        task.version += 1
        task.save(update_fields=["version"])
        _task_ledger(
            case, actor, "add_signer", task, signer=signer.pk, signer_department=department.pk, note=note
        )
    return signer


# --- clock stops and extensions -------------------------------------------------------------------------------


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
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_department_staff(actor, case))
        _check_transition(case, CaseAction.START_SPECIAL_PROCEDURE)
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
            started_by=_user(actor),
        )
        _issue_notice(
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
        changed = _refresh_deadline(case, now)
        _move(
            case,
            CaseAction.START_SPECIAL_PROCEDURE,
            actor,
            fields=changed,
            procedure=kind,
            expected_days=expected_days,
        )
    return interval


def do_finish_special_procedure(
    case: Case, *, actor: Any, result: str = "", now: datetime | None = None
) -> Case:
    """Finish the open special procedure; the clock runs again and the deadline moves by the stopped days."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_department_staff(actor, case))
        _check_transition(case, CaseAction.FINISH_SPECIAL_PROCEDURE)
        closed = _close_open_intervals(case, actor, now, kind=ClockIntervalKind.SPECIAL_PROCEDURE)
        for interval in closed:
            interval.result = result
            interval.save(update_fields=["result"])
        changed = _refresh_deadline(case, now)
        _move(
            case,
            CaseAction.FINISH_SPECIAL_PROCEDURE,
            actor,
            fields=changed,
            deadline=case.deadline.isoformat() if case.deadline else None,
        )
    return case


def do_request_extension(
    case: Case, *, actor: Any, days: int, reason: str, now: datetime | None = None
) -> CaseExtension:
    """Ask a supervisor to extend the deadline (延期); approved plus pending days may not exceed 10 (§42)."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_department_staff(actor, case))
        if case.state not in (CaseState.IN_REVIEW, CaseState.SPECIAL_PROCEDURE):
            raise errors.CASE_INVALID_STATE.error()
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
        _ledger(
            case, actor, "request_extension", {"state": case.state, "extension": extension.pk, "days": days}
        )
    return extension


def do_decide_extension(
    extension: CaseExtension, *, actor: Any, approve: bool, note: str = "", now: datetime | None = None
) -> CaseExtension:
    """A supervisor approves or rejects an extension; an approval moves the deadline and issues a 延期告知书."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(extension.case_id)
        _require(user_has_role(actor, Role.SUPERVISOR, department=case.department, region=case.region))
        extension = CaseExtension.objects.select_for_update().get(pk=extension.pk)
        if extension.state != ExtensionState.PENDING:
            raise errors.EXTENSION_ALREADY_DECIDED.error()
        extension.state = ExtensionState.APPROVED if approve else ExtensionState.REJECTED
        extension.decided_by, extension.decided_at, extension.note = actor, now, note
        extension.save(update_fields=["state", "decided_by", "decided_at", "note"])
        changed = _refresh_deadline(case, now)
        if changed:
            case.version_no += 1
            case.save(update_fields=[*changed, "version_no", "updated_at"])
            case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).update(due_date=case.deadline)
        if approve:
            _issue_notice(
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
        _ledger(
            case,
            actor,
            "decide_extension",
            {
                "state": case.state,
                "extension": extension.pk,
                "approved": approve,
                "days": extension.days,
                "deadline": case.deadline.isoformat() if case.deadline else None,
            },
        )
    return extension


# --- decision, delivery, closing --------------------------------------------------------------------------------


def _decide(case: Case, *, actor: Any, approve: bool, opinion: str, reasons: str, now: datetime) -> Case:
    if _tolerated_outstanding(case):
        raise errors.TOLERATED_MATERIALS_OUTSTANDING.error()
    if not approve and not (reasons or opinion).strip():
        raise errors.REASON_REQUIRED.error()
    decision = Decision.objects.create(
        case=case,
        approve=approve,
        opinion=opinion,
        reasons="" if approve else (reasons or opinion),
        remedies="" if approve else str(REMEDIES),
        decided_at=now,
        decided_by=_user(actor),
        document_number=f"{case.number}-JD",
    )
    _cancel_active_tasks(case)
    case.decided_at = now
    case.pickup_code = new_pickup_code()
    _move(case, CaseAction.DECIDE, actor, fields=["decided_at", "pickup_code", "flow_state"], approve=approve)
    _issue_notice(
        case,
        NoticeKind.DECISION,
        actor,
        {
            "approve": approve,
            "applicant": case.applicant_name,
            "opinion": opinion,
            "reasons": decision.reasons,
            "remedies": decision.remedies,
            "document_number": decision.document_number,
            "decided_on": local_day(now).isoformat(),
        },
        now,
    )
    verdict = _("准予") if approve else _("不予")
    _notify(
        case,
        events.CASE_DECIDED,
        _("您的申请已作出决定"),
        _("办件 %(number)s 已作出%(verdict)s决定。") % {"number": case.number, "verdict": verdict},
    )
    # The pickup code matters only when the result is collected at a window (chosen, or no choice made yet).
    if case.requested_delivery_mode in ("", DeliveryMode.WINDOW):
        _notify(
            case,
            events.CASE_READY_FOR_PICKUP,
            _("办理结果可以领取"),
            _("办件 %(number)s 的结果已可领取，取件码 %(code)s。")
            % {"number": case.number, "code": case.pickup_code},
        )
    return case


def do_decide_case(
    case: Case, *, actor: Any, approve: bool, opinion: str, reasons: str = "", now: datetime | None = None
) -> Case:
    """Decide (准予/不予) by completing the flow's open decision task (the only way a flow case is decided).

    Refused with ``CASE_INVALID_STATE`` while the review steps before the decision are not finished.
    """
    task = (
        CaseTask.objects.filter(
            case_id=case.pk, step=DECISION_STEP, kind=TaskKind.FLOW, state__in=ACTIVE_TASK_STATES
        )
        .order_by("id")
        .first()
    )
    if task is None:
        with transaction.atomic():
            locked = _lock_case(case)
            _require(_is_department_staff(actor, locked))
            raise errors.CASE_INVALID_STATE.error()
    outcome = TaskOutcome.APPROVE if approve else TaskOutcome.REJECT
    do_complete_task(task, actor=actor, outcome=outcome, opinion=(opinion or reasons), now=now)
    return Case.objects.get(pk=case.pk)


def _close(case: Case, *, actor: Any, now: datetime) -> Case:
    case.closed_at = now
    _move(case, CaseAction.CLOSE, actor, fields=["closed_at"])
    return case


def do_deliver_case(
    case: Case,
    *,
    actor: Any,
    mode: str,
    tracking_number: str = "",
    pickup_code: str = "",
    now: datetime | None = None,
) -> Case:
    """Deliver the result (送达) and close the case (办结) in the same transaction (ADR 0007).

    Window pickup checks the pickup code given at the decision; post needs a tracking number; electronic
    delivery is immediate.
    """
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_clerk(actor, case) or _is_department_staff(actor, case))
        _check_transition(case, CaseAction.DELIVER)
        if mode not in DeliveryMode.values:
            raise errors.INVALID_CHOICE.error(fields={"mode": [mode]})
        if case.requested_delivery_mode and mode != case.requested_delivery_mode:
            # The applicant's choice binds the hall; only the applicant changes it (ADR 0007 "Delivery").
            raise errors.DELIVERY_MODE_MISMATCH.error(fields={"mode": [case.requested_delivery_mode]})
        if mode == DeliveryMode.WINDOW and (pickup_code or "").strip() != case.pickup_code:
            raise errors.PICKUP_CODE_WRONG.error()
        if mode == DeliveryMode.POST and not (tracking_number or "").strip():
            raise errors.TRACKING_NUMBER_REQUIRED.error()
        case.delivery_mode = mode
        case.tracking_number = (tracking_number or "").strip()[:50]
        case.delivered_at = now
        _move(
            case,
            CaseAction.DELIVER,
            actor,
            fields=["delivery_mode", "tracking_number", "delivered_at"],
            mode=mode,
        )
        _notify(
            case,
            events.CASE_DELIVERED,
            _("办理结果已送达"),
            _("办件 %(number)s 的办理结果已送达（%(mode)s）。")
            % {"number": case.number, "mode": DeliveryMode(mode).label},
        )
        return _close(case, actor=actor, now=now)


# States in which the applicant may still choose or change how the result reaches them.
_DELIVERY_CHOICE_CLOSED = frozenset(
    {
        CaseState.DELIVERED,
        CaseState.CLOSED,
        CaseState.WITHDRAWN,
        CaseState.TERMINATED,
        CaseState.NOT_ACCEPTED,
    }
)
MAX_ADDRESS_LENGTH = 300


def _check_delivery_choice(version: ItemVersion, mode: str, address: str) -> tuple[str, str]:
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


def do_choose_delivery(
    case: Case, *, actor: Any, mode: str, address: str = "", now: datetime | None = None
) -> Case:
    """The applicant (or their agent/proxy) chooses or changes 领取方式 until the result is handed out.

    ``mode`` must be one the item version offers (window only when it lists none); ``post`` needs ``address``.
    Staff cannot choose for the applicant (``CASE_NOT_FOUND``, as for anyone else). Appends
    ``case.delivery_chosen``; the hand-out (:func:`do_deliver_case`) must then use this mode.
    """
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case))
        if case.state in _DELIVERY_CHOICE_CLOSED:
            raise errors.CASE_INVALID_STATE.error(fields={"state": case.state, "action": "choose_delivery"})
        before = case.requested_delivery_mode
        mode, address = _check_delivery_choice(case.version, mode, address)
        if not mode:
            raise errors.INVALID_CHOICE.error(fields={"mode": [mode]})
        case.requested_delivery_mode, case.delivery_address = mode, address
        case.version_no += 1
        case.save(update_fields=["requested_delivery_mode", "delivery_address", "version_no", "updated_at"])
        _ledger(case, actor, "delivery_chosen", {"state": case.state, "before": before, "mode": mode})
    return case


def do_close_case(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Close (办结) a delivered case; ``do_deliver_case`` already does this, so it matters only for later steps."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_clerk(actor, case) or _is_department_staff(actor, case))
        _check_transition(case, CaseAction.CLOSE)
        return _close(case, actor=actor, now=now)


def _end(case: Case, action: str, actor: Any, reason: str, now: datetime) -> Case:
    _close_open_intervals(case, actor, now)
    cancelled = _cancel_active_tasks(
        case, kinds=(TaskKind.FLOW, TaskKind.ADDED_SIGNER, TaskKind.VERIFICATION)
    )
    case.ended_at = now
    case.end_reason = reason
    _move(case, action, actor, fields=["ended_at", "end_reason"], reason=reason, cancelled_tasks=cancelled)
    return case


def do_withdraw_case(case: Case, *, actor: Any, reason: str = "", now: datetime | None = None) -> Case:
    """The applicant withdraws (撤回) the application before the decision; open tasks are cancelled."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(_is_applicant_side(actor, case))
        _check_transition(case, CaseAction.WITHDRAW)
        return _end(case, CaseAction.WITHDRAW, actor, (reason or "").strip() or str(_("申请人撤回申请")), now)


def do_terminate_case(case: Case, *, actor: Any, reason: str, now: datetime | None = None) -> Case:
    """A supervisor terminates (终止) a case with a reason; open tasks are cancelled."""
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        _require(user_has_role(actor, Role.SUPERVISOR, department=case.department, region=case.region))
        _check_transition(case, CaseAction.TERMINATE)
        if not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        return _end(case, CaseAction.TERMINATE, actor, reason.strip(), now)


def do_refresh_deadline(case: Case, *, now: datetime | None = None) -> Case:
    """Recompute the stored (derived) deadlines of a running case, e.g. after the holiday table changed.

    Appends ``case.refresh_deadline`` only when a date moved; open flow tasks follow the new deadline.
    """
    now = _now(now)
    with transaction.atomic():
        case = _lock_case(case)
        before = (case.acceptance_deadline, case.deadline)
        changed = _refresh_deadline(case, now)
        if changed:
            case.version_no += 1
            case.save(update_fields=[*changed, "version_no", "updated_at"])
            case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).update(due_date=case.deadline)
            _ledger(
                case,
                None,
                "refresh_deadline",
                {
                    "state": case.state,
                    "before": [str(d) if d else None for d in before],
                    "after": [
                        str(case.acceptance_deadline) if case.acceptance_deadline else None,
                        str(case.deadline) if case.deadline else None,
                    ],
                },
            )
    return case
