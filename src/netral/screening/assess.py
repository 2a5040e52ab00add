"""From observed signals to prohibited acts, citations and the calendar phase.

Which act a signal evidences is read from the rulebook: the acts listing that signal, whose
``target`` fits the day (a *bakal calon* before the race's determination day, a *calon* after),
preferring the act where the signal comes first (the most specific), then rulebook order.
"""

from __future__ import annotations

import datetime as dt

from netral.rulebook import Rulebook
from netral.rulebook.models import Target
from netral.screening.models import CitationRef


class ActAssessor:
    def __init__(self, rulebook: Rulebook):
        self.rulebook = rulebook
        self._by_signal: dict[str, list[tuple[int, int, str, str]]] = {}
        for order, act in enumerate(rulebook.acts):
            for pos, signal in enumerate(act.signals):
                self._by_signal.setdefault(signal.value, []).append(
                    (pos, order, act.id, act.target.value)
                )
        for items in self._by_signal.values():
            items.sort()
        self._citations: dict[str, list[CitationRef]] = {}
        for act in rulebook.acts:
            self._citations[act.id] = [
                CitationRef(law=c.law, article=c.article, label=rulebook.cite(c.law, c.article))
                for c in act.citations
            ]
        self._phases = {
            e.id: sorted(e.phases, key=lambda p: ((p.end - p.start).days, p.start))
            for e in rulebook.elections
        }

    def determination_day(self, race_id: str | None) -> dt.date | None:
        if race_id is None:
            return None
        race = self.rulebook.race(race_id)
        return race.determination_day or self.rulebook.election(race.election).determination_day

    def act_for(self, signal: str, race_id: str | None, day: dt.date | None) -> str | None:
        determined = self.determination_day(race_id)
        before = day is not None and determined is not None and day < determined
        wanted = {Target.ANY.value, Target.PROSPECTIVE.value if before else Target.CANDIDATE.value}
        for _pos, _order, act_id, target in self._by_signal.get(signal, ()):
            if target in wanted:
                return act_id
        return None

    def citations(self, act_id: str) -> list[CitationRef]:
        return list(self._citations[act_id])

    def phase(self, day: dt.date | None, election_id: str | None) -> str | None:
        """The most specific phase in force on ``day`` for the election (or any election)."""
        if day is None:
            return None
        elections = [election_id] if election_id else list(self._phases)
        best: tuple[int, str] | None = None
        for eid in elections:
            for p in self._phases.get(eid, ()):
                if p.start <= day <= p.end:
                    length = (p.end - p.start).days
                    if best is None or length < best[0]:
                        best = (length, p.id)
                    break
        return best[1] if best else None
