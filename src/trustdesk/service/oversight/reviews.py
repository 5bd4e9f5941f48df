"""The review queue: a person approves, edits or rejects what policy held back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import (
    Conversation,
    ConversationState,
    HandoffReason,
    Oversight,
    ReviewStatus,
    ReviewVerdict,
    Sender,
    new_id,
    utcnow,
)
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from trustdesk.domain.views import described
from trustdesk.oversight.bias import BANDS, band_label, band_of
from trustdesk.oversight.queue import Priority
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.conversations import validate_text
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.pseudonyms import redact_in_conversation
from trustdesk.store.tables import MessageRow, ReviewTaskRow
from trustdesk.store.uow import UnitOfWork

REJECTED_FALLBACK = "A member of our team will reply to you personally."


def rejection_notice(svc: Services, conv: Conversation, now: datetime) -> MessageRow:
    """What the customer is told when a reviewer rejects the draft: a person will reply."""
    notices = svc.path.notices
    text = (notices.render("review_rejected", conv.language, now) if notices is not None
            else REJECTED_FALLBACK)
    return MessageRow(id=new_id(), conversation_id=conv.id, sender=Sender.SYSTEM.value,
                      redacted_text=text, original=None, pii_types=[], ai_generated=False,
                      decision_id=None, created_at=now)


@dataclass(frozen=True)
class TrackRecord:
    """How often reviewers approved the AI's drafts at this confidence (past verdicts)."""

    confidence: float
    band: str
    verdicts: int
    approved_rate: float | None


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
    priority: str = field(default=Priority.NORMAL.label, metadata=described(
        "how urgent it is", enum=[p.label for p in Priority]))
    due_at: datetime | None = field(
        default=None, metadata=described("when the priority's SLA runs out"))
    overdue: bool = False
    escalated_at: datetime | None = field(
        default=None, metadata=described("when it was raised for being overdue"))
    language: str | None = None
    intent: str | None = None
    claimed_by: str | None = field(
        default=None, metadata=described("key id of the reviewer working it"))
    claimed_at: datetime | None = None
    reviewed_by: str | None = field(
        default=None, metadata=described("key id of the reviewer who decided"))
    ai_track_record: TrackRecord | None = field(default=None, metadata=described(
        "how often reviewers approved AI drafts at this confidence (past verdicts)"))


def _view(row: ReviewTaskRow, intent: str | None = None, now: datetime | None = None,
          record: TrackRecord | None = None) -> ReviewView:
    due = row.due_at
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
        priority=row.priority,
        due_at=due,
        overdue=(row.status == ReviewStatus.OPEN and due is not None
                 and due < (now or utcnow())),
        escalated_at=row.escalated_at,
        language=row.language,
        intent=intent,
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        reviewed_by=row.reviewer_key_id,
        ai_track_record=record,
    )


def _record(confidence: float, records: dict[int, tuple[int, int]]) -> TrackRecord:
    band = band_of(confidence)
    n, approved = records.get(band, (0, 0))
    return TrackRecord(round(confidence, 4), band_label(band), n,
                       round(approved / n, 4) if n else None)


def view_of(row: ReviewTaskRow) -> ReviewView:
    return _view(row)


def _require_staff(caller: Caller) -> None:
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may work the review queue")


def list_reviews(
    svc: Services, caller: Caller, *, status: ReviewStatus | None = ReviewStatus.OPEN,
    limit: int = 100, priority: str | None = None, language: str | None = None,
    intent: str | None = None, claimed: bool | None = None,
) -> list[ReviewView]:
    """The queue: escalated tasks first, then by priority and due time; filterable."""
    _require_staff(caller)
    now = utcnow()
    with UnitOfWork(svc.db) as uow:
        records = uow.reviews.track_record(BANDS)
        return [
            _view(r, intent_of, now, _record(confidence, records))
            for r, intent_of, confidence in uow.reviews.queue(
                status=status.value if status else None, priority=priority,
                language=language, intent=intent, claimed=claimed, limit=limit,
            )
        ]


def resolve_review(
    svc: Services, caller: Caller, task_id: str, verdict: ReviewVerdict, *, text: str | None = None
) -> ReviewView:
    """Apply a reviewer's verdict; the Decision is re-sealed with its new oversight state."""
    _require_staff(caller)
    if verdict is ReviewVerdict.EDIT:
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
        if task.claimed_by is not None and task.claimed_by != caller.key_id:
            raise Conflict("this review task is claimed by another reviewer; "
                           "they or an admin must release it first")
        decision = uow.decisions.get(task.decision_id)
        conv = uow.conversations.get(task.conversation_id, for_update=True)
        explanation = uow.decisions.explanation(task.decision_id)
        assert decision is not None and conv is not None and explanation is not None
        now = utcnow()
        sent: str | None = None
        if verdict is ReviewVerdict.APPROVE:
            task.status, decision.oversight, sent = "approved", Oversight.APPROVED, task.draft
        elif verdict is ReviewVerdict.EDIT:
            assert text is not None
            redaction, conv = redact_in_conversation(svc, uow, conv, text,
                                                     actor=f"key:{caller.key_id}")
            sent = redaction.text
            task.status, decision.oversight = "edited", Oversight.EDITED
        else:
            task.status, decision.oversight = "rejected", Oversight.REJECTED
            conv = uow.conversations.change(
                conv, state=ConversationState.HUMAN,
                handoff_code=decision.reason_code or HandoffReason.POLICY.value)
            uow.messages.add(rejection_notice(svc, conv, now))
        task.final_text, task.resolved_at, task.reviewer_key_id = sent, now, caller.key_id
        if sent is not None:
            uow.messages.add(
                MessageRow(
                    id=new_id(),
                    conversation_id=conv.id,
                    sender=(Sender.AI if verdict is ReviewVerdict.APPROVE else Sender.AGENT).value,
                    redacted_text=sent,
                    original=None,
                    pii_types=[],
                    ai_generated=verdict is ReviewVerdict.APPROVE,
                    decision_id=decision.id,
                    created_at=now,
                )
            )
        uow.conversations.change(conv, updated_at=now)
        uow.flush()
        audit.seal_decision(
            uow, decision, explanation, actor=f"key:{caller.key_id}",
            action=f"decision.{task.status}",
        )
        view = _view(task)
        uow.commit()
    return view
