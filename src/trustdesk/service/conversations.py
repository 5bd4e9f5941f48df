"""Conversations: start one, hand off to a human, read the transcript; who may see which."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import (
    Conversation,
    ConversationState,
    HandoffReason,
    Role,
    Sender,
    new_id,
    utcnow,
)
from trustdesk.domain.errors import Forbidden, InvalidInput, NotFound
from trustdesk.domain.text import text_problem
from trustdesk.domain.views import described
from trustdesk.privacy.access import refusals_logged
from trustdesk.service.context import Services
from trustdesk.service.identity import Claim, new_conversation_token, token_hash, token_matches
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.pseudonyms import redact_in_conversation
from trustdesk.store.tables import (
    ConversationRow,
    CustomerRow,
    MessageRow,
)
from trustdesk.store.uow import UnitOfWork

CHANNELS = ("chat", "email", "api")
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")


@dataclass(frozen=True)
class ConversationView:
    id: str
    customer_id: str
    state: ConversationState
    channel: str
    ai_opt_out: bool
    created_at: datetime
    identity_verified: bool = field(metadata=described(
        "Linked to its customer by a signed reference (or an admin key); "
        "false: an anonymous customer of its own."))
    handoff_code: HandoffReason | None = field(
        default=None, metadata=described("why a person has the conversation (its reason code)"))


@dataclass(frozen=True)
class NewConversation(ConversationView):
    """A conversation just started, with its token (shown once; None for staff)."""

    conversation_token: str | None = field(default=None, metadata=described(
        "Shown once, to the widget key that started the conversation: send it as "
        "X-Conversation-Token on every later call about it. null for staff keys."))


def validate_text(text: str, max_chars: int) -> str:
    """Reject what no support message can be; the error says which rule it broke."""
    if len(text) > max_chars:
        raise InvalidInput(f"text is {len(text)} characters; the limit is {max_chars}")
    problem = text_problem(text)
    if problem is not None:
        raise InvalidInput(f"text {problem}")
    return text


def visible_conversation(uow: UnitOfWork, caller: Caller, conversation_id: str,
                         *, for_update: bool = False) -> Conversation:
    """The conversation if this caller may see it; a widget sees only its own, and only
    with the conversation's token.

    Conversations of an erased customer are gone for everyone.
    """
    conv = uow.conversations.get(conversation_id, for_update=for_update)
    if conv is None:
        raise NotFound("conversation not found (none with this id is visible to your key)")
    _entitled(caller, conversation_id, conv.api_key_id, conv.erased_at, conv.token_hash)
    return conv


def _entitled(caller: Caller, conversation_id: str, api_key_id: str,
              erased_at: datetime | None, token_hash: str | None) -> None:
    # Not "forbidden": whether someone else's conversation exists is not ours to tell, and
    # a missing token gets the same answer as a wrong one.
    if erased_at is not None or (not caller.is_staff() and (
        api_key_id != caller.key_id
        or not token_matches(token_hash, caller.conversation_token)
    )):
        raise NotFound("conversation not found (none with this id is visible to your key)")


def conversation_of_token(uow: UnitOfWork, caller: Caller) -> Conversation | None:
    """The conversation whose token this widget presented (it proves which customer it
    speaks for), or None."""
    if caller.conversation_token is None:
        return None
    conv = uow.conversations.by_token_hash(token_hash(caller.conversation_token))
    return conv if conv is not None and conv.api_key_id == caller.key_id else None


def conversation_view(conv: Conversation) -> ConversationView:
    return ConversationView(
        id=conv.id,
        customer_id=conv.customer_id,
        state=conv.state,
        channel=conv.channel,
        ai_opt_out=conv.ai_opt_out,
        created_at=conv.created_at,
        identity_verified=conv.identity_verified,
        handoff_code=HandoffReason(conv.handoff_code) if conv.handoff_code else None,
    )


def _claimed_customer(svc: Services, caller: Caller, customer_ref: str | None,
                      customer_token: str | None, identifier_hash: str | None) -> Claim:
    """Whose conversation this is: a verified reference, or nobody known (anonymous)."""
    if customer_ref is not None:
        _check_ref(svc, customer_ref)
    if caller.role is Role.ADMIN and customer_token is None and identifier_hash is None:
        # an admin key is the deployer's back end itself: its reference needs no signature
        return Claim(customer_ref, customer_ref is not None)
    claim = svc.identity.check(customer_ref=customer_ref, customer_token=customer_token,
                               identifier_hash_hex=identifier_hash)
    if claim.verified:
        assert claim.ref is not None
        _check_ref(svc, claim.ref)
        return claim
    if claim.problem is not None and svc.settings.require_identity_verification:
        raise Forbidden(
            f"this deployment links conversations to customers only with a signed reference "
            f"(customer_token or identifier_hash), and {claim.problem}"
        )
    return Claim(None, False, claim.problem)  # an anonymous customer of its own


def _check_ref(svc: Services, ref: str) -> None:
    if not _REF.match(ref):
        raise InvalidInput("customer_ref must be 1-128 letters, digits or . _ : - (an opaque id)")
    if svc.guard.detect(ref):
        raise InvalidInput("customer_ref looks like personal data; use an opaque id")


def start_conversation(
    svc: Services,
    caller: Caller,
    *,
    customer_ref: str | None = None,
    customer_token: str | None = None,
    identifier_hash: str | None = None,
    channel: str = "chat",
    ai_opt_out: bool = False,
) -> NewConversation:
    """Open a conversation for a (new or returning) customer; opting out of AI is sticky.

    Only a verified reference (signed by the deployer, or given with an admin key) links the
    conversation to an existing customer; any other start gets an anonymous customer.
    """
    if caller.role is Role.AGENT:
        raise Forbidden("agent keys cannot start conversations; use a widget or admin key")
    if channel not in CHANNELS:
        raise InvalidInput(f"channel must be one of {', '.join(CHANNELS)}")
    if identifier_hash is not None and customer_ref is None:
        raise InvalidInput("identifier_hash needs the customer_ref it signs")
    if identifier_hash is not None and customer_token is not None:
        raise InvalidInput("send customer_token or identifier_hash, not both")
    claim = _claimed_customer(svc, caller, customer_ref, customer_token, identifier_hash)
    token, digest = new_conversation_token() if not caller.is_staff() else (None, None)
    now = utcnow()
    with UnitOfWork(svc.db, write=True) as uow:
        customer = uow.customers.by_external_ref(claim.ref) if claim.ref else None
        if customer is not None and customer.erased_at is not None:
            raise InvalidInput("this customer was erased; use a new customer_ref")
        if customer is None:
            customer = CustomerRow(
                id=new_id(), external_ref=claim.ref, ai_opt_out=False, created_at=now
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
        row = ConversationRow(
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
            token_hash=digest,
            identity_verified=claim.verified,
        )
        conv = uow.conversations.add(row, ai_opt_out=customer.ai_opt_out)
        view = NewConversation(**vars(conversation_view(conv)), conversation_token=token)
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
        redaction, conv = redact_in_conversation(svc, uow, conv, text,
                                                 actor=f"key:{caller.key_id}")
        redacted = redaction.text
        now = utcnow()
        changes: dict[str, object] = {"updated_at": now}
        if conv.state != ConversationState.HUMAN:
            audit.append(
                uow,
                actor=f"key:{caller.key_id}",
                action="conversation.taken_over",
                subject_type="conversation",
                subject_id=conv.id,
                payload={"from": conv.state.value, "by_role": caller.role.value},
            )
            changes.update(state=ConversationState.HUMAN, handoff_reason="taken over by an agent")
        conv = uow.conversations.change(conv, **changes)
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
        return conversation_view(visible_conversation(uow, caller, conversation_id))


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
