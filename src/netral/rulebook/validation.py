"""Checks that span records or files: references, uniqueness, alias collisions."""

from __future__ import annotations

from collections.abc import Iterable

from netral.rulebook.models import Citation
from netral.rulebook.rulebook import Rulebook
from netral.rulebook.source import PathKey, RulebookIssue, SourceFile
from netral.text import fold


def cross_check(rb: Rulebook, sources: dict[str, SourceFile]) -> list[RulebookIssue]:
    issues: list[RulebookIssue] = []

    def report(file: str, key: PathKey, message: str) -> None:
        issues.append(sources[file].issue(key, message))

    articles = {law.id: {a.ref for a in law.articles} for law in rb.laws}

    def check_citations(file: str, base: PathKey, citations: Iterable[Citation], name: str) -> None:
        for j, cit in enumerate(citations):
            if cit.law not in articles:
                report(file, (*base, name, j, "law"), f"unknown law id {cit.law!r}")
            elif cit.article not in articles[cit.law]:
                report(
                    file,
                    (*base, name, j, "article"),
                    f"{cit.article!r} is not listed under {cit.law} in laws.yaml",
                )

    _unique(report, "laws.yaml", ("laws",), [law.id for law in rb.laws], "law id")
    _unique(report, "acts.yaml", ("acts",), [a.id for a in rb.acts], "act id")
    _unique(report, "allowed.yaml", ("allowed",), [a.id for a in rb.allowed], "allowed-act id")
    _unique(report, "elections.yaml", ("elections",), [e.id for e in rb.elections], "election id")
    _unique(report, "races.yaml", ("races",), [r.id for r in rb.races], "race id")
    _unique(report, "deadlines.yaml", ("deadlines",), [d.id for d in rb.deadlines], "deadline id")

    for i, act in enumerate(rb.acts):
        check_citations("acts.yaml", ("acts", i), act.citations, "citations")
        check_citations("acts.yaml", ("acts", i), act.criminal, "criminal")
    for i, allowed in enumerate(rb.allowed):
        check_citations("allowed.yaml", ("allowed", i), allowed.citations, "citations")
    for i, election in enumerate(rb.elections):
        check_citations("elections.yaml", ("elections", i), election.legal_basis, "legal_basis")
        phase_ids = [p.id for p in election.phases]
        _unique(report, "elections.yaml", ("elections", i, "phases"), phase_ids, "phase id")
    for i, rule in enumerate(rb.deadlines):
        check_citations("deadlines.yaml", ("deadlines", i), rule.citations, "citations")

    election_ids = {e.id for e in rb.elections}
    party_names = _party_names(rb)
    owner: dict[str, tuple[str, PathKey]] = {}
    for i, race in enumerate(rb.races):
        if race.election not in election_ids:
            report("races.yaml", ("races", i, "election"), f"unknown election id {race.election!r}")
        numbers = [c.number for c in race.contestants]
        _unique(
            report,
            "races.yaml",
            ("races", i, "contestants"),
            numbers,
            "contestant number",
            field="number",
        )
        for j, contestant in enumerate(race.contestants):
            cid = f"{race.id}:{contestant.number}"
            base: PathKey = ("races", i, "contestants", j)
            for k, party in enumerate(contestant.parties):
                if party_names and fold(party) not in party_names:
                    report("races.yaml", (*base, "parties", k), f"unknown party {party!r}")
            for key, text in _alias_places(contestant, base):
                folded = fold(text.lstrip("#"))
                previous = owner.get(folded)
                if previous and previous[0] != cid:
                    report(
                        "races.yaml", key, f"alias {text!r} collides with contestant {previous[0]}"
                    )
                else:
                    owner[folded] = (cid, key)
    return issues


def _alias_places(contestant, base: PathKey) -> list[tuple[PathKey, str]]:
    places: list[tuple[PathKey, str]] = []
    places += [((*base, "aliases", k, "text"), a.text) for k, a in enumerate(contestant.aliases)]
    places += [((*base, "hashtags", k), h) for k, h in enumerate(contestant.hashtags)]
    places += [
        ((*base, "descriptors", k, "text"), d.text) for k, d in enumerate(contestant.descriptors)
    ]
    for p, person in enumerate(contestant.people):
        places += [
            ((*base, "people", p, "aliases", k, "text"), a.text)
            for k, a in enumerate(person.aliases)
        ]
    return places


def _party_names(rb: Rulebook) -> set[str]:
    names: set[str] = set()
    for race in rb.races:
        if race.office.value == "legislative-party":
            for c in race.contestants:
                names.add(fold(c.name))
                if c.short_name:
                    names.add(fold(c.short_name))
    return names


def _unique(report, file: str, base: PathKey, values: list, what: str, field: str = "id") -> None:
    seen: set = set()
    for i, value in enumerate(values):
        if value in seen:
            report(file, (*base, i, field), f"duplicate {what} {value!r}")
        seen.add(value)
