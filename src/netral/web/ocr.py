"""On-demand OCR and screening of screenshot evidence through the OCR room.

Results are cached under the evidence's SHA-256 in ``<data_dir>/ocr-cache``, so the same image
is never read twice, whichever case or officer asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netral.ocr.models import OcrResult
    from netral.ocr.screening import ImageScreening
    from netral.screening import Screener


def read_evidence(data: bytes, sha256: str, data_dir: Path, screener: Screener
                  ) -> tuple[OcrResult, ImageScreening]:
    """OCR text and screening of one evidence image; raises the OCR room's errors."""
    from netral.ocr.evidence import screen_evidence  # Tesseract is optional for the web app

    return screen_evidence(data, sha256, cache_dir(data_dir), screener)


def cache_dir(data_dir: Path) -> Path:
    return data_dir / "ocr-cache"
