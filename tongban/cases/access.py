"""Who may do what to a case or a task: one predicate per action (STYLE point 3, ARCHITECTURE §5.4).

The services call :func:`require_can` (or :func:`require_task_role`), the views and the API fetch through the
``access_*`` helpers, and the pages show exactly the buttons :func:`allowed_actions` returns, so each rule is
written once here.

A rule has two parts: *who* (a role whose scope covers the case, or the applicant side) and *when* (the states
the transition table allows). Failing *who* is the same "not found" as a missing case (``CASE_NOT_FOUND``, 404);
failing *when* is ``CASE_INVALID_STATE`` (409), because the person may see the case and deserves to know why.

Scopes: a role covers a case when one of the user's grants of that role covers **both** the case's department
and its region (a township clerk's region grant covers the cases implemented in their township, whatever the
department; a department's reviewer covers that department's cases, ADR 0004).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tongban.accounts.access import is_staff_user, user_has_role
from tongban.accounts.choices import Role
from tongban.accounts.queries import active_authorizations
from tongban.cases import errors
from tongban.cases.choices import CaseAction, CaseState, DeliveryMode, TaskState
from tongban.cases.engine.clock import is_immediate
from tongban.cases.models import Case, CaseQuerySet, CaseTask
from tongban.cases.transitions import (
    DELIVERY_CHOICE_CLOSED,
    IN_PROGRESS_REVIEW,
    REVIEW,
    TRANSITIONS,
)
from tongban.core.errors import DomainError
from tongban.core.ratelimit import check_rate


def is_signed_in(user: Any) -> bool:
    """True for an active, authenticated account."""
    return user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", True)


# --- who -----------------------------------------------------------------------------------------------------------


def is_applicant_side(user: Any, case: Case) -> bool:
    """The applicant, the acting agent/proxy, or a holder of an active authorisation for the applicant."""
    if not is_signed_in(user):
        return False
    if user.pk in (case.applicant_user_id, case.agent_id):
        return True
    authorizations = active_authorizations(user)
    if case.enterprise_id and authorizations.filter(enterprise_id=case.enterprise_id).exists():
        return True
    return bool(
        case.applicant_user_id and authorizations.filter(principal_id=case.applicant_user_id).exists()
    )


def _covers(role: str) -> Callable[[Any, Case], bool]:
    def who(user: Any, case: Case) -> bool:
        return is_signed_in(user) and user_has_role(
            user, role, department=case.department, region=case.region
        )

    who.__name__ = f"is_case_{role}"
    return who


is_case_clerk = _covers(Role.CLERK)
is_case_supervisor = _covers(Role.SUPERVISOR)


def is_case_department_staff(user: Any, case: Case) -> bool:
    """A reviewer or approver of the case's department (in its region)."""
    return any(
        user_has_role(user, role, department=case.department, region=case.region)
        for role in (Role.REVIEWER, Role.APPROVER)
    )


def _applicant_or_clerk(user: Any, case: Case) -> bool:
    return is_applicant_side(user, case) or is_case_clerk(user, case)


def _staff_or_clerk(user: Any, case: Case) -> bool:
    return is_case_department_staff(user, case) or is_case_clerk(user, case)


# --- the rules -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Who may take an action on a case, in which states, and (optionally) what else must hold of the case."""

    who: Callable[[Any, Case], bool]
    states: frozenset[str]
    # A further condition on the case (not on the person); failing it is CASE_INVALID_STATE like the wrong state.
    condition: Callable[[Case], bool] | None = None

    def holds_for(self, case: Case) -> bool:
        """True when the case is in one of the states and meets the condition."""
        return case.state in self.states and (self.condition is None or self.condition(case))


class CasePermission:
    """Actions that are not state transitions but still need a rule (string constants, like ``CaseAction``)."""

    EDIT_DRAFT = "edit_draft"  # change form data, materials, 领取方式 of a draft; sign the commitment
    DELETE_DRAFT = "delete_draft"  # delete one's own draft
    PREREVIEW = "prereview"  # mark materials pass/problem before acceptance
    UPLOAD_CORRECTION = "upload_correction"  # replace a material flagged on the correction notice
    SUPPLEMENT = "supplement"  # supply a 容缺 material after acceptance
    CHOOSE_DELIVERY = "choose_delivery"  # choose or change 领取方式
    REQUEST_EXTENSION = "request_extension"  # ask for 延期
    DECIDE_EXTENSION = "decide_extension"  # approve or refuse 延期
    VIEW_STAFF_PAGE = "view_staff_page"  # the staff case page with the full timeline
    DECIDE_ON_THE_SPOT = "decide_on_the_spot"  # 即办件: the accepting window decides (准予) at once
    SEND_PICKUP_CODE = "send_pickup_code"  # send the pickup code to an applicant who comes to the window


_DRAFT = frozenset({CaseState.DRAFT})
_ANY = frozenset(CaseState.values)


def on_the_spot_decision_open(case: Case) -> bool:
    """A 即办件 (承诺时限 0) that no review step has touched yet: the window may still decide it at once."""
    return (
        is_immediate(case.version)
        and case.commitment_signed_at is None
        and not case.tasks.filter(state=TaskState.COMPLETED).exists()
    )


def pickup_code_sendable(case: Case) -> bool:
    """The result waits at the window: the applicant chose window pickup or has not chosen yet."""
    return bool(case.pickup_code) and case.requested_delivery_mode in ("", DeliveryMode.WINDOW)


RULES: dict[str, Rule] = {
    CasePermission.EDIT_DRAFT: Rule(_applicant_or_clerk, _DRAFT),
    CasePermission.DELETE_DRAFT: Rule(is_applicant_side, _DRAFT),
    CaseAction.SUBMIT: Rule(_applicant_or_clerk, TRANSITIONS[CaseAction.SUBMIT].sources),
    CasePermission.PREREVIEW: Rule(is_case_clerk, frozenset({CaseState.SUBMITTED})),
    # Before acceptance the window issues the correction notice; during review the department (or the window).
    CaseAction.REQUEST_CORRECTION: Rule(
        lambda user, case: (
            is_case_clerk(user, case)
            or (case.state == CaseState.IN_REVIEW and is_case_department_staff(user, case))
        ),
        TRANSITIONS[CaseAction.REQUEST_CORRECTION].sources,
    ),
    CasePermission.UPLOAD_CORRECTION: Rule(_applicant_or_clerk, frozenset({CaseState.CORRECTION_REQUESTED})),
    CaseAction.RESUBMIT: Rule(_applicant_or_clerk, TRANSITIONS[CaseAction.RESUBMIT].sources),
    CaseAction.ACCEPT: Rule(is_case_clerk, TRANSITIONS[CaseAction.ACCEPT].sources),
    CaseAction.REFUSE_ACCEPTANCE: Rule(is_case_clerk, TRANSITIONS[CaseAction.REFUSE_ACCEPTANCE].sources),
    CasePermission.SUPPLEMENT: Rule(_applicant_or_clerk, REVIEW),
    CaseAction.START_SPECIAL_PROCEDURE: Rule(
        is_case_department_staff, TRANSITIONS[CaseAction.START_SPECIAL_PROCEDURE].sources
    ),
    CaseAction.FINISH_SPECIAL_PROCEDURE: Rule(
        is_case_department_staff, TRANSITIONS[CaseAction.FINISH_SPECIAL_PROCEDURE].sources
    ),
    CasePermission.REQUEST_EXTENSION: Rule(is_case_department_staff, IN_PROGRESS_REVIEW),
    CasePermission.DECIDE_EXTENSION: Rule(is_case_supervisor, _ANY),
    CaseAction.DECIDE: Rule(is_case_department_staff, TRANSITIONS[CaseAction.DECIDE].sources),
    CasePermission.CHOOSE_DELIVERY: Rule(
        is_applicant_side, frozenset(CaseState.values) - DELIVERY_CHOICE_CLOSED
    ),
    CaseAction.DELIVER: Rule(_staff_or_clerk, TRANSITIONS[CaseAction.DELIVER].sources),
    CaseAction.CLOSE: Rule(_staff_or_clerk, TRANSITIONS[CaseAction.CLOSE].sources),
    CaseAction.WITHDRAW: Rule(is_applicant_side, TRANSITIONS[CaseAction.WITHDRAW].sources),
    CaseAction.TERMINATE: Rule(is_case_supervisor, TRANSITIONS[CaseAction.TERMINATE].sources),
    CasePermission.VIEW_STAFF_PAGE: Rule(lambda user, case: is_staff_user(user), _ANY - _DRAFT),
    CasePermission.DECIDE_ON_THE_SPOT: Rule(
        is_case_clerk, TRANSITIONS[CaseAction.DECIDE].sources, on_the_spot_decision_open
    ),
    CasePermission.SEND_PICKUP_CODE: Rule(
        is_case_clerk, TRANSITIONS[CaseAction.DELIVER].sources, pickup_code_sendable
    ),
}


def can(user: Any, case: Case, action: str) -> bool:
    """True when ``user`` may take ``action`` on ``case`` now (who and when)."""
    rule = RULES[action]
    return rule.holds_for(case) and bool(rule.who(user, case))


def require_who(user: Any, case: Case, action: str) -> None:
    """Refuse with ``CASE_NOT_FOUND`` unless ``user`` is someone who may take ``action`` (state not checked)."""
    if not RULES[action].who(user, case):
        raise errors.CASE_NOT_FOUND.error()


def require_can(user: Any, case: Case, action: str) -> None:
    """Refuse ``action`` unless allowed: ``CASE_NOT_FOUND`` for the wrong person, ``CASE_INVALID_STATE`` for the
    wrong moment (checked in that order, so a stranger learns nothing about the case's state)."""
    rule = RULES[action]
    if not rule.who(user, case):
        raise errors.CASE_NOT_FOUND.error()
    if not rule.holds_for(case):
        raise errors.CASE_INVALID_STATE.error(fields={"state": case.state, "action": action})


def allowed_actions(user: Any, case: Case) -> frozenset[str]:
    """Every action of :data:`RULES` that ``user`` may take on ``case`` now (the page shows exactly these)."""
    return frozenset(action for action in RULES if can(user, case, action))


# --- who may be the applicant (服务对象) ---------------------------------------------------------------------------

# catalog.ServiceObject codes: "1" is 自然人; every other code is a legal person or another organisation.
NATURAL_PERSON = "1"


def serves_natural_persons(version: Any) -> bool:
    """True when the item is for 自然人 (or its guide names no 服务对象)."""
    objects = set(version.service_objects or ())
    return not objects or NATURAL_PERSON in objects


def serves_organisations(version: Any) -> bool:
    """True when the item is for 法人 or other organisations (or its guide names no 服务对象)."""
    objects = set(version.service_objects or ())
    return not objects or bool(objects - {NATURAL_PERSON})


def require_applicant_kind(version: Any, *, enterprise: Any) -> None:
    """Refuse an applicant the item does not serve: ``ENTERPRISE_REQUIRED`` when only organisations may apply
    and no enterprise is named, ``ENTERPRISE_NOT_SERVED`` when an enterprise applies for a 自然人 item."""
    if enterprise is None and not serves_natural_persons(version):
        message = str(errors.ENTERPRISE_REQUIRED.message)
        raise errors.ENTERPRISE_REQUIRED.error(fields={"credit_code": [message]})
    if enterprise is not None and not serves_organisations(version):
        message = str(errors.ENTERPRISE_NOT_SERVED.message)
        raise errors.ENTERPRISE_NOT_SERVED.error(fields={"credit_code": [message]})


# --- tasks ---------------------------------------------------------------------------------------------------------


def holds_task_role(user: Any, task: CaseTask) -> bool:
    """True when ``user`` holds the task's role in the task's department (who may claim or work it)."""
    return is_signed_in(user) and user_has_role(user, task.role, department=task.department)


def require_task_role(user: Any, task: CaseTask) -> None:
    """Refuse with ``TASK_NOT_FOUND`` unless ``user`` holds the task's role in its department."""
    if not holds_task_role(user, task):
        raise errors.TASK_NOT_FOUND.error()


# --- fetching with the access check (same "not found" for missing and forbidden) -----------------------------------


def _cases() -> CaseQuerySet:
    return Case.objects.select_related(
        "version", "implementation__item", "department", "region", "applicant_user", "enterprise", "agent"
    )


def _valid_number(number: str) -> bool:
    return bool(number) and "\x00" not in number and len(number) <= 40


def access_case_by_number(user: Any, number: str) -> Case:
    """The case numbered ``number`` if ``user`` may see it; ``CASE_NOT_FOUND`` for missing and forbidden alike."""
    number = str(number or "").strip()
    case = _cases().visible_to(user).filter(number=number).first() if _valid_number(number) else None
    if case is None:
        raise errors.CASE_NOT_FOUND.error()
    return case


def access_case_by_ref(user: Any, ref: str) -> Case:
    """The case by number or by draft ``public_id`` (UUID), with the same not-found rule."""
    ref = str(ref or "").strip()
    try:
        public_id = uuid.UUID(ref)
    except ValueError:
        return access_case_by_number(user, ref)
    case = _cases().visible_to(user).filter(public_id=public_id).first()
    if case is None:
        raise errors.CASE_NOT_FOUND.error()
    return case


def access_task_by_id(user: Any, task_id: Any) -> CaseTask:
    """A task the user may work (the task's role in its department, or assigned to them); else ``TASK_NOT_FOUND``."""
    try:
        pk = int(task_id)
    except (TypeError, ValueError):
        raise errors.TASK_NOT_FOUND.error() from None
    task = (
        CaseTask.objects.select_related("case", "case__version", "case__implementation__item", "department")
        .filter(pk=pk)
        .first()
        if 0 < pk < 2**63
        else None
    )
    if task is None or not is_signed_in(user):
        raise errors.TASK_NOT_FOUND.error()
    if task.assignee_id != user.pk and not holds_task_role(user, task):
        raise errors.TASK_NOT_FOUND.error()
    return task


def limit_public_lookup(request: Any, number: str) -> None:
    """Count one public progress lookup (办件查询, HTML and API alike): ``TOO_MANY_REQUESTS`` (429) past
    ``TONGBAN_RATE_LIMITS["lookup"]`` for the client address or ``["lookup_key"]`` for the case number, so query
    codes cannot be guessed from one address nor from many addresses against one case (ISSUE 7 §1)."""
    number = str(number or "").strip()
    refusal: DomainError | None = None
    try:
        check_rate(request, "lookup")
    except DomainError as exc:
        refusal = exc  # still count the case number, so spreading guesses over addresses does not help
    if number:
        check_rate(request, "lookup_key", key=number[:40])
    if refusal is not None:
        raise refusal
