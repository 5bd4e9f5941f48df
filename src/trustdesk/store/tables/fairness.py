"""Tables of the fairness audit: operational attributes per decision, protected per customer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables.base import Base, UtcDateTime


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


class ProtectedAttributesRow(Base):
    """A customer's self-declared protected attributes, encrypted under their data key.

    Given with explicit consent under the `fairness_audit` purpose, opened only by the audit
    through the purpose-checked access path, never read by the message path or any model.
    Deleting the row (withdrawal) or the data key (erasure) removes them.
    """

    __tablename__ = "protected_attributes"
    customer_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("customers.id"), primary_key=True
    )
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    consent_id: Mapped[str] = mapped_column(String(32), nullable=False)
    declared_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)


class FairnessAlertRow(Base):
    """A gap the monitor found: significant after correction and above the threshold."""

    __tablename__ = "fairness_alerts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    window_end: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    attributes: Mapped[str] = mapped_column(String(200), nullable=False)  # "language,channel"
    outcome: Mapped[str] = mapped_column(String(32), nullable=False)
    metric: Mapped[str] = mapped_column(String(64), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    ratio: Mapped[float | None] = mapped_column(Float)
    p_adjusted: Mapped[float] = mapped_column(Float, nullable=False)
    threshold: Mapped[float] = mapped_column(Float, nullable=False)
    decisions: Mapped[int] = mapped_column(Integer, nullable=False)
    lowest_group: Mapped[str] = mapped_column(String(200), nullable=False)
    highest_group: Mapped[str] = mapped_column(String(200), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
