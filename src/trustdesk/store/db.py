"""Engine construction: SQLite (WAL, foreign keys) by default, PostgreSQL in production."""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

WRITE_OPTION = "trustdesk_write"
# With background checkpoints, a commit still checkpoints once the WAL passes this many pages
# (~80 MB): a bound on the file should the background thread ever stall.
FALLBACK_AUTOCHECKPOINT = 20_000

log = logging.getLogger(__name__)


class WriterLock:
    """SQLite allows one writer at a time. Writers queue here, in the kernel, instead of in
    SQLite's busy handler, which sleeps and retries (up to 100 ms a try) and so turns a few
    waiting writers into long tail latencies: a thread lock within a process, and an
    advisory file lock beside the database across the workers of one machine."""

    def __init__(self, lock_file: Path | None) -> None:
        self._thread_lock = threading.Lock()
        self._fd: int | None = None
        if lock_file is not None:
            self._fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)

    def acquire(self) -> None:
        self._thread_lock.acquire()
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            except BaseException:
                self._thread_lock.release()
                raise

    def release(self) -> None:
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@dataclass
class Database:
    """One engine; SQLite writers queue on a WriterLock."""

    engine: Engine
    is_sqlite: bool
    write_lock: WriterLock = field(default_factory=lambda: WriterLock(None))
    path: Path | None = None  # the SQLite file, if any
    # pages the WAL may grow to before a commit checkpoints it (SQLite's default: 1000)
    autocheckpoint: int = 1000
    # the same engine with other execution options, made on first use by engine_for()
    _writer: Engine | None = field(default=None, init=False, repr=False)
    _autocommit: Engine | None = field(default=None, init=False, repr=False)

    def engine_for(self, *, write: bool, autocommit: bool = False) -> Engine:
        """The engine whose transactions begin as writers (BEGIN IMMEDIATE on SQLite), or,
        for `autocommit` reads on PostgreSQL, whose statements each run on their own."""
        if write:
            if self._writer is None:
                self._writer = self.engine.execution_options(**{WRITE_OPTION: True})
            return self._writer
        if autocommit and not self.is_sqlite:
            if self._autocommit is None:
                self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
            return self._autocommit
        return self.engine

    def dispose(self) -> None:
        self.engine.dispose()
        self.write_lock.close()

    def scrub(self, tables: tuple[str, ...]) -> None:
        """After a committed erasure, drop what the database files still hold of the old
        rows. SQLite (secure_delete is on, so freed cells and pages are already zeros):
        copy the WAL into the database and truncate it, since its older frames hold the
        pages as they were. PostgreSQL: VACUUM the tables, which removes the dead row
        versions; see the README for what that does not reach (WAL segments, backups)."""
        if self.is_sqlite:
            if self.path is None:
                return
            with closing(sqlite3.connect(self.path, timeout=1)) as conn:
                for _ in range(20):  # busy while another connection reads or writes
                    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                    if not busy:
                        return
            log.warning("WAL truncation after an erasure stayed busy; the next one retries")
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in tables:
                conn.exec_driver_sql(f'VACUUM "{table}"')

    def checkpoint_in_background(self, interval_s: float = 1.0) -> Callable[[], None]:
        """Copy SQLite's WAL into the database file from a daemon thread; returns a stop
        function (no-op on PostgreSQL or in memory).

        By default the commit that fills the WAL does the checkpoint, fsync included, while
        it holds the write lock: one message in forty waited ~7 ms and so did every writer
        queued behind it. PASSIVE checkpoints block no reader and no writer, and the thread
        spends its time in SQLite's C code without the GIL. Call before serving requests:
        pooled connections are reopened with the raised autocheckpoint threshold.
        """
        if self.path is None:
            return lambda: None
        if interval_s <= 0:
            raise ValueError("the checkpoint interval must be positive")
        self.autocheckpoint = FALLBACK_AUTOCHECKPOINT
        self.engine.dispose()
        stop = threading.Event()
        path = self.path

        def loop() -> None:
            with sqlite3.connect(path, check_same_thread=False) as conn:
                conn.execute("PRAGMA busy_timeout=1000")
                while not stop.wait(interval_s):
                    try:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    except sqlite3.Error:  # busy or locked: the next round catches up
                        log.debug("WAL checkpoint skipped", exc_info=True)

        thread = threading.Thread(target=loop, name="trustdesk-checkpoint", daemon=True)
        thread.start()

        def stopper() -> None:
            stop.set()
            thread.join(timeout=10)

        return stopper


def connect(url: str, *, echo: bool = False, sqlite_synchronous: str = "FULL") -> Database:
    """Build the engine for `url`; nothing is created or migrated here."""
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    kwargs: dict[str, Any] = {"echo": echo}
    lock_file: Path | None = None
    path: Path | None = None
    if is_sqlite:
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            _owner_only(path)
            lock_file = Path(parsed.database + ".write-lock")
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        kwargs["pool_size"] = 8
        kwargs["max_overflow"] = 32
    else:
        kwargs["pool_size"] = 10
        kwargs["max_overflow"] = 20
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    db = Database(
        engine=engine,
        is_sqlite=is_sqlite,
        write_lock=WriterLock(lock_file),
        path=path,
    )
    if is_sqlite:
        _configure_sqlite(db, sqlite_synchronous)
    return db


def _owner_only(path: Path) -> None:
    """Create the SQLite file 0600 (its -wal and -shm files take the database file's mode),
    and narrow an older, wider file: it holds ciphertexts and wrapped data keys."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except FileNotFoundError:
            pass


def _configure_sqlite(db: Database, synchronous: str) -> None:
    engine = db.engine
    if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"unknown SQLite synchronous mode {synchronous!r}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how each transaction starts.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed, not left in free space: an erased
        # customer's ciphertexts and data key must not stay readable in the file.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute(f"PRAGMA synchronous={synchronous.upper()}")
        cursor.execute(f"PRAGMA wal_autocheckpoint={int(db.autocheckpoint)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so it never fails half-way with BUSY.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
