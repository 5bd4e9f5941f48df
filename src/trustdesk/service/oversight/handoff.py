"""Handing a conversation to a person with a reason code, and handing it back to the AI."""

from __future__ import annotations

from trustdesk.accountability import audit
from trustdesk.domain import (
    Conversation,
    ConversationState,
    HandoffReason,
    Sender,
    new_id,
    utcnow,
)
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput
from trustdesk.oversight.availability import OPTIONAL_MESSAGES
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.conversations import (
    ConversationView,
    conversation_view,
    validate_text,
    visible_conversation,
)
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.pseudonyms import redact_in_conversation
from trustdesk.store.tables import MessageRow
from trustdesk.store.uow import UnitOfWork

MAX_NOTE_CHARS = 1000
FALLBACK_HANDOFF = "A member of our team will take over from here."
FALLBACK_HAND_BACK = "You are chatting with our AI assistant again."


def reason_code(value: str | None, caller: Caller) -> HandoffReason:
    """The code given, or the one a call without it means; a 422 lists the allowed codes."""
    if value is None:
        return HandoffReason.CUSTOMER_REQUEST if not caller.is_staff() else HandoffReason.POLICY
    try:
        return HandoffReason.parse(value)
    except ValueError as exc:
        raise InvalidInput(f"reason_code: {exc}") from None


def _notice(svc: Services, conv: Conversation, message: str) -> str:
    notices = svc.path.notices
    if notices is None:
        return {"handoff": FALLBACK_HANDOFF, "hand_back": FALLBACK_HAND_BACK}.get(
            message) or OPTIONAL_MESSAGES[message]
    if message == "handoff":
        return notices.handoff(conv.language, utcnow())
    return notices.render(message, conv.language, utcnow())


def tell_customer(svc: Services, uow: UnitOfWork, conv: Conversation, message: str) -> None:
    """A system message to the customer, in their language: `message` names the notice."""
    _system_message(uow, conv, _notice(svc, conv, message))


def _system_message(uow: UnitOfWork, conv: Conversation, text: str) -> None:
    uow.messages.add(MessageRow(
        id=new_id(), conversation_id=conv.id, sender=Sender.SYSTEM.value, redacted_text=text,
        original=None, pii_types=[], ai_generated=False, created_at=utcnow(),
    ))


def handoff(svc: Services, caller: Caller, conversation_id: str, *,
            reason_code_value: str | None = None, note: str | None = None) -> ConversationView:
    """Hand the conversation to a person, from any state; calling it twice is harmless.

    The customer is told what happens next and roughly when, in their language; the AI stays
    silent until a person hands the conversation back.
    """
    code = reason_code(reason_code_value, caller)
    if note is not None:
        validate_text(note, MAX_NOTE_CHARS)
    actor = f"key:{caller.key_id}"
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        if conv.state != ConversationState.HUMAN:
            stored = None
            if note:
                redaction, conv = redact_in_conversation(svc, uow, conv, note, actor=actor)
                stored = redaction.text
            conv = to_person(svc, uow, conv, caller, code, stored or "requested")
        view = conversation_view(conv)
        uow.commit()
    return view


def to_person(svc: Services, uow: UnitOfWork, conv: Conversation, caller: Caller,
              code: HandoffReason, reason: str, *, notice: str = "handoff") -> Conversation:
    """In the caller's unit of work: the conversation goes to a person (it is not with one),
    the customer reads `notice`, and the handoff is audited."""
    previous = conv.state
    conv = uow.conversations.change(conv, state=ConversationState.HUMAN, updated_at=utcnow(),
                                    handoff_reason=reason, handoff_code=code.value)
    _system_message(uow, conv, _notice(svc, conv, notice))
    audit.append(
        uow, actor=f"key:{caller.key_id}", action="conversation.handoff",
        subject_type="conversation", subject_id=conv.id,
        payload={"from": previous.value, "by_role": caller.role.value,
                 "reason_code": code.value},
    )
    return conv


def hand_back(svc: Services, caller: Caller, conversation_id: str) -> ConversationView:
    """A person gives the conversation back to the AI (audited); the customer is told."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may hand a conversation back to the AI")
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        if conv.state != ConversationState.HUMAN:
            raise Conflict(f"conversation {conversation_id} is {conv.state.value}, "
                           "not with a person")
        if conv.ai_opt_out:
            raise Conflict("the customer opted out of AI; only people answer them")
        previous_code = conv.handoff_code
        conv = uow.conversations.change(conv, state=ConversationState.AI, handoff_reason=None,
                                        handoff_code=None, updated_at=utcnow())
        _system_message(uow, conv, _notice(svc, conv, "hand_back"))
        audit.append(
            uow, actor=f"key:{caller.key_id}", action="conversation.handed_back",
            subject_type="conversation", subject_id=conv.id,
            payload={"by_role": caller.role.value, "reason_code": previous_code},
        )
        view = conversation_view(conv)
        uow.commit()
    return view
