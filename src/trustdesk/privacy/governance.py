"""The governance part of the object graph: consent policy, notice, retention, data access."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trustdesk.privacy.access import DataAccess
from trustdesk.privacy.consent import ConsentPolicy
from trustdesk.privacy.notice import Notice, load_notice
from trustdesk.privacy.retention import RetentionRules, load_rules

DSR_DUE_DAYS = 30


@dataclass
class Governance:
    """Privacy governance settings and the purpose-checked reader; built once, in bootstrap."""

    policy: ConsentPolicy
    access: DataAccess
    notice_file: Path | None = None
    retention_file: Path | None = None
    dsr_due_days: int = DSR_DUE_DAYS
    _notice: Notice | None = field(default=None, repr=False)
    _rules: RetentionRules | None = field(default=None, repr=False)

    def notice(self) -> Notice:
        if self._notice is None:
            self._notice = load_notice(self.notice_file)
        return self._notice

    def retention_rules(self) -> RetentionRules:
        if self._rules is None:
            self._rules = load_rules(self.retention_file)
        return self._rules
