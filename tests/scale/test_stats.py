"""``netral stats``: counts checked against a case small enough to count by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from netral.cli.main import app
from netral.scale import scan_stats
from netral.scale.output import SCHEMA

NIP_A = "198503122010011002"  # Dinas Pendidikan
NIP_B = "199001012015032001"  # BPKAD
runner = CliRunner()


def _row(id_: str, political: bool, partisan: bool, contestants: list[str], acts: list[str],
         platform: str | None, author: str | None, day: dt.date | None) -> dict:
    return {"id": id_, "political": political, "partisan": partisan, "contestants": contestants,
            "acts": acts, "score": 0.9 if partisan else 0.1, "phase": "kampanye",
            "findings": "[]", "explanation": "", "allowed": [], "rulebook_version": "t",
            "platform": platform, "action": "post", "author": author, "day": day}


@pytest.fixture
def output(tmp_path: Path) -> Path:
    d1, d2 = dt.date(2024, 2, 10), dt.date(2024, 2, 11)
    parts = [
        [_row("p1", True, True, ["pilpres-2024:2"], ["online-campaign"], "facebook", NIP_A, d1),
         _row("p2", True, True, ["pilpres-2024:2", "pilpres-2024:1"],
              ["online-campaign", "social-share"], "x", "1985 0312 201001 1 002", d1),
         _row("p3", True, False, [], [], "facebook", NIP_B, d2)],
        [_row("p4", False, False, [], [], "whatsapp", "akun_anonim", None),
         _row("p5", True, True, ["pilpres-2024:1"], ["online-campaign"], "facebook", None, d2)],
    ]
    out = tmp_path / "out"
    out.mkdir()
    for i, rows in enumerate(parts):
        table = pa.table({k: [r[k] for r in rows] for k in SCHEMA.names}, schema=SCHEMA)
        pq.write_table(table, out / f"part-{i:05d}.parquet")
    return out


def _by_key(rows: list[dict]) -> dict:
    return {r["key"]: (r["posts"], r["political"], r["partisan"]) for r in rows}


def test_counts_match_the_hand_count(output: Path) -> None:
    stats = scan_stats(output, {NIP_A: "dinas-pendidikan", NIP_B: "bpkad"})
    assert (stats["posts"], stats["political"], stats["partisan"]) == (5, 4, 3)
    assert _by_key(stats["contestant"]) == {"pilpres-2024:2": (2, 2, 2),
                                            "pilpres-2024:1": (2, 2, 2)}
    assert _by_key(stats["act"]) == {"online-campaign": (3, 3, 3), "social-share": (1, 1, 1)}
    assert _by_key(stats["platform"]) == {"facebook": (3, 3, 2), "x": (1, 1, 1),
                                          "whatsapp": (1, 0, 0)}
    assert [r["key"] for r in stats["day"]] == ["2024-02-10", "2024-02-11", None]
    assert _by_key(stats["day"]) == {"2024-02-10": (2, 2, 2), "2024-02-11": (2, 2, 1),
                                     None: (1, 0, 0)}
    # p2's NIP is written with spaces; p4 and p5 have no registry author.
    assert _by_key(stats["agency"]) == {"dinas-pendidikan": (2, 2, 2), "bpkad": (1, 1, 0),
                                        None: (2, 1, 1)}


def test_no_registry_no_agency_dimension(output: Path) -> None:
    assert "agency" not in scan_stats(output)


def test_cli_prints_json_csv_and_tables(output: Path, tmp_path: Path) -> None:
    registry = tmp_path / "registry.csv"
    registry.write_text("nip,name,position,agency_code,region_code\n"
                        f"{NIP_A},Siti Rahmawati,Guru Ahli Muda,dinas-pendidikan,64.72\n"
                        f"{NIP_B},Budi Santoso,Analis Keuangan,bpkad,64\n", encoding="utf-8")
    result = runner.invoke(app, ["--lang", "en", "stats", str(output), "--json",
                                 "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["posts"] == 5 and _by_key(data["agency"])["bpkad"] == (1, 1, 0)

    result = runner.invoke(app, ["--lang", "en", "stats", str(output), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["dimension"], r["key"]): r["posts"] for r in rows}[("act", "online-campaign")] == "3"

    result = runner.invoke(app, ["--lang", "id", "stats", str(output)])
    assert result.exit_code == 0, result.output
    assert "facebook" in result.stdout and "pilpres-2024:2" in result.stdout


def test_stats_of_a_missing_output_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--lang", "en", "stats", str(tmp_path / "tidak-ada")])
    assert result.exit_code == 2
