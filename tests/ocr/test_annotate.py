"""Annotated screenshots show evidence in red where the words are, and change nothing else."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from netral.ocr import annotate, save_png


def test_evidence_box_is_tinted_red_and_the_rest_kept() -> None:
    image = Image.new("RGB", (300, 200), "white")
    out = annotate(image, [(50, 60, 150, 90)], show_lines=False)
    red, green, blue = out.getpixel((100, 75))
    assert red > 240 and green < 220 and blue < 220
    assert out.getpixel((250, 180)) == (255, 255, 255)
    assert image.getpixel((100, 75)) == (255, 255, 255)  # the original is untouched


def test_png_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "anotasi" / "bukti.annotated.png"
    save_png(Image.new("RGB", (20, 20), "white"), target)
    assert Image.open(target).format == "PNG"
    assert [p.name for p in target.parent.iterdir()] == ["bukti.annotated.png"]
