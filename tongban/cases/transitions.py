"""The one table of case transitions and the named groups of states (STYLE point 5, ADR 0007).

Every service that changes a case's state asks :func:`check_transition`; every screen or rule that needs "the
running states" or "the states in which the applicant may still choose 领取方式" uses the groups named here, so a
group is written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from tongban.cases import errors
from tongban.cases.choices import CaseAction, CaseState, TaskState

_S = CaseState


@dataclass(frozen=True)
class Transition:
    """Allowed source states and possible target states of one action."""

    sources: frozenset[str]
    targets: frozenset[str]


# --- named groups of states --------------------------------------------------------------------------------------

# Submitted and not yet decided: a clock (acceptance or case) runs or is paused; withdrawable and terminable.
RUNNING = frozenset({_S.SUBMITTED, _S.CORRECTION_REQUESTED, _S.ACCEPTED, _S.IN_REVIEW, _S.SPECIAL_PROCEDURE})
# Nothing further happens to the case.
FINAL = frozenset({_S.NOT_ACCEPTED, _S.CLOSED, _S.WITHDRAWN, _S.TERMINATED})
# Accepted and not yet decided: the case clock (from acceptance) runs or is paused.
REVIEW = frozenset({_S.ACCEPTED, _S.IN_REVIEW, _S.SPECIAL_PROCEDURE})
# Review in progress: special procedures, extensions and 容缺 supplements happen here.
IN_PROGRESS_REVIEW = frozenset({_S.IN_REVIEW, _S.SPECIAL_PROCEDURE})
# Waiting for acceptance: the acceptance clock (受理期限) runs, paused while a correction is open.
ACCEPTANCE_CLOCK = frozenset({_S.SUBMITTED, _S.CORRECTION_REQUESTED})
# The result has gone out or the case ended: the applicant can no longer choose how the result reaches them.
DELIVERY_CHOICE_CLOSED = frozenset({_S.DELIVERED, _S.CLOSED, _S.WITHDRAWN, _S.TERMINATED, _S.NOT_ACCEPTED})
# Decided, delivered or closed: a decision exists and may be shown.
DECIDED_OR_LATER = frozenset({_S.DECIDED, _S.DELIVERED, _S.CLOSED})

# Task states in which a task still waits for someone (待办).
ACTIVE_TASK_STATES = frozenset({TaskState.OPEN, TaskState.CLAIMED})


# --- the transition table ------------------------------------------------------------------------------------------

TRANSITIONS: dict[str, Transition] = {
    CaseAction.SUBMIT: Transition(frozenset({_S.DRAFT}), frozenset({_S.SUBMITTED})),
    CaseAction.REQUEST_CORRECTION: Transition(
        frozenset({_S.SUBMITTED, _S.IN_REVIEW}), frozenset({_S.CORRECTION_REQUESTED})
    ),
    CaseAction.RESUBMIT: Transition(
        frozenset({_S.CORRECTION_REQUESTED}), frozenset({_S.SUBMITTED, _S.IN_REVIEW})
    ),
    CaseAction.ACCEPT: Transition(frozenset({_S.SUBMITTED}), frozenset({_S.ACCEPTED})),
    CaseAction.START_REVIEW: Transition(frozenset({_S.ACCEPTED}), frozenset({_S.IN_REVIEW})),
    CaseAction.REFUSE_ACCEPTANCE: Transition(
        frozenset({_S.SUBMITTED, _S.CORRECTION_REQUESTED}), frozenset({_S.NOT_ACCEPTED})
    ),
    CaseAction.START_SPECIAL_PROCEDURE: Transition(
        frozenset({_S.IN_REVIEW}), frozenset({_S.SPECIAL_PROCEDURE})
    ),
    CaseAction.FINISH_SPECIAL_PROCEDURE: Transition(
        frozenset({_S.SPECIAL_PROCEDURE}), frozenset({_S.IN_REVIEW})
    ),
    CaseAction.DECIDE: Transition(frozenset({_S.IN_REVIEW}), frozenset({_S.DECIDED})),
    CaseAction.DELIVER: Transition(frozenset({_S.DECIDED}), frozenset({_S.DELIVERED})),
    CaseAction.CLOSE: Transition(frozenset({_S.DELIVERED}), frozenset({_S.CLOSED})),
    CaseAction.WITHDRAW: Transition(RUNNING | {_S.DRAFT}, frozenset({_S.WITHDRAWN})),
    CaseAction.TERMINATE: Transition(RUNNING, frozenset({_S.TERMINATED})),
}


def allowed_actions(state: str) -> list[str]:
    """The actions the transition table allows from ``state`` (for the UI's buttons)."""
    return [action for action, transition in TRANSITIONS.items() if state in transition.sources]


def is_allowed(state: str, action: str) -> bool:
    """True when the table allows ``action`` from ``state``."""
    return state in TRANSITIONS[action].sources


def check_transition(state: str, action: str, target: str | None = None) -> str:
    """The target state of ``action`` from ``state``; ``CASE_INVALID_STATE`` (409) when the table forbids it.

    An action with several targets (``resubmit``) needs ``target``; it must be one of the action's targets.
    """
    transition = TRANSITIONS[action]
    if state not in transition.sources:
        raise errors.CASE_INVALID_STATE.error(fields={"state": state, "action": action})
    if target is None:
        (target,) = tuple(transition.targets)
    if target not in transition.targets:
        raise ValueError(f"{target} is not a target of {action}")
    return target
