"""`netral rules …` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from netral.cli.main import app
from tests.rulebook.conftest import replace_once

runner = CliRunner()


def run(*args: str, lang: str = "id"):
    return runner.invoke(app, ["--lang", lang, *args])


def test_rules_list_json_has_ids_categories_and_citations() -> None:
    result = run("rules", "list", "--json")
    assert result.exit_code == 0, result.output
    acts = json.loads(result.stdout)
    by_id = {a["id"]: a for a in acts}
    assert by_id["social-engagement"]["category"] == "discipline-heavy"
    cites = {(c["law"], c["article"]) for c in by_id["social-engagement"]["citations"]}
    assert ("pp-94-2021", "Pasal 14 huruf i") in cites
    assert all("short_name" in c and "verified" in c for a in acts for c in a["citations"])


def test_rules_list_table_is_indonesian_by_default() -> None:
    result = run("rules", "list")
    assert "Perbuatan terlarang" in result.stdout
    assert "Kategori" in result.stdout


def test_rules_show_in_english_and_unknown_id() -> None:
    shown = run("rules", "show", "partisan-photo", lang="en")
    assert shown.exit_code == 0
    assert "Photo with a candidate showing partisanship" in shown.stdout
    assert "Pasal 14 huruf i PP 94/2021" in shown.stdout
    unknown = run("rules", "show", "partisan-foto")
    assert unknown.exit_code == 2
    assert "tidak dikenal" in unknown.stderr and "partisan-photo" in unknown.stderr


def test_rules_contestants_by_race_json() -> None:
    result = run("rules", "contestants", "--race", "pilgub-kaltim-2024", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["pilgub-kaltim-2024:1", "pilgub-kaltim-2024:2"]
    assert rows[0]["race"] == "pilgub-kaltim-2024" and rows[0]["number"] == 1
    assert [p["name"] for p in rows[0]["people"]] == ["Isran Noor", "Hadi Mulyadi"]


def test_rules_calendar_on_a_campaign_day() -> None:
    result = run("rules", "calendar", "--on", "2024-01-20", "--json")
    assert json.loads(result.stdout) == [
        {
            "election": "pemilu-2024",
            "phase": "kampanye",
            "name": "Masa kampanye",
            "start": "2023-11-28",
            "end": "2024-02-10",
        }
    ]
    bad = run("rules", "calendar", "--on", "20-01-2024")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_rules_check_passes_on_bundled_and_fails_on_broken(rulebook_copy: Path) -> None:
    ok = run("rules", "check")
    assert ok.exit_code == 0 and "sah" in ok.stdout
    line = replace_once(rulebook_copy / "elections.yaml", "end: 2024-11-23", "end: 2024-13-23")
    broken = run("rules", "check", str(rulebook_copy))
    assert broken.exit_code == 1
    assert f"elections.yaml:{line}: elections[1].phases[4].end:" in broken.stderr
