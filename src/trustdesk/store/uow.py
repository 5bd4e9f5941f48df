"""The unit of work: one transaction, committed once by the service that opened it."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from trustdesk.store.db import Database
from trustdesk.store.repositories.core import (
    ApiKeys,
    AuditEntries,
    Consents,
    Conversations,
    Customers,
    DataKeys,
    Decisions,
    IdentitySecrets,
    Messages,
    ReviewTasks,
)
from trustdesk.store.repositories.oversight import AiPauses, Appeals
from trustdesk.store.repositories.privacy import (
    AccessLog,
    DataSubjectRequests,
    Leases,
    RetentionSweeps,
)
from trustdesk.store.tables import Base, column_values, table
from trustdesk.store.tables.privacy import AccessLogRow


class UnitOfWork:
    """`with UnitOfWork(db, write=True) as uow: ...; uow.commit()`; repositories never commit.

    The transaction lives on a Core connection. Core statements (the message path's) run on
    it directly; the ORM session is made only when a repository first needs it, and joins
    the same transaction. A transaction without ORM work skips the session's bookkeeping
    altogether, which was a sixth of a message's cost.
    """

    def __init__(self, db: Database, *, write: bool = False, autocommit: bool = False) -> None:
        """`autocommit`: a read whose statements need no common snapshot (at PostgreSQL's
        READ COMMITTED they never share one anyway), without the BEGIN and ROLLBACK round
        trips; not for streamed results, which need a transaction."""
        if write and autocommit:
            raise ValueError("a writing unit of work is one transaction")
        self._db = db
        self._write = write
        self._autocommit = autocommit
        self._locked = False
        self._session: Session | None = None
        self.connection: Connection
        # The access ledger: access-log lines of the reads made in this unit, written with
        # it (one INSERT at commit), so a rolled-back unit logs no read it did not make.
        self.access_ledger: list[dict[str, object]] = []

    def __enter__(self) -> UnitOfWork:
        if self._write and self._db.is_sqlite:
            self._db.write_lock.acquire()
            self._locked = True
        try:
            engine = self._db.engine_for(write=self._write, autocommit=self._autocommit)
            self.connection = engine.connect()
            self.connection.begin()
        except BaseException:
            self._release()
            raise
        self.api_keys = ApiKeys(self)
        self.customers = Customers(self)
        self.data_keys = DataKeys(self)
        self.conversations = Conversations(self)
        self.messages = Messages(self)
        self.decisions = Decisions(self)
        self.reviews = ReviewTasks(self)
        self.consents = Consents(self)
        self.identity_secrets = IdentitySecrets(self)
        self.audit = AuditEntries(self, postgres=not self._db.is_sqlite)
        return self

    # The area repositories work on the ORM session: made on first use, like the session.
    @property
    def access_log(self) -> AccessLog:
        return AccessLog(self.session)

    @property
    def subject_requests(self) -> DataSubjectRequests:
        return DataSubjectRequests(self.session)

    @property
    def leases(self) -> Leases:
        return Leases(self.session)

    @property
    def retention_sweeps(self) -> RetentionSweeps:
        return RetentionSweeps(self.session)

    @property
    def ai_pauses(self) -> AiPauses:
        return AiPauses(self.session)

    @property
    def appeals(self) -> Appeals:
        return Appeals(self.session)

    @property
    def session(self) -> Session:
        """The ORM session, in this unit's transaction (made on first use)."""
        if self._session is None:
            self._session = Session(
                bind=self.connection, expire_on_commit=False,
                join_transaction_mode="control_fully",
            )
        return self._session

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            # Closing rolls back what was not committed; the session detaches its rows
            # without expiring them, so views built from them stay readable.
            if self._session is not None:
                self._session.close()
            self.connection.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._locked:
            self._locked = False
            self._db.write_lock.release()

    def write_access_ledger(self) -> None:
        """Write the ledger's lines now (commit does it too), e.g. before reading the log."""
        if self.access_ledger:
            if self._session is not None:
                self._session.flush()  # rows the log lines may name go first
            self.connection.execute(insert(table(AccessLogRow)), self.access_ledger)
            self.access_ledger = []

    def commit(self) -> None:
        self.write_access_ledger()
        if self._session is not None:
            self._session.commit()  # flushes, then commits the transaction it controls
        else:
            self.connection.commit()

    def insert_rows(self, rows: Sequence[Base]) -> None:
        """INSERT new rows with one statement per table, in the order their tables first
        appear (parents first); no unit-of-work bookkeeping, for the hot path. The rows
        stay detached: they are values, not tracked objects."""
        by_table: dict[Table, list[dict[str, object]]] = {}
        for row in rows:
            t = row.__table__
            assert isinstance(t, Table)
            by_table.setdefault(t, []).append(column_values(row))
        for t, values in by_table.items():
            self.connection.execute(insert(t), values)

    def flush(self) -> None:
        self.session.flush()
