"""The audit log: a hash chain whose entries hold digests and ids, never personal data."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

import orjson

from trustdesk.domain import utcnow
from trustdesk.store.tables import AuditEntryRow, AuditHeadRow, DecisionRow, ExplanationRow
from trustdesk.store.uow import UnitOfWork

GENESIS = "0" * 64


def canonical(value: Any) -> bytes:
    """Stable bytes for hashing: sorted keys, no whitespace, UTF-8."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def entry_hash(
    *,
    seq: int,
    prev_hash: str,
    created_at: str,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str,
    payload: Mapping[str, Any],
) -> str:
    body = {
        "seq": seq,
        "prev": prev_hash,
        "at": created_at,
        "actor": actor,
        "action": action,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "payload": payload,
    }
    return hashlib.sha256(canonical(body)).hexdigest()


# Seal 2 covers the decision's reason_code as well. Entries written before it carry no "seal"
# field and are checked as seal 1, so records sealed then still verify.
SEAL_VERSION = 2


def decision_digest(decision: DecisionRow, explanation: ExplanationRow | None,
                    *, seal: int = SEAL_VERSION) -> str:
    """Digest of what a Decision said, so an edit to the row breaks its seal."""
    body: dict[str, Any] = {
        "id": decision.id,
        "conversation_id": decision.conversation_id,
        "customer_id": decision.customer_id,
        "message_id": decision.message_id,
        "kind": decision.kind,
        "redacted_input": decision.redacted_input,
        "output": decision.output,
        "intent": decision.intent,
        "confidence": decision.confidence,
        "model_version": decision.model_version,
        "policy_version": decision.policy_version,
        "kb_version": decision.kb_version,
        "oversight": decision.oversight,
        "explanation": None if explanation is None else explanation.payload,
    }
    if seal >= 2:
        body["reason_code"] = decision.reason_code
    return hashlib.sha256(canonical(body)).hexdigest()


def append(
    uow: UnitOfWork,
    *,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str,
    payload: Mapping[str, Any],
) -> AuditEntryRow:
    """Append one entry in the caller's transaction; the head row is the single sequencer."""
    head = uow.audit.lock_head()
    if head is None:
        raise RuntimeError("the audit log is not initialised: run `trustdesk db upgrade`")
    created_at = utcnow().isoformat()
    seq = head.seq + 1
    digest = entry_hash(
        seq=seq,
        prev_hash=head.hash,
        created_at=created_at,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        payload=payload,
    )
    row = AuditEntryRow(
        seq=seq,
        created_at=created_at,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        payload=dict(payload),
        prev_hash=head.hash,
        hash=digest,
    )
    uow.audit.append(row)
    return row


def seal_decision(
    uow: UnitOfWork, decision: DecisionRow, explanation: ExplanationRow, *, actor: str, action: str
) -> AuditEntryRow:
    """Append the entry that seals a Decision in its current state.

    The decision may still be pending: its audit_seq is then part of its INSERT.
    """
    entry = append(
        uow,
        actor=actor,
        action=action,
        subject_type="decision",
        subject_id=decision.id,
        payload={
            "decision_digest": decision_digest(decision, explanation),
            "seal": SEAL_VERSION,
            "kind": decision.kind,
            "oversight": decision.oversight,
            "conversation_id": decision.conversation_id,
        },
    )
    decision.audit_seq = entry.seq
    return entry


@dataclass
class Verification:
    """The result of checking the chain; `problems` names each bad entry, first one first."""

    entries: int = 0
    decisions: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(entries: Iterable[AuditEntryRow], head: AuditHeadRow | None) -> Verification:
    """Check sequence, links and hashes of every entry, and that the head matches the tail."""
    result = Verification()
    expected_seq, prev = 1, GENESIS
    for row in entries:
        result.entries += 1
        if row.seq != expected_seq:
            result.problems.append(
                f"entry {expected_seq}: missing or out of order (found seq {row.seq} next)"
            )
            return result
        if row.prev_hash != prev:
            result.problems.append(f"entry {row.seq}: does not link to entry {row.seq - 1}")
            return result
        recomputed = entry_hash(
            seq=row.seq,
            prev_hash=row.prev_hash,
            created_at=row.created_at,
            actor=row.actor,
            action=row.action,
            subject_type=row.subject_type,
            subject_id=row.subject_id,
            payload=row.payload,
        )
        if recomputed != row.hash:
            result.problems.append(f"entry {row.seq}: content was altered (hash mismatch)")
            return result
        prev, expected_seq = row.hash, expected_seq + 1
    if head is None:
        result.problems.append("the audit head row is missing")
    elif head.seq != expected_seq - 1 or head.hash != prev:
        result.problems.append(
            f"entry {expected_seq}: the log ends early: the head records {head.seq} entries"
        )
    return result


def verify(uow: UnitOfWork) -> Verification:
    """Verify the chain and that every Decision matches the entry that last sealed it."""
    # The generators hold server-side cursors on PostgreSQL: always close them.
    with closing(uow.audit.iter_entries()) as entries:
        result = verify_chain(entries, uow.audit.head())
    if not result.ok:
        return result
    sealed: dict[str, tuple[int, str, int]] = {}
    with closing(uow.audit.iter_entries()) as entries:
        for row in entries:
            if row.subject_type == "decision" and "decision_digest" in row.payload:
                sealed[row.subject_id] = (row.seq, str(row.payload["decision_digest"]),
                                          int(row.payload.get("seal", 1)))
    with closing(uow.decisions.iter_with_explanations()) as decisions:
        _check_seals(decisions, sealed, result)
    for decision_id, (seq, _, _) in sorted(sealed.items(), key=lambda kv: kv[1][0]):
        result.problems.append(f"entry {seq}: sealed decision {decision_id} is missing")
    return result


def _check_seals(
    decisions: Iterable[tuple[DecisionRow, ExplanationRow | None]],
    sealed: dict[str, tuple[int, str, int]],
    result: Verification,
) -> None:
    for decision, explanation in decisions:
        result.decisions += 1
        seal = sealed.pop(decision.id, None)
        if seal is None:
            result.problems.append(f"decision {decision.id}: has no audit entry")
            continue
        if decision_digest(decision, explanation, seal=seal[2]) != seal[1]:
            result.problems.append(
                f"entry {seal[0]}: decision {decision.id} was altered after it was sealed"
            )
