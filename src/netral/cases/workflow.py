"""The case state machine: one transition table, read by the service and by the web app.

``TRANSITIONS`` is the single source of which moves exist and who may make them; the web
app shows a button for each entry `allowed_transitions` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netral.cases.roles import Role


class CaseStatus(StrEnum):
    RECEIVED = "received"
    PRELIMINARY_REVIEW = "preliminary_review"
    REGISTERED = "registered"
    DISMISSED = "dismissed"
    CLARIFICATION = "clarification"
    EXAMINED = "examined"
    RECOMMENDATION_ISSUED = "recommendation_issued"
    NOT_PROVEN = "not_proven"
    SANCTION_IMPOSED = "sanction_imposed"
    CLOSED = "closed"


class Requirement(StrEnum):
    """Extra input a transition needs besides the reason."""

    AGENCY = "agency"  # the reported ASN's agency must be known (registry match or given)
    ACTS = "acts"  # prohibited act ids from the rulebook
    DECREE = "decree"  # the PPK's decree number


@dataclass(frozen=True, slots=True)
class Transition:
    source: CaseStatus
    target: CaseStatus
    roles: frozenset[Role]
    requires: frozenset[Requirement] = frozenset()
    scoped: bool = False  # the actor must hold the case's agency in their subtree


S = CaseStatus
R = Role
Q = Requirement

TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.RECEIVED, S.PRELIMINARY_REVIEW, frozenset({R.INTAKE_OFFICER})),
    Transition(S.PRELIMINARY_REVIEW, S.REGISTERED, frozenset({R.INTAKE_OFFICER}),
               frozenset({Q.AGENCY})),
    Transition(S.PRELIMINARY_REVIEW, S.DISMISSED, frozenset({R.INTAKE_OFFICER})),
    Transition(S.REGISTERED, S.CLARIFICATION, frozenset({R.EXAMINER})),
    Transition(S.CLARIFICATION, S.EXAMINED, frozenset({R.EXAMINER})),
    Transition(S.EXAMINED, S.RECOMMENDATION_ISSUED, frozenset({R.BKN_ANALYST}),
               frozenset({Q.ACTS})),
    Transition(S.EXAMINED, S.NOT_PROVEN, frozenset({R.BKN_ANALYST})),
    Transition(S.RECOMMENDATION_ISSUED, S.SANCTION_IMPOSED, frozenset({R.AGENCY_PPK}),
               frozenset({Q.DECREE}), scoped=True),
    Transition(S.SANCTION_IMPOSED, S.CLOSED, frozenset({R.BKN_ANALYST})),
    Transition(S.NOT_PROVEN, S.CLOSED, frozenset({R.BKN_ANALYST})),
    Transition(S.DISMISSED, S.CLOSED, frozenset({R.INTAKE_OFFICER, R.BKN_ANALYST})),
)

# The clock each state runs on: entering a state fires the event named here, which selects
# the rulebook deadline rule whose ``starts_from`` it is. States sharing an event keep the
# due date set when the event fired.
CLOCK_EVENTS: dict[CaseStatus, str] = {
    S.RECEIVED: "report-received",
    S.REGISTERED: "case-registered",
    S.EXAMINED: "clarification-done",
    S.RECOMMENDATION_ISSUED: "recommendation-issued",
}
CLOCK_CONTINUES: frozenset[CaseStatus] = frozenset({S.PRELIMINARY_REVIEW, S.CLARIFICATION})
TERMINAL: frozenset[CaseStatus] = frozenset({S.CLOSED})

_BY_EDGE = {(t.source, t.target): t for t in TRANSITIONS}


class TransitionError(ValueError):
    """The move does not exist in the table (as opposed to a role refusal)."""


def find_transition(source: CaseStatus, target: CaseStatus) -> Transition:
    try:
        return _BY_EDGE[(CaseStatus(source), CaseStatus(target))]
    except (KeyError, ValueError):
        raise TransitionError(f"no transition from {source} to {target}") from None


def transitions_from(source: CaseStatus) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]


def allowed_transitions(source: CaseStatus, role: Role) -> list[Transition]:
    """Moves a role may make from ``source`` (agency scope is checked per case by the service)."""
    return [t for t in transitions_from(source) if role in t.roles]
