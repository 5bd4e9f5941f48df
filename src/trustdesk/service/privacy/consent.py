"""Notice, consent ledger, AI opt-out, the access log, and showing originals to staff."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import (
    ConsentRecord,
    ConversationState,
    HandoffReason,
    Role,
    Sender,
    new_id,
    utcnow,
)
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from trustdesk.domain.views import described
from trustdesk.privacy.access import ACCESS_PURPOSES, DataCategory, Reader, refusals_logged
from trustdesk.privacy.consent import (
    ConsentError,
    LawfulBasis,
    Purpose,
    WithdrawalReason,
    latest_by_purpose,
    parse_basis,
    parse_purpose,
)
from trustdesk.privacy.notice import Notice
from trustdesk.service.context import Services
from trustdesk.service.conversations import (
    ConversationView,
    conversation_of_token,
    get_conversation,
    visible_conversation,
)
from trustdesk.service.keys import Caller
from trustdesk.store.tables import CustomerRow, MessageRow
from trustdesk.store.tables.privacy import AccessLogRow
from trustdesk.store.uow import UnitOfWork

CONSENT_CHANNELS = ("chat", "email", "api", "web", "phone", "in_person", "dsr")


@dataclass(frozen=True)
class ConsentRecordView:
    id: str
    purpose: str
    granted: bool
    lawful_basis: str
    notice_version: str
    channel: str
    reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class PurposeState:
    purpose: str
    allowed: bool
    lawful_basis: str | None
    reason: str


@dataclass(frozen=True)
class ConsentSummary:
    customer_id: str
    current: tuple[PurposeState, ...]
    history: tuple[ConsentRecordView, ...]


def current_notice(svc: Services) -> Notice:
    return svc.governance.notice()


def customer_for(uow: UnitOfWork, caller: Caller, customer_id: str) -> CustomerRow:
    """The customer if this caller may act for them.

    A widget key is public, so it must also present the token of one of its conversations
    with this customer: a verified customer's, or an anonymous customer's own one.
    """
    customer = uow.customers.get(customer_id)
    if customer is None or customer.erased_at is not None:
        raise NotFound("customer not found (none with this id is visible to your key)")
    if not caller.is_staff():
        conv = conversation_of_token(uow, caller)
        if conv is None or conv.customer_id != customer_id:
            raise NotFound("customer not found (none with this id is visible to your key)")
    return customer


def _record_view(row: ConsentRecord) -> ConsentRecordView:
    return ConsentRecordView(row.id, row.purpose, row.granted, row.lawful_basis,
                             row.notice_version, row.channel, row.reason, row.created_at)


def consent_summary(svc: Services, caller: Caller, customer_id: str) -> ConsentSummary:
    """The full ledger of a customer and what each purpose allows now."""
    gov = svc.governance
    with UnitOfWork(svc.db) as uow:
        customer_for(uow, caller, customer_id)
        history = uow.consents.history(customer_id)
    latest = latest_by_purpose(history)
    current = []
    for purpose in Purpose:
        permission = gov.policy.permission(purpose, latest.get(purpose.value))
        current.append(PurposeState(
            purpose.value, permission.allowed,
            permission.basis.value if permission.basis else None, permission.reason,
        ))
    return ConsentSummary(customer_id, tuple(current), tuple(_record_view(r) for r in history))


def append_consent(
    uow: UnitOfWork,
    svc: Services,
    *,
    customer: CustomerRow,
    purpose: Purpose,
    granted: bool,
    lawful_basis: LawfulBasis,
    channel: str,
    notice_version: str,
    reason: str | None,
    actor: str,
) -> ConsentRecord:
    """Append one ledger record in the caller's transaction; keeps the AI opt-out in step."""
    row = ConsentRecord(
        id=new_id(), customer_id=customer.id, purpose=purpose.value, granted=granted,
        lawful_basis=lawful_basis.value, notice_version=notice_version, channel=channel,
        created_at=utcnow(), reason=None if granted else (reason or "withdrawn"),
        recorded_by=actor,
    )
    uow.consents.add(row)
    if purpose is Purpose.AI_ASSISTANCE:
        customer.ai_opt_out = not granted
    audit.append(
        uow, actor=actor, action="consent.granted" if granted else "consent.withdrawn",
        subject_type="customer", subject_id=customer.id,
        payload={"purpose": purpose.value, "lawful_basis": lawful_basis.value,
                 "notice_version": notice_version, "channel": channel, "reason": row.reason,
                 "consent_id": row.id},
    )
    return row


def record_consent(
    svc: Services,
    caller: Caller,
    customer_id: str,
    *,
    purpose: str,
    granted: bool,
    lawful_basis: str | None = None,
    channel: str = "api",
    notice_version: str | None = None,
    reason: str | None = None,
) -> ConsentRecordView:
    """Grant or withdraw one purpose in one call; it takes effect for the next read."""
    gov = svc.governance
    try:
        p = parse_purpose(purpose)
        basis = parse_basis(lawful_basis) if lawful_basis else None
    except ConsentError as exc:
        raise InvalidInput(str(exc)) from None
    if channel not in CONSENT_CHANNELS:
        raise InvalidInput(f"channel must be one of {', '.join(CONSENT_CHANNELS)}")
    notice = gov.notice()
    if notice_version is not None and notice_version != notice.version:
        # Not a malformed request: the notice changed since the customer saw it (409).
        raise Conflict(
            f"notice_version is not the current notice ({notice.version}); "
            "show the customer GET /v1/privacy/notice and record their choice against it"
        )
    if granted:
        if reason is not None:
            raise InvalidInput("reason is only for withdrawals (withdrawn, objection, ...)")
        basis = basis or LawfulBasis.CONSENT
        try:
            gov.policy.check_grant(p, basis)
        except ConsentError as exc:
            # the deployment's consent policy refuses this basis: a rule of its configuration,
            # not of the request's shape (409, like a stale notice)
            raise Conflict(str(exc)) from None
    else:
        try:
            why = WithdrawalReason(reason or "withdrawn")
        except ValueError:
            raise InvalidInput(
                f"reason must be one of {', '.join(r.value for r in WithdrawalReason)}"
            ) from None
        reason = why.value
    with UnitOfWork(svc.db, write=True) as uow:
        customer = customer_for(uow, caller, customer_id)
        if basis is None:
            latest = latest_by_purpose(uow.consents.history(customer_id)).get(p.value)
            basis = LawfulBasis(latest.lawful_basis) if latest else gov.policy.basis(p)
        row = append_consent(
            uow, svc, customer=customer, purpose=p, granted=granted, lawful_basis=basis,
            channel=channel, notice_version=notice.version, reason=reason,
            actor=f"key:{caller.key_id}",
        )
        view = _record_view(row)
        uow.commit()
    return view


OPT_OUT_NOTICE = "You opted out of AI: a member of our team will answer from now on."
OPT_IN_NOTICE = "AI assistance is back on for this conversation."


def set_ai_opt_out(
    svc: Services, caller: Caller, conversation_id: str, *, opt_out: bool = True
) -> ConversationView:
    """Opt the conversation's customer out of AI (or back in); effective for the next message."""
    gov = svc.governance
    with UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id, for_update=True)
        customer = uow.customers.get(conv.customer_id)
        assert customer is not None
        now = utcnow()
        latest = latest_by_purpose(uow.consents.history(customer.id)).get(
            Purpose.AI_ASSISTANCE.value
        )
        currently_out = customer.ai_opt_out or (latest is not None and not latest.granted)
        if currently_out != opt_out:
            append_consent(
                uow, svc, customer=customer, purpose=Purpose.AI_ASSISTANCE,
                granted=not opt_out,
                lawful_basis=(gov.policy.basis(Purpose.AI_ASSISTANCE) if opt_out
                              else LawfulBasis.CONSENT),
                channel=conv.channel if conv.channel in CONSENT_CHANNELS else "api",
                notice_version=gov.notice().version,
                reason=WithdrawalReason.AI_OPT_OUT.value, actor=f"key:{caller.key_id}",
            )
        customer.ai_opt_out = opt_out
        text: str | None = None
        if opt_out and conv.state == ConversationState.AI:
            text = OPT_OUT_NOTICE
            uow.conversations.change(conv, state=ConversationState.HUMAN, updated_at=now,
                                     handoff_reason="ai_opt_out",
                                     handoff_code=HandoffReason.AI_OPT_OUT.value)
        elif (not opt_out and conv.state == ConversationState.HUMAN
              and conv.handoff_reason in (None, "ai_opt_out")):
            # Only undo the handoff the opt-out caused, never one a person asked for.
            text = OPT_IN_NOTICE
            uow.conversations.change(conv, state=ConversationState.AI, updated_at=now,
                                     handoff_reason=None, handoff_code=None)
        if text is not None:
            uow.messages.add(MessageRow(
                id=new_id(), conversation_id=conv.id, sender=Sender.SYSTEM.value,
                redacted_text=text, original=None, pii_types=[], ai_generated=False,
                created_at=now,
            ))
        audit.append(
            uow, actor=f"key:{caller.key_id}", action="customer.ai_opt_out",
            subject_type="customer", subject_id=customer.id,
            payload={"ai_opt_out": opt_out, "conversation_id": conv.id},
        )
        uow.commit()
    return get_conversation(svc, caller, conversation_id)


@dataclass(frozen=True)
class AccessLogView:
    id: str
    created_at: datetime
    actor: str
    customer_id: str
    purpose: str | None
    category: str
    granted: bool
    reason: str


def access_view(row: AccessLogRow) -> AccessLogView:
    return AccessLogView(row.id, row.created_at, row.actor, row.customer_id, row.purpose,
                         row.category, row.granted, row.reason)


def query_access_log(
    svc: Services,
    caller: Caller,
    *,
    customer_id: str | None = None,
    purpose: str | None = None,
    granted: bool | None = None,
    limit: int = 100,
) -> list[AccessLogView]:
    """Compliance's view of who read what, for which purpose; admin only."""
    if caller.role is not Role.ADMIN:
        raise Forbidden("the access log needs an admin key")
    if purpose is not None and purpose not in ACCESS_PURPOSES:
        raise InvalidInput(f"purpose must be one of {', '.join(ACCESS_PURPOSES)}")
    if not 1 <= limit <= 1000:
        raise InvalidInput("limit must be between 1 and 1000")
    with UnitOfWork(svc.db) as uow:
        rows = uow.access_log.query(
            customer_id=customer_id, purpose=purpose, granted=granted, limit=limit
        )
        return [access_view(r) for r in rows]


@dataclass(frozen=True)
class OriginalMessage:
    id: str
    text: str | None = field(metadata=described("null once retention cleared the original."))
    created_at: datetime


def read_originals(
    svc: Services, caller: Caller, conversation_id: str, *, purpose: str | None
) -> list[OriginalMessage]:
    """Show an agent the customer's original words; the read is purpose-checked and logged."""
    if not caller.is_staff():
        raise Forbidden("only agent or admin keys may read original messages")
    gov = svc.governance
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        conv = visible_conversation(uow, caller, conversation_id)
        messages: Sequence[MessageRow] = uow.messages.in_conversation(conv.id)
        mine = [m for m in messages if m.sender == Sender.CUSTOMER.value]
        texts = gov.access.open_all(
            uow, Reader(f"key:{caller.key_id}", conv.customer_id, purpose),
            DataCategory.ORIGINAL_MESSAGE, items=[(m.original, m.id.encode()) for m in mine],
        )
        out = [
            OriginalMessage(m.id, None if t is None else t.decode(), m.created_at)
            for m, t in zip(mine, texts, strict=True)
        ]
        uow.commit()
    return out
