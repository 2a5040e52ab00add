"""Wire a `CaseService` to the configured database, evidence directory and key."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from netral.cases.crypto import cipher_from_environment
from netral.cases.deadlines import WorkingCalendar
from netral.cases.service import CaseService
from netral.rulebook import Rulebook
from netral.storage.blobs import FileBlobStore
from netral.storage.db import data_dir, make_engine
from netral.storage.repository import SqlCaseStore


def open_service(rulebook: Rulebook, *, engine: Engine | None = None,
                 directory: Path | None = None,
                 calendar: WorkingCalendar | None = None) -> CaseService:
    """The service on ``NETRAL_DATABASE_URL`` (or the SQLite default) and ``NETRAL_DATA_DIR``."""
    directory = directory or data_dir()
    return CaseService(SqlCaseStore(engine or make_engine()),
                       FileBlobStore(directory / "evidence"),
                       cipher_from_environment(directory), rulebook, calendar=calendar)
