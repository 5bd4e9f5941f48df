"""The governance part of the object graph: consent policy, notice, retention, data access.

The lead builds it in bootstrap (`Services.governance = build_governance(settings, vault)`);
until then `governance(svc)` builds it from settings on first use and keeps it on `svc`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustdesk.privacy.access import DataAccess
from trustdesk.privacy.consent import ConsentPolicy
from trustdesk.privacy.notice import Notice, load_notice
from trustdesk.privacy.retention import RetentionRules, load_rules
from trustdesk.privacy.vault import Vault
from trustdesk.service.context import Services

DSR_DUE_DAYS = 30


@dataclass
class Governance:
    """Privacy governance settings and the purpose-checked reader, built once."""

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


def build_governance(settings: Any, vault: Vault) -> Governance:
    """From settings; every knob has a default so older settings objects still work."""
    policy = ConsentPolicy.default(
        ai_assistance=getattr(settings, "ai_assistance_basis", "legitimate_interest"),
        fairness_audit=getattr(settings, "fairness_audit_basis", "legitimate_interest"),
    )
    return Governance(
        policy=policy,
        access=DataAccess(vault, policy),
        notice_file=getattr(settings, "notice_file", None),
        retention_file=getattr(settings, "retention_file", None),
        dsr_due_days=int(getattr(settings, "dsr_due_days", DSR_DUE_DAYS)),
    )


_BUILD_LOCK = threading.Lock()


def governance(svc: Services) -> Governance:
    """The services' Governance, built lazily if bootstrap did not build one."""
    found = getattr(svc, "governance", None)
    if isinstance(found, Governance):
        return found
    with _BUILD_LOCK:
        found = getattr(svc, "governance", None)
        if not isinstance(found, Governance):
            found = build_governance(svc.settings, svc.vault)
            svc.governance = found
        return found
