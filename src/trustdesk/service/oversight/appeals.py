"""A customer contests a decision; a person looks at it again and upholds or overturns it.

Contesting hands the conversation to a person (reason code `customer_request`) if it is not
with one already, so the AI stays silent until the appeal is dealt with. Every step is audited;
the reason and the outcome note are redacted like any text written into the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from trustdesk.accountability import audit
from trustdesk.domain import ConversationState, HandoffReason, new_id, utcnow
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from trustdesk.domain.views import described
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.conversations import validate_text, visible_conversation
from trustdesk.service.keys import Caller
from trustdesk.service.oversight.handoff import tell_customer, to_person
from trustdesk.service.privacy.pseudonyms import redact_in_conversation
from trustdesk.store.tables.oversight import AppealRow
from trustdesk.store.uow import UnitOfWork

MAX_REASON_CHARS = 1000
MAX_LISTED = 500
NOT_VISIBLE = "decision not found (none with this id is visible to your key)"


class AppealStatus(StrEnum):
    OPEN = "open"
    UPHELD = "upheld"  # the person kept the decision
    OVERTURNED = "overturned"  # the person changed it


@dataclass(frozen=True)
class AppealView:
    id: str
    decision_id: str = field(metadata=described("the contested decision"))
    conversation_id: str
    status: AppealStatus = field(metadata=described(
        "open until a person decides: upheld (the decision stands) or overturned (changed)"))
    reason: str | None = field(metadata=described(
        "why the customer contests it, redacted (placeholders instead of personal data)"))
    opened_by_role: str = field(metadata=described(
        "the role of the key that opened it (widget: the customer)"))
    created_at: datetime
    decided_by_role: str | None = field(metadata=described(
        "the deciding person's role (never their name or key)"))
    decided_at: datetime | None
    outcome_note: str | None = field(metadata=described(
        "the team's note, redacted; shown to agent and admin keys only"))


def appeal_view(row: AppealRow) -> AppealView:
    return AppealView(
        id=row.id, decision_id=row.decision_id, conversation_id=row.conversation_id,
        status=AppealStatus(row.status), reason=row.reason, opened_by_role=row.opened_by,
        created_at=row.created_at, decided_by_role=row.decided_by_role,
        decided_at=row.decided_at, outcome_note=row.outcome_note,
    )


def contest(svc: Services, caller: Caller, decision_id: str, *,
            reason: str | None = None) -> AppealView:
    """Open an appeal against one decision (its customer, or staff on their behalf)."""
    if reason is not None:
        validate_text(reason, MAX_REASON_CHARS)
    actor = f"key:{caller.key_id}"
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        decision = uow.decisions.get(decision_id)
        if decision is None:
            raise NotFound(NOT_VISIBLE)
        try:
            conv = visible_conversation(uow, caller, decision.conversation_id, for_update=True)
        except NotFound:
            raise NotFound(NOT_VISIBLE) from None
        if uow.appeals.of_decision(decision_id) is not None:
            raise Conflict("this decision is already contested; its appeal is listed in the "
                           "decision's explanation")
        stored = None
        if reason:
            redaction, conv = redact_in_conversation(svc, uow, conv, reason, actor=actor)
            stored = redaction.text
        row = AppealRow(id=new_id(), decision_id=decision_id, conversation_id=conv.id,
                        customer_id=conv.customer_id, reason=stored,
                        status=AppealStatus.OPEN.value, opened_by=caller.role.value,
                        created_at=utcnow())
        uow.appeals.add(row)
        if conv.state != ConversationState.HUMAN:
            conv = to_person(svc, uow, conv, caller, HandoffReason.CUSTOMER_REQUEST, "appeal",
                             notice="appeal_received")
        else:
            tell_customer(svc, uow, conv, "appeal_received")
        uow.flush()
        audit.append(uow, actor=actor, action="decision.appealed", subject_type="decision",
                     subject_id=decision_id,
                     payload={"appeal_id": row.id, "by_role": caller.role.value,
                              "decision_kind": decision.kind,
                              "reason_code": decision.reason_code})
        view = appeal_view(row)
        uow.commit()
    return view


def decide(svc: Services, caller: Caller, appeal_id: str, *, outcome: AppealStatus,
           note: str | None = None) -> AppealView:
    """A person upholds or overturns the contested decision; the customer is told which."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may decide an appeal")
    if outcome is AppealStatus.OPEN:
        raise InvalidInput("outcome: must be 'upheld' or 'overturned'")
    if note is not None:
        validate_text(note, MAX_REASON_CHARS)
    actor = f"key:{caller.key_id}"
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        row = uow.appeals.get(appeal_id, for_update=True)
        if row is None:
            raise NotFound("appeal not found")
        if row.status != AppealStatus.OPEN.value:
            raise Conflict(f"this appeal was already decided ({row.status})")
        conv = visible_conversation(uow, caller, row.conversation_id, for_update=True)
        if note:
            redaction, conv = redact_in_conversation(svc, uow, conv, note, actor=actor)
            row.outcome_note = redaction.text
        row.status, row.decided_at = outcome.value, utcnow()
        row.decided_by, row.decided_by_role = actor, caller.role.value
        tell_customer(svc, uow, conv, f"appeal_{outcome.value}")
        audit.append(uow, actor=actor, action="appeal.decided", subject_type="decision",
                     subject_id=row.decision_id,
                     payload={"appeal_id": row.id, "outcome": outcome.value,
                              "by_role": caller.role.value})
        view = appeal_view(row)
        uow.commit()
    return view


def list_appeals(svc: Services, caller: Caller, *, status: AppealStatus | None = None,
                 limit: int = 100) -> list[AppealView]:
    """The appeals a team works from, oldest first (agent or admin)."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may list appeals")
    if not 1 <= limit <= MAX_LISTED:
        raise InvalidInput(f"limit: must be from 1 to {MAX_LISTED}")
    with UnitOfWork(svc.db) as uow:
        rows = uow.appeals.listing(status=None if status is None else status.value, limit=limit)
        return [appeal_view(r) for r in rows]


def appeal_of(uow: UnitOfWork, decision_id: str) -> AppealView | None:
    row = uow.appeals.of_decision(decision_id)
    return None if row is None else appeal_view(row)
