"""Posting a customer message: guard, understand, decide, respond, explain, record.

The costly thinking happens outside any transaction; the write transaction re-checks what
may have changed meanwhile (opt-out, handoff, a concurrent message) and commits once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from trustdesk.accountability import audit
from trustdesk.domain import (
    Conversation,
    ConversationState,
    DecisionKind,
    HandoffReason,
    Oversight,
    ReviewStatus,
    Role,
    Sender,
    Source,
    new_id,
    utcnow,
)
from trustdesk.domain.errors import Forbidden
from trustdesk.domain.views import described
from trustdesk.fairness.attributes import OperationalAttributes
from trustdesk.oversight.killswitch import NO_PAUSES
from trustdesk.oversight.policy import deciding_code
from trustdesk.pipeline import Analysis
from trustdesk.privacy.access import refusals_logged
from trustdesk.privacy.consent import ConsentRecordLike, Purpose, latest_by_purpose
from trustdesk.privacy.governance import Governance
from trustdesk.privacy.pii import PseudonymTable
from trustdesk.service.context import Services
from trustdesk.service.conversations import validate_text, visible_conversation
from trustdesk.service.disclosure import disclosure_message
from trustdesk.service.keys import Caller
from trustdesk.service.oversight.queue import queue_fields
from trustdesk.service.privacy.pseudonyms import load_table, sealed_table
from trustdesk.store.tables import (
    Base,
    DecisionRow,
    ExplanationRow,
    MessageRow,
    ReviewTaskRow,
)
from trustdesk.store.tables.fairness import DecisionAttributesRow
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.explain import explanation_payload


@dataclass(frozen=True)
class Reply:
    message_id: str
    text: str
    ai_generated: bool
    disclosure: str | None = field(
        metadata=described("The AI disclosure, on the first AI reply."))
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


@dataclass(frozen=True)
class _Reader:
    """Who reads the pseudonym table in post_message, and the consents already read."""

    gov: Governance
    actor: str
    consents: dict[str, ConsentRecordLike]


def _table(uow: UnitOfWork, conv: Conversation, reader: _Reader) -> PseudonymTable:
    # conv is a visible snapshot: its customer is not erased
    return load_table(reader.gov, uow, conv, actor=reader.actor, consents=reader.consents,
                      erased=False)


def _ai_allowed(gov: Governance, conv: Conversation,
                consents: dict[str, ConsentRecordLike]) -> bool:
    """No model may see the message once the customer opted out or objected to AI."""
    if conv.ai_opt_out:
        return False
    latest = consents.get(Purpose.AI_ASSISTANCE.value)
    return gov.policy.permission(Purpose.AI_ASSISTANCE, latest).allowed


@dataclass
class _Prepared:
    rev: int
    state: str
    table: PseudonymTable
    stored_text: str
    pii_types: tuple[str, ...]
    table_changed: bool
    analysis: Analysis | None


def _prepare(svc: Services, uow: UnitOfWork, conv: Conversation, text: str,
             findings: list, ai_allowed: bool,  # type: ignore[type-arg]
             reader: _Reader) -> _Prepared:
    table = _table(uow, conv, reader)
    before = len(table)  # redaction only ever adds placeholders
    redaction = svc.guard.redact(text, findings, table)
    categories = svc.guard.categories(findings)
    analysis = (
        svc.path.analyse(redaction.text, data_categories=categories, channel=conv.channel,
                         pauses=svc.pauses.current() if svc.pauses else NO_PAUSES,
                         language_hint=conv.language)
        # a resolved conversation reopens with the customer's next message, to the AI
        if ai_allowed and conv.state in (ConversationState.AI, ConversationState.CLOSED)
        else None
    )
    return _Prepared(
        rev=conv.pseudonym_rev,
        state=conv.state,
        table=table,
        stored_text=redaction.text,
        pii_types=tuple(sorted({f.entity for f in findings})),
        table_changed=len(table) != before,
        analysis=analysis,
    )


def post_message(svc: Services, caller: Caller, conversation_id: str, text: str) -> MessageOutcome:
    """Run one customer message through the whole path and record what happened."""
    if caller.role is Role.AGENT:
        raise Forbidden("agents answer through the review queue, not as the customer")
    validate_text(text, svc.settings.max_message_chars)
    gov = svc.governance
    with svc.path_slots:
        findings = svc.guard.detect(text)  # outside any transaction
        with refusals_logged(svc.db):
            return _post(svc, gov, caller, conversation_id, text, findings)


def _post(svc: Services, gov: Governance, caller: Caller, conversation_id: str, text: str,
          findings: list) -> MessageOutcome:  # type: ignore[type-arg]
    actor = f"key:{caller.key_id}"
    # The whole path reads and writes plain Core rows: the ORM's bookkeeping cost more than
    # the models' thinking here. `changes` collects the conversation's new column values.
    with UnitOfWork(svc.db, autocommit=True) as uow:  # re-checked at write time
        conv = visible_conversation(uow, caller, conversation_id)
        consents = dict(latest_by_purpose(uow.consents.history(conv.customer_id)))
        reader = _Reader(gov, actor, consents)
        ai_allowed = _ai_allowed(gov, conv, consents)
        prepared = _prepare(svc, uow, conv, text, findings, ai_allowed, reader)
        read_log = uow.access_ledger  # this unit never commits: logged with the write below

    with UnitOfWork(svc.db, write=True) as uow:
        uow.access_ledger.extend(read_log)
        # Check again at write time: the customer may have opted out (or withdrawn
        # ai_assistance, which sets the same flag) while the models were thinking.
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        ai_now = ai_allowed and not conv.ai_opt_out
        if conv.pseudonym_rev != prepared.rev or conv.state != prepared.state:
            # Another message of this conversation landed meanwhile: redo on fresh state.
            prepared = _prepare(svc, uow, conv, text, findings, ai_now, reader)
        elif not ai_now:
            prepared.analysis = None  # the draft is dropped: nothing of it is recorded
        changes: dict[str, object] = {}
        if conv.state == ConversationState.CLOSED:
            reopened = ConversationState.AI if ai_now else ConversationState.HUMAN
            changes.update(state=reopened.value)
            if not ai_now:
                changes.update(handoff_code=HandoffReason.AI_OPT_OUT.value)
            audit.append(uow, actor=actor, action="conversation.reopened",
                         subject_type="conversation", subject_id=conv.id,
                         payload={"to": reopened.value})
        if not ai_now and conv.state == ConversationState.AI:
            # No model may answer this customer any more: a person takes over.
            changes.update(state=ConversationState.HUMAN.value, handoff_reason="ai_opt_out",
                           handoff_code=HandoffReason.AI_OPT_OUT.value)
        now = utcnow()
        message_id = new_id()
        rows: list[Base] = [
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
                decision_id=None,
                created_at=now,
            )
        ]
        if prepared.table_changed:
            changes.update(sealed_table(svc, uow, conv, prepared.table))
        changes["updated_at"] = now
        recorded = (
            _record(svc, conv, message_id, prepared, now)
            if prepared.analysis is not None
            else None
        )
        if recorded is not None:
            changes.update(recorded.changes)
            if recorded.disclosure_row is not None:
                rows.append(recorded.disclosure_row)
            rows.append(recorded.reply_row)
        uow.conversations.set_values(conv.id, changes)
        uow.insert_rows(rows)  # the messages: nothing in them refers to the audit chain
        reply: Reply | None = None
        decision: DecisionRow | None = None
        if recorded is not None:
            decision, reply = recorded.decision, recorded.reply
            # Every writer locks the audit head (on PostgreSQL; on SQLite the write lock
            # covers the transaction): take it last, for the fewest statements. Sealed
            # before it is inserted, so audit_seq is part of the decision's INSERT.
            audit.seal_decision(uow, decision, recorded.explanation, actor=actor,
                                action="decision.created")
            uow.insert_rows(recorded.sealed)
        outcome = MessageOutcome(
            conversation_id=conv.id,
            message_id=message_id,
            stored_text=prepared.stored_text,
            pii_types=prepared.pii_types,
            state=ConversationState(str(changes.get("state", conv.state))),
            reply=reply,
            decision_id=decision.id if decision else None,
            decision_kind=DecisionKind(decision.kind) if decision else None,
            oversight=Oversight(decision.oversight) if decision else None,
        )
        uow.commit()
    return outcome


@dataclass(frozen=True)
class _Recorded:
    decision: DecisionRow
    explanation: ExplanationRow
    reply: Reply
    reply_row: MessageRow  # the AI's (or the notice's) message; it refers to the decision
    disclosure_row: MessageRow | None  # the AI disclosure, before the first AI reply
    sealed: list[Base]  # the decision and the rows that refer to it, to insert once sealed
    changes: dict[str, object]  # the conversation's new column values


def _record(svc: Services, conv: Conversation, message_id: str, prepared: _Prepared,
            now: datetime) -> _Recorded:
    """The record stage's rows: the Decision, its Explanation, the reply (and review task)."""
    a = prepared.analysis
    assert a is not None
    changes: dict[str, object] = {}
    oversight = Oversight.AWAITING_REVIEW if a.kind is DecisionKind.REVIEW else Oversight.AUTOMATIC
    code = deciding_code(a.outcome.hits, a.outcome.action)
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
        reason_code=code.value if code is not None else None,
    )
    if a.language is not None and a.language != conv.language:
        changes["language"] = a.language  # the customer's language, for notices from people
    explanation = ExplanationRow(
        decision_id=decision.id,
        payload=explanation_payload(a.explanation),
    )
    disclosure, disclosure_row = None, None
    if not conv.disclosed:  # recorded in the transcript, just before the first AI reply
        disclosure, disclosure_row = disclosure_message(
            svc.settings, conv.id, a.language or conv.language, now + timedelta(microseconds=1))
    changes["disclosed"] = True
    reply_id = new_id()
    reply_row = MessageRow(
        id=reply_id,
        conversation_id=conv.id,
        sender=(Sender.AI if a.kind is DecisionKind.REPLY else Sender.SYSTEM).value,
        redacted_text=a.reply,
        original=None,
        pii_types=[],
        ai_generated=True,
        decision_id=decision.id,
        created_at=now + timedelta(microseconds=2),
    )
    sealed: list[Base] = [decision, explanation, _attributes(decision.id, conv.channel, a)]
    if a.kind is DecisionKind.REVIEW:
        sealed.append(
            ReviewTaskRow(
                id=new_id(),
                decision_id=decision.id,
                conversation_id=conv.id,
                status=ReviewStatus.OPEN.value,
                reason="; ".join(h.reason for h in a.outcome.hits) or "policy requires review",
                draft=a.draft or "",
                final_text=None,
                reviewer_key_id=None,
                created_at=now,
                resolved_at=None,
                **queue_fields(svc, urgency=a.urgency, sentiment=a.sentiment, intent=a.intent,
                               code=code, now=now, language=a.language or conv.language),
            )
        )
    if a.kind is DecisionKind.HANDOFF:
        changes.update(state=ConversationState.HUMAN.value,
                       handoff_reason="; ".join(h.rule_id for h in a.outcome.hits),
                       handoff_code=code.value if code is not None else None)
    # a draft held for review is not shown, and neither are the sources it quotes
    shown = a.sources if a.kind is DecisionKind.REPLY else ()
    return _Recorded(decision, explanation, Reply(reply_id, a.reply, True, disclosure, shown),
                     reply_row, disclosure_row, sealed, changes)


def _attributes(decision_id: str, channel: str, a: Analysis) -> DecisionAttributesRow:
    """The operational groups of the decision, for fairness audits (trustdesk.fairness)."""
    groups = OperationalAttributes(a.language, channel, a.urgency, a.sentiment)
    return DecisionAttributesRow(decision_id=decision_id, **groups.columns())
