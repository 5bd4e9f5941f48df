"""Tables of human oversight: the kill switch's pauses, customers' feedback and appeals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables.base import Base, UtcDateTime


class AiPauseRow(Base):
    """One pause of the AI (global, per intent or per channel); active until resumed_at."""

    __tablename__ = "ai_pauses"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)  # redacted
    paused_by: Mapped[str] = mapped_column(String(80), nullable=False)
    paused_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    resumed_by: Mapped[str | None] = mapped_column(String(80))
    resumed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resume_reason: Mapped[str | None] = mapped_column(Text)  # redacted
    # every worker reads the active pauses several times a second: keep that read on an index
    __table_args__ = (Index("ix_ai_pauses_resumed_at", "resumed_at"),)


class FeedbackRow(Base):
    """A customer's rating (1-5) of a conversation or of one AI answer in it."""

    __tablename__ = "feedback"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("conversations.id"), nullable=False, index=True
    )
    customer_id: Mapped[str] = mapped_column(String(32), nullable=False)
    decision_id: Mapped[str | None] = mapped_column(String(32), ForeignKey("decisions.id"))
    rating: Mapped[int] = mapped_column(Integer, nullable=False)
    given_by: Mapped[str] = mapped_column(String(16), nullable=False)  # the key's role
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    __table_args__ = (Index("ix_feedback_created", "created_at"),)


class AppealRow(Base):
    """A customer contesting one decision, and what the person who looked at it decided.

    At most one per decision. `reason` and `outcome_note` are redacted like any text (the
    customer's originals are in the conversation's pseudonym table); erasure tombstones them.
    """

    __tablename__ = "appeals"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    decision_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("decisions.id"), nullable=False, unique=True
    )
    conversation_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("conversations.id"), nullable=False, index=True
    )
    customer_id: Mapped[str] = mapped_column(String(32), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text)  # redacted
    status: Mapped[str] = mapped_column(String(16), nullable=False)  # open|upheld|overturned
    opened_by: Mapped[str] = mapped_column(String(16), nullable=False)  # the key's role
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    decided_by: Mapped[str | None] = mapped_column(String(80))  # key:<id>, never shown out
    decided_by_role: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    outcome_note: Mapped[str | None] = mapped_column(Text)  # redacted
    __table_args__ = (Index("ix_appeals_status_created", "status", "created_at"),)
