"""The storage room: SQLAlchemy 2 tables, the SQL case store, evidence files, migrations.

SQLite in the user's data directory by default; ``NETRAL_DATABASE_URL`` selects PostgreSQL.
"""

from netral.storage.db import data_dir, database_url, make_engine
from netral.storage.migrate import upgrade
from netral.storage.open import open_service

__all__ = ["data_dir", "database_url", "make_engine", "open_service", "upgrade"]
