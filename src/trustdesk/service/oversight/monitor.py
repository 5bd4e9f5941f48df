"""Reading the automation-bias monitor: per reviewer, how they decide the AI's drafts."""

from __future__ import annotations

from datetime import datetime

from trustdesk.oversight.bias import BiasRules, ReviewerStats, Verdict, reviewer_stats
from trustdesk.store.db import Database
from trustdesk.store.uow import UnitOfWork


def reviewers(db: Database, *, since: datetime | None = None, until: datetime | None = None,
              rules: BiasRules = BiasRules()) -> list[ReviewerStats]:
    """Each reviewer's verdicts resolved in [since, until), with the monitor's flags."""
    if since is not None and until is not None and until <= since:
        return []  # an empty window: no verdicts in it (not a malformed request)
    with UnitOfWork(db, autocommit=True) as uow:
        rows = uow.reviews.verdicts(since, until)
    verdicts = [
        Verdict(reviewer=str(r), status=str(st), started_at=claimed or created,
                resolved_at=resolved)
        for r, st, created, claimed, resolved in rows
    ]
    return reviewer_stats(verdicts, rules)
