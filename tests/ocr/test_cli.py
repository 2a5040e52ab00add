"""``netral ocr``: text and boxes per screenshot, screening on demand, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from netral.cli.main import app

runner = CliRunner()


@pytest.mark.ocr
def test_json_screen_and_annotate(tesseract, shot, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.png"
    bad.write_bytes(shot("p01-light").read_bytes()[:5000])
    outdir = tmp_path / "anotasi"
    result = runner.invoke(app, ["ocr", str(shot("p01-light")), str(shot("n14-light")),
                                 str(bad), "--json", "--screen", "--annotate", str(outdir)])
    assert result.exit_code == 1, result.stderr  # one file failed; the others still reported
    partisan, neutral, failed = json.loads(result.stdout)
    assert partisan["screening"]["partisan"] is True
    assert "pilpres-2024:2" in partisan["screening"]["contestants"]
    spans = [s for f in partisan["screening"]["findings"] for s in f["evidence"]]
    assert spans and all(s["boxes"] for s in spans)
    assert partisan["lines"][0]["box"] and "confidence" in partisan["lines"][0]
    assert neutral["screening"]["partisan"] is False
    assert failed["error"]["reason"] == "truncated"
    assert sorted(p.name for p in outdir.iterdir()) == ["n14-light.annotated.png",
                                                        "p01-light.annotated.png"]
    assert Image.open(outdir / "p01-light.annotated.png").size == Image.open(
        shot("p01-light")).size


@pytest.mark.ocr
def test_plain_output_in_indonesian(tesseract, shot) -> None:
    result = runner.invoke(app, ["--lang", "id", "ocr", str(shot("n20-dark"))])
    assert result.exit_code == 0, result.output
    assert "Banteng liar" in result.stdout
    assert "tema gelap" in " ".join(result.stdout.split())


def test_non_image_fails_with_a_clear_message(tesseract, tmp_path: Path) -> None:
    path = tmp_path / "catatan.txt"
    path.write_text("bukan gambar", encoding="utf-8")
    result = runner.invoke(app, ["--lang", "en", "ocr", str(path)])
    assert result.exit_code == 1
    assert "catatan.txt: not an image" in " ".join(result.stderr.split())
