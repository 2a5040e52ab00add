"""Opening untrusted screenshots safely: size, pixel and format limits before any decoding.

Evidence comes from the public, so a file may be huge, a decompression bomb, truncated, or not
an image at all. :func:`load_image` checks each in turn and raises :class:`ImageRejected` with a
reason a person can act on; nothing is decoded past the first failed check.
"""

from __future__ import annotations

import hashlib
import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from netral.i18n import Translator, current

ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; it is translated when shown."""
    return message


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """Defaults fit phone screenshots, long scroll captures included (1080 x 40000 px)."""

    max_bytes: int = 25 * 1024 * 1024
    max_pixels: int = 48_000_000
    max_side: int = 40_000
    min_side: int = 8


class Rejection(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    NOT_IMAGE = "not-image"
    UNSUPPORTED = "unsupported-format"
    TOO_MANY_PIXELS = "too-many-pixels"
    TOO_SMALL = "too-small"
    TRUNCATED = "truncated"


_MESSAGES = {
    Rejection.MISSING: N_("{name}: file not found or not readable."),
    Rejection.EMPTY: N_("{name}: the file is empty."),
    Rejection.TOO_LARGE: N_("{name}: the file is {size} MB; the limit is {limit} MB."),
    Rejection.NOT_IMAGE: N_("{name}: not an image (PNG, JPEG, WebP or GIF expected)."),
    Rejection.UNSUPPORTED: N_("{name}: {format} images are not accepted; "
                              "use PNG, JPEG, WebP or GIF."),
    Rejection.TOO_MANY_PIXELS: N_("{name}: the image is {width} x {height} pixels, over the "
                                  "limit of {limit} megapixels (possible decompression bomb)."),
    Rejection.TOO_SMALL: N_("{name}: the image is {width} x {height} pixels, too small to read."),
    Rejection.TRUNCATED: N_("{name}: the image is truncated or corrupt and cannot be decoded."),
}


class ImageRejected(Exception):
    """An evidence file that cannot be OCR'd; ``reason`` is stable, ``message()`` is for people."""

    def __init__(self, reason: Rejection, name: str, **values: object):
        self.reason = reason
        self.name = name
        self.values = values
        super().__init__(self.message())

    def message(self, translator: Translator | None = None) -> str:
        return (translator or current())(_MESSAGES[self.reason], name=self.name, **self.values)


@dataclass(frozen=True, slots=True)
class LoadedImage:
    image: Image.Image
    """RGB, EXIF-rotated, first frame, transparency flattened onto white."""
    format: str
    sha256: str
    data: bytes


def read_source(source: Path | str | bytes, limits: ImageLimits = ImageLimits(),
                name: str | None = None) -> tuple[bytes, str]:
    """The bytes of ``source`` and a display name; refuses files over ``limits.max_bytes``."""
    if isinstance(source, bytes | bytearray):
        data, label = bytes(source), name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                _too_large(label, size, limits)
            with path.open("rb") as fh:
                data = fh.read(limits.max_bytes + 1)
        except (FileNotFoundError, IsADirectoryError, PermissionError, NotADirectoryError):
            raise ImageRejected(Rejection.MISSING, label) from None
    if not data:
        raise ImageRejected(Rejection.EMPTY, label)
    if len(data) > limits.max_bytes:
        _too_large(label, len(data), limits)
    return data, label


def load_image(source: Path | str | bytes, limits: ImageLimits = ImageLimits(),
               name: str | None = None) -> LoadedImage:
    data, label = read_source(source, limits, name)
    digest = hashlib.sha256(data).hexdigest()
    try:
        # Identify with every plugin only to name a refused format; decode only allowed ones.
        probe = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise ImageRejected(Rejection.NOT_IMAGE, label) from None
    except Image.DecompressionBombError:
        raise ImageRejected(Rejection.TOO_MANY_PIXELS, label, width="?", height="?",
                            limit=limits.max_pixels // 1_000_000) from None
    except (OSError, SyntaxError, ValueError):
        raise ImageRejected(Rejection.TRUNCATED, label) from None
    fmt = (probe.format or "").upper()
    if fmt not in ALLOWED_FORMATS:
        raise ImageRejected(Rejection.UNSUPPORTED, label, format=fmt or "?")
    width, height = probe.size
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise ImageRejected(Rejection.TOO_MANY_PIXELS, label, width=width, height=height,
                            limit=limits.max_pixels // 1_000_000)
    if min(width, height) < limits.min_side:
        raise ImageRejected(Rejection.TOO_SMALL, label, width=width, height=height)
    try:
        with warnings.catch_warnings(), _strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if getattr(probe, "n_frames", 1) > 1:
                probe.seek(0)
            probe.load()
            image = _flatten(ImageOps.exif_transpose(probe) or probe)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageRejected(Rejection.TOO_MANY_PIXELS, label, width=width, height=height,
                            limit=limits.max_pixels // 1_000_000) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageRejected(Rejection.TRUNCATED, label) from None
    return LoadedImage(image=image, format=fmt, sha256=digest, data=data)


_STRICT = threading.Lock()


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Refuse truncated files even where another library (WeasyPrint does, on import) has
    switched Pillow's process-wide ``LOAD_TRUNCATED_IMAGES`` on."""
    with _STRICT:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def _too_large(label: str, size: int, limits: ImageLimits) -> None:
    raise ImageRejected(Rejection.TOO_LARGE, label, size=f"{size / 1_048_576:.1f}",
                        limit=f"{limits.max_bytes / 1_048_576:.0f}")
