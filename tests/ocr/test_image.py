"""Opening untrusted evidence files: every bad file is refused with a reason, none half-read."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from netral.i18n import Translator
from netral.ocr import ImageLimits, ImageRejected, Rejection, load_image


def png_bytes(size: tuple[int, int] = (40, 20), color: str = "white", mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def with_ihdr_size(data: bytes, width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` (a decompression bomb's lie)."""
    assert data[12:16] == b"IHDR"
    body = struct.pack(">II", width, height) + data[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + body) & 0xFFFFFFFF)
    return data[:16] + body + crc + data[33:]


def rejection(source, **kwargs) -> ImageRejected:
    with pytest.raises(ImageRejected) as info:
        load_image(source, **kwargs)
    return info.value


def test_a_screenshot_loads_as_rgb_with_its_hash(shot) -> None:
    loaded = load_image(shot("p01-light"))
    assert loaded.image.mode == "RGB"
    assert loaded.format == "PNG"
    assert len(loaded.sha256) == 64
    assert loaded.image.size == (1080, Image.open(shot("p01-light")).height)


def test_text_file_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "laporan.png"
    path.write_text("Laporan pelanggaran netralitas ASN", encoding="utf-8")
    exc = rejection(path)
    assert exc.reason is Rejection.NOT_IMAGE
    assert "laporan.png" in exc.message(Translator("en"))


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert rejection(tmp_path / "tidak-ada.jpg").reason is Rejection.MISSING
    (tmp_path / "kosong.jpg").write_bytes(b"")
    assert rejection(tmp_path / "kosong.jpg").reason is Rejection.EMPTY


def test_truncated_png_is_refused(shot) -> None:
    data = shot("p01-light").read_bytes()
    exc = rejection(data[: len(data) // 2], name="potong.png")
    assert exc.reason is Rejection.TRUNCATED


def test_truncated_jpeg_is_refused(shot) -> None:
    data = shot("n10-light").read_bytes()
    assert rejection(data[: len(data) // 3]).reason is Rejection.TRUNCATED


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = with_ihdr_size(png_bytes((1, 1)), 50_000, 50_000)
    exc = rejection(bomb, name="bom.png")
    assert exc.reason is Rejection.TOO_MANY_PIXELS
    assert "megapixels" in exc.message(Translator("en"))


def test_pixel_and_byte_limits_are_configurable() -> None:
    data = png_bytes((400, 300))
    assert rejection(data, limits=ImageLimits(max_pixels=100_000)).reason is (
        Rejection.TOO_MANY_PIXELS)
    assert rejection(data, limits=ImageLimits(max_bytes=100)).reason is Rejection.TOO_LARGE


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "besar.png"
    path.write_bytes(png_bytes() + b"\0" * 5000)
    exc = rejection(path, limits=ImageLimits(max_bytes=1024))
    assert exc.reason is Rejection.TOO_LARGE


def test_tiny_image_is_refused() -> None:
    assert rejection(png_bytes((4, 4))).reason is Rejection.TOO_SMALL


def test_bmp_is_named_and_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buffer, "BMP")
    exc = rejection(buffer.getvalue(), name="foto.bmp")
    assert exc.reason is Rejection.UNSUPPORTED
    assert "BMP" in exc.message(Translator("en"))


def test_gif_first_frame_is_read() -> None:
    frames = [Image.new("RGB", (60, 30), c) for c in ("white", "black")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    loaded = load_image(buffer.getvalue())
    assert loaded.format == "GIF"
    assert loaded.image.getpixel((5, 5)) == (255, 255, 255)


def test_webp_and_transparency_are_flattened_on_white() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(buffer, "WEBP", lossless=True)
    loaded = load_image(buffer.getvalue())
    assert loaded.format == "WEBP"
    assert loaded.image.getpixel((10, 10)) == (255, 255, 255)


def test_exif_rotation_is_applied() -> None:
    image = Image.new("RGB", (80, 40), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise: phone held upright
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert load_image(buffer.getvalue()).image.size == (40, 80)


def test_messages_are_indonesian_by_default(tmp_path: Path) -> None:
    exc = rejection(png_bytes((4, 4)), name="kecil.png")
    assert exc.message(Translator("id")) != exc.message(Translator("en"))
    assert "kecil.png" in exc.message(Translator("id"))


def test_truncated_image_is_refused_even_after_weasyprint_import(tmp_path) -> None:
    """WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process at import."""
    import io

    from PIL import Image as PILImage
    from PIL import ImageFile

    import netral.ocr.image as image_module

    buffer = io.BytesIO()
    PILImage.new("RGB", (400, 300), (250, 250, 250)).save(buffer, "PNG")
    cut = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        with pytest.raises(image_module.ImageRejected) as caught:
            image_module.load_image(cut, name="potongan.png")
        assert caught.value.reason == image_module.Rejection.TRUNCATED
        assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous
