"""Dark themes are inverted and small screenshots scaled up before Tesseract reads them."""

from __future__ import annotations

from PIL import Image

from netral.ocr import load_image
from netral.ocr.preprocess import choose_scale, is_dark, prepare


def test_dark_and_light_themes_are_told_apart(shot) -> None:
    for image_id, dark in (("p01-light", False), ("n14-light", False), ("p04-dark", True),
                           ("n01-dark", True), ("p10-dark", True)):
        gray = load_image(shot(image_id)).image.convert("L")
        assert is_dark(gray) is dark, image_id


def test_dark_screenshot_comes_out_dark_on_light(shot) -> None:
    prepared = prepare(load_image(shot("p04-dark")).image)
    assert prepared.dark
    assert not is_dark(prepared.image)


def test_small_screenshots_are_scaled_up_and_large_ones_kept() -> None:
    assert choose_scale(1080) == 1.0
    assert choose_scale(1440) == 1.0
    assert choose_scale(720) == 1.5
    assert choose_scale(360) == 3.0
    prepared = prepare(Image.new("RGB", (360, 640), "white"))
    assert prepared.image.size == (1080, 1920)
    assert prepared.scale == 3.0
