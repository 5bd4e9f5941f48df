"""The review queue a team works: priorities and SLAs, claiming, overdue escalation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import HandoffReason, ReviewStatus, utcnow
from trustdesk.domain.errors import Conflict, Forbidden, NotFound
from trustdesk.oversight.queue import Priority, PriorityRules, due_at, parse_slas
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.oversight.reviews import ReviewView, view_of
from trustdesk.service.schedule import start_leased_job
from trustdesk.store.db import Database
from trustdesk.store.tables import ReviewTaskRow
from trustdesk.store.uow import UnitOfWork

log = logging.getLogger("trustdesk.reviews")

ESCALATION_ACTOR = "service:review-escalation"
ESCALATION_LEASE = "review-escalation"


def _rules(svc: Services) -> PriorityRules:
    return PriorityRules(vulnerable_intents=frozenset(svc.settings.review_vulnerable_intents))


def queue_fields(svc: Services, *, urgency: float, sentiment: float, intent: str,
                 code: HandoffReason | None, now: datetime,
                 language: str | None) -> dict[str, object]:
    """The new task's priority, due time (from the SLA of that priority) and language."""
    priority = _rules(svc).priority(urgency=urgency, sentiment=sentiment, intent=intent,
                                    code=code)
    slas = parse_slas(svc.settings.review_sla_minutes)
    return {"priority": priority.label, "due_at": due_at(now, priority, slas),
            "language": language, "claimed_by": None, "claimed_at": None,
            "escalated_at": None}


def _open_task(uow: UnitOfWork, task_id: str) -> ReviewTaskRow:
    task = uow.reviews.get(task_id, for_update=True)
    if task is None:
        raise NotFound(f"review task {task_id} not found")
    if task.status != ReviewStatus.OPEN:
        raise Conflict(f"review task {task_id} is already {task.status}")
    return task


def claim(svc: Services, caller: Caller, task_id: str) -> ReviewView:
    """Take a task so that no colleague works it at the same time (audited)."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may work the review queue")
    with UnitOfWork(svc.db, write=True) as uow:
        task = _open_task(uow, task_id)
        if task.claimed_by == caller.key_id:
            return view_of(task)
        if task.claimed_by is not None:
            raise Conflict(f"review task {task_id} is claimed by another reviewer")
        task.claimed_by, task.claimed_at = caller.key_id, utcnow()
        audit.append(uow, actor=f"key:{caller.key_id}", action="review.claimed",
                     subject_type="review_task", subject_id=task.id,
                     payload={"by_role": caller.role.value, "priority": task.priority})
        uow.commit()
    return view_of(task)


def release(svc: Services, caller: Caller, task_id: str) -> ReviewView:
    """Give a claimed task back to the queue: its claimer, or an admin (audited)."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may work the review queue")
    with UnitOfWork(svc.db, write=True) as uow:
        task = _open_task(uow, task_id)
        if task.claimed_by is None:
            raise Conflict(f"review task {task_id} is not claimed")
        if task.claimed_by != caller.key_id and caller.role.value != "admin":
            raise Forbidden("only the reviewer who claimed the task, or an admin, may release it")
        previous = task.claimed_by
        task.claimed_by, task.claimed_at = None, None
        audit.append(uow, actor=f"key:{caller.key_id}", action="review.released",
                     subject_type="review_task", subject_id=task.id,
                     payload={"by_role": caller.role.value, "claimed_by": previous})
        uow.commit()
    return view_of(task)


def escalate_overdue(db: Database, *, now: datetime | None = None, batch: int = 200) -> int:
    """Raise every open task past its due time to the top of the queue, once (audited)."""
    now = now or utcnow()
    done = 0
    while True:
        with UnitOfWork(db, write=True) as uow:
            rows = uow.reviews.overdue(now, batch)
            for task in rows:
                task.escalated_at = now
                due = task.due_at
                audit.append(uow, actor=ESCALATION_ACTOR, action="review.escalated",
                             subject_type="review_task", subject_id=task.id,
                             payload={"priority": task.priority,
                                      "due_at": due.isoformat() if due else None})
            uow.commit()
        done += len(rows)
        if len(rows) < batch:
            return done


def start_escalation_scheduler(svc: Services, interval_s: float) -> Callable[[], None]:
    """Escalate overdue tasks every `interval_s` in a daemon thread (one worker at a time)."""
    def job() -> str | None:
        count = escalate_overdue(svc.db)
        return f"escalated {count} overdue review tasks" if count else None

    return start_leased_job(svc, ESCALATION_LEASE, interval_s, job)


def priority_of(task: ReviewTaskRow) -> Priority:
    return Priority.of(task.priority)
