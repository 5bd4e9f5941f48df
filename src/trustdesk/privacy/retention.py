"""Retention rules: how long each category of personal data is kept, from a YAML file.

```yaml
# days; null keeps the category forever
original_messages: 30    # encrypted originals and pseudonym tables
transcripts: 365         # redacted message text and the redacted input of decisions
access_log: 730          # who read what, for which purpose
decision_records: 2555   # decision outputs and explanations (7 years)
```

The audit chain itself is never deleted; an erased decision field is re-sealed in it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

BUNDLED_RULES = Path(__file__).resolve().parent.parent / "data" / "demo" / "retention.yaml"
MAX_DAYS = 36_600  # a century: anything longer is a typo


class RetentionCategory(enum.StrEnum):
    ORIGINAL_MESSAGES = "original_messages"
    TRANSCRIPTS = "transcripts"
    ACCESS_LOG = "access_log"
    DECISION_RECORDS = "decision_records"


DEFAULT_DAYS: dict[RetentionCategory, int | None] = {
    RetentionCategory.ORIGINAL_MESSAGES: 30,
    RetentionCategory.TRANSCRIPTS: 365,
    RetentionCategory.ACCESS_LOG: 730,
    RetentionCategory.DECISION_RECORDS: 2555,
}


class RetentionError(ValueError):
    """The retention file is unreadable or names a bad category or period."""


@dataclass(frozen=True)
class RetentionRules:
    """Days to keep per category (None: keep)."""

    days: dict[RetentionCategory, int | None]

    def cutoff(self, category: RetentionCategory, now: datetime) -> datetime | None:
        """Data older than this has expired; None when the category is kept forever."""
        days = self.days.get(category)
        return None if days is None else now - timedelta(days=days)


def parse_rules(data: Any, *, source: str = "retention rules") -> RetentionRules:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RetentionError(f"{source}: expected a mapping of category: days")
    days: dict[RetentionCategory, int | None] = dict(DEFAULT_DAYS)
    for key, value in data.items():
        try:
            category = RetentionCategory(str(key))
        except ValueError:
            raise RetentionError(
                f"{source}: unknown category {key!r}; use one of "
                f"{', '.join(c.value for c in RetentionCategory)}"
            ) from None
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS
        ):
            raise RetentionError(
                f"{source}: {key} must be a whole number of days from 1 to {MAX_DAYS} "
                f"(or null to keep forever), not {value!r}"
            )
        days[category] = value
    return RetentionRules(days)


def load_rules(path: Path | None = None) -> RetentionRules:
    """Rules from `path` (default: the bundled file); unlisted categories keep their default."""
    target = path or BUNDLED_RULES
    try:
        raw = target.read_text(encoding="utf-8")
    except OSError as exc:
        raise RetentionError(
            f"cannot read retention rules {target}: {exc.strerror}; "
            "set TRUSTDESK_RETENTION_FILE to a YAML file"
        ) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise RetentionError(f"{target}: not valid YAML ({exc})") from None
    return parse_rules(data, source=str(target))
