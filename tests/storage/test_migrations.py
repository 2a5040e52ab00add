from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from netral.storage.db import make_engine
from netral.storage.migrate import current_revision, head_revision, upgrade
from netral.storage.tables import Base


def test_upgrade_creates_the_schema_the_models_describe(database_url):
    engine = make_engine(database_url)
    assert upgrade(engine) == head_revision()
    assert upgrade(engine) == head_revision()  # idempotent
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"agencies", "asn", "reports", "evidence", "cases", "audit_log"} <= tables
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()
