"""Case evidence is OCR'd once per sha256; failures and mismatched hashes write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral.ocr import EvidenceMismatch, ImageRejected, cached_ocr, ocr_evidence, sha256_of
from netral.ocr import engine as engine_module


@pytest.mark.ocr
def test_second_request_for_the_same_image_comes_from_the_cache(tesseract, shot, tmp_path,
                                                                 monkeypatch) -> None:
    data = shot("n14-light").read_bytes()
    digest = sha256_of(data)
    first = ocr_evidence(data, digest, tmp_path)
    assert (tmp_path / f"{digest}.ocr.json").is_file()
    assert "RSUD Abdul Wahab Sjahranie" in first.text

    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract ran twice for one image")

    monkeypatch.setattr(engine_module.pytesseract, "image_to_data", no_tesseract)
    again = ocr_evidence(shot("n14-light"), digest.upper(), tmp_path)
    assert again == first
    assert cached_ocr(tmp_path, digest) == first


@pytest.mark.ocr
def test_result_from_other_settings_is_not_reused(tesseract, read, tmp_path) -> None:
    stale = read("n14-light").to_dict()
    stale.update(pipeline="tesseract-4.0/eng/psm6", text="usang")
    (tmp_path / f"{stale['sha256']}.ocr.json").write_text(json.dumps(stale), encoding="utf-8")
    assert cached_ocr(tmp_path, stale["sha256"]) is None


def test_bytes_that_do_not_match_their_hash_are_refused(shot, tmp_path) -> None:
    data = shot("n14-light").read_bytes()
    with pytest.raises(EvidenceMismatch):
        ocr_evidence(data, "a" * 64, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_failed_file_leaves_nothing_behind(tmp_path: Path) -> None:
    data = b"%PDF-1.7 bukan gambar"
    cache = tmp_path / "cache"
    with pytest.raises(ImageRejected):
        ocr_evidence(data, sha256_of(data), cache)
    assert not cache.exists() or list(cache.iterdir()) == []


def test_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    digest = "b" * 64
    (tmp_path / f"{digest}.ocr.json").write_text("{potong", encoding="utf-8")
    assert cached_ocr(tmp_path, digest) is None
