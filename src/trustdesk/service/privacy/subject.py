"""What a data-subject request does: export, erase, rectify, object or restrict."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson

from trustdesk.accountability import audit
from trustdesk.domain import ConversationState, Sender, utcnow
from trustdesk.domain.errors import Conflict, InvalidInput, NotFound
from trustdesk.privacy.access import DATA_SUBJECT_REQUEST, DataCategory, Reader
from trustdesk.privacy.consent import LawfulBasis, Purpose, latest_by_purpose
from trustdesk.privacy.guard import table_aad
from trustdesk.privacy.pii import PseudonymTable
from trustdesk.service.context import Services
from trustdesk.service.conversations import validate_text
from trustdesk.service.decisions import customer_view
from trustdesk.service.fairness.protected import erase_declaration
from trustdesk.service.privacy.consent import access_view, append_consent
from trustdesk.service.privacy.pseudonyms import save_table
from trustdesk.service.privacy.tombstones import ERASURE_TOMBSTONE, erase_decision, erase_review
from trustdesk.store.tables import CustomerRow
from trustdesk.store.uow import UnitOfWork

EXPORT_FORMAT = "trustdesk.data-subject-export/1"
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _customer(uow: UnitOfWork, customer_id: str) -> CustomerRow:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise NotFound("customer not found (none with this id is visible to your key)")
    if customer.erased_at is not None:
        raise Conflict("this customer was erased; nothing of them is held any more")
    return customer


def export_subject(uow: UnitOfWork, svc: Services, customer_id: str, *, actor: str,
                   request_id: str | None = None) -> dict[str, Any]:
    """Everything held about the customer, originals decrypted for them (purpose-checked)."""
    gov = svc.governance
    customer = _customer(uow, customer_id)
    consents = latest_by_purpose(uow.consents.history(customer_id))
    reader = Reader(actor, customer_id, DATA_SUBJECT_REQUEST, consents=consents)
    gov.access.check(uow, reader, DataCategory.EXPORT)
    conversations = []
    for conv in uow.conversations.for_customer(customer_id):
        messages = uow.messages.in_conversation(conv.id)
        originals = gov.access.open_all(
            uow, reader, DataCategory.ORIGINAL_MESSAGE,
            items=[(m.original, m.id.encode()) for m in messages],
        )
        table: list[Any] = []
        if conv.pseudonyms is not None:
            plain = gov.access.open(uow, reader, DataCategory.PSEUDONYM_TABLE,
                                    blob=conv.pseudonyms, aad=table_aad(conv.id))
            table = list(orjson.loads(plain).get("entries", []))
        decisions = []
        for d in uow.decisions.in_conversation(conv.id):
            explanation = uow.decisions.explanation(d.id)
            # the export goes to the customer: nothing of an unapproved draft (invariant 8)
            output, shown = customer_view(uow, d, dict(explanation.payload) if explanation
                                          else {})
            decisions.append({
                "id": d.id, "message_id": d.message_id, "kind": d.kind,
                "redacted_input": d.redacted_input, "output": output, "intent": d.intent,
                "confidence": d.confidence, "oversight": d.oversight,
                "model_version": d.model_version, "policy_version": d.policy_version,
                "kb_version": d.kb_version, "audit_seq": d.audit_seq,
                "created_at": _iso(d.created_at),
                "explanation": None if explanation is None else shown,
            })
        conversations.append({
            "id": conv.id, "channel": conv.channel, "state": conv.state,
            "created_at": _iso(conv.created_at), "updated_at": _iso(conv.updated_at),
            "handoff_reason": conv.handoff_reason, "pseudonyms": table,
            "messages": [
                {"id": m.id, "sender": m.sender, "redacted_text": m.redacted_text,
                 "original_text": None if o is None else o.decode(),
                 "pii_types": list(m.pii_types), "ai_generated": m.ai_generated,
                 "decision_id": m.decision_id, "created_at": _iso(m.created_at)}
                for m, o in zip(messages, originals, strict=True)
            ],
            "decisions": decisions,
            "appeals": [
                {"id": a.id, "decision_id": a.decision_id, "status": a.status,
                 "reason": a.reason, "created_at": _iso(a.created_at),
                 "decided_at": _iso(a.decided_at), "decided_by_role": a.decided_by_role}
                for a in uow.appeals.in_conversation(conv.id)
            ],
        })
    uow.write_access_ledger()  # so the export lists its own access-log lines
    return {
        "format": EXPORT_FORMAT,
        "generated_at": utcnow().isoformat(),
        "request_id": request_id,
        "notice_version": gov.notice().version,
        "customer": {
            "id": customer.id, "external_ref": customer.external_ref,
            "ai_opt_out": customer.ai_opt_out, "created_at": _iso(customer.created_at),
        },
        "consents": [
            {"id": r.id, "purpose": r.purpose, "granted": r.granted,
             "lawful_basis": r.lawful_basis, "notice_version": r.notice_version,
             "channel": r.channel, "reason": r.reason, "created_at": _iso(r.created_at)}
            for r in uow.consents.history(customer_id)
        ],
        "conversations": conversations,
        "access_log": [
            {**vars(access_view(r)), "created_at": _iso(r.created_at)}
            for r in uow.access_log.query(customer_id=customer_id, limit=10_000)
        ],
        "requests": [
            {"id": r.id, "kind": r.kind, "status": r.status, "purposes": list(r.purposes),
             "received_at": _iso(r.received_at), "due_at": _iso(r.due_at),
             "completed_at": _iso(r.completed_at)}
            for r in uow.subject_requests.listing(customer_id=customer_id,
                                                              limit=10_000)
        ],
    }


def erase_subject(uow: UnitOfWork, svc: Services, customer_id: str, *, actor: str,
                  request_id: str | None = None) -> dict[str, int]:
    """Crypto-shred the customer's key and tombstone their data; the audit log stays valid."""
    customer = _customer(uow, customer_id)
    counts = {"conversations": 0, "messages": 0, "decisions": 0, "review_tasks": 0,
              "appeals": 0}
    for conv in uow.conversations.for_customer(customer_id):
        counts["conversations"] += 1
        for m in uow.messages.in_conversation(conv.id):
            m.redacted_text, m.original, m.pii_types = ERASURE_TOMBSTONE, None, []
            counts["messages"] += 1
        decisions = uow.decisions.in_conversation(conv.id)
        for d in decisions:
            erase_decision(uow, d, uow.decisions.explanation(d.id), tombstone=ERASURE_TOMBSTONE,
                           erase_input=True, erase_output=True, actor=actor,
                           action="decision.erased")
            counts["decisions"] += 1
        for task in uow.retention_sweeps.reviews_of([d.id for d in decisions]):
            if task.status == "open":
                task.status, task.resolved_at = "rejected", utcnow()
            erase_review(task, ERASURE_TOMBSTONE)
            counts["review_tasks"] += 1
        for appeal in uow.appeals.in_conversation(conv.id):
            appeal.reason = appeal.outcome_note = ERASURE_TOMBSTONE
            counts["appeals"] += 1
        uow.conversations.change(conv, pseudonyms=None, handoff_reason=None,
                                 state=ConversationState.CLOSED, updated_at=utcnow())
    counts["protected_attributes"] = erase_declaration(uow, customer_id)
    shredded = svc.vault.shred(uow, customer_id)
    customer.external_ref, customer.ai_opt_out, customer.erased_at = None, True, utcnow()
    audit.append(
        uow, actor=actor, action="dsr.erasure", subject_type="customer", subject_id=customer_id,
        payload={**counts, "data_key_shredded": shredded, "request_id": request_id},
    )
    return {**counts, "data_key_shredded": int(shredded)}


def rectify_subject(
    uow: UnitOfWork, svc: Services, customer_id: str, *, actor: str,
    message_id: str | None = None, text: str | None = None, customer_ref: str | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """Replace an original message's content and/or the customer ref; audited, no content."""
    customer = _customer(uow, customer_id)
    if (message_id is None) != (text is None):
        raise InvalidInput("rectifying a message needs both message_id and text")
    if message_id is None and customer_ref is None:
        raise InvalidInput("a rectification needs message_id and text, or customer_ref")
    changed: list[str] = []
    if customer_ref is not None:
        if not _REF.match(customer_ref):
            raise InvalidInput("customer_ref must be 1-128 letters, digits or . _ : -")
        if svc.guard.detect(customer_ref):
            raise InvalidInput("customer_ref looks like personal data; use an opaque id")
        other = uow.customers.by_external_ref(customer_ref)
        if other is not None and other.id != customer.id:
            raise Conflict("another customer already has this customer_ref")
        customer.external_ref = customer_ref
        changed.append("customer_ref")
    if message_id is not None and text is not None:
        validate_text(text, svc.settings.max_message_chars)
        _rectify_message(uow, svc, customer, message_id, text, actor)
        changed.append("original_message")
    audit.append(
        uow, actor=actor, action="dsr.rectified", subject_type="customer",
        subject_id=customer.id,
        payload={"fields": changed, "message_id": message_id, "request_id": request_id},
    )
    return {"fields": changed, "message_id": message_id}


def _rectify_message(uow: UnitOfWork, svc: Services, customer: CustomerRow, message_id: str,
                     text: str, actor: str) -> None:
    message = uow.messages.get(message_id)
    conv = None if message is None else uow.conversations.get(message.conversation_id,
                                                               for_update=True)
    if message is None or conv is None or conv.customer_id != customer.id:
        raise NotFound("message_id: no message of this customer has this id")
    if message.sender != Sender.CUSTOMER.value:
        raise InvalidInput("only the customer's own messages can be rectified")
    gov = svc.governance
    table = PseudonymTable()
    if conv.pseudonyms is not None:
        table = PseudonymTable.from_json(gov.access.open(
            uow, Reader(actor, customer.id, DATA_SUBJECT_REQUEST), DataCategory.PSEUDONYM_TABLE,
            blob=conv.pseudonyms, aad=table_aad(conv.id),
        ))
    before = table.to_json()
    findings = svc.guard.detect(text)
    redaction = svc.guard.redact(text, findings, table)
    message.redacted_text = redaction.text
    message.pii_types = sorted({f.entity for f in findings})
    message.original = svc.vault.encrypt(uow, customer.id, text.encode(), message.id.encode())
    if table.to_json() != before:
        save_table(svc, uow, conv, table)


def object_to_purposes(uow: UnitOfWork, svc: Services, customer_id: str,
                       purposes: Sequence[str], *, reason: str, actor: str) -> list[str]:
    """Record an objection or restriction as ledger withdrawals, effective at once."""
    gov = svc.governance
    customer = _customer(uow, customer_id)
    latest = latest_by_purpose(uow.consents.history(customer_id))
    done = []
    for value in purposes:
        purpose = Purpose(value)
        current = latest.get(value)
        basis = LawfulBasis(current.lawful_basis) if current else gov.policy.basis(purpose)
        append_consent(uow, svc, customer=customer, purpose=purpose, granted=False,
                       lawful_basis=basis, channel="dsr", notice_version=gov.notice().version,
                       reason=reason, actor=actor)
        done.append(value)
    return done
