"""The unit of work: one transaction, committed once by the service that opened it."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from trustdesk.store.db import WRITE_OPTION, Database
from trustdesk.store.repositories import (
    ApiKeys,
    AuditEntries,
    Consents,
    Conversations,
    Customers,
    DataKeys,
    Decisions,
    Messages,
    ReviewTasks,
)
from trustdesk.store.tables import Base, column_values


class UnitOfWork:
    """`with UnitOfWork(db, write=True) as uow: ...; uow.commit()`; repositories never commit."""

    def __init__(self, db: Database, *, write: bool = False) -> None:
        self._db = db
        self._write = write
        self._locked = False
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        if self._write and self._db.is_sqlite:
            self._db.write_lock.acquire()
            self._locked = True
        try:
            bind = self._db.engine.execution_options(**{WRITE_OPTION: self._write})
            self.session = self._db.sessions(bind=bind)
        except BaseException:
            self._release()
            raise
        s = self.session
        self.api_keys = ApiKeys(s)
        self.customers = Customers(s)
        self.data_keys = DataKeys(s)
        self.conversations = Conversations(s)
        self.messages = Messages(s)
        self.decisions = Decisions(s)
        self.reviews = ReviewTasks(s)
        self.consents = Consents(s)
        self.audit = AuditEntries(s, postgres=not self._db.is_sqlite)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            # close() rolls back what was not committed and detaches the rows without
            # expiring them, so views built from them stay readable.
            self.session.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._locked:
            self._locked = False
            self._db.write_lock.release()

    def commit(self) -> None:
        self.session.commit()

    def insert_rows(self, rows: Sequence[Base]) -> None:
        """INSERT new rows with one statement per table, in the order their tables first
        appear (parents first); no unit-of-work bookkeeping, for the hot path. The rows
        stay detached: they are values, not tracked objects."""
        by_table: dict[Table, list[dict[str, object]]] = {}
        for row in rows:
            table = row.__table__
            assert isinstance(table, Table)
            by_table.setdefault(table, []).append(column_values(row))
        connection = self.session.connection()
        for table, values in by_table.items():
            connection.execute(insert(table), values)

    def flush(self) -> None:
        self.session.flush()
