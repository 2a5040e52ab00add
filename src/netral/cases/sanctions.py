"""Sanction level from the rulebook: the heaviest category among the proven acts."""

from __future__ import annotations

from collections.abc import Iterable

from netral.cases.models import SanctionLevel
from netral.rulebook import Category, Rulebook

_BY_CATEGORY = {
    Category.ETHICS: SanctionLevel.MORAL,
    Category.DISCIPLINE_LIGHT: SanctionLevel.DISCIPLINE_LIGHT,
    Category.DISCIPLINE_MODERATE: SanctionLevel.DISCIPLINE_MODERATE,
    Category.DISCIPLINE_HEAVY: SanctionLevel.DISCIPLINE_HEAVY,
    Category.DISMISSAL: SanctionLevel.DISMISSAL,
}
SEVERITY = list(SanctionLevel)


class SanctionError(ValueError):
    pass


def sanction_level(rulebook: Rulebook, act_ids: Iterable[str]) -> SanctionLevel:
    """The level a PPK imposes for ``act_ids``; unknown or criminal-only acts are refused."""
    levels = []
    for act_id in act_ids:
        try:
            act = rulebook.act(act_id)
        except KeyError:
            raise SanctionError(f"unknown act {act_id!r} in rulebook {rulebook.version}") from None
        level = _BY_CATEGORY.get(act.category)
        if level is None:
            raise SanctionError(f"act {act_id} ({act.category}) is not an administrative sanction")
        levels.append(level)
    if not levels:
        raise SanctionError("a recommendation needs at least one act")
    return max(levels, key=SEVERITY.index)
