"""Repositories of the oversight tables; no commits, no rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import Session

from trustdesk.store.tables import table
from trustdesk.store.tables.oversight import AiPauseRow, AppealRow

_PAUSES = table(AiPauseRow)
_ACTIVE = select(_PAUSES).where(_PAUSES.c.resumed_at.is_(None)).order_by(_PAUSES.c.paused_at)


def active_pauses(connection: Connection) -> Sequence[Row[Any]]:
    """The active pauses as plain Core rows (what every worker reads several times a second)."""
    return connection.execute(_ACTIVE).all()


class AiPauses:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: AiPauseRow) -> None:
        self.session.add(row)

    def active(self, *, for_update: bool = False) -> Sequence[AiPauseRow]:
        stmt = (
            select(AiPauseRow)
            .where(AiPauseRow.resumed_at.is_(None))
            .order_by(AiPauseRow.paused_at, AiPauseRow.id)
        )
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).all()

    def recent_resumed(self, limit: int) -> Sequence[AiPauseRow]:
        return self.session.scalars(
            select(AiPauseRow)
            .where(AiPauseRow.resumed_at.is_not(None))
            .order_by(AiPauseRow.resumed_at.desc(), AiPauseRow.id)
            .limit(limit)
        ).all()


class Appeals:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: AppealRow) -> None:
        self.session.add(row)

    def get(self, appeal_id: str, *, for_update: bool = False) -> AppealRow | None:
        if for_update:
            return self.session.get(AppealRow, appeal_id, with_for_update=True)
        return self.session.get(AppealRow, appeal_id)

    def of_decision(self, decision_id: str) -> AppealRow | None:
        return self.session.scalars(
            select(AppealRow).where(AppealRow.decision_id == decision_id)).first()

    def in_conversation(self, conversation_id: str) -> Sequence[AppealRow]:
        return self.session.scalars(
            select(AppealRow).where(AppealRow.conversation_id == conversation_id)
            .order_by(AppealRow.created_at, AppealRow.id)).all()

    def listing(self, *, status: str | None, limit: int) -> Sequence[AppealRow]:
        """Oldest first: the queue a team works from."""
        stmt = select(AppealRow).order_by(AppealRow.created_at, AppealRow.id).limit(limit)
        if status is not None:
            stmt = stmt.where(AppealRow.status == status)
        return self.session.scalars(stmt).all()
