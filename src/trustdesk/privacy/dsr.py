"""Data-subject requests: the kinds, their life cycle and the 30-day deadline."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta


class RequestKind(enum.StrEnum):
    ACCESS = "access"  # a copy of everything held, as one JSON document
    RECTIFICATION = "rectification"  # correct an original message or the customer ref
    ERASURE = "erasure"  # crypto-shred and tombstone everything of the customer
    OBJECTION = "objection"  # stop one or more purposes (ledger withdrawal, "objection")
    RESTRICTION = "restriction"  # restrict processing for purposes ("restriction")


class RequestStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REJECTED = "rejected"


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)
# Kinds that name the purposes they are about.
PURPOSE_KINDS = frozenset({RequestKind.OBJECTION, RequestKind.RESTRICTION})


def due_at(received_at: datetime, days: int = 30) -> datetime:
    """The legal deadline: one month, counted as `days` days from receipt."""
    return received_at + timedelta(days=days)


def is_overdue(status: str, due: datetime, now: datetime) -> bool:
    return status in OPEN_STATUSES and due < now
