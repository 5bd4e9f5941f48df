"""Conversations: start one, hand off to a human, read the transcript; who may see which."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from trustdesk.accountability import audit
from trustdesk.domain import (
    ConversationState,
    Sender,
    new_id,
    utcnow,
)
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.errors import Forbidden, InvalidInput, NotFound
from trustdesk.service.keys import Caller
from trustdesk.service.pseudonyms import redact_in_conversation
from trustdesk.store.tables import (
    ConversationRow,
    CustomerRow,
    MessageRow,
)
from trustdesk.store.uow import UnitOfWork

CHANNELS = ("chat", "email", "api")
# C0 controls other than tab, newline and carriage return, and DEL: never valid in a message.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")


@dataclass(frozen=True)
class ConversationView:
    id: str
    customer_id: str
    state: ConversationState
    channel: str
    ai_opt_out: bool
    created_at: datetime
    handoff_code: str | None = None  # why a person has it (a HandoffReason value)


def validate_text(text: str, max_chars: int) -> str:
    """Reject what no support message can be; the error says which rule it broke."""
    if not text.strip():
        raise InvalidInput("text must not be empty")
    if len(text) > max_chars:
        raise InvalidInput(f"text is {len(text)} characters; the limit is {max_chars}")
    bad = _CONTROL.search(text)
    if bad is not None:
        raise InvalidInput(
            f"text contains a control character (U+{ord(bad.group()):04X}) at {bad.start()}"
        )
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise InvalidInput("text contains an unpaired UTF-16 surrogate")
    return text


def visible_conversation(uow: UnitOfWork, caller: Caller, conversation_id: str,
                         *, for_update: bool = False) -> ConversationRow:
    """The conversation if this caller may see it; a widget sees only its own.

    Conversations of an erased customer are gone for everyone.
    """
    return visible_with_customer(uow, caller, conversation_id, for_update=for_update)[0]


def visible_with_customer(
    uow: UnitOfWork, caller: Caller, conversation_id: str, *, for_update: bool = False
) -> tuple[ConversationRow, CustomerRow]:
    """As visible_conversation, with the customer from the same query.

    Keep the customer referenced: the session's identity map holds rows weakly, so a
    dropped row is read again by the next get().
    """
    found = uow.conversations.with_customer(conversation_id, for_update=for_update)
    if found is None:
        raise NotFound(f"conversation {conversation_id} not found")
    conv, customer = found
    _entitled(caller, conversation_id, conv.api_key_id, customer.erased_at)
    return conv, customer


def visible_snapshot(
    uow: UnitOfWork, caller: Caller, conversation_id: str, *, for_update: bool = False
) -> Row[Any]:
    """As visible_with_customer, as one read-only Core row with the customer's `ai_opt_out`
    and `erased_at` (the message path, which writes back with set_values())."""
    row = uow.conversations.snapshot(conversation_id, for_update=for_update)
    if row is None:
        raise NotFound(f"conversation {conversation_id} not found")
    _entitled(caller, conversation_id, row.api_key_id, row.erased_at)
    return row


def _entitled(caller: Caller, conversation_id: str, api_key_id: str,
              erased_at: datetime | None) -> None:
    # Not "forbidden": whether someone else's conversation exists is not ours to tell.
    if (not caller.is_staff() and api_key_id != caller.key_id) or erased_at is not None:
        raise NotFound(f"conversation {conversation_id} not found")


def _view(conv: ConversationRow, customer: CustomerRow) -> ConversationView:
    return ConversationView(
        id=conv.id,
        customer_id=conv.customer_id,
        state=ConversationState(conv.state),
        channel=conv.channel,
        ai_opt_out=customer.ai_opt_out,
        created_at=conv.created_at,
        handoff_code=conv.handoff_code,
    )


def start_conversation(
    svc: Services,
    caller: Caller,
    *,
    customer_ref: str | None = None,
    channel: str = "chat",
    ai_opt_out: bool = False,
) -> ConversationView:
    """Open a conversation for a (new or returning) customer; opting out of AI is sticky."""
    if channel not in CHANNELS:
        raise InvalidInput(f"channel must be one of {', '.join(CHANNELS)}")
    if customer_ref is not None:
        if not _REF.match(customer_ref):
            raise InvalidInput(
                "customer_ref must be 1-128 letters, digits or . _ : - (an opaque id)"
            )
        if svc.guard.detect(customer_ref):
            raise InvalidInput("customer_ref looks like personal data; use an opaque id")
    now = utcnow()
    with UnitOfWork(svc.db, write=True) as uow:
        customer = uow.customers.by_external_ref(customer_ref) if customer_ref else None
        if customer is not None and customer.erased_at is not None:
            raise InvalidInput("this customer was erased; use a new customer_ref")
        if customer is None:
            customer = CustomerRow(
                id=new_id(), external_ref=customer_ref, ai_opt_out=False, created_at=now
            )
            uow.customers.add(customer)
            uow.flush()
            svc.vault.create_key(uow, customer.id)
        if ai_opt_out and not customer.ai_opt_out:
            customer.ai_opt_out = True
            audit.append(
                uow,
                actor=f"key:{caller.key_id}",
                action="customer.ai_opt_out",
                subject_type="customer",
                subject_id=customer.id,
                payload={"ai_opt_out": True},
            )
        conv = ConversationRow(
            id=new_id(),
            customer_id=customer.id,
            api_key_id=caller.key_id,
            channel=channel,
            state=(ConversationState.HUMAN if customer.ai_opt_out else ConversationState.AI),
            disclosed=False,
            pseudonyms=None,
            pseudonym_rev=0,
            created_at=now,
            updated_at=now,
        )
        uow.conversations.add(conv)
        view = _view(conv, customer)
        uow.commit()
    return view


def agent_reply(
    svc: Services, caller: Caller, conversation_id: str, text: str
) -> MessageView:
    """A person answers in the conversation; on an AI conversation this takes it over.

    The text is stored redacted (as everything is) and its original encrypted under the
    customer's key, so that an export gives the customer what the agent wrote.
    """
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may reply as a person")
    validate_text(text, svc.settings.max_message_chars)
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        redaction = redact_in_conversation(svc, uow, conv, text, actor=f"key:{caller.key_id}")
        redacted = redaction.text
        now = utcnow()
        if conv.state != ConversationState.HUMAN:
            audit.append(
                uow,
                actor=f"key:{caller.key_id}",
                action="conversation.taken_over",
                subject_type="conversation",
                subject_id=conv.id,
                payload={"from": conv.state, "by_role": caller.role.value},
            )
            conv.state = ConversationState.HUMAN.value
            conv.handoff_reason = "taken over by an agent"
        conv.updated_at = now
        message_id = new_id()
        row = MessageRow(
            id=message_id,
            conversation_id=conv.id,
            sender=Sender.AGENT.value,
            redacted_text=redacted,
            original=svc.vault.encrypt(uow, conv.customer_id, text.encode(), message_id.encode()),
            pii_types=sorted({f.entity for f in redaction.findings}),
            ai_generated=False,
            decision_id=None,
            created_at=now,
        )
        uow.messages.add(row)
        view = MessageView(row.id, Sender.AGENT, redacted, False, None, now)
        uow.commit()
    return view


def get_conversation(svc: Services, caller: Caller, conversation_id: str) -> ConversationView:
    with UnitOfWork(svc.db) as uow:
        conv = visible_conversation(uow, caller, conversation_id)
        customer = uow.customers.get(conv.customer_id)
        assert customer is not None
        return _view(conv, customer)


@dataclass(frozen=True)
class MessageView:
    id: str
    sender: Sender
    text: str
    ai_generated: bool
    decision_id: str | None
    created_at: datetime


def list_messages(svc: Services, caller: Caller, conversation_id: str) -> list[MessageView]:
    """The transcript as stored: customer text redacted, replies as sent."""
    with UnitOfWork(svc.db) as uow:
        visible_conversation(uow, caller, conversation_id)
        return [
            MessageView(
                id=m.id,
                sender=Sender(m.sender),
                text=m.redacted_text,
                ai_generated=m.ai_generated,
                decision_id=m.decision_id,
                created_at=m.created_at,
            )
            for m in uow.messages.in_conversation(conversation_id)
        ]
