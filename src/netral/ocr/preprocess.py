"""Clean-up before Tesseract: grayscale, dark-mode inversion, upscaling of small text.

Tesseract reads dark text on a light page best, with capital letters some 30-40 pixels tall.
Dark-theme screenshots are inverted; screenshots taken at 1x (or shrunk by WhatsApp) are
scaled up so their 14-16 px text reaches that size. Tesseract's own Otsu binarisation does the
thresholding: on flat app backgrounds it beats a fixed or adaptive threshold of ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageOps

DARK_BELOW = 110
"""A screenshot whose median luminance is under this (0-255) has a dark theme."""

TARGET_WIDTH = 1080
"""Phone screenshots at 3x density are about this wide; narrower ones are scaled towards it."""

MAX_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class Prepared:
    image: Image.Image
    """8-bit grayscale, dark text on light background."""
    scale: float
    """Prepared pixels per original pixel."""
    dark: bool


def is_dark(gray: Image.Image) -> bool:
    """Whether most of ``gray`` (mode L) is dark, i.e. light text on a dark theme."""
    histogram = gray.histogram()
    half, seen = gray.width * gray.height / 2, 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= half:
            return level < DARK_BELOW
    return False


def choose_scale(width: int) -> float:
    """Upscale factor for a screenshot ``width`` pixels wide (1.0 for 3x phone captures)."""
    if width >= TARGET_WIDTH * 0.8:
        return 1.0
    return min(MAX_SCALE, round(TARGET_WIDTH / width * 2) / 2)


def prepare(image: Image.Image) -> Prepared:
    gray = image.convert("L")
    dark = is_dark(gray)
    if dark:
        gray = ImageOps.invert(gray)
    scale = choose_scale(gray.width)
    if scale != 1.0:
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)),
                           Image.Resampling.LANCZOS)
    return Prepared(image=gray, scale=scale, dark=dark)
