"""What OCR of one screenshot produces: words and lines with boxes, and the text they spell.

Every word knows its character offsets in :attr:`OcrResult.text`, so a screening
:class:`~netral.screening.models.EvidenceSpan` on that text maps back to pixels. Boxes are
``(left, top, right, bottom)`` in pixels of the original image (after EXIF rotation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[int, int, int, int]


def union(boxes: list[Box]) -> Box:
    """The smallest box holding every box in ``boxes`` (which must not be empty)."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    box: Box
    confidence: float
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "box": list(self.box), "confidence": self.confidence,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrWord:
        return cls(data["text"], _box(data["box"]), float(data["confidence"]),
                   int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One text line; ``text == result.text[start:end]`` and its words lie inside it."""

    text: str
    box: Box
    confidence: float
    start: int
    end: int
    words: list[OcrWord]
    block: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "box": list(self.box), "confidence": self.confidence,
                "start": self.start, "end": self.end, "block": self.block,
                "words": [w.to_dict() for w in self.words]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrLine:
        return cls(data["text"], _box(data["box"]), float(data["confidence"]),
                   int(data["start"]), int(data["end"]),
                   [OcrWord.from_dict(w) for w in data["words"]], int(data.get("block", 0)))


@dataclass(frozen=True, slots=True)
class OcrResult:
    """OCR of one image. ``pipeline`` names the settings that produced it (cache key part)."""

    sha256: str
    width: int
    height: int
    format: str
    text: str
    lines: list[OcrLine]
    dark: bool
    scale: float
    pipeline: str
    source: str | None = None
    engine: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> list[OcrWord]:
        return [w for line in self.lines for w in line.words]

    @property
    def confidence(self) -> float:
        """Mean word confidence (0-100), weighted by word length; 0 when nothing was read."""
        words = self.words
        chars = sum(len(w.text) for w in words)
        return round(sum(w.confidence * len(w.text) for w in words) / chars, 2) if chars else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "sha256": self.sha256, "width": self.width,
            "height": self.height, "format": self.format, "dark": self.dark,
            "scale": self.scale, "pipeline": self.pipeline, "engine": dict(self.engine),
            "confidence": self.confidence, "text": self.text,
            "lines": [line.to_dict() for line in self.lines],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrResult:
        return cls(
            sha256=data["sha256"], width=int(data["width"]), height=int(data["height"]),
            format=data["format"], text=data["text"],
            lines=[OcrLine.from_dict(line) for line in data["lines"]],
            dark=bool(data["dark"]), scale=float(data["scale"]), pipeline=data["pipeline"],
            source=data.get("source"), engine=dict(data.get("engine") or {}),
        )


def _box(value: Any) -> Box:
    left, top, right, bottom = (int(v) for v in value)
    return (left, top, right, bottom)
