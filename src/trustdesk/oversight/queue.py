"""How urgent a review task is and when it is due: priority from signals and policy, SLAs."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from trustdesk.domain import HandoffReason


class Priority(enum.IntEnum):
    """Ordered, so that the queue sorts by it and "at least high" is a max()."""

    LOW = 0
    NORMAL = 1
    HIGH = 2
    URGENT = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def of(cls, label: str) -> Priority:
        return cls[label.upper()]


# codes of holds that concern money, complaints, personal data or an upset customer
_HIGH_CODES = frozenset({HandoffReason.SENSITIVE_TOPIC, HandoffReason.NEGATIVE_SENTIMENT})


@dataclass(frozen=True)
class PriorityRules:
    """Thresholds on the understand stage's signals (urgency 0..1, sentiment -1..1)."""

    urgent_urgency: float = 0.7
    high_urgency: float = 0.4
    high_sentiment: float = -0.5
    vulnerable_intents: frozenset[str] = frozenset({"bereavement_vulnerable"})

    def priority(self, *, urgency: float, sentiment: float, intent: str,
                 code: HandoffReason | None) -> Priority:
        """Vulnerability and urgency first, then the policy's reason and the mood."""
        if intent in self.vulnerable_intents or urgency >= self.urgent_urgency:
            return Priority.URGENT
        if code in _HIGH_CODES or sentiment <= self.high_sentiment or urgency >= self.high_urgency:
            return Priority.HIGH
        if code is HandoffReason.AI_PAUSED:
            # draft-only mode holds every routine answer: they wait behind the rest
            return Priority.LOW
        return Priority.NORMAL


def parse_slas(raw: Mapping[str, int]) -> dict[Priority, timedelta]:
    """Minutes per priority label; every priority needs one, stricter never slower."""
    try:
        slas = {Priority.of(k): timedelta(minutes=int(v)) for k, v in raw.items()}
    except KeyError:
        raise ValueError("review_sla_minutes: keys are low, normal, high, urgent") from None
    missing = [p.label for p in Priority if p not in slas]
    if missing:
        raise ValueError(f"review_sla_minutes: missing {', '.join(missing)}")
    if any(v <= timedelta(0) for v in slas.values()):
        raise ValueError("review_sla_minutes: every SLA must be at least a minute")
    ordered = [slas[p] for p in sorted(Priority)]
    if any(a < b for a, b in itertools.pairwise(ordered)):
        raise ValueError("review_sla_minutes: a higher priority cannot have a longer SLA")
    return slas


def due_at(created_at: datetime, priority: Priority,
           slas: Mapping[Priority, timedelta]) -> datetime:
    return created_at + slas[priority]
