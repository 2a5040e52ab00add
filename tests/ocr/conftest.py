"""Shared fixtures of the OCR tests: the committed screenshots and their labels (the
``tesseract`` fixture lives in tests/conftest.py, shared with the web tests)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from netral.ocr import OcrResult, ocr_image

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def labels() -> dict[str, dict]:
    with (FIXTURES / "labels.jsonl").open(encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


@pytest.fixture(scope="session")
def shot(labels: dict[str, dict]) -> Callable[[str], Path]:
    return lambda image_id: FIXTURES / labels[image_id]["file"]


@pytest.fixture(scope="session")
def read(tesseract: None, shot: Callable[[str], Path]) -> Callable[[str], OcrResult]:
    """OCR of a committed screenshot, read once per test session."""
    done: dict[str, OcrResult] = {}

    def run(image_id: str) -> OcrResult:
        if image_id not in done:
            done[image_id] = ocr_image(shot(image_id))
        return done[image_id]

    return run
