"""Tesseract reads the committed screenshots: captions nearly verbatim, boxes on the image."""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Levenshtein

from netral.ocr import OcrResult


def caption_of(result: OcrResult, box: list[int], slack: int = 16) -> str:
    left, top, right, bottom = box
    return " ".join(w.text for w in result.words
                    if left - slack <= (w.box[0] + w.box[2]) / 2 <= right + slack
                    and top - slack <= (w.box[1] + w.box[3]) / 2 <= bottom + slack)


@pytest.mark.ocr
@pytest.mark.parametrize("image_id", ["p01-light", "p04-dark", "n14-light", "n20-dark"])
def test_caption_is_read_almost_exactly(read, labels, image_id: str) -> None:
    result = read(image_id)
    label = labels[image_id]
    got = caption_of(result, label["caption_box"])
    errors = Levenshtein.distance(got, label["reference"])
    assert errors / len(label["reference"]) <= 0.05, got


@pytest.mark.ocr
def test_dark_whatsapp_screenshot_is_read_with_its_chrome(read) -> None:
    result = read("p04-dark")
    assert result.dark
    assert "Isran-Hadi" in result.text
    assert "#IsranHadi" in result.text
    assert "Ketik pesan" in result.text  # the chat's input box: the whole screen is read


@pytest.mark.ocr
def test_lines_words_and_offsets_are_consistent(read) -> None:
    result = read("p01-light")
    assert result.lines and result.confidence > 80
    for line in result.lines:
        assert result.text[line.start:line.end] == line.text
        left, top, right, bottom = line.box
        assert 0 <= left < right <= result.width and 0 <= top < bottom <= result.height
        for word in line.words:
            assert result.text[word.start:word.end] == word.text
            assert left <= word.box[0] and word.box[2] <= right
    assert result.engine["lang"] == "ind+eng"
    assert result.pipeline.startswith("tesseract-")


@pytest.mark.ocr
def test_upscaled_jpeg_boxes_land_on_original_pixels(read, labels) -> None:
    label = labels["n10-light"]  # 720 px wide JPEG: read at 1.5x
    result = read("n10-light")
    assert result.scale == 1.5
    (word,) = [w for w in result.words if w.text == "#GarudaMuda"]
    left, top, right, bottom = label["caption_box"]
    assert left - 4 <= word.box[0] and word.box[2] <= right + 4
    assert top - 4 <= word.box[1] and word.box[3] <= bottom + 4
