"""Apply the Alembic migrations to the configured database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from trustdesk.store.db import Database

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option(
        "sqlalchemy.url", db.engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema up to `revision` (idempotent)."""
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())
