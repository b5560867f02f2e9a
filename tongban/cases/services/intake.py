"""Pre-review (预审), the one-time correction notice (补正), acceptance (受理, 容缺) and refusal (不予受理)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tongban.cases import access, errors
from tongban.cases.access import CasePermission
from tongban.cases.choices import (
    CaseAction,
    CaseState,
    ClockIntervalKind,
    MaterialReviewStatus,
    NoticeKind,
)
from tongban.cases.engine.clock import (
    compute_acceptance_deadline,
    compute_deadline,
    local_day,
    time_limit_for,
)
from tongban.cases.events import CaseEvent, CaseLedgerAction
from tongban.cases.models import (
    Case,
    CaseMaterial,
    ClockInterval,
    Notice,
)
from tongban.cases.services._kernel import (
    REMEDIES,
    append_case_ledger,
    close_open_intervals,
    inspect_upload,
    issue_notice,
    lock_case,
    move_case,
    notify_applicant,
    provisional_fields,
    refreshed_deadline_fields,
    resolve_now,
    sentence,
    signed_in_user,
)
from tongban.cases.services.closing import decide_case, do_decide_on_the_spot
from tongban.cases.services.review import start_review
from tongban.catalog.choices import (
    MaterialNecessity,
)
from tongban.core.calendar import add_working_days

if TYPE_CHECKING:
    from tongban.catalog.models import Material

DEFAULT_SUPPLEMENT_DAYS = 5
# The supplement deadline an acceptance may set, in working days (a negative or absurd one is refused, not computed).
SUPPLEMENT_DAYS_RANGE = (1, 60)


def do_prereview_material(
    case_material: CaseMaterial, *, actor: Any, ok: bool, reason: str = ""
) -> CaseMaterial:
    """Mark one material of a submitted case as passing pre-review or having a problem (with a reason)."""
    with transaction.atomic():
        case = lock_case(case_material.case_id)
        access.require_can(actor, case, CasePermission.PREREVIEW)
        if not ok and not (reason or "").strip():
            raise errors.REASON_REQUIRED.error()
        row = CaseMaterial.objects.get(pk=case_material.pk, case=case)
        row.review_status = MaterialReviewStatus.PASS if ok else MaterialReviewStatus.PROBLEM
        row.review_reason = "" if ok else reason.strip()[:500]
        row.save(update_fields=["review_status", "review_reason"])
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.MATERIAL_PREREVIEWED,
            {"state": case.state, "material": row.name, "status": row.review_status},
        )
    return row


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
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.REQUEST_CORRECTION)
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
        notice = issue_notice(case, NoticeKind.CORRECTION, actor, {"problems": listed, "note": note}, now)
        ClockInterval.objects.create(
            case=case,
            kind=ClockIntervalKind.CORRECTION,
            reason=note or _("材料补正"),
            started_at=now,
            started_by=signed_in_user(actor),
        )
        move_case(
            case, CaseAction.REQUEST_CORRECTION, actor, notice=notice.number, problems=len(listed), at=now
        )
        notify_applicant(
            case,
            CaseEvent.CORRECTION_REQUESTED,
            _("您的申请需要补正材料"),
            _("办件 %(number)s 需要补正 %(count)s 项材料，请按一次性告知书补齐后重新提交。")
            % {"number": case.number, "count": len(listed)},
        )
    return notice


def do_resubmit_correction(case: Case, *, actor: Any, now: datetime | None = None) -> Case:
    """Resubmit after correction: every flagged material must have been replaced; the clock runs again."""
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.RESUBMIT)
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
        close_open_intervals(case, actor, now, kind=ClockIntervalKind.CORRECTION)
        target = CaseState.IN_REVIEW if case.accepted_at else CaseState.SUBMITTED
        changed = refreshed_deadline_fields(case, now)
        move_case(case, CaseAction.RESUBMIT, actor, target=target, fields=changed, at=now)
    return case


def accept_case(
    case: Case,
    *,
    actor: Any,
    note: str,
    tolerated_materials: Sequence[Material],
    supplement_days: int | None,
    now: datetime,
) -> Case:
    """Accept a locked case: deadline, 受理通知书, the review flow, and for 告知承诺 the decision at once."""
    low, high = SUPPLEMENT_DAYS_RANGE
    if supplement_days is not None and not low <= supplement_days <= high:
        raise errors.SUPPLEMENT_DEADLINE_INVALID.error(
            errors.SUPPLEMENT_DEADLINE_INVALID.message % {"min": low, "max": high},
            fields={"supplement_deadline_days": [str(supplement_days)]},
        )
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
            case.materials.filter(is_current=True)
            .filter(~Q(file="") | ~Q(license_identifier=""))
            .values_list("material_id", flat=True)
        )
        for material in tolerated:
            if material.pk in uploaded:
                continue
            CaseMaterial.objects.create(case=case, material=material, name=material.name, tolerated=True)
        case.supplement_days = supplement_days or DEFAULT_SUPPLEMENT_DAYS
        case.supplement_deadline = add_working_days(today, case.supplement_days)
        fields.extend(["supplement_deadline", "supplement_days"])
    case.acceptance_deadline = compute_acceptance_deadline(case, today)
    case.accepted_at = now
    case.accepted_late = bool(case.acceptance_deadline and today > case.acceptance_deadline)
    case.time_limit_days = time_limit_for(case.version)
    case.deadline = compute_deadline(case, today)
    fields.extend(provisional_fields(case))
    move_case(
        case,
        CaseAction.ACCEPT,
        actor,
        fields=fields,
        late=case.accepted_late,
        tolerated=[m.name for m in tolerated],
        deadline=case.deadline.isoformat() if case.deadline else None,
        at=now,
    )
    issue_notice(
        case,
        NoticeKind.ACCEPTANCE,
        actor,
        {
            "applicant": case.applicant_name,
            "accepted_on": today.isoformat(),
            "time_limit_days": case.time_limit_days,
            "immediate": case.time_limit_days == 0,
            "deadline": case.deadline.isoformat() if case.deadline else None,
            "tolerated": [m.name for m in tolerated],
            "supplement_deadline": case.supplement_deadline.isoformat() if case.supplement_deadline else None,
            "note": note,
        },
        now,
    )
    if case.time_limit_days == 0:
        # 即办件: the promise is the day of acceptance itself (当场办结), say so rather than "before <today>".
        body = _("办件 %(number)s 已受理，为即办件，承诺当日（%(deadline)s）办结。")
    else:
        body = _("办件 %(number)s 已受理，承诺于 %(deadline)s 前办结。")
    notify_applicant(
        case,
        CaseEvent.ACCEPTED,
        _("您的申请已受理"),
        body % {"number": case.number, "deadline": case.deadline.isoformat() if case.deadline else "-"},
    )
    case = start_review(case, actor=actor, now=now)
    if case.commitment_signed_at:
        # 告知承诺制: the signed commitment is the basis for approval at once; verification follows.
        case = decide_case(
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
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.ACCEPT)
        return accept_case(
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
    now = resolve_now(now)
    reason_list = [reasons] if isinstance(reasons, str) else list(reasons)
    reason_list = [sentence(r) for r in reason_list if sentence(r)]
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CaseAction.REFUSE_ACCEPTANCE)
        if not reason_list:
            raise errors.REASON_REQUIRED.error()
        close_open_intervals(case, actor, now)
        notice = issue_notice(
            case, NoticeKind.NOT_ACCEPTED, actor, {"reasons": reason_list, "remedies": str(REMEDIES)}, now
        )
        case.ended_at = now
        case.end_reason = "；".join(reason_list)
        move_case(
            case,
            CaseAction.REFUSE_ACCEPTANCE,
            actor,
            fields=["ended_at", "end_reason"],
            notice=notice.number,
            at=now,
        )
        notify_applicant(
            case,
            CaseEvent.NOT_ACCEPTED,
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
    now = resolve_now(now)
    with transaction.atomic():
        case = lock_case(case)
        access.require_can(actor, case, CasePermission.SUPPLEMENT)
        row = case.materials.filter(
            material=material, tolerated=True, supplied_at__isnull=True, is_current=True
        ).first()
        if row is None:
            raise errors.MATERIAL_NOT_TOLERATED.error()
        sha256, content_type, size = inspect_upload(file, content_type)
        original_name = str(getattr(file, "name", "") or material.name).rsplit("/", 1)[-1][:255]
        row.file.save(original_name, file, save=False)
        row.original_name, row.sha256, row.size, row.content_type = (
            original_name,
            sha256,
            size,
            content_type[:100],
        )
        row.uploaded_by, row.uploaded_at, row.supplied_at = signed_in_user(actor), now, now
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
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.MATERIAL_SUPPLEMENTED,
            {"state": case.state, "material": material.name, "sha256": sha256},
            at=now,
        )
    return row


def check_accept_after_prereview(
    case: Case,
    *,
    actor: Any,
    passed: Sequence[CaseMaterial],
    note: str = "",
    tolerated_materials: Sequence[Material] = (),
    supplement_deadline_days: int | None = None,
    decide_on_the_spot: bool = False,
    opinion: str = "",
    now: datetime | None = None,
) -> Case:
    """The pre-review page's 受理: mark the ``passed`` materials as passing, then accept, all or nothing.

    A material already marked as passing is left alone (no second ledger entry). With ``decide_on_the_spot`` a
    即办件 is also decided (准予) at once by the accepting clerk (:func:`do_decide_on_the_spot`), in the same
    transaction: either both happen or neither.
    """
    with transaction.atomic():
        for row in passed:
            if row.review_status != MaterialReviewStatus.PASS:
                do_prereview_material(row, actor=actor, ok=True)
        case = do_accept_case(
            case,
            actor=actor,
            note=note,
            tolerated_materials=tolerated_materials,
            supplement_deadline_days=supplement_deadline_days,
            now=now,
        )
        if decide_on_the_spot:
            case = do_decide_on_the_spot(case, actor=actor, opinion=opinion, now=now)
        return case
