"""Loading the bundled rulebook and reporting broken copies by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from netral.rulebook import Category, RulebookError, load_rulebook
from tests.rulebook.conftest import replace_once


def _only_issue(directory: Path):
    with pytest.raises(RulebookError) as caught:
        load_rulebook(directory)
    assert len(caught.value.issues) == 1, caught.value.issues
    return caught.value.issues[0]


def test_bundled_rulebook_loads_with_every_kind_of_fact(rulebook) -> None:
    assert len(rulebook.acts) >= 21
    codes = {a.code for a in rulebook.acts}
    assert {f"SKB-E{i}" for i in range(1, 8)} <= codes
    assert {f"SKB-D{i}" for i in range(1, 14)} <= codes
    assert {f"PP94-N{i}" for i in range(1, 8)} <= codes
    assert {"vote", "encourage-turnout", "election-duty"} <= {a.id for a in rulebook.allowed}
    assert {"pemilu-2024", "pilkada-2024"} <= {e.id for e in rulebook.elections}
    assert {"pilpres-2024", "party-2024", "pilgub-kaltim-2024"} <= {r.id for r in rulebook.races}
    assert rulebook.deadline("pemilu-report").days == 7


def test_ethics_and_discipline_categories_follow_the_skb(rulebook) -> None:
    assert rulebook.act("ethics-social-engagement").category is Category.ETHICS
    assert rulebook.act("social-engagement").category is Category.DISCIPLINE_HEAVY
    assert rulebook.act("candidacy-without-leave").category is Category.DISCIPLINE_MODERATE
    assert rulebook.act("party-membership").category is Category.DISMISSAL
    assert rulebook.act("pp94-join-campaign").category is Category.DISCIPLINE_MODERATE
    assert rulebook.act("pp94-mobilise-pns").category is Category.DISCIPLINE_HEAVY


def test_unchecked_facts_stay_unverified(rulebook) -> None:
    pasal_13 = next(a for a in rulebook.law("pp-94-2021").articles if a.ref == "Pasal 13")
    assert pasal_13.verified is False
    assert rulebook.act("pp94-join-campaign").verified is False
    assert next(a for a in rulebook.allowed if a.id == "passive-attendance").verified is False


def test_version_changes_with_content(rulebook, rulebook_copy: Path) -> None:
    replace_once(
        rulebook_copy / "acts.yaml",
        "Memasang baliho bakal calon bupati",
        "Memasang baliho bakal calon wali kota",
    )
    assert load_rulebook(rulebook_copy).version != rulebook.version
    assert rulebook.version.startswith(rulebook.manifest.version + "+")


def test_wrong_date_names_file_line_and_field(rulebook_copy: Path) -> None:
    line = replace_once(rulebook_copy / "elections.yaml", "end: 2024-02-10", "end: 2024-02-30")
    issue = _only_issue(rulebook_copy)
    assert issue.file == "elections.yaml"
    assert issue.line == line
    assert issue.field == "elections[0].phases[3].end"
    assert "date" in issue.message


def test_phase_ending_before_it_starts_is_refused(rulebook_copy: Path) -> None:
    replace_once(rulebook_copy / "elections.yaml", "start: 2023-11-28", "start: 2024-03-01")
    issue = _only_issue(rulebook_copy)
    assert issue.field == "elections[0].phases[3]"
    assert "before start" in issue.message


def test_unknown_law_in_citation(rulebook_copy: Path) -> None:
    line = replace_once(
        rulebook_copy / "acts.yaml",
        "{law: uu-5-2014, article: Pasal 87",
        "{law: uu-5-2041, article: Pasal 87",
    )
    issue = _only_issue(rulebook_copy)
    assert (issue.file, issue.line) == ("acts.yaml", line)
    assert issue.field == "acts[11].citations[1].law"
    assert "unknown law id 'uu-5-2041'" in issue.message


def test_citation_of_unlisted_article(rulebook_copy: Path) -> None:
    replace_once(rulebook_copy / "deadlines.yaml", "Pasal 454 ayat (6)", "Pasal 454 ayat (9)")
    issue = _only_issue(rulebook_copy)
    assert issue.file == "deadlines.yaml"
    assert issue.field == "deadlines[0].citations[0].article"
    assert "not listed under uu-7-2017" in issue.message


def test_duplicate_contestant_number(rulebook_copy: Path) -> None:
    races = rulebook_copy / "races.yaml"
    line = replace_once(
        races, "      - {number: 5, name: Partai NasDem", "      - {number: 4, name: Partai NasDem"
    )
    issue = _only_issue(rulebook_copy)
    assert (issue.file, issue.line) == ("races.yaml", line)
    assert issue.field == "races[1].contestants[4].number"
    assert "duplicate contestant number 4" in issue.message


def test_alias_colliding_with_another_contestant(rulebook_copy: Path) -> None:
    line = replace_once(rulebook_copy / "races.yaml", "{text: prof mahfud}", "{text: cak imin}")
    issue = _only_issue(rulebook_copy)
    assert (issue.file, issue.line) == ("races.yaml", line)
    assert issue.field == "races[0].contestants[2].people[1].aliases[1].text"
    assert "collides with contestant pilpres-2024:1" in issue.message


def test_missing_required_field(rulebook_copy: Path) -> None:
    line = replace_once(rulebook_copy / "laws.yaml", "    short_name: PP 42/2004\n", "")
    issue = _only_issue(rulebook_copy)
    assert issue.file == "laws.yaml"
    assert issue.field == "laws[6].short_name"
    assert issue.message == "Field required"
    assert issue.line is not None and issue.line < line


def test_unknown_category(rulebook_copy: Path) -> None:
    acts = rulebook_copy / "acts.yaml"
    line = replace_once(acts, "    category: dismissal\n", "    category: discipline-severe\n")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(rulebook_copy)
    (issue,) = caught.value.issues
    assert (issue.file, issue.line, issue.field) == ("acts.yaml", line, "acts[11].category")


def test_yaml_syntax_error_names_the_line(rulebook_copy: Path) -> None:
    line = replace_once(
        rulebook_copy / "laws.yaml",
        '    kind: pp\n    number: "94"',
        '    kind: pp\n    number: ["94"',
    )
    issue = _only_issue(rulebook_copy)
    assert issue.file == "laws.yaml"
    assert issue.field == "(syntax)"
    assert issue.line is not None and abs(issue.line - line) <= 3


def test_missing_file_is_reported(rulebook_copy: Path) -> None:
    (rulebook_copy / "deadlines.yaml").unlink()
    issue = _only_issue(rulebook_copy)
    assert (issue.file, issue.field) == ("deadlines.yaml", "(file)")


def test_new_election_is_added_as_data_only(rulebook_copy: Path) -> None:
    elections = rulebook_copy / "elections.yaml"
    text = elections.read_text(encoding="utf-8")
    elections.write_text(
        text.replace(
            "    phases: []\n",
            (
                "    voting_day: 2029-02-14\n"
                "    phases:\n"
                "      - id: kampanye\n"
                "        name: {id: Masa kampanye, en: Campaign period}\n"
                "        start: 2028-11-26\n"
                "        end: 2029-02-10\n"
            ),
        ),
        encoding="utf-8",
    )
    import datetime as dt

    rb = load_rulebook(rulebook_copy)
    (hit,) = rb.phases_on(dt.date(2029, 1, 5))
    assert (hit.election.id, hit.phase.id) == ("pemilu-2029", "kampanye")


def test_citations_resolve_to_articles_and_read_as_people_write_them(rulebook) -> None:
    for act in rulebook.acts:
        for cit in act.citations:
            assert rulebook.article(cit.law, cit.article).ref == cit.article
    assert rulebook.cite("pp-94-2021", "Pasal 14 huruf i") == "Pasal 14 huruf i PP 94/2021"
    assert rulebook.article("uu-20-2023", "Pasal 24 ayat (1) huruf d").verified is True
