"""A seeded demo site per backend, and logged-in clients for every demo role.

The demo is seeded once per session and database (it goes through the case service, so it
also exercises the workflow); tests that change state file their own complaints. Password
hashing is made cheap: the tests check behaviour, not Argon2's cost.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from netral.cases import passwords
from netral.rulebook import Rulebook
from netral.web.app import create_app
from netral.web.demo import DemoUser, seed_demo
from netral.web.settings import WebSettings

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ROLES = ("anonymous", "intake", "examiner", "analyst", "ppk", "admin")
USERNAMES = {"intake": "bawaslu", "examiner": "pemeriksa", "analyst": "bkn",
             "ppk": "ppk-samarinda", "admin": "admin"}


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                        parallelism=1))
        yield


@dataclass
class Site:
    app: FastAPI
    users: dict[str, DemoUser]
    backend: str

    def client(self) -> TestClient:
        return TestClient(self.app, base_url="http://testserver", follow_redirects=False)

    def login(self, role: str) -> TestClient:
        client = self.client()
        if role == "anonymous":
            return client
        user = self.users[USERNAMES[role]]
        token = csrf_of(client.get("/login").text)
        response = client.post("/login", data={"username": user.username,
                                               "password": user.password,
                                               "csrf_token": token, "next": "/officer"})
        assert response.status_code == 303, response.text
        return client


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def postgres_url() -> str | None:
    url = os.environ.get("NETRAL_TEST_POSTGRES_URL")
    if not url and os.environ.get("NETRAL_REQUIRE_SERVICES") == "1":
        pytest.fail("NETRAL_TEST_POSTGRES_URL is not set but NETRAL_REQUIRE_SERVICES=1")
    return url


def build_site(tmp: Path, rulebook: Rulebook, database_url: str, backend: str) -> Site:
    settings = WebSettings(data_dir=tmp, database_url=database_url,
                           secret_key="web-test-secret-key", complaint_rate=1000,
                           api_scan_rate=10_000)
    app = create_app(settings, rulebook=rulebook, screener=None)
    users = seed_demo(app.state.service, app.state.selfcheck, registry_size=80, reports=24,
                      workdir=tmp)
    return Site(app, {u.username: u for u in users}, backend)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, rulebook: Rulebook) -> Site:
    tmp = tmp_path_factory.mktemp("web-sqlite")
    return build_site(tmp, rulebook, f"sqlite:///{tmp / 'netral.sqlite3'}", "sqlite")


@pytest.fixture(scope="session")
def pg_site(tmp_path_factory: pytest.TempPathFactory, rulebook: Rulebook) -> Iterator[Site]:
    url = postgres_url()
    if not url:
        pytest.skip("PostgreSQL not available (set NETRAL_TEST_POSTGRES_URL)")
    schema = f"web_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield build_site(tmp_path_factory.mktemp("web-pg"), rulebook,
                     f"{url}?options=-csearch_path%3D{schema}", "postgres")
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres",
                                                                marks=pytest.mark.postgres)])
def any_site(request: pytest.FixtureRequest) -> Site:
    """The demo site on SQLite, then on PostgreSQL (for the permission matrix)."""
    return request.getfixturevalue("site" if request.param == "sqlite" else "pg_site")


@pytest.fixture(scope="session")
def clients(site: Site) -> dict[str, TestClient]:
    return {role: site.login(role) for role in ROLES}
