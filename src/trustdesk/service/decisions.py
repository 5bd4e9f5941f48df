"""Reading Decisions and their Explanations, scoped to what the caller may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from trustdesk.domain import DecisionKind, HandoffReason, Oversight
from trustdesk.domain.errors import NotFound
from trustdesk.domain.views import described
from trustdesk.service.context import Services
from trustdesk.service.conversations import visible_conversation
from trustdesk.service.keys import Caller
from trustdesk.store.db import Database
from trustdesk.store.tables import DecisionRow
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.explain import without_sources


@dataclass(frozen=True)
class DecisionView:
    id: str
    conversation_id: str
    message_id: str
    kind: DecisionKind
    intent: str
    confidence: float
    output: str
    oversight: Oversight
    model_version: str
    policy_version: str
    kb_version: str
    audit_seq: int | None
    created_at: datetime
    reason_code: HandoffReason | None = field(
        default=None, metadata=described("why a person reviews or takes over"))


# What a customer-facing key sees of a decision (invariant 8): an automatic answer, or one a
# person approved, as it was sent; of an edited one the person's text; of a draft awaiting
# review, rejected (or any other state) nothing: no text, no quotes, no sources.
SHOWN_AS_DRAFTED = frozenset({Oversight.AUTOMATIC, Oversight.APPROVED})


def for_customer(oversight: Oversight, output: str, explanation: dict[str, Any],
                 final_text: str | None) -> tuple[str, dict[str, Any]]:
    """(output, explanation) as a customer may see them."""
    if oversight in SHOWN_AS_DRAFTED:
        return output, explanation
    shown = (final_text or "") if oversight is Oversight.EDITED else ""
    return shown, without_sources(explanation)


def customer_view(uow: UnitOfWork, row: DecisionRow,
                  explanation: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """for_customer() of a stored decision (reads its review task only when edited)."""
    oversight = Oversight(row.oversight)
    final_text = None
    if oversight is Oversight.EDITED:
        task = uow.reviews.for_decision(row.id)
        final_text = task.final_text if task is not None else None
    return for_customer(oversight, row.output, explanation, final_text)


def get_decision(svc: Services, caller: Caller, decision_id: str) -> DecisionView:
    return visible_decision(svc, caller, decision_id)[0]


def visible_decision(svc: Services, caller: Caller,
                     decision_id: str) -> tuple[DecisionView, dict[str, Any]]:
    """The decision and its stored explanation, as far as this caller may see them."""
    with UnitOfWork(svc.db) as uow:
        row = uow.decisions.get(decision_id)
        if row is None:
            raise NotFound("decision not found (none with this id is visible to your key)")
        try:
            visible_conversation(uow, caller, row.conversation_id)
        except NotFound:
            raise NotFound(
                "decision not found (none with this id is visible to your key)"
            ) from None
        stored = uow.decisions.explanation(decision_id)
        explanation = dict(stored.payload) if stored else {}
        output = row.output
        if not caller.is_staff():
            output, explanation = customer_view(uow, row, explanation)
        view = DecisionView(
            id=row.id,
            conversation_id=row.conversation_id,
            message_id=row.message_id,
            kind=DecisionKind(row.kind),
            intent=row.intent,
            confidence=row.confidence,
            output=output,
            oversight=Oversight(row.oversight),
            model_version=row.model_version,
            policy_version=row.policy_version,
            kb_version=row.kb_version,
            audit_seq=row.audit_seq,
            created_at=row.created_at,
            reason_code=HandoffReason(row.reason_code) if row.reason_code else None,
        )
        return view, explanation


def replayable_since(db: Database, since: datetime | None) -> list[tuple[Any, ...]]:
    """Stored decisions with their explanations from `since`, for `policy simulate`."""
    with UnitOfWork(db, autocommit=True) as uow:
        return uow.decisions.since_with_payloads(since)
