import json

from typer.testing import CliRunner

from netral.cli.main import app

from .conftest import FIXTURES

runner = CliRunner()
SEED = str(FIXTURES / "seed_001_99bc666eab5dbdc3.txt")


def test_json_array_of_articles():
    result = runner.invoke(app, ["news", "extract", SEED, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["people"][0]["name"] == "Sri Wahyuni"
    assert data[0]["published"] == "2023-11-29"


def test_jsonl_and_a_missing_file_exits_non_zero_but_prints_the_rest(tmp_path):
    missing = tmp_path / "hilang.txt"
    result = runner.invoke(app, ["news", "extract", SEED, str(missing), "--jsonl"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["title"].startswith("Sekda Kaltim")
    assert "hilang.txt" in result.stderr


def test_summary_table(tmp_path):
    result = runner.invoke(app, ["--lang", "en", "news", "extract", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "News articles" in result.stdout
