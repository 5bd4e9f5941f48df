"""Counts for the transparency report, each one GROUP BY in the database (never per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, and_, case, func, or_, select, union

from trustdesk.store.repositories.fairness import Period, period_expression
from trustdesk.store.tables import (
    AuditEntryRow,
    ConversationRow,
    DecisionRow,
    ReviewTaskRow,
    table,
)
from trustdesk.store.tables.oversight import AiPauseRow, AppealRow, FeedbackRow
from trustdesk.store.tables.privacy import DataSubjectRequestRow

DECISIONS = table(DecisionRow)
ANSWERS = DECISIONS.alias("answers")
REVIEWS = table(ReviewTaskRow)
CONVERSATIONS = table(ConversationRow)
FEEDBACK = table(FeedbackRow)
AUDIT = table(AuditEntryRow)
DSRS = table(DataSubjectRequestRow)
PAUSES = table(AiPauseRow)
APPEALS = table(AppealRow)


@dataclass(frozen=True)
class Window:
    """[since, until) in UTC; either end may be open."""

    since: datetime | None = None
    until: datetime | None = None

    def on(self, column: Any, *, iso_text: bool = False) -> Any:
        """The condition that `column` lies in the window (audit times are ISO text)."""
        conds = []
        if self.since is not None:
            conds.append(column >= (self.since.isoformat() if iso_text else self.since))
        if self.until is not None:
            conds.append(column < (self.until.isoformat() if iso_text else self.until))
        return and_(*conds) if conds else and_(True)


def _pairs(engine: Engine, stmt: Select[Any]) -> dict[str, int]:
    with engine.connect() as conn:
        return {str(k) if k is not None else "(none)": int(n) for k, n in conn.execute(stmt)}


def decisions_by_kind(engine: Engine, w: Window) -> dict[str, int]:
    stmt = (select(DECISIONS.c.kind, func.count()).where(w.on(DECISIONS.c.created_at))
            .group_by(DECISIONS.c.kind))
    return _pairs(engine, stmt)


def decisions_by_period(engine: Engine, w: Window, period: Period) -> list[tuple[str, str, int]]:
    """(period start, kind, n) rows, oldest first."""
    p = period_expression(engine.dialect.name, period).label("p")
    stmt = (select(p, DECISIONS.c.kind, func.count()).where(w.on(DECISIONS.c.created_at))
            .group_by(p, DECISIONS.c.kind).order_by(p, DECISIONS.c.kind))
    with engine.connect() as conn:
        return [(str(a), str(k), int(n)) for a, k, n in conn.execute(stmt)]


def handoff_decisions_by_reason(engine: Engine, w: Window) -> dict[str, int]:
    """Handoffs the policy (or the kill switch) decided, by the decision's reason code."""
    stmt = (select(DECISIONS.c.reason_code, func.count())
            .where(DECISIONS.c.kind == "handoff", w.on(DECISIONS.c.created_at))
            .group_by(DECISIONS.c.reason_code))
    return _pairs(engine, stmt)


def asked_for_person_after_an_ai_answer(engine: Engine, w: Window) -> int:
    """Conversations in which the customer asked for a person after an automatic AI answer
    (by words, or the widget's handoff call): how a customer contests an answer today."""
    asked_in_words = select(DECISIONS.c.conversation_id.label("cid")).where(
        DECISIONS.c.kind == "handoff", DECISIONS.c.reason_code == "customer_request",
        w.on(DECISIONS.c.created_at),
        select(1).where(ANSWERS.c.conversation_id == DECISIONS.c.conversation_id,
                        ANSWERS.c.kind == "reply",
                        ANSWERS.c.created_at < DECISIONS.c.created_at).exists())
    asked_by_call = select(AUDIT.c.subject_id.label("cid")).where(
        AUDIT.c.action == "conversation.handoff",
        AUDIT.c.payload["reason_code"].as_string() == "customer_request",
        w.on(AUDIT.c.created_at, iso_text=True),
        select(1).where(ANSWERS.c.conversation_id == AUDIT.c.subject_id,
                        ANSWERS.c.kind == "reply").exists())
    both = union(asked_in_words, asked_by_call).subquery()
    stmt = select(func.count(func.distinct(both.c.cid)))
    with engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def audited_by_payload(engine: Engine, w: Window, action: str, key: str) -> dict[str, int]:
    """Audit entries of one action in the window, grouped by one field of their payload."""
    value = AUDIT.c.payload[key].as_string()
    stmt = (select(value, func.count())
            .where(AUDIT.c.action == action, w.on(AUDIT.c.created_at, iso_text=True))
            .group_by(value))
    return _pairs(engine, stmt)


def audited_counts(engine: Engine, w: Window, actions: tuple[str, ...]) -> dict[str, int]:
    stmt = (select(AUDIT.c.action, func.count())
            .where(AUDIT.c.action.in_(actions), w.on(AUDIT.c.created_at, iso_text=True))
            .group_by(AUDIT.c.action))
    found = _pairs(engine, stmt)
    return {a: found.get(a, 0) for a in actions}


def review_outcomes(engine: Engine, w: Window, now: datetime) -> dict[str, Any]:
    """Tasks created in the window: by status, on time, overdue, escalated, time to decide."""
    resolved = REVIEWS.c.resolved_at.is_not(None)
    on_time = and_(resolved, REVIEWS.c.due_at.is_not(None),
                   REVIEWS.c.resolved_at <= REVIEWS.c.due_at)
    late = and_(REVIEWS.c.due_at.is_not(None),
                or_(and_(resolved, REVIEWS.c.resolved_at > REVIEWS.c.due_at),
                    and_(~resolved, REVIEWS.c.due_at < now)))
    in_window = w.on(REVIEWS.c.created_at)
    by_status = _pairs(engine, select(REVIEWS.c.status, func.count()).where(in_window)
                       .group_by(REVIEWS.c.status))
    with engine.connect() as conn:
        row = conn.execute(
            select(
                func.sum(case((on_time, 1), else_=0)),
                func.sum(case((late, 1), else_=0)),
                func.sum(case((REVIEWS.c.escalated_at.is_not(None), 1), else_=0)),
                func.sum(case((REVIEWS.c.due_at.is_not(None), 1), else_=0)),
            ).where(in_window)
        ).one()
    by_priority = _pairs(engine, select(REVIEWS.c.priority, func.count()).where(in_window)
                         .group_by(REVIEWS.c.priority))
    return {
        "by_status": by_status,
        "by_priority": by_priority,
        "on_time": int(row[0] or 0),
        "late": int(row[1] or 0),
        "escalated": int(row[2] or 0),
        "with_due_time": int(row[3] or 0),
    }


def ratings(engine: Engine, w: Window) -> dict[str, dict[str, float | int]]:
    """Mean rating and count of feedback in the window, by who answered.

    ai_answer: rated an answer the AI sent (automatically, or approved as drafted);
    human_answer: rated an answer a person wrote (an edited draft);
    conversation_with_person / conversation_ai_only: rated a whole conversation that a person
    did or did not take over.
    """
    who = case(
        (FEEDBACK.c.decision_id.is_not(None),
         case((DECISIONS.c.oversight == "edited", "human_answer"), else_="ai_answer")),
        (CONVERSATIONS.c.handoff_code.is_not(None), "conversation_with_person"),
        else_="conversation_ai_only",
    ).label("who")
    stmt = (
        select(who, func.count(), func.avg(FEEDBACK.c.rating))
        .select_from(
            FEEDBACK.outerjoin(DECISIONS, DECISIONS.c.id == FEEDBACK.c.decision_id)
            .join(CONVERSATIONS, CONVERSATIONS.c.id == FEEDBACK.c.conversation_id)
        )
        .where(w.on(FEEDBACK.c.created_at))
        .group_by(who)
    )
    with engine.connect() as conn:
        return {str(k): {"n": int(n), "mean": float(m)} for k, n, m in conn.execute(stmt)}


def dsrs(engine: Engine, w: Window, now: datetime) -> dict[str, Any]:
    in_window = w.on(DSRS.c.received_at)
    by_kind = _pairs(engine, select(DSRS.c.kind, func.count()).where(in_window)
                     .group_by(DSRS.c.kind))
    by_status = _pairs(engine, select(DSRS.c.status, func.count()).where(in_window)
                       .group_by(DSRS.c.status))
    late = or_(and_(DSRS.c.completed_at.is_not(None), DSRS.c.completed_at > DSRS.c.due_at),
               and_(DSRS.c.completed_at.is_(None), DSRS.c.due_at < now))
    with engine.connect() as conn:
        overdue = conn.execute(select(func.count()).where(in_window, late)).scalar_one()
    return {"by_kind": by_kind, "by_status": by_status, "late": int(overdue)}


def pauses(engine: Engine, w: Window) -> dict[str, int]:
    return _pairs(engine, select(PAUSES.c.scope, func.count()).where(w.on(PAUSES.c.paused_at))
                  .group_by(PAUSES.c.scope))


def appeals(engine: Engine, w: Window) -> dict[str, int]:
    """Appeals opened in the window, by status (open, upheld, overturned)."""
    return _pairs(engine, select(APPEALS.c.status, func.count())
                  .where(w.on(APPEALS.c.created_at)).group_by(APPEALS.c.status))
