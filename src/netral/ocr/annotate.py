"""Highlight evidence on a copy of the screenshot, for a person to check the machine's reading.

Evidence boxes get a translucent red fill and outline; with ``show_lines`` every OCR'd line gets
a thin blue frame, so misread or missed text is visible too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from netral.ocr.models import Box, OcrResult

EVIDENCE_FILL = (255, 40, 40, 70)
EVIDENCE_OUTLINE = (220, 0, 0, 255)
LINE_OUTLINE = (30, 110, 255, 160)


def annotate(image: Image.Image, evidence: list[Box], result: OcrResult | None = None,
             show_lines: bool = True) -> Image.Image:
    """A new RGB image: ``image`` with ``evidence`` boxes (and OCR line frames) drawn on it."""
    base = image.convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    stroke = max(2, round(min(base.size) / 400))
    pad = stroke
    if show_lines and result is not None:
        for line in result.lines:
            draw.rectangle(_grow(line.box, pad, base.size), outline=LINE_OUTLINE, width=1)
    for box in evidence:
        draw.rectangle(_grow(box, pad, base.size), fill=EVIDENCE_FILL, outline=EVIDENCE_OUTLINE,
                       width=stroke)
    return Image.alpha_composite(base, overlay).convert("RGB")


def save_png(image: Image.Image, path: Path) -> Path:
    """Write ``image`` as PNG to ``path`` atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, "PNG", optimize=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _grow(box: Box, pad: int, size: tuple[int, int]) -> Box:
    return (max(0, box[0] - pad), max(0, box[1] - pad), min(size[0] - 1, box[2] + pad),
            min(size[1] - 1, box[3] + pad))
