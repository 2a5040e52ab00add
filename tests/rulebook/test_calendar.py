"""Which phase is in force on a day: campaign edges, quiet period, voting day."""

from __future__ import annotations

import datetime as dt

import pytest


def phase_ids(rulebook, day: str, election: str | None = None) -> set[tuple[str, str]]:
    return {
        (p.election.id, p.phase.id)
        for p in rulebook.phases_on(dt.date.fromisoformat(day), election)
    }


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-11-27", set()),
        ("2023-11-28", {("pemilu-2024", "kampanye")}),
        ("2024-01-20", {("pemilu-2024", "kampanye")}),
        ("2024-02-10", {("pemilu-2024", "kampanye")}),
        ("2024-02-11", {("pemilu-2024", "masa-tenang")}),
        ("2024-02-13", {("pemilu-2024", "masa-tenang")}),
        (
            "2024-02-14",
            {("pemilu-2024", "pemungutan-suara"), ("pemilu-2024", "penghitungan-suara")},
        ),
        ("2024-09-25", {("pilkada-2024", "kampanye")}),
        ("2024-11-23", {("pilkada-2024", "kampanye")}),
        ("2024-11-24", {("pilkada-2024", "masa-tenang")}),
        ("2024-11-27", {("pilkada-2024", "pemungutan-suara"), ("pilkada-2024", "rekapitulasi")}),
    ],
)
def test_phase_on_boundary_dates(rulebook, day: str, expected: set) -> None:
    assert phase_ids(rulebook, day) == expected


def test_filter_by_election(rulebook) -> None:
    assert phase_ids(rulebook, "2024-01-20", "pilkada-2024") == set()
    assert phase_ids(rulebook, "2024-01-20", "pemilu-2024") == {("pemilu-2024", "kampanye")}


def test_race_determination_days(rulebook) -> None:
    assert rulebook.election("pemilu-2024").determination_day == dt.date(2023, 11, 13)
    assert rulebook.race("party-2024").determination_day == dt.date(2022, 12, 14)
    assert rulebook.election_of_race("pilgub-kaltim-2024").determination_day == dt.date(2024, 9, 22)
