"""The rulebook room: prohibited and allowed acts, laws, calendars, contestants, deadlines.

Everything here is data validated on load; every other room is handed a `Rulebook`.
"""

from netral.rulebook.loader import bundled_rulebook_dir, load_rulebook
from netral.rulebook.models import (
    AllowedAct,
    Category,
    Citation,
    Contestant,
    DayUnit,
    DeadlineRule,
    Election,
    Law,
    Phase,
    ProhibitedAct,
    Race,
    Signal,
    Target,
)
from netral.rulebook.rulebook import ContestantRef, PhaseInForce, Rulebook
from netral.rulebook.source import RulebookError, RulebookIssue

__all__ = [
    "AllowedAct",
    "Category",
    "Citation",
    "Contestant",
    "ContestantRef",
    "DayUnit",
    "DeadlineRule",
    "Election",
    "Law",
    "Phase",
    "PhaseInForce",
    "ProhibitedAct",
    "Race",
    "Rulebook",
    "RulebookError",
    "RulebookIssue",
    "Signal",
    "Target",
    "bundled_rulebook_dir",
    "load_rulebook",
]
