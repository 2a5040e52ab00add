"""`netral check`: the self-check an ASN runs before acting."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from netral.cli.main import app

runner = CliRunner()


def check(text: str) -> dict:
    result = runner.invoke(app, ["check", "--json", text])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_liking_a_candidates_post_is_not_allowed() -> None:
    answer = check("Pak, boleh nggak saya nge-like postingan capres di IG?")
    assert answer["verdict"] == "not_allowed"
    assert answer["acts"][0] == "social-engagement"
    assert {"like", "capres"} <= {e["text"].lower() for e in answer["evidence"]}


def test_voting_and_sharing_kpu_schedules_are_allowed() -> None:
    assert check("bolehkah ASN datang ke TPS untuk nyoblos?")["verdict"] == "allowed"
    shared = check("boleh share jadwal pemungutan suara dari KPU di grup kantor?")
    assert shared["verdict"] == "allowed"
    assert "share-official-information" in shared["allowed"]


def test_table_output_in_indonesian() -> None:
    result = runner.invoke(app, ["check", "saya diajak jadi tim sukses paslon bupati"])
    assert result.exit_code == 0
    assert "Tidak boleh" in result.stdout
    assert "SKB-D10" in result.stdout
    empty = runner.invoke(app, ["check", "   "])
    assert empty.exit_code == 2
