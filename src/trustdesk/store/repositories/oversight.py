"""Repositories of the oversight tables; no commits, no rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import Session

from trustdesk.store.tables import table
from trustdesk.store.tables.oversight import AiPauseRow

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
