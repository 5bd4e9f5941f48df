"""Conversations: start one, post a customer message through the path, hand off to a human."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from trustdesk.accountability import audit
from trustdesk.domain import (
    ConversationState,
    DecisionKind,
    Oversight,
    ReviewStatus,
    Role,
    Sender,
    Source,
    new_id,
    utcnow,
)
from trustdesk.path import Analysis
from trustdesk.privacy.access import AccessEntry, DataCategory, record, refusals_logged
from trustdesk.privacy.consent import ConsentRecordLike, Purpose, latest_by_purpose
from trustdesk.privacy.pii import PseudonymTable
from trustdesk.service.context import Services
from trustdesk.service.errors import Forbidden, InvalidInput, NotFound
from trustdesk.service.keys import Caller
from trustdesk.service.privacy_context import Governance, governance
from trustdesk.store.tables import (
    ConversationRow,
    CustomerRow,
    DecisionRow,
    ExplanationRow,
    MessageRow,
    ReviewTaskRow,
)
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.explain import AI_DISCLOSURE, explanation_payload

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


@dataclass(frozen=True)
class Reply:
    message_id: str
    text: str
    ai_generated: bool
    disclosure: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class MessageOutcome:
    conversation_id: str
    message_id: str
    stored_text: str  # the redacted text that was stored and that the models saw
    pii_types: tuple[str, ...]
    state: ConversationState
    reply: Reply | None
    decision_id: str | None
    decision_kind: DecisionKind | None
    oversight: Oversight | None


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
    if not caller.is_staff() and conv.api_key_id != caller.key_id:
        raise NotFound(f"conversation {conversation_id} not found")
    if customer.erased_at is not None:
        raise NotFound(f"conversation {conversation_id} not found")
    return conv, customer


def _view(conv: ConversationRow, customer: CustomerRow) -> ConversationView:
    return ConversationView(
        id=conv.id,
        customer_id=conv.customer_id,
        state=ConversationState(conv.state),
        channel=conv.channel,
        ai_opt_out=customer.ai_opt_out,
        created_at=conv.created_at,
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


@dataclass
class _Reader:
    """Who reads the pseudonym table in post_message, for which purpose, and the log lines."""

    gov: Governance
    actor: str
    consents: dict[str, ConsentRecordLike]
    pending: list[AccessEntry]


def _table(uow: UnitOfWork, conv: ConversationRow, reader: _Reader) -> PseudonymTable:
    # Reading the table is a read of personal data for purpose "support" (logged).
    kwargs = {
        "actor": reader.actor, "customer_id": conv.customer_id, "purpose": Purpose.SUPPORT.value,
        "category": DataCategory.PSEUDONYM_TABLE, "consents": reader.consents,
        "pending": reader.pending,
    }
    if conv.pseudonyms is None:
        reader.gov.access.check(uow, **kwargs)  # type: ignore[arg-type]
        return PseudonymTable()
    plain = reader.gov.access.open(
        uow, blob=conv.pseudonyms, aad=_table_aad(conv.id), **kwargs  # type: ignore[arg-type]
    )
    return PseudonymTable.from_json(plain)


def _ai_allowed(gov: Governance, customer: CustomerRow | None,
                consents: dict[str, ConsentRecordLike]) -> bool:
    """No model may see the message once the customer opted out or objected to AI."""
    if customer is None or customer.ai_opt_out:
        return False
    latest = consents.get(Purpose.AI_ASSISTANCE.value)
    return gov.policy.permission(Purpose.AI_ASSISTANCE, latest).allowed


def _table_aad(conversation_id: str) -> bytes:
    return b"pseudonyms:" + conversation_id.encode()


@dataclass
class _Prepared:
    rev: int
    state: str
    table: PseudonymTable
    stored_text: str
    pii_types: tuple[str, ...]
    table_changed: bool
    analysis: Analysis | None


def _prepare(svc: Services, uow: UnitOfWork, conv: ConversationRow, text: str,
             findings: list, ai_allowed: bool,  # type: ignore[type-arg]
             reader: _Reader) -> _Prepared:
    table = _table(uow, conv, reader)
    before = table.to_json()
    redaction = svc.guard.redact(text, findings, table)
    categories = svc.guard.categories(findings)
    analysis = (
        svc.path.analyse(redaction.text, data_categories=categories)
        if ai_allowed and conv.state == ConversationState.AI
        else None
    )
    return _Prepared(
        rev=conv.pseudonym_rev,
        state=conv.state,
        table=table,
        stored_text=redaction.text,
        pii_types=tuple(sorted({f.entity for f in findings})),
        table_changed=table.to_json() != before,
        analysis=analysis,
    )


def post_message(svc: Services, caller: Caller, conversation_id: str, text: str) -> MessageOutcome:
    """Run one customer message through the whole path and record what happened."""
    if caller.role is Role.AGENT:
        raise Forbidden("agents answer through the review queue, not as the customer")
    validate_text(text, svc.settings.max_message_chars)
    gov = governance(svc)
    with svc.path_slots:
        findings = svc.guard.detect(text)  # outside any transaction
        with refusals_logged(svc.db):
            return _post(svc, gov, caller, conversation_id, text, findings)


def _post(svc: Services, gov: Governance, caller: Caller, conversation_id: str, text: str,
          findings: list) -> MessageOutcome:  # type: ignore[type-arg]
    actor = f"key:{caller.key_id}"
    with UnitOfWork(svc.db) as uow:
        conv, customer = visible_with_customer(uow, caller, conversation_id)
        consents = dict(latest_by_purpose(uow.consents.history(conv.customer_id)))
        reader = _Reader(gov, actor, consents, [])
        ai_allowed = _ai_allowed(gov, customer, consents)
        prepared = _prepare(svc, uow, conv, text, findings, ai_allowed, reader)

    with UnitOfWork(svc.db, write=True) as uow:
        # Check again at write time: the customer may have opted out (or withdrawn
        # ai_assistance, which sets the same flag) while the models were thinking.
        conv, customer = visible_with_customer(uow, caller, conversation_id, for_update=True)
        ai_now = ai_allowed and customer is not None and not customer.ai_opt_out
        if conv.pseudonym_rev != prepared.rev or conv.state != prepared.state:
            # Another message of this conversation landed meanwhile: redo on fresh state.
            prepared = _prepare(svc, uow, conv, text, findings, ai_now, reader)
        elif not ai_now:
            prepared.analysis = None  # the draft is dropped: nothing of it is recorded
        if not ai_now and conv.state == ConversationState.AI:
            # No model may answer this customer any more: a person takes over.
            conv.state = ConversationState.HUMAN.value
            conv.handoff_reason = "ai_opt_out"
        record(uow, reader.pending)
        now = utcnow()
        message_id = new_id()
        uow.messages.add(
            MessageRow(
                id=message_id,
                conversation_id=conv.id,
                sender=Sender.CUSTOMER.value,
                redacted_text=prepared.stored_text,
                original=svc.vault.encrypt(
                    uow, conv.customer_id, text.encode(), message_id.encode()
                ),
                pii_types=list(prepared.pii_types),
                ai_generated=False,
                created_at=now,
            )
        )
        if prepared.table_changed:
            conv.pseudonyms = svc.vault.encrypt(
                uow, conv.customer_id, prepared.table.to_json(), _table_aad(conv.id)
            )
            conv.pseudonym_rev += 1
        conv.updated_at = now
        reply: Reply | None = None
        decision: DecisionRow | None = None
        if prepared.analysis is not None:
            uow.flush()  # the decision references the message row (no relationship orders them)
            decision, reply = _record(uow, conv, message_id, prepared, caller, now)
        outcome = MessageOutcome(
            conversation_id=conv.id,
            message_id=message_id,
            stored_text=prepared.stored_text,
            pii_types=prepared.pii_types,
            state=ConversationState(conv.state),
            reply=reply,
            decision_id=decision.id if decision else None,
            decision_kind=DecisionKind(decision.kind) if decision else None,
            oversight=Oversight(decision.oversight) if decision else None,
        )
        uow.commit()
    return outcome


def _record(
    uow: UnitOfWork,
    conv: ConversationRow,
    message_id: str,
    prepared: _Prepared,
    caller: Caller,
    now: datetime,
) -> tuple[DecisionRow, Reply]:
    """Store the Decision, its Explanation and the reply, and seal them in the audit log."""
    a = prepared.analysis
    assert a is not None
    oversight = Oversight.AWAITING_REVIEW if a.kind is DecisionKind.REVIEW else Oversight.AUTOMATIC
    decision = DecisionRow(
        id=new_id(),
        conversation_id=conv.id,
        customer_id=conv.customer_id,
        message_id=message_id,
        kind=a.kind.value,
        redacted_input=prepared.stored_text,
        output=a.draft if a.kind is DecisionKind.REVIEW and a.draft else a.reply,
        intent=a.intent,
        confidence=float(a.confidence),
        model_version=a.model_version,
        policy_version=a.policy_version,
        kb_version=a.kb_version,
        oversight=oversight.value,
        created_at=now,
    )
    explanation = ExplanationRow(
        decision_id=decision.id,
        payload=explanation_payload(a.explanation),
        summary=a.explanation.summary,
    )
    uow.decisions.add(decision, explanation)
    disclosure = None if conv.disclosed else AI_DISCLOSURE
    conv.disclosed = True
    reply_id = new_id()
    uow.messages.add(
        MessageRow(
            id=reply_id,
            conversation_id=conv.id,
            sender=(Sender.AI if a.kind is DecisionKind.REPLY else Sender.SYSTEM).value,
            redacted_text=a.reply,
            original=None,
            pii_types=[],
            ai_generated=True,
            decision_id=decision.id,
            created_at=now + timedelta(microseconds=1),
        )
    )
    if a.kind is DecisionKind.REVIEW:
        uow.reviews.add(
            ReviewTaskRow(
                id=new_id(),
                decision_id=decision.id,
                conversation_id=conv.id,
                status=ReviewStatus.OPEN.value,
                reason="; ".join(h.reason for h in a.outcome.hits) or "policy requires review",
                draft=a.draft or "",
                created_at=now,
            )
        )
    if a.kind is DecisionKind.HANDOFF:
        conv.state = ConversationState.HUMAN.value
        conv.handoff_reason = "; ".join(h.rule_id for h in a.outcome.hits)
    # Sealing before the flush puts audit_seq into the decision's INSERT, not a later UPDATE.
    with uow.session.no_autoflush:
        audit.seal_decision(
            uow, decision, explanation, actor=f"key:{caller.key_id}", action="decision.created"
        )
    # a draft held for review is not shown, and neither are the sources it quotes
    shown = a.sources if a.kind is DecisionKind.REPLY else ()
    return decision, Reply(reply_id, a.reply, True, disclosure, shown)


def handoff(
    svc: Services, caller: Caller, conversation_id: str, *, reason: str | None = None
) -> ConversationView:
    """Hand the conversation to a person, from any state; calling it twice is harmless."""
    if reason is not None:
        validate_text(reason, 1000)
    with UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        previous = conv.state
        now = utcnow()
        if previous != ConversationState.HUMAN:
            conv.state = ConversationState.HUMAN.value
            conv.updated_at = now
            stored_reason = None
            if reason:
                findings = svc.guard.detect(reason)
                stored_reason = svc.guard.redact(reason, findings, PseudonymTable()).text
            conv.handoff_reason = stored_reason or "requested"
            uow.messages.add(
                MessageRow(
                    id=new_id(),
                    conversation_id=conv.id,
                    sender=Sender.SYSTEM.value,
                    redacted_text="A member of our team will take over from here.",
                    original=None,
                    pii_types=[],
                    ai_generated=False,
                    created_at=now,
                )
            )
            audit.append(
                uow,
                actor=f"key:{caller.key_id}",
                action="conversation.handoff",
                subject_type="conversation",
                subject_id=conv.id,
                payload={"from": previous, "by_role": caller.role.value},
            )
        customer = uow.customers.get(conv.customer_id)
        assert customer is not None
        view = _view(conv, customer)
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
