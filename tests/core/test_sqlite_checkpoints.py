"""SQLite's WAL is checkpointed by a background thread while serving, not by a commit."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from trustdesk.store.db import FALLBACK_AUTOCHECKPOINT, connect


def _create_table(db_path: Path) -> None:
    db = connect(f"sqlite:///{db_path}")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v BLOB)")
    db.dispose()


def test_background_checkpoints_copy_the_wal_into_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "td.db"
    _create_table(path)
    db = connect(f"sqlite:///{path}")
    stop = db.checkpoint_in_background(interval_s=0.05)
    try:
        with db.engine.connect() as conn:
            threshold = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert threshold == FALLBACK_AUTOCHECKPOINT  # commits no longer checkpoint
        size_before = path.stat().st_size
        with db.engine.begin() as conn:  # ~2 MB: far below the fallback threshold
            conn.execute(
                text("INSERT INTO t (v) VALUES (:v)"), [{"v": b"x" * 4000} for _ in range(500)]
            )
        deadline = time.monotonic() + 5
        grown = size_before + 1_000_000  # the pages reached the file
        while path.stat().st_size <= grown and time.monotonic() < deadline:
            time.sleep(0.02)
        assert path.stat().st_size > grown
    finally:
        stop()
        db.dispose()


def test_without_background_checkpoints_commits_keep_sqlites_default(tmp_path: Path) -> None:
    db = connect(f"sqlite:///{tmp_path / 'td.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    db.dispose()


def test_background_checkpoints_are_a_no_op_on_postgresql(database_url: str) -> None:
    db = connect(database_url)
    stop = db.checkpoint_in_background()
    stop()
    assert (db.path is None) == (not db.is_sqlite)
    assert db.autocheckpoint == (FALLBACK_AUTOCHECKPOINT if db.is_sqlite else 1000)
    db.dispose()
