"""Tesseract through pytesseract: one screenshot in, an :class:`OcrResult` out.

Reading uses Debian's ``ind`` and ``eng`` language data (``-l ind+eng``), never a download.
Words come from ``image_to_data``; they are grouped into lines by Tesseract's own block,
paragraph and line numbers and joined into one text whose offsets every word remembers.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytesseract

from netral.i18n import Translator, current
from netral.ocr.image import N_, ImageLimits, LoadedImage, load_image
from netral.ocr.models import Box, OcrLine, OcrResult, OcrWord, union
from netral.ocr.preprocess import prepare

PREPROCESS_VERSION = "1"


@dataclass(frozen=True, slots=True)
class TesseractConfig:
    lang: str = "ind+eng"
    psm: int = 3
    """3 = automatic page segmentation: screenshots mix headers, captions and counters."""
    timeout: float = 60.0
    min_confidence: float = 0.0
    """Words Tesseract rates below this (0-100) are dropped as noise (icons, avatars)."""

    @property
    def flags(self) -> str:
        return f"--oem 1 --psm {self.psm} -c preserve_interword_spaces=0"


class OcrUnavailable(Exception):
    """Tesseract, or one of its language data files, is not installed."""

    def __init__(self, what: str):
        self.what = what
        super().__init__(self.message())

    def message(self, translator: Translator | None = None) -> str:
        return (translator or current())(
            N_("Tesseract OCR is not usable: {what}. Install the Debian packages tesseract-ocr, "
               "tesseract-ocr-ind and tesseract-ocr-eng."), what=self.what)


class OcrFailed(Exception):
    """Tesseract ran but did not finish (timeout, crash) on one image."""

    def __init__(self, name: str, detail: str):
        self.name = name
        self.detail = detail
        super().__init__(self.message())

    def message(self, translator: Translator | None = None) -> str:
        return (translator or current())(N_("{name}: OCR failed ({detail})."),
                                         name=self.name, detail=self.detail)


@cache
def tesseract_version() -> str:
    if not shutil.which(pytesseract.pytesseract.tesseract_cmd):
        raise OcrUnavailable("tesseract not found")
    return str(pytesseract.get_tesseract_version())


def check_available(config: TesseractConfig = TesseractConfig()) -> str:
    """The Tesseract version; raises :class:`OcrUnavailable` when a needed language is missing."""
    version = tesseract_version()
    missing = set(config.lang.split("+")) - set(_languages())
    if missing:
        raise OcrUnavailable(f"language data {', '.join(sorted(missing))} missing")
    return version


def tesseract_available(config: TesseractConfig = TesseractConfig()) -> bool:
    try:
        check_available(config)
    except OcrUnavailable:
        return False
    return True


@cache
def _languages() -> tuple[str, ...]:
    return tuple(pytesseract.get_languages(config=""))


def pipeline_id(config: TesseractConfig) -> str:
    return (f"tesseract-{tesseract_version()}/{config.lang}/psm{config.psm}"
            f"/conf{config.min_confidence:g}/prep{PREPROCESS_VERSION}")


def ocr_image(source: Path | str | bytes | LoadedImage, *,
              config: TesseractConfig = TesseractConfig(), limits: ImageLimits = ImageLimits(),
              name: str | None = None) -> OcrResult:
    """OCR one screenshot (path, bytes or an already loaded image)."""
    version = check_available(config)
    loaded = source if isinstance(source, LoadedImage) else load_image(source, limits, name)
    label = name or (str(source) if isinstance(source, Path | str) else None)
    prepared = prepare(loaded.image)
    try:
        data = pytesseract.image_to_data(prepared.image, lang=config.lang, config=config.flags,
                                         output_type=pytesseract.Output.DICT,
                                         timeout=config.timeout)
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrFailed(label or loaded.sha256[:12], str(exc) or "timeout") from None
    except pytesseract.TesseractError as exc:
        raise OcrFailed(label or loaded.sha256[:12], exc.message.strip()[:200]) from None
    text, lines = assemble(data, prepared.scale, config.min_confidence, loaded.image.size)
    return OcrResult(
        sha256=loaded.sha256, width=loaded.image.width, height=loaded.image.height,
        format=loaded.format, text=text, lines=lines, dark=prepared.dark, scale=prepared.scale,
        pipeline=pipeline_id(config), source=label,
        engine={"tesseract": version, "lang": config.lang, "psm": str(config.psm)},
    )


def assemble(data: dict[str, list], scale: float = 1.0, min_confidence: float = 0.0,
             size: tuple[int, int] | None = None) -> tuple[str, list[OcrLine]]:
    """Join ``image_to_data`` words into lines and one text, keeping every word's offsets.

    Words of one line are joined by a space, lines by a newline, paragraphs by a blank line.
    Boxes are divided by ``scale`` to land on the original image's pixels.
    """
    grouped: dict[tuple[int, int, int], list[tuple[str, Box, float]]] = {}
    for i, raw in enumerate(data["text"]):
        word = str(raw).strip()
        conf = float(data["conf"][i])
        if not word or conf < 0 or conf < min_confidence:
            continue
        left, top = data["left"][i] / scale, data["top"][i] / scale
        right, bottom = left + data["width"][i] / scale, top + data["height"][i] / scale
        box = _clip((int(left), int(top), round(right + 0.49), round(bottom + 0.49)), size)
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        grouped.setdefault(key, []).append((word, box, conf))

    parts: list[str] = []
    lines: list[OcrLine] = []
    offset = 0
    previous: tuple[int, int] | None = None
    for (block, par, _line), words in grouped.items():
        if previous is not None:
            sep = "\n" if previous == (block, par) else "\n\n"
            parts.append(sep)
            offset += len(sep)
        previous = (block, par)
        line_start = offset
        ocr_words: list[OcrWord] = []
        for j, (word, box, conf) in enumerate(words):
            if j:
                parts.append(" ")
                offset += 1
            ocr_words.append(OcrWord(word, box, round(conf, 2), offset, offset + len(word)))
            parts.append(word)
            offset += len(word)
        line_text = " ".join(w for w, _, _ in words)
        chars = sum(len(w) for w, _, _ in words)
        line_conf = sum(c * len(w) for w, _, c in words) / chars
        lines.append(OcrLine(line_text, union([w.box for w in ocr_words]), round(line_conf, 2),
                             line_start, offset, ocr_words, block))
    return "".join(parts), lines


def _clip(box: Box, size: tuple[int, int] | None) -> Box:
    if size is None:
        return box
    width, height = size
    return (max(0, min(box[0], width)), max(0, min(box[1], height)),
            max(0, min(box[2], width)), max(0, min(box[3], height)))

