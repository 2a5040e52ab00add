"""On-demand OCR of screenshot evidence through the OCR room (Tesseract, Debian's data)."""

from __future__ import annotations


def read_text(data: bytes) -> str:
    """The text of a screenshot; raises the OCR room's errors when it cannot be read."""
    from netral.ocr import ocr_image

    return ocr_image(data, name="evidence").text
