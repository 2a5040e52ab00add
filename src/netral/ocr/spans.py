"""Character offsets in OCR text -> pixel boxes, so evidence can be shown on the screenshot.

An :class:`~netral.screening.models.EvidenceSpan` names ``text[start:end]`` of the OCR text.
Each word it touches contributes its box, cut proportionally when the span covers only part of
the word (``#PrabowoGibran2024`` when only ``PrabowoGibran`` is evidence); the pieces are
merged per text line, so a span that wraps over two lines gives two boxes, never one tall one.
"""

from __future__ import annotations

from netral.ocr.models import Box, OcrResult, OcrWord, union


def span_boxes(result: OcrResult, start: int, end: int) -> list[Box]:
    """Boxes, one per text line, covering ``result.text[start:end]``; empty if none."""
    boxes: list[Box] = []
    for line in result.lines:
        if line.end <= start or line.start >= end:
            continue
        pieces = [_piece(w, start, end) for w in line.words if w.start < end and w.end > start]
        if pieces:
            boxes.append(union(pieces))
    return boxes


def _piece(word: OcrWord, start: int, end: int) -> Box:
    left, top, right, bottom = word.box
    length = max(1, word.end - word.start)
    width = right - left
    first = max(start, word.start) - word.start
    last = min(end, word.end) - word.start
    if first == 0 and last == length:
        return word.box
    return (left + int(width * first / length), top,
            left + round(width * last / length + 0.49), bottom)
