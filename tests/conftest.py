"""Fixtures every room's tests share: the bundled rulebook and a writable copy of it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from netral.rulebook import Rulebook, bundled_rulebook_dir, load_rulebook


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.fixture
def rulebook_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled rulebook to break on purpose."""
    target = tmp_path / "rulebook"
    shutil.copytree(bundled_rulebook_dir(), target)
    return target


@pytest.fixture(scope="session")
def tesseract() -> None:
    """Tesseract with its ``ind`` data: skipped when missing, a failure when CI requires it."""
    from netral.ocr.engine import OcrUnavailable, check_available

    try:
        check_available()
    except OcrUnavailable as exc:
        if os.environ.get("NETRAL_REQUIRE_SERVICES") == "1":
            pytest.fail(f"NETRAL_REQUIRE_SERVICES=1 but {exc}")
        pytest.skip(str(exc))


# Database fixtures (sqlite + postgres) for the cases and storage tests, and later the web app.
from tests.storage.database import (  # noqa: E402, F401
    actors,
    clock,
    database_url,
    engine,
    fast_password_hashing,
    service,
)
