"""Where the data lives and how to connect: SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event

DATABASE_URL_ENV = "NETRAL_DATABASE_URL"
DATA_DIR_ENV = "NETRAL_DATA_DIR"


def data_dir() -> Path:
    """``$NETRAL_DATA_DIR`` or the platform's user data directory (e.g. ~/.local/share/netral)."""
    chosen = os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir("netral", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{data_dir() / 'netral.sqlite3'}"


def make_engine(url: str | None = None, **kwargs: object) -> Engine:
    url = url or database_url()
    engine = create_engine(url, **kwargs)  # type: ignore[arg-type]
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; take it over so SAVEPOINT and
        # rollback of DDL-free bulk work behave (SQLAlchemy docs, "Serializable isolation").
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL mode, much faster
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
