"""The hash chain: appends link up, and every kind of tampering is caught and located."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import delete, text, update

from trustdesk.accountability import audit
from trustdesk.store.db import Database
from trustdesk.store.tables import AuditEntryRow
from trustdesk.store.uow import UnitOfWork


@pytest.fixture
def db(migrated_db: Database) -> Database:
    database = migrated_db
    with UnitOfWork(database, write=True) as uow:
        for i in range(1, 6):
            audit.append(
                uow,
                actor="test",
                action="thing.happened",
                subject_type="thing",
                subject_id=f"t{i}",
                payload={"n": i, "ratio": i / 3},
            )
        uow.commit()
    return database


def _verify(db: Database) -> audit.Verification:
    with UnitOfWork(db) as uow:
        return audit.verify(uow)


def test_untouched_chain_verifies(db: Database) -> None:
    result = _verify(db)
    assert result.ok, result.problems
    assert result.entries == 5


def test_entries_link_to_their_predecessor(db: Database) -> None:
    with UnitOfWork(db) as uow:
        rows = list(uow.audit.iter_entries())
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))


def test_edited_payload_is_caught(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 3).values(actor="mallory"))
    result = _verify(db)
    assert not result.ok and result.problems[0].startswith("entry 3:")


def test_deleted_row_is_caught(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(AuditEntryRow).where(AuditEntryRow.seq == 2))
    result = _verify(db)
    assert not result.ok and result.problems[0].startswith("entry 2:")


def test_deleted_tail_is_caught(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(AuditEntryRow).where(AuditEntryRow.seq == 5))
    result = _verify(db)
    assert not result.ok and result.problems[0].startswith("entry 5:")


def test_reordered_rows_are_caught(db: Database) -> None:
    # swap the contents of entries 2 and 3 while keeping their sequence numbers
    with db.engine.begin() as conn:
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(seq=-2))
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 3).values(seq=2))
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == -2).values(seq=3))
    result = _verify(db)
    assert not result.ok and result.problems[0].startswith("entry 2:")


def test_rehashed_forgery_breaks_the_next_link(db: Database) -> None:
    """A forger who recomputes the edited entry's own hash still breaks the next link."""
    with UnitOfWork(db) as uow:
        row = next(r for r in uow.audit.iter_entries() if r.seq == 2)
        forged = audit.entry_hash(
            seq=2, prev_hash=row.prev_hash, created_at=row.created_at, actor="mallory",
            action=row.action, subject_type=row.subject_type, subject_id=row.subject_id,
            payload=row.payload,
        )
    with db.engine.begin() as conn:
        conn.execute(
            update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(actor="mallory", hash=forged)
        )
    result = _verify(db)
    assert not result.ok and result.problems[0].startswith("entry 3:")


def test_concurrent_appends_keep_one_chain(migrated_db: Database) -> None:
    """Writers in many threads still produce one gap-free, correctly linked chain."""
    from concurrent.futures import ThreadPoolExecutor

    database = migrated_db

    def work(i: int) -> None:
        with UnitOfWork(database, write=True) as uow:
            audit.append(uow, actor="t", action="a", subject_type="s", subject_id=str(i),
                         payload={})
            uow.commit()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(60)))
    result = _verify(database)
    assert result.ok, result.problems
    assert result.entries == 60
    with database.engine.connect() as conn:
        assert conn.execute(text("select count(distinct seq) from audit_entries")).scalar() == 60
