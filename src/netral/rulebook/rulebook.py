"""The loaded rulebook: one read-only object every other room is handed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from netral.rulebook.models import (
    AllowedAct,
    Article,
    Contestant,
    DeadlineRule,
    Election,
    ExtraDayOff,
    Law,
    Manifest,
    Phase,
    ProhibitedAct,
    Race,
)
from netral.text import fold


@dataclass(frozen=True)
class ContestantRef:
    """A contestant together with the race it runs in (id ``<race>:<number>``)."""

    race: Race
    contestant: Contestant

    @property
    def id(self) -> str:
        return f"{self.race.id}:{self.contestant.number}"

    @property
    def number(self) -> int:
        return self.contestant.number

    @property
    def name(self) -> str:
        return self.contestant.name


@dataclass(frozen=True)
class PhaseInForce:
    election: Election
    phase: Phase


@dataclass(frozen=True)
class Rulebook:
    manifest: Manifest
    laws: list[Law]
    acts: list[ProhibitedAct]
    allowed: list[AllowedAct]
    elections: list[Election]
    races: list[Race]
    deadlines: list[DeadlineRule]
    days_off: list[ExtraDayOff]
    content_hash: str = field(default="")

    @property
    def version(self) -> str:
        """Version for citations: the manifest's number plus a short content hash."""
        return f"{self.manifest.version}+{self.content_hash[:8]}"

    @cached_property
    def _laws(self) -> dict[str, Law]:
        return {law.id: law for law in self.laws}

    @cached_property
    def _articles(self) -> dict[tuple[str, str], Article]:
        return {(law.id, a.ref): a for law in self.laws for a in law.articles}

    @cached_property
    def _acts(self) -> dict[str, ProhibitedAct]:
        return {act.id: act for act in self.acts}

    @cached_property
    def _allowed(self) -> dict[str, AllowedAct]:
        return {a.id: a for a in self.allowed}

    @cached_property
    def _elections(self) -> dict[str, Election]:
        return {e.id: e for e in self.elections}

    @cached_property
    def _races(self) -> dict[str, Race]:
        return {r.id: r for r in self.races}

    @cached_property
    def _contestants(self) -> dict[str, ContestantRef]:
        refs = (ContestantRef(race, c) for race in self.races for c in race.contestants)
        return {ref.id: ref for ref in refs}

    @cached_property
    def _by_alias(self) -> dict[str, list[ContestantRef]]:
        index: dict[str, list[ContestantRef]] = {}
        for ref in self._contestants.values():
            c = ref.contestant
            names = [c.name, *(c.short_name or "",), *(p.name for p in c.people)]
            names += [a.text for a in c.all_aliases()] + [h.lstrip("#") for h in c.hashtags]
            for name in names:
                if name:
                    bucket = index.setdefault(fold(name), [])
                    if ref not in bucket:
                        bucket.append(ref)
        return index

    @cached_property
    def _deadlines(self) -> dict[str, DeadlineRule]:
        return {d.id: d for d in self.deadlines}

    def law(self, law_id: str) -> Law:
        return self._laws[law_id]

    def article(self, law_id: str, ref: str) -> Article:
        """The article a citation points at (validation guarantees it is listed)."""
        return self._articles[(law_id, ref)]

    def cite(self, law_id: str, ref: str) -> str:
        """How a citation reads: ``Pasal 14 huruf i PP 94/2021``."""
        return f"{ref} {self.law(law_id).short_name}"

    def act(self, act_id: str) -> ProhibitedAct:
        return self._acts[act_id]

    def allowed_act(self, allowed_id: str) -> AllowedAct:
        return self._allowed[allowed_id]

    def election(self, election_id: str) -> Election:
        return self._elections[election_id]

    def race(self, race_id: str) -> Race:
        return self._races[race_id]

    def deadline(self, rule_id: str) -> DeadlineRule:
        return self._deadlines[rule_id]

    def contestant(self, contestant_id: str) -> ContestantRef:
        return self._contestants[contestant_id]

    def contestants(self, race: str | None = None) -> list[ContestantRef]:
        return [ref for ref in self._contestants.values() if race is None or ref.race.id == race]

    def contestants_by_alias(self, text: str) -> list[ContestantRef]:
        """Contestants a name, alias, nickname or hashtag may refer to (case and accent folded)."""
        return list(self._by_alias.get(fold(text.lstrip("#")), []))

    def races_of(self, election_id: str) -> list[Race]:
        return [r for r in self.races if r.election == election_id]

    def phases_on(self, day: dt.date, election: str | None = None) -> list[PhaseInForce]:
        elections = [self.election(election)] if election else self.elections
        return [PhaseInForce(e, p) for e in elections for p in e.phases_on(day)]

    def election_of_race(self, race_id: str) -> Election:
        return self.election(self.race(race_id).election)
