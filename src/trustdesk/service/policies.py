"""Putting a candidate policy live: only after its examples and the fairness probes pass."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trustdesk.accountability import audit
from trustdesk.domain.errors import Conflict
from trustdesk.oversight.policy import Policy, PolicyError, load_policy, parse_policy
from trustdesk.service.models import Detector, check_override_reason
from trustdesk.store.db import Database
from trustdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class PolicyActivation:
    previous_version: str | None
    version: str
    passed: bool  # the examples and every probe check passed
    override_reason: str | None


def activate_policy(db: Database, target: Path, candidate_text: str, *, actor: str,
                    checks: dict[str, Any], passed: bool, detector: Detector,
                    override_reason: str | None = None) -> PolicyActivation:
    """Replace the policy file `target` with the candidate, audited, if its checks passed or an
    owner gives a reason; a refusal is audited too. `serve` reads the file when it starts."""
    reason = check_override_reason(override_reason, detector)
    candidate: Policy = parse_policy(candidate_text)
    try:
        previous: str | None = load_policy(target).version
    except PolicyError:
        previous = None  # no policy there yet, or one that no longer parses
    ok = passed or reason is not None
    with UnitOfWork(db, write=True) as uow:
        audit.append(uow, actor=actor, action="policy.activated" if ok else
                     "policy.activation_refused", subject_type="policy",
                     subject_id=candidate.version,
                     payload={"previous": previous, "checks": checks, "passed": passed,
                              "override_reason": reason if not passed else None})
        uow.commit()
    if not ok:
        raise Conflict("the candidate policy failed its checks; fix it, or give "
                       "--override-reason (kept in the audit log)")
    # written whole or not at all: a worker starting meanwhile reads the old or the new file
    with tempfile.NamedTemporaryFile("w", dir=target.parent, prefix=".policy-", suffix=".yaml",
                                     delete=False, encoding="utf-8") as tmp:
        tmp.write(candidate_text)
    os.replace(tmp.name, target)
    return PolicyActivation(previous, candidate.version, passed, reason if not passed else None)
