"""Contestant ids, numbers, parties and alias lookup."""

from __future__ import annotations

import pytest


def test_contestant_ids_follow_race_and_ballot_number(rulebook) -> None:
    golkar = rulebook.contestant("party-2024:4")
    assert golkar.contestant.short_name == "Golkar"
    assert rulebook.contestant("pilpres-2024:2").contestant.gesture == 2
    rudy = rulebook.contestant("pilgub-kaltim-2024:2")
    assert [p.name for p in rudy.contestant.people] == ["Rudy Mas'ud", "Seno Aji"]
    assert {c.number for c in rulebook.contestants("party-2024")} >= set(range(1, 18)) | {24}


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Cak Imin", "pilpres-2024:1"),
        ("#PrabowoGibran", "pilpres-2024:2"),
        ("prabowo gibran", "pilpres-2024:2"),
        ("GANJAR PRANOWO", "pilpres-2024:3"),
        ("PDI-P", "party-2024:3"),
        ("Isran Noor", "pilgub-kaltim-2024:1"),
        ("rudy masud", "pilgub-kaltim-2024:2"),
        ("Rudy Mas’ud", "pilgub-kaltim-2024:2"),
        ("Andi Harun", "pilwali-samarinda-2024:1"),
        ("Sa'bani", "pilwali-balikpapan-2024:3"),
    ],
)
def test_lookup_by_alias(rulebook, alias: str, expected: str) -> None:
    assert [ref.id for ref in rulebook.contestants_by_alias(alias)] == [expected]


def test_unknown_alias_finds_nobody(rulebook) -> None:
    assert rulebook.contestants_by_alias("Amien Rais") == []


def test_ambiguous_aliases_are_marked(rulebook) -> None:
    def ambiguous(cid: str) -> set[str]:
        c = rulebook.contestant(cid).contestant
        return {a.text for a in c.all_aliases() if a.ambiguous}

    assert "amin" in ambiguous("pilpres-2024:1")
    assert {"ganjar", "03"} <= ambiguous("pilpres-2024:3")
    assert "02" in ambiguous("pilpres-2024:2")


def test_coalition_parties_are_known_parties(rulebook) -> None:
    party_names = {
        c.contestant.short_name or c.contestant.name for c in rulebook.contestants("party-2024")
    }
    for ref in rulebook.contestants("pilpres-2024"):
        assert set(ref.contestant.parties) <= party_names | {"PDI Perjuangan"}


def test_days_off_agree_with_the_holidays_package(rulebook) -> None:
    import holidays

    official = holidays.country_holidays("ID", years=[2024], categories=("public", "government"))
    for day in rulebook.days_off:
        assert day.date in official, f"{day.date} {day.name} is not in the holidays package"
