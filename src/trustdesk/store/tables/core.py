"""The support tables: keys, customers, conversations, messages, decisions, reviews, audit.

Text columns hold redacted text only; originals are ciphertext.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from trustdesk.store.tables.base import Base, UtcDateTime, timestamp


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    key_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = timestamp()
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CustomerRow(Base):
    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # an opaque reference chosen by the integrator, never an e-mail or a name
    external_ref: Mapped[str | None] = mapped_column(String(200), index=True)
    ai_opt_out: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = timestamp()
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class DataKeyRow(Base):
    """A customer's data key, wrapped by the key-encryption key; deleting it shreds."""

    __tablename__ = "data_keys"
    customer_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("customers.id"), primary_key=True
    )
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    kek_id: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = timestamp()


class ConversationRow(Base):
    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("customers.id"), nullable=False, index=True
    )
    api_key_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("api_keys.id"), nullable=False, index=True
    )
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    disclosed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # the per-conversation pseudonym table, encrypted under the customer's data key
    pseudonyms: Mapped[bytes | None] = mapped_column(LargeBinary)
    pseudonym_rev: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    handoff_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = timestamp()
    updated_at: Mapped[datetime] = timestamp()
    # SHA-256 of the conversation's own secret, which a widget presents on every later call
    # (X-Conversation-Token); NULL for conversations staff started, who need none
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # linked to its customer by a reference the deployer signed (or by an admin key)
    identity_verified: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    # why a person has it (a HandoffReason value) and the language the customer last wrote in
    handoff_code: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(8))


class MessageRow(Base):
    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("conversations.id"), nullable=False
    )
    sender: Mapped[str] = mapped_column(String(16), nullable=False)
    redacted_text: Mapped[str] = mapped_column(Text, nullable=False)
    original: Mapped[bytes | None] = mapped_column(LargeBinary)  # AES-GCM ciphertext
    pii_types: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    ai_generated: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    decision_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = timestamp()
    __table_args__ = (Index("ix_messages_conversation_created", "conversation_id", "created_at"),)


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("conversations.id"), nullable=False, index=True
    )
    customer_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    message_id: Mapped[str] = mapped_column(String(32), ForeignKey("messages.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    redacted_input: Mapped[str] = mapped_column(Text, nullable=False)
    output: Mapped[str] = mapped_column(Text, nullable=False)
    intent: Mapped[str] = mapped_column(String(64), nullable=False)
    confidence: Mapped[float] = mapped_column(Float, nullable=False)
    model_version: Mapped[str] = mapped_column(String(80), nullable=False)
    policy_version: Mapped[str] = mapped_column(String(80), nullable=False)
    kb_version: Mapped[str] = mapped_column(String(80), nullable=False)
    oversight: Mapped[str] = mapped_column(String(20), nullable=False)
    audit_seq: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = timestamp()
    # why a person reviews or takes over (a HandoffReason value); None for an automatic reply
    reason_code: Mapped[str | None] = mapped_column(String(32))


class ExplanationRow(Base):
    __tablename__ = "explanations"
    decision_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("decisions.id"), primary_key=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class ReviewTaskRow(Base):
    __tablename__ = "review_tasks"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    decision_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("decisions.id"), nullable=False, unique=True
    )
    conversation_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    draft: Mapped[str] = mapped_column(Text, nullable=False)
    final_text: Mapped[str | None] = mapped_column(Text)
    reviewer_key_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = timestamp()
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # the queue a team works: priority, due time from the SLA, who has claimed it, escalation
    priority: Mapped[str] = mapped_column(String(8), nullable=False, default="normal")
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    language: Mapped[str | None] = mapped_column(String(8))
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ConsentRow(Base):
    __tablename__ = "consents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("customers.id"), nullable=False, index=True
    )
    purpose: Mapped[str] = mapped_column(String(32), nullable=False)
    granted: Mapped[bool] = mapped_column(Boolean, nullable=False)
    lawful_basis: Mapped[str] = mapped_column(String(32), nullable=False)
    notice_version: Mapped[str] = mapped_column(String(32), nullable=False)
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[datetime] = timestamp()
    # why a withdrawal happened: "withdrawn", "objection", "restriction", "ai_opt_out"
    reason: Mapped[str | None] = mapped_column(String(32))
    recorded_by: Mapped[str | None] = mapped_column(String(80))


class IdentitySecretRow(Base):
    """A secret the deployer's back end signs customer references with, wrapped by the KEK.

    The newest row without `retires_at` is the current one; a rotated-out secret stays valid
    until its `retires_at` (a grace period), then it is deleted.
    """

    __tablename__ = "identity_secrets"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    wrapped_secret: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    kek_id: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = timestamp()
    retires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AuditEntryRow(Base):
    """One link of the hash chain; its payload never holds personal data."""

    __tablename__ = "audit_entries"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)  # ISO text, hashed as is
    actor: Mapped[str] = mapped_column(String(80), nullable=False)
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    subject_type: Mapped[str] = mapped_column(String(32), nullable=False)
    subject_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)


class AuditHeadRow(Base):
    """The single sequencer row: writers lock it to append the next entry."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
