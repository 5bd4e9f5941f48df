"""Tables of the fairness audit: the operational attributes recorded with each decision."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables import Base


class DecisionAttributesRow(Base):
    """What the path knew about a decision's message: the groups an audit can count by.

    Operational attributes only (never a protected one): the language detected, the
    conversation's channel and the urgency and sentiment scores with their bands.
    """

    __tablename__ = "decision_attributes"
    decision_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("decisions.id"), primary_key=True
    )
    language: Mapped[str | None] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    urgency: Mapped[float] = mapped_column(Float, nullable=False)
    urgency_band: Mapped[str] = mapped_column(String(8), nullable=False)
    sentiment: Mapped[float] = mapped_column(Float, nullable=False)
    sentiment_band: Mapped[str] = mapped_column(String(8), nullable=False)
