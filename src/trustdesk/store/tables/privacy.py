"""Tables of privacy governance: the access log, data-subject requests, scheduler leases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables.base import Base, UtcDateTime
from trustdesk.store.tables.core import DecisionRow, MessageRow


class AccessLogRow(Base):
    """One attempt to read personal data: who, whose, for what purpose, and the outcome."""

    __tablename__ = "access_log"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    actor: Mapped[str] = mapped_column(String(80), nullable=False)
    customer_id: Mapped[str] = mapped_column(String(32), nullable=False)
    # NULL when the read named no purpose (and was therefore refused)
    purpose: Mapped[str | None] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32), nullable=False)
    granted: Mapped[bool] = mapped_column(Boolean, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    __table_args__ = (
        Index("ix_access_log_customer_created", "customer_id", "created_at"),
        Index("ix_access_log_created", "created_at"),
    )


class DataSubjectRequestRow(Base):
    """A tracked data-subject request; `outcome` holds counts and ids, never personal data."""

    __tablename__ = "data_subject_requests"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("customers.id"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    purposes: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    requested_by: Mapped[str] = mapped_column(String(80), nullable=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (Index("ix_data_subject_requests_status_due", "status", "due_at"),)


class LeaseRow(Base):
    """A named lease: the one worker holding it runs the job (e.g. the retention purge)."""

    __tablename__ = "governance_leases"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)


# Retention finds expired rows by age: index the ages of the tables it sweeps.
Index("ix_messages_created", MessageRow.created_at)
Index("ix_decisions_created", DecisionRow.created_at)
