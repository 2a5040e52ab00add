"""Fixtures every room's tests share: the bundled rulebook and a writable copy of it."""

from __future__ import annotations

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


# Database fixtures (sqlite + postgres) for the cases and storage tests, and later the web app.
from tests.storage.database import (  # noqa: E402, F401
    actors,
    clock,
    database_url,
    engine,
    fast_password_hashing,
    service,
)
