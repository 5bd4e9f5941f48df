"""Reading Decisions and their Explanations, scoped to what the caller may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trustdesk.domain import DecisionKind, HandoffReason, Oversight
from trustdesk.service.context import Services
from trustdesk.service.conversations import visible_conversation
from trustdesk.service.errors import NotFound
from trustdesk.service.keys import Caller
from trustdesk.store.uow import UnitOfWork


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
    explanation: dict[str, Any]
    reason_code: HandoffReason | None = None  # why a person reviews or takes over


def get_decision(svc: Services, caller: Caller, decision_id: str) -> DecisionView:
    with UnitOfWork(svc.db) as uow:
        row = uow.decisions.get(decision_id)
        if row is None:
            raise NotFound(f"decision {decision_id} not found")
        try:
            visible_conversation(uow, caller, row.conversation_id)
        except NotFound:
            raise NotFound(f"decision {decision_id} not found") from None
        explanation = uow.decisions.explanation(decision_id)
        return DecisionView(
            id=row.id,
            conversation_id=row.conversation_id,
            message_id=row.message_id,
            kind=DecisionKind(row.kind),
            intent=row.intent,
            confidence=row.confidence,
            # a draft awaiting review is not shown to the customer's widget
            output=(
                row.output
                if caller.is_staff() or row.oversight != Oversight.AWAITING_REVIEW
                else ""
            ),
            oversight=Oversight(row.oversight),
            model_version=row.model_version,
            policy_version=row.policy_version,
            kb_version=row.kb_version,
            audit_seq=row.audit_seq,
            created_at=row.created_at,
            explanation=dict(explanation.payload) if explanation else {},
            reason_code=HandoffReason(row.reason_code) if row.reason_code else None,
        )
