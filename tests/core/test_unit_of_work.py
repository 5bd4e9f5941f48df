"""Units of work: one transaction each; the ORM session joins it only when needed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from trustdesk.domain import utcnow
from trustdesk.store.db import connect
from trustdesk.store.migrate import upgrade
from trustdesk.store.tables import CustomerRow, table
from trustdesk.store.uow import UnitOfWork


def test_core_and_orm_work_share_one_transaction_and_roll_back_together(
    database_url: str,
) -> None:
    db = connect(database_url)
    upgrade(db)
    customers = table(CustomerRow)
    with UnitOfWork(db, write=True) as uow:
        uow.connection.execute(customers.insert().values(id="core", ai_opt_out=False,
                                                         created_at=utcnow()))
        uow.customers.add(CustomerRow(id="orm", ai_opt_out=False, created_at=utcnow()))
        uow.session.flush()
        # not committed: leaving the block rolls back both
    with UnitOfWork(db, autocommit=True) as uow:
        assert uow.connection.execute(select(customers.c.id)).all() == []
    with UnitOfWork(db, write=True) as uow:
        uow.connection.execute(customers.insert().values(id="core", ai_opt_out=False,
                                                         created_at=utcnow()))
        uow.customers.add(CustomerRow(id="orm", ai_opt_out=False, created_at=utcnow()))
        uow.commit()
    with UnitOfWork(db, autocommit=True) as uow:
        ids = uow.connection.execute(select(customers.c.id).order_by(customers.c.id)).scalars()
        assert list(ids) == ["core", "orm"]
    db.dispose()


def test_a_writer_is_one_transaction_not_autocommit(database_url: str) -> None:
    db = connect(database_url)
    with pytest.raises(ValueError, match="one transaction"):
        UnitOfWork(db, write=True, autocommit=True)
    db.dispose()
