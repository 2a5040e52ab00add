"""Database fixtures: every test that touches the database runs on SQLite and PostgreSQL.

PostgreSQL comes from ``NETRAL_TEST_POSTGRES_URL`` (``.ci/start-postgres.sh``); each test gets
a fresh schema. Without the URL the postgres variants skip, unless ``NETRAL_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from cryptography.fernet import Fernet
from sqlalchemy import Engine, create_engine

from netral.cases import passwords
from netral.cases.crypto import IdentityCipher
from netral.cases.models import Agency
from netral.cases.registry import bundled_agencies_csv
from netral.cases.roles import Actor, Role
from netral.cases.service import CaseService
from netral.rulebook import Rulebook
from netral.storage.blobs import FileBlobStore
from netral.storage.db import make_engine
from netral.storage.migrate import upgrade
from netral.storage.repository import SqlCaseStore

WIB = dt.timezone(dt.timedelta(hours=7))


def postgres_url() -> str:
    url = os.environ.get("NETRAL_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("NETRAL_REQUIRE_SERVICES") == "1":
            pytest.fail("NETRAL_TEST_POSTGRES_URL is not set but NETRAL_REQUIRE_SERVICES=1")
        pytest.skip("PostgreSQL not available (set NETRAL_TEST_POSTGRES_URL)")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database (fresh schema on PostgreSQL, fresh file on SQLite)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'netral.sqlite3'}"
        return
    url = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated database."""
    eng = make_engine(database_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Argon2's production cost is deliberately slow; tests check behaviour, not cost.
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                             parallelism=1))


class Clock:
    """A settable clock: the service's notion of now."""

    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, day: dt.date, hour: int = 9) -> None:
        self.now = dt.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


@pytest.fixture
def clock() -> Clock:
    # Thursday 28 Nov 2024, 09:00 WIB: the day after Pilkada voting day (a holiday).
    return Clock(dt.datetime(2024, 11, 28, 9, 0, tzinfo=WIB))


@pytest.fixture
def service(engine: Engine, tmp_path: Path, rulebook: Rulebook, clock: Clock,
            fast_password_hashing: None) -> CaseService:
    svc = CaseService(SqlCaseStore(engine), FileBlobStore(tmp_path / "evidence"),
                      IdentityCipher(Fernet.generate_key()), rulebook, clock=clock)
    svc.import_agencies(Actor("seed", Role.ADMIN), bundled_agencies_csv())
    return svc


class Actors:
    """One actor per role; PPKs of Pemprov Kaltim and of Kota Samarinda."""

    def __init__(self, service: CaseService):
        with service.store.transaction() as tx:
            def agency(code: str) -> Agency:
                found = tx.agency_by_code(code)
                assert found is not None
                return found
            kaltim, samarinda, bkn = agency("64"), agency("64.72"), agency("BKN")
        self.public = Actor.public()
        self.intake = Actor("intake", Role.INTAKE_OFFICER, 1)
        self.examiner = Actor("pemeriksa", Role.EXAMINER, 2)
        self.analyst = Actor("analis", Role.BKN_ANALYST, 3, bkn.id, bkn.path)
        self.ppk_kaltim = Actor("ppk-kaltim", Role.AGENCY_PPK, 4, kaltim.id, kaltim.path)
        self.ppk_samarinda = Actor("ppk-smd", Role.AGENCY_PPK, 5, samarinda.id, samarinda.path)
        self.admin = Actor("admin", Role.ADMIN, 6)

    def all(self) -> list[Actor]:
        return [self.public, self.intake, self.examiner, self.analyst, self.ppk_kaltim,
                self.ppk_samarinda, self.admin]


@pytest.fixture
def actors(service: CaseService) -> Actors:
    return Actors(service)
