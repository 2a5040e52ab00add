"""``screen_ocr`` finds the partisan screenshot, spares the neutral one, and boxes the evidence."""

from __future__ import annotations

import pytest

from netral.ocr import ImageScreening, screen_evidence, screen_ocr, sha256_of
from netral.screening import Screener


@pytest.fixture(scope="module")
def screener(rulebook) -> Screener:
    return Screener(rulebook)


def inside(box, outer, slack: int = 12) -> bool:
    return (outer[0] - slack <= box[0] and box[2] <= outer[2] + slack
            and outer[1] - slack <= box[1] and box[3] <= outer[3] + slack)


@pytest.mark.ocr
def test_partisan_facebook_screenshot_is_found_with_boxed_evidence(read, labels,
                                                                   screener) -> None:
    result = read("p01-light")
    screened = screen_ocr(result, screener, platform="facebook")
    s = screened.screening
    assert s.partisan
    assert "pilpres-2024:2" in s.contestants
    assert screened.evidence_boxes
    caption = labels["p01-light"]["caption_box"]
    for finding, boxes in zip(s.findings, screened.boxes, strict=True):
        for span, span_boxes in zip(finding.evidence, boxes, strict=True):
            assert result.text[span.start:span.end] == span.text
            assert span_boxes, span.text
            assert all(inside(b, caption) for b in span_boxes), span.text


@pytest.mark.ocr
@pytest.mark.parametrize("image_id", ["p04-dark", "p10-dark", "p18-light"])
def test_other_partisan_screenshots_are_found(read, labels, screener, image_id: str) -> None:
    s = screen_ocr(read(image_id), screener).screening
    assert s.partisan
    assert set(labels[image_id]["contestants"]) <= set(s.contestants)


@pytest.mark.ocr
@pytest.mark.parametrize("image_id", ["n01-dark", "n10-light", "n14-light", "n20-dark"])
def test_neutral_screenshots_are_spared(read, screener, image_id: str) -> None:
    s = screen_ocr(read(image_id), screener).screening
    assert not s.partisan, s.explanation


@pytest.mark.ocr
def test_screening_json_carries_boxes_and_round_trips(read, screener) -> None:
    screened = screen_ocr(read("p18-light"), screener)
    data = screened.to_dict()
    assert data["partisan"] is True
    assert all("boxes" in span for f in data["findings"] for span in f["evidence"])
    assert ImageScreening.from_dict(data) == screened


@pytest.mark.ocr
def test_evidence_screening_is_cached_with_the_rulebook_version(tesseract, shot, screener,
                                                               tmp_path) -> None:
    data = shot("p10-dark").read_bytes()
    digest = sha256_of(data)
    result, first = screen_evidence(data, digest, tmp_path, screener)
    assert (tmp_path / f"{digest}.screen.json").is_file()
    _, again = screen_evidence(data, digest, tmp_path, screener)
    assert again == first
    assert first.screening.partisan and result.sha256 == digest
