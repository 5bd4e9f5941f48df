"""The review queue: a person approves, edits or rejects what policy held back."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import ConversationState, Oversight, ReviewStatus, Sender, new_id, utcnow
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.conversations import validate_text
from trustdesk.service.errors import Conflict, Forbidden, InvalidInput, NotFound
from trustdesk.service.keys import Caller
from trustdesk.service.pseudonyms import redact_in_conversation
from trustdesk.store.tables import MessageRow, ReviewTaskRow
from trustdesk.store.uow import UnitOfWork


class Verdict(enum.StrEnum):
    APPROVE = "approve"
    EDIT = "edit"
    REJECT = "reject"


@dataclass(frozen=True)
class ReviewView:
    id: str
    decision_id: str
    conversation_id: str
    status: ReviewStatus
    reason: str
    draft: str
    final_text: str | None
    created_at: datetime
    resolved_at: datetime | None


def _view(row: ReviewTaskRow) -> ReviewView:
    return ReviewView(
        id=row.id,
        decision_id=row.decision_id,
        conversation_id=row.conversation_id,
        status=ReviewStatus(row.status),
        reason=row.reason,
        draft=row.draft,
        final_text=row.final_text,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
    )


def _require_staff(caller: Caller) -> None:
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may work the review queue")


def list_reviews(
    svc: Services, caller: Caller, *, status: ReviewStatus | None = ReviewStatus.OPEN,
    limit: int = 100,
) -> list[ReviewView]:
    _require_staff(caller)
    with UnitOfWork(svc.db) as uow:
        return [_view(r) for r in uow.reviews.by_status(status.value if status else None, limit)]


def resolve_review(
    svc: Services, caller: Caller, task_id: str, verdict: Verdict, *, text: str | None = None
) -> ReviewView:
    """Apply a reviewer's verdict; the Decision is re-sealed with its new oversight state."""
    _require_staff(caller)
    if verdict is Verdict.EDIT:
        if text is None:
            raise InvalidInput("an edit needs the text to send")
        validate_text(text, svc.settings.max_message_chars)
    elif text is not None:
        raise InvalidInput(f"text is only allowed with verdict 'edit', not {verdict.value!r}")
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        task = uow.reviews.get(task_id, for_update=True)
        if task is None:
            raise NotFound("review task not found")
        if task.status != ReviewStatus.OPEN:
            raise Conflict(f"this review task is already {task.status}")
        decision = uow.decisions.get(task.decision_id)
        conv = uow.conversations.get(task.conversation_id, for_update=True)
        explanation = uow.decisions.explanation(task.decision_id)
        assert decision is not None and conv is not None and explanation is not None
        now = utcnow()
        sent: str | None = None
        if verdict is Verdict.APPROVE:
            task.status, decision.oversight, sent = "approved", Oversight.APPROVED, task.draft
        elif verdict is Verdict.EDIT:
            assert text is not None
            sent = redact_in_conversation(svc, uow, conv, text, actor=f"key:{caller.key_id}").text
            task.status, decision.oversight = "edited", Oversight.EDITED
        else:
            task.status, decision.oversight = "rejected", Oversight.REJECTED
            conv.state = ConversationState.HUMAN.value
        task.final_text, task.resolved_at, task.reviewer_key_id = sent, now, caller.key_id
        if sent is not None:
            uow.messages.add(
                MessageRow(
                    id=new_id(),
                    conversation_id=conv.id,
                    sender=(Sender.AI if verdict is Verdict.APPROVE else Sender.AGENT).value,
                    redacted_text=sent,
                    original=None,
                    pii_types=[],
                    ai_generated=verdict is Verdict.APPROVE,
                    decision_id=decision.id,
                    created_at=now,
                )
            )
        conv.updated_at = now
        uow.flush()
        audit.seal_decision(
            uow, decision, explanation, actor=f"key:{caller.key_id}",
            action=f"decision.{task.status}",
        )
        view = _view(task)
        uow.commit()
    return view
