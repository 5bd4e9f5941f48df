"""Retention: purge what expired, batch by batch, and run it on a schedule in `serve`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from trustdesk.accountability import audit
from trustdesk.domain import utcnow
from trustdesk.privacy.retention import RetentionCategory, RetentionRules
from trustdesk.service.context import Services
from trustdesk.service.privacy.tombstones import RETENTION_TOMBSTONE, erase_decision
from trustdesk.service.schedule import run_leased, start_leased_job
from trustdesk.store.uow import UnitOfWork

log = logging.getLogger("trustdesk.retention")

ACTOR = "service:retention"
LEASE = "retention"
DEFAULT_BATCH = 500


@dataclass
class PurgeReport:
    """What one purge run removed, per step; `cutoffs` are ISO times (no personal data)."""

    counts: dict[str, int] = field(default_factory=dict)
    cutoffs: dict[str, str] = field(default_factory=dict)
    batches: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# (step name, category): each step is a batch function returning how many rows it changed.
_STEPS = (
    ("original_messages", RetentionCategory.ORIGINAL_MESSAGES),
    ("pseudonym_tables", RetentionCategory.ORIGINAL_MESSAGES),
    ("transcript_messages", RetentionCategory.TRANSCRIPTS),
    ("decision_inputs", RetentionCategory.TRANSCRIPTS),
    ("access_log", RetentionCategory.ACCESS_LOG),
    ("decision_records", RetentionCategory.DECISION_RECORDS),
)


class RetentionPurge:
    """Applies retention rules; each batch is its own transaction with its own receipt.

    Safe to interrupt: a batch either commits with its receipt or not at all, and the next
    run picks up whatever is still expired. Idempotent: a second run finds nothing to do.
    """

    def __init__(self, svc: Services, rules: RetentionRules, *, batch: int = DEFAULT_BATCH,
                 dry_run: bool = False):
        if batch < 1:
            raise ValueError("batch must be at least 1")
        self.svc = svc
        self.rules = rules
        self.batch = batch
        # A dry run does every batch in one transaction and rolls it back: the counts are
        # those of a real run, computed by the same code, and nothing is changed.
        self.dry_run = dry_run
        self._dry_uow: UnitOfWork | None = None

    def run(self, now: datetime | None = None) -> PurgeReport:
        if not self.dry_run:
            return self._run(now)
        with UnitOfWork(self.svc.db, write=True) as uow:
            self._dry_uow = uow
            try:
                return self._run(now)  # never committed: leaving the unit rolls it back
            finally:
                self._dry_uow = None

    def _run(self, now: datetime | None) -> PurgeReport:
        now = now or utcnow()
        report = PurgeReport()
        for step, category in _STEPS:
            cutoff = self.rules.cutoff(category, now)
            if cutoff is None:
                continue
            report.cutoffs[category.value] = cutoff.isoformat()
            report.counts.setdefault(step, 0)
            while True:
                done = self._batch(step, category, cutoff)
                if done == 0:
                    break
                report.counts[step] += done
                report.batches += 1
                self.after_batch(step, done)
                if done < self.batch:
                    break
        return report

    def after_batch(self, step: str, count: int) -> None:
        """Called between committed batches (a hook for progress reporting and tests)."""

    def _batch(self, step: str, category: RetentionCategory, cutoff: datetime) -> int:
        if self._dry_uow is not None:
            done = self._apply(self._dry_uow, step, cutoff)
            self._dry_uow.session.flush()  # the next batch must see this one's changes
            return done
        with UnitOfWork(self.svc.db, write=True) as uow:
            done = self._apply(uow, step, cutoff)
            if done:
                audit.append(
                    uow, actor=ACTOR, action="retention.purged", subject_type="retention",
                    subject_id=step,
                    payload={"category": category.value, "step": step, "count": done,
                             "cutoff": cutoff.isoformat(),
                             "days": self.rules.days.get(category)},
                )
                uow.commit()
        return done

    def _apply(self, uow: UnitOfWork, step: str, cutoff: datetime) -> int:
        sweeps = uow.retention_sweeps
        if step == "original_messages":
            return sweeps.clear_originals(cutoff, self.batch)
        if step == "pseudonym_tables":
            return sweeps.clear_pseudonym_tables(cutoff, self.batch)
        if step == "transcript_messages":
            return sweeps.tombstone_messages(cutoff, RETENTION_TOMBSTONE, self.batch)
        if step == "access_log":
            return uow.access_log.delete_before(cutoff, self.batch)
        erase_input = step == "decision_inputs"
        rows = (
            sweeps.decisions_with_input(cutoff, RETENTION_TOMBSTONE, self.batch)
            if erase_input
            else sweeps.decisions_with_output(cutoff, RETENTION_TOMBSTONE, self.batch)
        )
        for decision in rows:
            erase_decision(
                uow, decision, sweeps.explanation(decision.id), tombstone=RETENTION_TOMBSTONE,
                erase_input=erase_input, erase_output=not erase_input, actor=ACTOR,
                action=f"decision.retention_{step}",
            )
        return len(rows)


def purge(svc: Services, *, now: datetime | None = None, batch: int = DEFAULT_BATCH,
          rules: RetentionRules | None = None, dry_run: bool = False) -> PurgeReport:
    """Delete or shred every expired item under the configured retention rules; with
    `dry_run`, count what would go and change nothing."""
    return RetentionPurge(svc, rules or svc.governance.retention_rules(), batch=batch,
                          dry_run=dry_run).run(now)


def run_scheduled(svc: Services, holder: str, lease_ttl: timedelta) -> PurgeReport | None:
    """One scheduled run: purge if this worker holds the lease, else do nothing."""
    reports: list[PurgeReport] = []

    def job() -> str | None:
        reports.append(purge(svc))
        return None

    run_leased(svc, LEASE, holder, lease_ttl, job)
    return reports[0] if reports else None


def start_retention_scheduler(svc: Services, interval_s: float) -> Callable[[], None]:
    """Purge every `interval_s` seconds in a daemon thread; returns a stop function.

    Call it from the FastAPI lifespan; with several workers only the lease holder purges.
    """
    def job() -> str | None:
        report = purge(svc)
        return f"removed {report.total} items" if report.total else None

    return start_leased_job(svc, LEASE, interval_s, job)
