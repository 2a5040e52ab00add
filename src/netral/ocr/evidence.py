"""OCR (and screening) of case evidence, cached by the image's sha256 so it runs once.

The case service stores evidence content-addressed by sha256 and calls :func:`ocr_evidence`
(in the background or on demand) with a cache directory; ``<sha256>.ocr.json`` is written
beside nothing else, atomically, and only when OCR succeeded. A cached result made by other
OCR settings (``pipeline``) is redone; one made by the same settings is returned as is.
:func:`screen_evidence` adds ``<sha256>.screen.json``, redone when the rulebook version changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from netral.files import write_text_atomic
from netral.i18n import Translator, current
from netral.ocr.engine import OcrUnavailable, TesseractConfig, ocr_image, pipeline_id
from netral.ocr.image import N_, ImageLimits, load_image
from netral.ocr.models import OcrResult
from netral.ocr.screening import ImageScreening, PostScreener, screen_ocr


class EvidenceMismatch(Exception):
    """The bytes given do not hash to the sha256 the caller named: never cache under it."""

    def __init__(self, expected: str, actual: str):
        self.expected, self.actual = expected, actual
        super().__init__(self.message())

    def message(self, translator: Translator | None = None) -> str:
        return (translator or current())(
            N_("Evidence file does not match its hash: expected sha256 {expected}, got {actual}."),
            expected=self.expected, actual=self.actual)


def cache_path(cache_dir: Path, sha256: str, kind: str = "ocr") -> Path:
    return Path(cache_dir) / f"{sha256.lower()}.{kind}.json"


def cached_ocr(cache_dir: Path, sha256: str,
               config: TesseractConfig = TesseractConfig()) -> OcrResult | None:
    """The cached OCR of ``sha256`` made with ``config``, or None.

    Without Tesseract on this machine (a web server may lack it) any cached result is returned.
    """
    data = _read_json(cache_path(cache_dir, sha256))
    if data is None:
        return None
    try:
        if data.get("pipeline") != pipeline_id(config):
            return None
    except OcrUnavailable:
        pass
    try:
        return OcrResult.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


def ocr_evidence(source: Path | str | bytes, sha256: str, cache_dir: Path, *,
                 config: TesseractConfig = TesseractConfig(),
                 limits: ImageLimits = ImageLimits(), name: str | None = None) -> OcrResult:
    """OCR of one evidence image, from the cache when this image was read before.

    Raises :class:`~netral.ocr.image.ImageRejected` (bad file),
    :class:`~netral.ocr.engine.OcrUnavailable`, :class:`~netral.ocr.engine.OcrFailed` or
    :class:`EvidenceMismatch`; nothing is written then.
    """
    sha256 = sha256.lower()
    cached = cached_ocr(cache_dir, sha256, config)
    if cached is not None:
        return cached
    loaded = load_image(source, limits, name)
    if loaded.sha256 != sha256:
        raise EvidenceMismatch(sha256, loaded.sha256)
    result = ocr_image(loaded, config=config, limits=limits,
                       name=name or (Path(source).name if isinstance(source, Path | str) else None))
    _write_json(cache_path(cache_dir, sha256), result.to_dict())
    return result


def screen_evidence(source: Path | str | bytes, sha256: str, cache_dir: Path,
                    screener: PostScreener, *, platform: str | None = None,
                    published_at: dt.date | dt.datetime | None = None,
                    config: TesseractConfig = TesseractConfig(),
                    limits: ImageLimits = ImageLimits()) -> tuple[OcrResult, ImageScreening]:
    """OCR then screen one evidence image; both cached under its sha256."""
    result = ocr_evidence(source, sha256, cache_dir, config=config, limits=limits)
    version = _rulebook_version(screener)
    key = {"pipeline": result.pipeline, "rulebook_version": version, "platform": platform,
           "published_at": published_at.isoformat() if published_at else None}
    path = cache_path(cache_dir, result.sha256, "screen")
    data = _read_json(path)
    if data is not None and version and data.get("key") == key:
        return result, ImageScreening.from_dict(data["screening"])
    screened = screen_ocr(result, screener, platform=platform, published_at=published_at)
    if version:
        _write_json(path, {"key": key, "screening": screened.to_dict()})
    return result, screened


def sha256_of(source: Path | str | bytes) -> str:
    if isinstance(source, bytes | bytearray):
        return hashlib.sha256(source).hexdigest()
    digest = hashlib.sha256()
    with Path(source).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rulebook_version(screener: PostScreener) -> str:
    rulebook = getattr(screener, "rulebook", None)
    return str(getattr(rulebook, "version", "") or "")


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (FileNotFoundError, ValueError, OSError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, data: dict[str, Any]) -> None:
    write_text_atomic(path, json.dumps(data, ensure_ascii=False))
