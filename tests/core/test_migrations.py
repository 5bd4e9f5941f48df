"""The Alembic migrations build exactly the schema the tables declare, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from trustdesk.store.db import Database
from trustdesk.store.migrate import current_tables, upgrade
from trustdesk.store.tables import Base
from trustdesk.store.uow import UnitOfWork


def test_migrations_match_tables(migrated_db: Database) -> None:
    with migrated_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_seeds_the_audit_head(migrated_db: Database) -> None:
    upgrade(migrated_db)
    assert set(Base.metadata.tables) <= current_tables(migrated_db)
    with UnitOfWork(migrated_db) as uow:
        head = uow.audit.head()
        assert head is not None and head.seq == 0 and head.hash == "0" * 64


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: object) -> None:
    from pathlib import Path

    from trustdesk.store.db import connect

    db = connect(f"sqlite:///{Path(str(tmp_path)) / 'x.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()
