"""Screening the text read from a screenshot, with every evidence span mapped to pixels.

The screener is passed in (``Screener(rulebook)`` from :mod:`netral.screening`); this module
only builds the :class:`Post` from OCR text and adds boxes to the :class:`Screening` it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from netral.ocr.chrome import content_text
from netral.ocr.models import Box, OcrResult
from netral.ocr.spans import span_boxes
from netral.screening.io import screening_dict
from netral.screening.models import (
    Action,
    CitationRef,
    EvidenceSpan,
    Finding,
    Post,
    Screening,
)


class PostScreener(Protocol):
    def screen(self, post: Post) -> Screening: ...


@dataclass(frozen=True, slots=True)
class ImageScreening:
    """A screening of OCR text; ``boxes[i][j]`` are the pixels of finding i's evidence j."""

    screening: Screening
    boxes: list[list[list[Box]]]

    @property
    def evidence_boxes(self) -> list[Box]:
        return [box for finding in self.boxes for span in finding for box in span]

    def to_dict(self) -> dict[str, Any]:
        """The scan output schema (``Screening.to_dict()``) with ``boxes`` on each evidence span."""
        data = screening_dict(self.screening)
        for finding, finding_boxes in zip(data["findings"], self.boxes, strict=True):
            for span, span_boxes_ in zip(finding["evidence"], finding_boxes, strict=True):
                span["boxes"] = [list(b) for b in span_boxes_]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageScreening:
        findings, boxes = [], []
        for f in data["findings"]:
            findings.append(Finding(
                act=f["act"], contestant=f.get("contestant"),
                citations=[CitationRef(**c) for c in f["citations"]],
                evidence=[EvidenceSpan(e["field"], e["start"], e["end"], e["text"])
                          for e in f["evidence"]],
                reason=f["reason"]))
            boxes.append([[tuple(b) for b in e.get("boxes", [])] for e in f["evidence"]])
        fields = {k: v for k, v in data.items() if k != "findings"}
        return cls(Screening(findings=findings, **fields), boxes)  # type: ignore[arg-type]


def ocr_post(result: OcrResult, *, post_id: str | None = None, platform: str | None = None,
             published_at: dt.date | dt.datetime | None = None, keep_chrome: bool = False) -> Post:
    """The post a screenshot shows, as far as OCR can tell.

    Its text is the OCR text with app chrome (status bar, counters, timestamps) blanked by
    spaces, so evidence offsets index :attr:`OcrResult.text` as well.
    """
    text = result.text if keep_chrome else content_text(result)
    return Post(id=post_id or f"sha256:{result.sha256}", text=text, platform=platform,
                action=Action.POST, published_at=published_at)


def screen_ocr(result: OcrResult, screener: PostScreener, *, post_id: str | None = None,
               platform: str | None = None,
               published_at: dt.date | dt.datetime | None = None) -> ImageScreening:
    post = ocr_post(result, post_id=post_id, platform=platform, published_at=published_at)
    screening = screener.screen(post)
    boxes = [[span_boxes(result, span.start, span.end) if span.field == "text" else []
              for span in finding.evidence] for finding in screening.findings]
    return ImageScreening(screening, boxes)
