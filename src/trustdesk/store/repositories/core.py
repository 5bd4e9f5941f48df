"""Repositories: add and get rows; no commits and no business rules."""

from __future__ import annotations

import enum
from collections.abc import Generator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Row, bindparam, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from trustdesk.domain import ConsentRecord, Conversation, ConversationState
from trustdesk.store.tables import (
    ApiKeyRow,
    AuditEntryRow,
    AuditHeadRow,
    ConsentRow,
    ConversationRow,
    CustomerRow,
    DataKeyRow,
    DecisionRow,
    ExplanationRow,
    IdentitySecretRow,
    MessageRow,
    ReviewTaskRow,
    column_values,
    table,
)


class Transaction(Protocol):
    """What repositories work in: the unit of work's connection and its (lazy) session."""

    @property
    def connection(self) -> Connection: ...
    @property
    def session(self) -> Session: ...


class _Repo:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    @property
    def session(self) -> Session:
        return self._tx.session

    @property
    def core(self) -> Connection:
        """The transaction's connection, for Core statements: plain rows in and out, none of
        the ORM's identity map, autoflush or events (about a tenth of the cost per statement;
        the message path uses it)."""
        return self._tx.connection


_CONVERSATIONS = table(ConversationRow)
_CUSTOMERS = table(CustomerRow)
_CONSENTS = table(ConsentRow)
# A conversation's columns with its customer's two that decide what may happen to it.
_SNAPSHOTS = (
    select(_CONVERSATIONS, _CUSTOMERS.c.ai_opt_out, _CUSTOMERS.c.erased_at)
    .join(_CUSTOMERS, _CUSTOMERS.c.id == _CONVERSATIONS.c.customer_id)
)
_SNAPSHOT = _SNAPSHOTS.where(_CONVERSATIONS.c.id == bindparam("id"))
_SNAPSHOT_FOR_UPDATE = _SNAPSHOT.with_for_update(of=_CONVERSATIONS)
_CONVERSATION_COLUMNS = frozenset(_CONVERSATIONS.c.keys())
_CONSENT_HISTORY = (
    select(_CONSENTS)
    .where(_CONSENTS.c.customer_id == bindparam("customer_id"))
    .order_by(_CONSENTS.c.created_at, _CONSENTS.c.id)
)
_HEAD = table(AuditHeadRow)
_LOCK_HEAD = select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1)


def _conversation(row: Row[Any]) -> Conversation:
    return _conversation_of(dict(row._mapping))


def _conversation_of(values: dict[str, Any], **customer: Any) -> Conversation:
    values.update(customer, state=ConversationState(values["state"]))
    return Conversation(**values)


class ApiKeys(_Repo):
    def add(self, row: ApiKeyRow) -> None:
        self.session.add(row)

    def by_hash(self, key_hash: str) -> ApiKeyRow | None:
        return self.session.scalars(
            select(ApiKeyRow).where(ApiKeyRow.key_hash == key_hash)
        ).one_or_none()

    def get(self, key_id: str) -> ApiKeyRow | None:
        return self.session.get(ApiKeyRow, key_id)

    def list(self) -> Sequence[ApiKeyRow]:
        return self.session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at)).all()

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(ApiKeyRow)) or 0)


class Customers(_Repo):
    def add(self, row: CustomerRow) -> None:
        self.session.add(row)

    def get(self, customer_id: str) -> CustomerRow | None:
        return self.session.get(CustomerRow, customer_id)

    def by_external_ref(self, ref: str) -> CustomerRow | None:
        return self.session.scalars(
            select(CustomerRow).where(CustomerRow.external_ref == ref)
        ).first()


class DataKeys(_Repo):
    def add(self, row: DataKeyRow) -> None:
        self.session.add(row)

    def get(self, customer_id: str) -> DataKeyRow | None:
        return self.session.get(DataKeyRow, customer_id)

    def delete(self, customer_id: str) -> bool:
        row = self.session.get(DataKeyRow, customer_id)
        if row is None:
            return False
        self.session.delete(row)
        return True

    def not_wrapped_by(self, kek_id: str, limit: int) -> Sequence[DataKeyRow]:
        return self.session.scalars(
            select(DataKeyRow).where(DataKeyRow.kek_id != kek_id).limit(limit)
        ).all()


class Conversations(_Repo):
    """Conversations are read as `Conversation` snapshots (one Core row each, with the two
    customer columns that decide what may happen in it) and changed with one Core UPDATE."""

    def add(self, row: ConversationRow, *, ai_opt_out: bool) -> Conversation:
        """Insert a new conversation of a customer not erased; its snapshot (no read back)."""
        self.session.add(row)
        return _conversation_of(column_values(row), ai_opt_out=ai_opt_out, erased_at=None)

    def get(self, conversation_id: str, *, for_update: bool = False) -> Conversation | None:
        """The conversation with its customer's `ai_opt_out` and `erased_at`, or None."""
        stmt = _SNAPSHOT_FOR_UPDATE if for_update else _SNAPSHOT
        row = self.core.execute(stmt, {"id": conversation_id}).one_or_none()
        return None if row is None else _conversation(row)

    def change(self, conv: Conversation, **values: Any) -> Conversation:
        """Write the given columns of the conversation; the snapshot as it now is."""
        stored = {k: v.value if isinstance(v, enum.Enum) else v for k, v in values.items()}
        self.set_values(conv.id, stored)
        if "state" in values:
            values["state"] = ConversationState(values["state"])
        return replace(conv, **values)

    def set_values(self, conversation_id: str, values: Mapping[str, object]) -> None:
        """One Core UPDATE of the given columns."""
        unknown = values.keys() - _CONVERSATION_COLUMNS
        if unknown:  # the customer's columns in a snapshot are not the conversation's
            raise ValueError(f"not columns of a conversation: {', '.join(sorted(unknown))}")
        self.core.execute(
            update(_CONVERSATIONS).where(_CONVERSATIONS.c.id == conversation_id).values(values)
        )

    def by_token_hash(self, token_hash: str) -> Conversation | None:
        row = self.core.execute(
            _SNAPSHOTS.where(_CONVERSATIONS.c.token_hash == token_hash)
        ).one_or_none()
        return None if row is None else _conversation(row)

    def for_customer(self, customer_id: str) -> list[Conversation]:
        rows = self.core.execute(
            _SNAPSHOTS.where(_CONVERSATIONS.c.customer_id == customer_id)
            .order_by(_CONVERSATIONS.c.created_at, _CONVERSATIONS.c.id)
        )
        return [_conversation(r) for r in rows]


class IdentitySecrets(_Repo):
    def add(self, row: IdentitySecretRow) -> None:
        self.session.add(row)

    def live(self, now: datetime) -> Sequence[IdentitySecretRow]:
        """The current secret and those still in their grace period, newest first."""
        return self.session.scalars(
            select(IdentitySecretRow)
            .where(or_(IdentitySecretRow.retires_at.is_(None), IdentitySecretRow.retires_at > now))
            .order_by(IdentitySecretRow.created_at.desc())
        ).all()

    def current(self) -> Sequence[IdentitySecretRow]:
        return self.session.scalars(
            select(IdentitySecretRow).where(IdentitySecretRow.retires_at.is_(None))
        ).all()

    def delete_retired(self, now: datetime) -> int:
        rows = self.session.scalars(
            select(IdentitySecretRow).where(IdentitySecretRow.retires_at <= now)
        ).all()
        for row in rows:
            self.session.delete(row)
        return len(rows)

    def not_wrapped_by(self, kek_id: str) -> Sequence[IdentitySecretRow]:
        return self.session.scalars(
            select(IdentitySecretRow).where(IdentitySecretRow.kek_id != kek_id)
        ).all()


class Messages(_Repo):
    def add(self, row: MessageRow) -> None:
        self.session.add(row)

    def get(self, message_id: str) -> MessageRow | None:
        return self.session.get(MessageRow, message_id)

    def in_conversation(self, conversation_id: str) -> Sequence[MessageRow]:
        return self.session.scalars(
            select(MessageRow)
            .where(MessageRow.conversation_id == conversation_id)
            .order_by(MessageRow.created_at, MessageRow.id)
        ).all()


class Decisions(_Repo):
    def add(self, decision: DecisionRow, explanation: ExplanationRow) -> None:
        self.session.add(decision)
        self.session.add(explanation)

    def confirmed_examples(
        self, oversights: Sequence[str]
    ) -> Sequence[Row[str, str, str, datetime | None]]:
        """(customer_id, redacted_input, intent, the customer's erased_at) of the decisions a
        person confirmed, oldest first: the candidates for training data."""
        return self.session.execute(
            select(DecisionRow.customer_id, DecisionRow.redacted_input, DecisionRow.intent,
                   CustomerRow.erased_at)
            .join(CustomerRow, CustomerRow.id == DecisionRow.customer_id)
            .where(DecisionRow.oversight.in_(oversights))
            .order_by(DecisionRow.created_at)
        ).all()

    def get(self, decision_id: str) -> DecisionRow | None:
        return self.session.get(DecisionRow, decision_id)

    def explanation(self, decision_id: str) -> ExplanationRow | None:
        return self.session.get(ExplanationRow, decision_id)

    def in_conversation(self, conversation_id: str) -> Sequence[DecisionRow]:
        return self.session.scalars(
            select(DecisionRow)
            .where(DecisionRow.conversation_id == conversation_id)
            .order_by(DecisionRow.created_at)
        ).all()

    def since_with_payloads(self, since: datetime | None) -> list[tuple[Any, ...]]:
        """(id, kind, intent, confidence, redacted_input, explanation payload) from `since`."""
        d, e = table(DecisionRow), table(ExplanationRow)
        stmt = (select(d.c.id, d.c.kind, d.c.intent, d.c.confidence, d.c.redacted_input,
                       e.c.payload)
                .select_from(d.outerjoin(e, e.c.decision_id == d.c.id))
                .order_by(d.c.created_at, d.c.id))
        if since is not None:
            stmt = stmt.where(d.c.created_at >= since)
        return [tuple(r) for r in self.core.execute(stmt).all()]

    def all_ids(self) -> set[str]:
        return set(self.session.scalars(select(DecisionRow.id)).all())

    def iter_with_explanations(
        self, batch: int = 1000
    ) -> Generator[tuple[DecisionRow, ExplanationRow | None], None, None]:
        stmt = (
            select(DecisionRow, ExplanationRow)
            .outerjoin(ExplanationRow, ExplanationRow.decision_id == DecisionRow.id)
            .order_by(DecisionRow.id)
            .execution_options(yield_per=batch)
        )
        result = self.session.execute(stmt)
        try:
            yield from result
        finally:
            result.close()  # releases the server-side cursor when the caller stops early


class ReviewTasks(_Repo):
    def add(self, row: ReviewTaskRow) -> None:
        self.session.add(row)

    def get(self, task_id: str, *, for_update: bool = False) -> ReviewTaskRow | None:
        stmt = select(ReviewTaskRow).where(ReviewTaskRow.id == task_id)
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).one_or_none()

    def by_status(self, status: str | None, limit: int = 100) -> Sequence[ReviewTaskRow]:
        stmt = select(ReviewTaskRow).order_by(ReviewTaskRow.created_at).limit(limit)
        if status is not None:
            stmt = stmt.where(ReviewTaskRow.status == status)
        return self.session.scalars(stmt).all()

    def for_decision(self, decision_id: str) -> ReviewTaskRow | None:
        return self.session.scalars(
            select(ReviewTaskRow).where(ReviewTaskRow.decision_id == decision_id)
        ).one_or_none()
    def queue(self, *, status: str | None, priority: str | None = None,
              language: str | None = None, intent: str | None = None, claimed: bool | None = None,
              limit: int = 100) -> Sequence[tuple[ReviewTaskRow, str, float]]:
        """Tasks with their decision's intent and confidence, escalated first, then by
        priority and due time."""
        rank = case({"urgent": 3, "high": 2, "normal": 1, "low": 0},
                    value=ReviewTaskRow.priority, else_=1)
        stmt = (
            select(ReviewTaskRow, DecisionRow.intent, DecisionRow.confidence)
            .join(DecisionRow, DecisionRow.id == ReviewTaskRow.decision_id)
            .order_by(ReviewTaskRow.escalated_at.is_(None), rank.desc(),
                      ReviewTaskRow.due_at, ReviewTaskRow.created_at, ReviewTaskRow.id)
            .limit(limit)
        )
        if status is not None:
            stmt = stmt.where(ReviewTaskRow.status == status)
        if priority is not None:
            stmt = stmt.where(ReviewTaskRow.priority == priority)
        if language is not None:
            stmt = stmt.where(ReviewTaskRow.language == language)
        if intent is not None:
            stmt = stmt.where(DecisionRow.intent == intent)
        if claimed is not None:
            stmt = stmt.where(ReviewTaskRow.claimed_by.is_not(None) if claimed
                              else ReviewTaskRow.claimed_by.is_(None))
        return [(row[0], row[1], row[2]) for row in self.session.execute(stmt).all()]

    def verdicts(self, since: datetime | None, until: datetime | None
                 ) -> list[tuple[Any, ...]]:
        """(reviewer, status, created_at, claimed_at, resolved_at) of resolved tasks."""
        t = table(ReviewTaskRow)
        stmt = select(t.c.reviewer_key_id, t.c.status, t.c.created_at, t.c.claimed_at,
                      t.c.resolved_at).where(t.c.status != "open",
                                             t.c.reviewer_key_id.is_not(None))
        if since is not None:
            stmt = stmt.where(t.c.resolved_at >= since)
        if until is not None:
            stmt = stmt.where(t.c.resolved_at < until)
        return [tuple(r) for r in self.core.execute(stmt).all()]

    def track_record(self, bands: int) -> dict[int, tuple[int, int]]:
        """{confidence band: (verdicts, approvals)} over every resolved task; a band is
        floor(confidence * bands), computed portably with a CASE ladder."""
        t, d = table(ReviewTaskRow), table(DecisionRow)
        band = case(*((d.c.confidence < (i + 1) / bands, i) for i in range(bands - 1)),
                    else_=bands - 1)
        approved = func.sum(case((t.c.status == "approved", 1), else_=0))
        stmt = (select(band, func.count(), approved)
                .select_from(t.join(d, d.c.id == t.c.decision_id))
                .where(t.c.status != "open").group_by(band))
        return {int(b): (int(n), int(a or 0)) for b, n, a in self.core.execute(stmt).all()}

    def overdue(self, now: datetime, limit: int) -> Sequence[ReviewTaskRow]:
        """Open tasks past their due time not escalated yet, locked for the escalation."""
        return self.session.scalars(
            select(ReviewTaskRow)
            .where(ReviewTaskRow.status == "open", ReviewTaskRow.escalated_at.is_(None),
                   ReviewTaskRow.due_at < now)
            .order_by(ReviewTaskRow.due_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()

    def open_in_conversation(self, conversation_id: str) -> Sequence[ReviewTaskRow]:
        return self.session.scalars(
            select(ReviewTaskRow).where(
                ReviewTaskRow.conversation_id == conversation_id,
                ReviewTaskRow.status == "open",
            )
        ).all()


class Consents(_Repo):
    def add(self, record: ConsentRecord) -> None:
        self.session.add(ConsentRow(**{f: getattr(record, f) for f in record.__slots__}))

    def history(self, customer_id: str) -> list[ConsentRecord]:
        """The ledger, oldest first (it is append-only)."""
        rows = self.core.execute(_CONSENT_HISTORY, {"customer_id": customer_id})
        return [ConsentRecord(**r._mapping) for r in rows]

    def latest_for(self, purpose: str) -> dict[str, ConsentRecord]:
        """Each customer's latest ledger entry for one purpose, in one query."""
        rows = self.core.execute(
            select(_CONSENTS).where(_CONSENTS.c.purpose == purpose)
            .order_by(_CONSENTS.c.created_at, _CONSENTS.c.id)
        )
        return {r.customer_id: ConsentRecord(**r._mapping) for r in rows}


class AuditEntries(_Repo):
    """Rows of the audit chain and its single sequencer row."""

    def __init__(self, tx: Transaction, *, postgres: bool) -> None:
        super().__init__(tx)
        self._postgres = postgres

    def lock_head(self) -> Row[int, str] | None:
        """(seq, hash) of the chain's head, locked until the transaction ends (on SQLite the
        whole database is: writers start with BEGIN IMMEDIATE)."""
        stmt = _LOCK_HEAD.with_for_update() if self._postgres else _LOCK_HEAD
        return self.core.execute(stmt).one_or_none()

    def init_head(self, genesis: str) -> AuditHeadRow:
        head = AuditHeadRow(id=1, seq=0, hash=genesis)
        self.session.add(head)
        self.session.flush()
        return head

    def append(self, row: AuditEntryRow) -> None:
        """Insert the entry and move the (locked) head to it, both now."""
        self.core.execute(insert(table(AuditEntryRow)), [column_values(row)])
        self.core.execute(
            update(_HEAD).where(_HEAD.c.id == 1).values(seq=row.seq, hash=row.hash)
        )

    def head(self) -> AuditHeadRow | None:
        return self.session.get(AuditHeadRow, 1)

    def iter_entries(self, batch: int = 2000) -> Generator[AuditEntryRow, None, None]:
        result = self.session.scalars(
            select(AuditEntryRow).order_by(AuditEntryRow.seq).execution_options(yield_per=batch)
        )
        try:
            yield from result
        finally:
            result.close()

    def about(self, subject_id: str) -> Sequence[AuditEntryRow]:
        return self.session.scalars(
            select(AuditEntryRow)
            .where(AuditEntryRow.subject_id == subject_id)
            .order_by(AuditEntryRow.seq)
        ).all()

    def latest_since(self, since: datetime | None, limit: int) -> Sequence[AuditEntryRow]:
        stmt = select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).limit(limit)
        if since is not None:
            stmt = stmt.where(AuditEntryRow.created_at >= since.isoformat())
        return self.session.scalars(stmt).all()
