"""The records every area shares; plain Python, no framework imports."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime


def new_id() -> str:
    """A random, URL-safe identifier."""
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(enum.StrEnum):
    """What an API key may do."""

    WIDGET = "widget"  # customer-facing chat widget: only its own conversations
    AGENT = "agent"  # support agent: every conversation, the review queue
    ADMIN = "admin"  # everything, including keys and the audit log


class ConversationState(enum.StrEnum):
    AI = "ai"  # the AI may answer
    HUMAN = "human"  # handed off: only people answer from here on
    CLOSED = "closed"


class Sender(enum.StrEnum):
    CUSTOMER = "customer"
    AI = "ai"
    AGENT = "agent"
    SYSTEM = "system"


class DecisionKind(enum.StrEnum):
    REPLY = "reply"  # an automatic answer was sent
    REVIEW = "review"  # a draft waits for a human before anything is sent
    HANDOFF = "handoff"  # the conversation goes to a person


class Oversight(enum.StrEnum):
    AUTOMATIC = "automatic"
    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    EDITED = "edited"
    REJECTED = "rejected"
    OVERRIDDEN = "overridden"


class ReviewVerdict(enum.StrEnum):
    """What a reviewer does with a held draft."""

    APPROVE = "approve"
    EDIT = "edit"
    REJECT = "reject"


class ReviewStatus(enum.StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    EDITED = "edited"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Conversation:
    """A conversation as the services read it, with the two facts of its customer that decide
    what may happen in it (AI opt-out, erasure). A snapshot: change it through the repository
    (`uow.conversations.change`), which returns the snapshot as it then is."""

    id: str
    customer_id: str
    api_key_id: str
    channel: str
    state: ConversationState
    disclosed: bool
    pseudonyms: bytes | None  # the pseudonym table, encrypted under the customer's data key
    pseudonym_rev: int
    handoff_reason: str | None
    created_at: datetime
    updated_at: datetime
    token_hash: str | None
    identity_verified: bool
    handoff_code: str | None  # a HandoffReason value
    language: str | None
    ai_opt_out: bool  # the customer's
    erased_at: datetime | None  # the customer's


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One entry of a customer's consent ledger (append-only: never changed once written)."""

    id: str
    customer_id: str
    purpose: str
    granted: bool
    lawful_basis: str
    notice_version: str
    channel: str
    created_at: datetime
    reason: str | None  # why a withdrawal happened: withdrawn, objection, restriction, ...
    recorded_by: str | None


@dataclass(frozen=True, slots=True)
class Contribution:
    """One term and its exact contribution to the predicted intent's score."""

    term: str
    weight: float


@dataclass(frozen=True, slots=True)
class Source:
    """A knowledge-base passage the reply quotes."""

    article_id: str
    title: str
    heading: str
    url: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A policy rule that fired, and why."""

    rule_id: str
    action: str
    reason: str
    reason_code: str | None = None  # a HandoffReason value, for a rule that holds or hands off


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why the AI did what it did, as fields and as words a customer can read."""

    intent: str
    confidence: float
    top_terms: tuple[Contribution, ...]
    sources: tuple[Source, ...]
    rules: tuple[RuleHit, ...]
    data_categories: tuple[str, ...]
    summary: str
    how_to_appeal: str
    # the answer verifier's probability that the cited passage answers the question
    # (None without a help-centre answer); the policy read it beside `confidence`
    answer_confidence: float | None = None
