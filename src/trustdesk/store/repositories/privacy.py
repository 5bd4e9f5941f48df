"""Repositories of the governance tables and the retention sweeps; no commits, no rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from trustdesk.store.tables import (
    ConversationRow,
    DecisionRow,
    ExplanationRow,
    MessageRow,
    ReviewTaskRow,
)
from trustdesk.store.tables.privacy import AccessLogRow, DataSubjectRequestRow, LeaseRow


class AccessLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: AccessLogRow) -> None:
        self.session.add(row)

    def query(
        self,
        *,
        customer_id: str | None = None,
        purpose: str | None = None,
        granted: bool | None = None,
        limit: int = 100,
    ) -> Sequence[AccessLogRow]:
        stmt = select(AccessLogRow).order_by(AccessLogRow.created_at.desc(), AccessLogRow.id)
        if customer_id is not None:
            stmt = stmt.where(AccessLogRow.customer_id == customer_id)
        if purpose is not None:
            stmt = stmt.where(AccessLogRow.purpose == purpose)
        if granted is not None:
            stmt = stmt.where(AccessLogRow.granted == granted)
        return self.session.scalars(stmt.limit(limit)).all()

    def delete_before(self, cutoff: datetime, limit: int) -> int:
        ids = self.session.scalars(
            select(AccessLogRow.id).where(AccessLogRow.created_at < cutoff).limit(limit)
        ).all()
        if ids:
            self.session.execute(delete(AccessLogRow).where(AccessLogRow.id.in_(ids)))
        return len(ids)


class DataSubjectRequests:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: DataSubjectRequestRow) -> None:
        self.session.add(row)

    def get(self, request_id: str, *, for_update: bool = False) -> DataSubjectRequestRow | None:
        stmt = select(DataSubjectRequestRow).where(DataSubjectRequestRow.id == request_id)
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).one_or_none()

    def listing(
        self,
        *,
        statuses: Sequence[str] | None = None,
        due_before: datetime | None = None,
        customer_id: str | None = None,
        limit: int = 100,
    ) -> Sequence[DataSubjectRequestRow]:
        stmt = select(DataSubjectRequestRow).order_by(
            DataSubjectRequestRow.due_at, DataSubjectRequestRow.id
        )
        if statuses is not None:
            stmt = stmt.where(DataSubjectRequestRow.status.in_(list(statuses)))
        if due_before is not None:
            stmt = stmt.where(DataSubjectRequestRow.due_at < due_before)
        if customer_id is not None:
            stmt = stmt.where(DataSubjectRequestRow.customer_id == customer_id)
        return self.session.scalars(stmt.limit(limit)).all()


class Leases:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, name: str) -> LeaseRow | None:
        return self.session.scalars(
            select(LeaseRow).where(LeaseRow.name == name).with_for_update()
        ).one_or_none()

    def add(self, row: LeaseRow) -> None:
        self.session.add(row)

    def release(self, name: str, holder: str) -> None:
        self.session.execute(
            delete(LeaseRow).where(LeaseRow.name == name, LeaseRow.holder == holder)
        )


class RetentionSweeps:
    """The set-based reads and writes a retention purge is made of, one batch at a time."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def clear_originals(self, cutoff: datetime, limit: int) -> int:
        ids = self.session.scalars(
            select(MessageRow.id)
            .where(MessageRow.created_at < cutoff, MessageRow.original.is_not(None))
            .limit(limit)
        ).all()
        if ids:
            self.session.execute(
                update(MessageRow).where(MessageRow.id.in_(ids)).values(original=None)
            )
        return len(ids)

    def clear_pseudonym_tables(self, cutoff: datetime, limit: int) -> int:
        ids = self.session.scalars(
            select(ConversationRow.id)
            .where(ConversationRow.updated_at < cutoff, ConversationRow.pseudonyms.is_not(None))
            .limit(limit)
        ).all()
        if ids:
            self.session.execute(
                update(ConversationRow)
                .where(ConversationRow.id.in_(ids))
                .values(pseudonyms=None, pseudonym_rev=ConversationRow.pseudonym_rev + 1)
            )
        return len(ids)

    def tombstone_messages(self, cutoff: datetime, tombstone: str, limit: int) -> int:
        ids = self.session.scalars(
            select(MessageRow.id)
            .where(MessageRow.created_at < cutoff, MessageRow.redacted_text != tombstone)
            .limit(limit)
        ).all()
        if ids:
            self.session.execute(
                update(MessageRow)
                .where(MessageRow.id.in_(ids))
                .values(redacted_text=tombstone, pii_types=[], original=None)
            )
        return len(ids)

    def decisions_with_input(
        self, cutoff: datetime, tombstone: str, limit: int
    ) -> Sequence[DecisionRow]:
        return self.session.scalars(
            select(DecisionRow)
            .where(DecisionRow.created_at < cutoff, DecisionRow.redacted_input != tombstone)
            .order_by(DecisionRow.id)
            .limit(limit)
        ).all()

    def decisions_with_output(
        self, cutoff: datetime, tombstone: str, limit: int
    ) -> Sequence[DecisionRow]:
        return self.session.scalars(
            select(DecisionRow)
            .where(DecisionRow.created_at < cutoff, DecisionRow.output != tombstone)
            .order_by(DecisionRow.id)
            .limit(limit)
        ).all()

    def explanation(self, decision_id: str) -> ExplanationRow | None:
        return self.session.get(ExplanationRow, decision_id)

    def reviews_of(self, decision_ids: Sequence[str]) -> Sequence[ReviewTaskRow]:
        if not decision_ids:
            return []
        return self.session.scalars(
            select(ReviewTaskRow).where(ReviewTaskRow.decision_id.in_(list(decision_ids)))
        ).all()
