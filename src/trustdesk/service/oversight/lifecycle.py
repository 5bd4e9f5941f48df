"""A conversation's end and what the customer thought of it: resolve, reopen, feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import ConversationState, Sender, new_id, utcnow
from trustdesk.domain.errors import Conflict, InvalidInput, NotFound
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.conversations import (
    ConversationView,
    conversation_view,
    visible_conversation,
)
from trustdesk.service.keys import Caller
from trustdesk.store.tables import MessageRow
from trustdesk.store.tables.oversight import FeedbackRow
from trustdesk.store.uow import UnitOfWork

RESOLVED_NOTICE = "This conversation was marked as resolved. Write again at any time to reopen it."


@dataclass(frozen=True)
class FeedbackView:
    id: str
    conversation_id: str
    decision_id: str | None
    rating: int
    created_at: datetime


def resolve(svc: Services, caller: Caller, conversation_id: str) -> ConversationView:
    """Close the conversation (owner or staff); a new customer message reopens it."""
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        if conv.state == ConversationState.CLOSED:
            raise Conflict(f"conversation {conversation_id} is already resolved")
        previous = conv.state
        now = utcnow()
        conv = uow.conversations.change(conv, state=ConversationState.CLOSED, updated_at=now)
        uow.messages.add(MessageRow(
            id=new_id(), conversation_id=conv.id, sender=Sender.SYSTEM.value,
            redacted_text=RESOLVED_NOTICE, original=None, pii_types=[], ai_generated=False,
            created_at=now,
        ))
        # a review still open has nothing left to answer: it stays for the record, unsent
        audit.append(uow, actor=f"key:{caller.key_id}", action="conversation.resolved",
                     subject_type="conversation", subject_id=conv.id,
                     payload={"from": previous.value, "by_role": caller.role.value})
        view = conversation_view(conv)
        uow.commit()
    return view


def give_feedback(svc: Services, caller: Caller, conversation_id: str, *, rating: int,
                  decision_id: str | None = None) -> FeedbackView:
    """A rating of 1-5 for the conversation, or for one AI answer in it (CSAT)."""
    if not 1 <= rating <= 5:
        raise InvalidInput("rating: must be a whole number from 1 to 5")
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id)
        if decision_id is not None:
            decision = uow.decisions.get(decision_id)
            if decision is None or decision.conversation_id != conv.id:
                raise NotFound(f"decision {decision_id} not found in this conversation")
        row = FeedbackRow(id=new_id(), conversation_id=conv.id, customer_id=conv.customer_id,
                          decision_id=decision_id, rating=rating,
                          given_by=caller.role.value, created_at=utcnow())
        uow.session.add(row)
        uow.flush()
        audit.append(uow, actor=f"key:{caller.key_id}", action="feedback.given",
                     subject_type="conversation", subject_id=conv.id,
                     payload={"rating": rating, "decision_id": decision_id,
                              "feedback_id": row.id})
        view = FeedbackView(row.id, row.conversation_id, row.decision_id, row.rating,
                            row.created_at)
        uow.commit()
    return view
