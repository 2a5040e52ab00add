"""The OCR room: screenshots of posts -> text with boxes (-> screening, evidence on pixels).

``ocr_image(path)`` reads one screenshot; ``ocr_evidence(source, sha256, cache_dir)`` does the
same for case evidence, once per image; ``screen_ocr(result, screener)`` screens the text and
maps each evidence span to boxes; ``annotate`` draws them.
"""

from netral.ocr.annotate import annotate, save_png
from netral.ocr.engine import (
    OcrFailed,
    OcrUnavailable,
    TesseractConfig,
    check_available,
    ocr_image,
    tesseract_available,
)
from netral.ocr.evidence import (
    EvidenceMismatch,
    cached_ocr,
    ocr_evidence,
    screen_evidence,
    sha256_of,
)
from netral.ocr.image import ImageLimits, ImageRejected, LoadedImage, Rejection, load_image
from netral.ocr.models import Box, OcrLine, OcrResult, OcrWord
from netral.ocr.screening import ImageScreening, ocr_post, screen_ocr
from netral.ocr.spans import span_boxes

__all__ = [
    "Box",
    "EvidenceMismatch",
    "ImageLimits",
    "ImageRejected",
    "ImageScreening",
    "LoadedImage",
    "OcrFailed",
    "OcrLine",
    "OcrResult",
    "OcrUnavailable",
    "OcrWord",
    "Rejection",
    "TesseractConfig",
    "annotate",
    "cached_ocr",
    "check_available",
    "load_image",
    "ocr_evidence",
    "ocr_image",
    "ocr_post",
    "save_png",
    "screen_evidence",
    "screen_ocr",
    "sha256_of",
    "span_boxes",
    "tesseract_available",
]
