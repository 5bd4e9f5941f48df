"""Tables of human oversight: the kill switch's pauses."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables import Base


class AiPauseRow(Base):
    """One pause of the AI (global, per intent or per channel); active until resumed_at."""

    __tablename__ = "ai_pauses"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)  # redacted
    paused_by: Mapped[str] = mapped_column(String(80), nullable=False)
    paused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    resumed_by: Mapped[str | None] = mapped_column(String(80))
    resumed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resume_reason: Mapped[str | None] = mapped_column(Text)  # redacted
    # every worker reads the active pauses several times a second: keep that read on an index
    __table_args__ = (Index("ix_ai_pauses_resumed_at", "resumed_at"),)
