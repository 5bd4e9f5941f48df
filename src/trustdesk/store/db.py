"""Engine construction: SQLite (WAL, foreign keys) by default, PostgreSQL in production."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE_OPTION = "trustdesk_write"


@dataclass
class Database:
    """One engine and its session factory; writers on SQLite are serialised in-process."""

    engine: Engine
    sessions: sessionmaker[Session]
    is_sqlite: bool
    # SQLite allows one writer; queuing here avoids its sleep-and-retry busy handler.
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def dispose(self) -> None:
        self.engine.dispose()


def connect(url: str, *, echo: bool = False, sqlite_synchronous: str = "FULL") -> Database:
    """Build the engine for `url`; nothing is created or migrated here."""
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite:
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        kwargs["pool_size"] = 8
        kwargs["max_overflow"] = 32
    else:
        kwargs["pool_size"] = 10
        kwargs["max_overflow"] = 20
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if is_sqlite:
        _configure_sqlite(engine, sqlite_synchronous)
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        is_sqlite=is_sqlite,
    )


def _configure_sqlite(engine: Engine, synchronous: str) -> None:
    if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"unknown SQLite synchronous mode {synchronous!r}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how each transaction starts.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute(f"PRAGMA synchronous={synchronous.upper()}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so it never fails half-way with BUSY.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
