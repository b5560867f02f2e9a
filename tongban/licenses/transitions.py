"""The one table of licence transitions (STYLE point 5, ADR 0012).

valid → suspended → valid (reinstate); valid | suspended → revoked; valid → superseded (a correction issues the
next version). Every service that changes a licence's state asks :func:`check_transition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tongban.licenses import errors
from tongban.licenses.choices import LicenseAction, LicenseState

_S = LicenseState


@dataclass(frozen=True)
class Transition:
    """Allowed source states and the target state of one action."""

    sources: frozenset[str]
    target: str


# Nothing further happens to a licence in these states.
FINAL = frozenset({_S.REVOKED, _S.SUPERSEDED})

TRANSITIONS: dict[str, Transition] = {
    LicenseAction.SUSPEND: Transition(frozenset({_S.VALID}), _S.SUSPENDED),
    LicenseAction.REINSTATE: Transition(frozenset({_S.SUSPENDED}), _S.VALID),
    LicenseAction.REVOKE: Transition(frozenset({_S.VALID, _S.SUSPENDED}), _S.REVOKED),
    LicenseAction.CORRECT: Transition(frozenset({_S.VALID}), _S.SUPERSEDED),
}


def allowed_actions(state: str) -> list[str]:
    """The actions the table allows from ``state`` (for the UI's buttons)."""
    return [action for action, transition in TRANSITIONS.items() if state in transition.sources]


def check_transition(action: str, state: str) -> str:
    """The target state of ``action`` from ``state``; ``LICENSE_TRANSITION_NOT_ALLOWED`` (409) when illegal."""
    transition = TRANSITIONS[action]
    if state not in transition.sources:
        raise errors.LICENSE_TRANSITION_NOT_ALLOWED.error()
    return transition.target
