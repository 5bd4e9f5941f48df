"""Cell counts of stored decisions, aggregated by the database (one GROUP BY, never per row)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Engine, Integer, case, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from trustdesk.store.tables import ConversationRow, DecisionRow, table
from trustdesk.store.tables.fairness import DecisionAttributesRow

Period = Literal["day", "week", "month"]
DECISIONS = table(DecisionRow)
CONVERSATIONS = table(ConversationRow)
ATTRIBUTES = table(DecisionAttributesRow)

# the groups a stored audit can use, and the column each one reads
GROUP_COLUMNS: dict[str, ColumnElement[Any]] = {
    "channel": CONVERSATIONS.c.channel,
    "intent": DECISIONS.c.intent,
    "model_version": DECISIONS.c.model_version,
    "policy_version": DECISIONS.c.policy_version,
    "kb_version": DECISIONS.c.kb_version,
    # recorded with each decision since migration 0005; older decisions: "(not recorded)"
    "language": ATTRIBUTES.c.language,
    "urgency": ATTRIBUTES.c.urgency_band,
    "sentiment": ATTRIBUTES.c.sentiment_band,
}
# the outcomes, as conditions on a decision
OUTCOMES: dict[str, ColumnElement[bool]] = {
    "automatic": DECISIONS.c.kind == "reply",
    "review": DECISIONS.c.kind == "review",
    "handoff": DECISIONS.c.kind == "handoff",
}


def period_expression(dialect: str, period: Period) -> ColumnElement[Any]:
    """The first day of each decision's day, ISO week (Monday) or month, as 'YYYY-MM-DD'."""
    ts = DECISIONS.c.created_at
    if dialect == "sqlite":
        if period == "day":
            return func.strftime("%Y-%m-%d", ts)
        if period == "week":  # the Monday on or before: back (weekday + 6) % 7 days
            offset = (cast(func.strftime("%w", ts), Integer) + 6) % 7
            return func.date(ts, func.printf("-%d days", offset))
        return func.strftime("%Y-%m-01", ts)
    utc = func.timezone("UTC", ts)
    return func.to_char(func.date_trunc(period, utc), "YYYY-MM-DD")


def decision_cells(
    engine: Engine,
    *,
    groups: Sequence[str],
    outcome: str,
    since: datetime | None = None,
    until: datetime | None = None,
    period: Period | None = None,
    by_customer: bool = False,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Rows of (group values..., [period,] [customer_id,] n, selected) for decisions in
    [since, until); `by_customer` keeps customers apart, for groups the database cannot see
    (the protected attributes, which are encrypted)."""
    unknown = [g for g in groups if g not in GROUP_COLUMNS]
    if unknown:
        raise ValueError(f"group: {unknown[0]!r} is not a stored attribute "
                         f"(one of {', '.join(GROUP_COLUMNS)})")
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome: {outcome!r} is not a stored outcome "
                         f"(one of {', '.join(OUTCOMES)})")
    keys: list[ColumnElement[Any]] = [GROUP_COLUMNS[g].label(f"g{i}")
                                      for i, g in enumerate(groups)]
    names = list(groups)
    if period is not None:
        keys.append(period_expression(engine.dialect.name, period).label("period"))
        names.append("period")
    if by_customer:
        keys.append(DECISIONS.c.customer_id.label("customer_id"))
        names.append("customer_id")
    selected = func.sum(case((OUTCOMES[outcome], 1), else_=0))
    stmt = (
        select(*keys, func.count().label("n"), selected.label("selected"))
        .select_from(
            DECISIONS.join(CONVERSATIONS, CONVERSATIONS.c.id == DECISIONS.c.conversation_id)
            .outerjoin(ATTRIBUTES, ATTRIBUTES.c.decision_id == DECISIONS.c.id)
        )
        .group_by(*keys)
    )
    if since is not None:
        stmt = stmt.where(DECISIONS.c.created_at >= since)
    if until is not None:
        stmt = stmt.where(DECISIONS.c.created_at < until)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(stmt)]
    return names, rows
