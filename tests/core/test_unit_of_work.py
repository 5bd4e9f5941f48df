"""Units of work: one transaction each; the ORM session joins it only when needed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from trustdesk.domain import Conversation, ConversationState, utcnow
from trustdesk.store.db import connect
from trustdesk.store.migrate import upgrade
from trustdesk.store.tables import ApiKeyRow, ConversationRow, CustomerRow, table
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


def test_a_conversation_is_read_as_a_snapshot_and_changed_through_the_repository(
    database_url: str,
) -> None:
    db = connect(database_url)
    upgrade(db)
    now = utcnow()
    with UnitOfWork(db, write=True) as uow:
        uow.customers.add(CustomerRow(id="cust", ai_opt_out=True, created_at=now))
        uow.api_keys.add(ApiKeyRow(id="key", name="t", role="widget", prefix="td_w",
                                   key_hash="h" * 64, created_at=now))
        uow.flush()
        uow.conversations.add(ConversationRow(
            id="conv", customer_id="cust", api_key_id="key", channel="chat", state="ai",
            disclosed=False, pseudonym_rev=0, created_at=now, updated_at=now), ai_opt_out=True)
        uow.commit()
    with UnitOfWork(db, write=True) as uow:
        conv = uow.conversations.get("conv", for_update=True)
        assert isinstance(conv, Conversation)
        assert conv.state is ConversationState.AI and conv.ai_opt_out is True
        assert conv.created_at.tzinfo is not None  # aware UTC on SQLite too
        changed = uow.conversations.change(conv, state=ConversationState.HUMAN,
                                           handoff_code="ai_opt_out")
        assert changed.state is ConversationState.HUMAN and changed.handoff_code == "ai_opt_out"
        assert conv.state is ConversationState.AI  # a snapshot: the old one is unchanged
        # the customer's columns ride along in the snapshot but are not the conversation's
        with pytest.raises(ValueError, match="ai_opt_out"):
            uow.conversations.change(changed, ai_opt_out=False)
        uow.commit()
    with UnitOfWork(db, autocommit=True) as uow:
        stored = uow.conversations.get("conv")
        assert stored is not None and stored.state is ConversationState.HUMAN
        assert stored.handoff_code == "ai_opt_out" and stored.ai_opt_out is True
        assert [c.id for c in uow.conversations.for_customer("cust")] == ["conv"]
    db.dispose()
