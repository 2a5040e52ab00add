"""Evidence offsets in OCR text map to word boxes, one box per line, cut inside long words."""

from __future__ import annotations

from netral.ocr import OcrResult, span_boxes
from netral.ocr.engine import assemble


def tesseract_data(rows: list[tuple[int, int, str, tuple[int, int, int, int], float]]) -> dict:
    """``image_to_data`` output for words given as (paragraph, line, text, box, confidence)."""
    keys = ("block_num", "par_num", "line_num", "text", "left", "top", "width", "height", "conf")
    data: dict[str, list] = {k: [] for k in keys}
    for par, line, text, (left, top, width, height), conf in rows:
        for key, value in zip(keys, (1, par, line, text, left, top, width, height, conf),
                              strict=True):
            data[key].append(value)
    return data


DATA = tesseract_data([
    (1, 1, "Sri", (10, 10, 30, 20), 95), (1, 1, "Wahyuni", (45, 10, 70, 20), 94),
    (2, 1, "jangan", (10, 50, 60, 20), 96), (2, 1, "lupa", (75, 50, 40, 20), 96),
    (2, 1, "coblos", (120, 50, 60, 20), 91), (2, 1, "nomor", (190, 50, 50, 20), 93),
    (2, 2, "2", (10, 80, 10, 20), 90), (2, 2, "ya,", (30, 80, 30, 20), 92),
    (2, 2, "", (70, 80, 5, 20), -1), (2, 2, "#PrabowoGibran2024", (80, 80, 180, 20), 88),
])


def result_of(data: dict, scale: float = 1.0) -> OcrResult:
    text, lines = assemble(data, scale)
    return OcrResult("0" * 64, 400, 200, "PNG", text, lines, False, scale, "test")


def test_words_know_their_offsets_in_the_text() -> None:
    result = result_of(DATA)
    assert result.text == "Sri Wahyuni\n\njangan lupa coblos nomor\n2 ya, #PrabowoGibran2024"
    for word in result.words:
        assert result.text[word.start:word.end] == word.text
    for line in result.lines:
        assert result.text[line.start:line.end] == line.text
    assert [line.box for line in result.lines][1] == (10, 50, 240, 70)


def test_span_over_a_line_break_gives_one_box_per_line() -> None:
    result = result_of(DATA)
    start = result.text.index("coblos")
    end = result.text.index("2 ya") + 1
    assert span_boxes(result, start, end) == [(120, 50, 240, 70), (10, 80, 20, 100)]


def test_span_inside_a_word_is_cut_proportionally() -> None:
    result = result_of(DATA)
    start = result.text.index("PrabowoGibran")
    boxes = span_boxes(result, start, start + len("PrabowoGibran"))
    assert len(boxes) == 1
    left, top, right, bottom = boxes[0]
    assert (top, bottom) == (80, 100)
    assert left == 80 + 10  # one of 18 characters skipped: the '#'
    assert right == 80 + 180 * 14 // 18  # ends after 14 of the word's 18 characters


def test_boxes_are_in_original_pixels_after_upscaling() -> None:
    result = result_of(DATA, scale=2.0)
    assert result.lines[0].words[0].box == (5, 5, 20, 15)


def test_span_outside_the_text_has_no_box() -> None:
    result = result_of(DATA)
    assert span_boxes(result, len(result.text) + 5, len(result.text) + 9) == []


def test_low_confidence_words_can_be_dropped() -> None:
    text, _lines = assemble(DATA, 1.0, min_confidence=92)
    assert "coblos" not in text
    assert "Sri Wahyuni" in text


def test_result_round_trips_through_json() -> None:
    result = result_of(DATA)
    assert OcrResult.from_dict(result.to_dict()) == result
