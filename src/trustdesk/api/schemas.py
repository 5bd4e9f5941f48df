"""API schemas: what goes over the wire, separate from tables and domain records."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool
from pydantic.config import JsonDict

from trustdesk.domain import (
    ConversationState,
    DecisionKind,
    HandoffReason,
    Oversight,
    ReviewStatus,
    ReviewVerdict,
    Sender,
)
from trustdesk.domain.text import TEXT_PATTERN

# The service checks free text (domain/text.py); the schema states the same rule, so that a
# request valid by the schema is not refused for a rule it does not show.
FREE_TEXT: JsonDict = {"pattern": TEXT_PATTERN}


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC,
    # and the schema promises RFC 3339 date-times, which carry their offset.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


Timestamp = Annotated[datetime, AfterValidator(_utc)]


class _Out(BaseModel):
    """A response built from a service view by attribute (`Model.model_validate(view)`)."""

    model_config = ConfigDict(from_attributes=True)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ConversationIn(_In):
    # identifier_hash signs a customer_ref, so it comes with one
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, json_schema_extra={
        "if": {"properties": {"identifier_hash": {"type": "string"}},
               "required": ["identifier_hash"]},
        "then": {"required": ["customer_ref"], "properties": {"customer_ref": {"type": "string"}}},
    })
    customer_ref: str | None = Field(
        default=None,
        max_length=128,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$",
        description="Your opaque id for the customer (never an e-mail or a name); "
        "the same ref links a returning customer's conversations.",
    )
    customer_token: str | None = Field(
        default=None,
        max_length=2048,
        description="A short-lived HS256 JWT from your back end whose `sub` is the customer "
        "reference (with `iat` and `exp`), signed with the identity secret "
        "(`trustdesk keys identity-secret`). Without a valid signature a widget's "
        "conversation gets an anonymous customer of its own.",
    )
    identifier_hash: str | None = Field(
        default=None,
        pattern=r"^[0-9a-fA-F]{64}$",
        description="The older form: hex HMAC-SHA256 of customer_ref under the identity secret.",
    )
    channel: Literal["chat", "email", "api"] = "chat"
    ai_opt_out: StrictBool = Field(
        default=False, description="Human-only service: no model sees this customer's messages."
    )


class ConversationOut(_Out):
    id: str
    customer_id: str
    state: ConversationState
    channel: str
    ai_opt_out: bool
    created_at: Timestamp
    identity_verified: bool = Field(
        description="Linked to its customer by a signed reference (or an admin key); "
        "false: an anonymous customer of its own."
    )
    handoff_code: HandoffReason | None = Field(
        default=None, description="why a person has the conversation (its reason code)")
    links: dict[str, str]

    @classmethod
    def of(cls, view: Any) -> Self:
        """From a service ConversationView, with the links a client follows next."""
        base = f"/v1/conversations/{view.id}"
        return cls.model_validate(
            {**asdict(view),
             "links": {"messages": f"{base}/messages", "handoff": f"{base}/handoff"}}
        )


class ConversationStartedOut(ConversationOut):
    conversation_token: str | None = Field(
        description="Shown once, to the widget key that started the conversation: send it as "
        "X-Conversation-Token on every later call about it. null for staff keys."
    )


class MessageIn(_In):
    text: str = Field(min_length=1, description="The customer's message, plain text.",
                      json_schema_extra=FREE_TEXT)


class SourceOut(_Out):
    article_id: str
    title: str
    heading: str
    url: str | None
    quote: str


class ReplyOut(BaseModel):
    message_id: str
    text: str
    ai_generated: bool
    disclosure: str | None = Field(description="The AI disclosure, on the first AI reply.")
    sources: list[SourceOut]


class DecisionRef(BaseModel):
    id: str
    kind: DecisionKind
    oversight: Oversight
    explanation_url: str


class MessageOut(BaseModel):
    conversation_id: str
    message_id: str
    stored_text: str = Field(description="Your message as stored: personal data replaced.")
    pii_detected: list[str]
    conversation_state: ConversationState
    ai_generated: bool
    reply: ReplyOut | None
    decision: DecisionRef | None
    links: dict[str, str]


class TranscriptMessage(_Out):
    id: str
    sender: Sender
    text: str
    ai_generated: bool
    decision_id: str | None
    created_at: Timestamp


class TranscriptOut(BaseModel):
    conversation_id: str
    messages: list[TranscriptMessage]


class HandoffIn(_In):
    # a plain string, checked by the service, so that an unknown code's 422 lists the codes
    reason_code: str | None = Field(
        default=None, max_length=64,
        description="one of: " + ", ".join(c.value for c in HandoffReason)
        + " (default: customer_request from a widget, policy from staff)",
        json_schema_extra={"enum": [*(c.value for c in HandoffReason), None]},
    )
    note: str | None = Field(
        default=None, max_length=1000, json_schema_extra=FREE_TEXT,
        description="for the team; personal data in it is replaced by placeholders",
    )
    reason: str | None = Field(default=None, max_length=1000, json_schema_extra=FREE_TEXT,
                               description="old name of note")


class DecisionOut(_Out):
    id: str
    conversation_id: str
    message_id: str
    kind: DecisionKind
    intent: str
    confidence: float
    output: str
    oversight: Oversight
    model_version: str
    policy_version: str
    kb_version: str
    audit_seq: int | None
    created_at: Timestamp
    reason_code: HandoffReason | None = None
    links: dict[str, str]


class ExplanationOut(BaseModel):
    decision_id: str
    summary: str
    intent: str
    confidence: float
    top_terms: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    rules: list[dict[str, Any]]
    data_categories: list[str]
    how_to_appeal: str


class ReviewOut(_Out):
    id: str
    decision_id: str
    conversation_id: str
    status: ReviewStatus
    reason: str
    draft: str
    final_text: str | None
    created_at: Timestamp
    resolved_at: Timestamp | None
    priority: Literal["low", "normal", "high", "urgent"]
    due_at: Timestamp | None = Field(description="when the priority's SLA runs out")
    overdue: bool
    escalated_at: Timestamp | None = Field(description="when it was raised for being overdue")
    language: str | None
    intent: str | None
    claimed_by: str | None = Field(description="key id of the reviewer working it")
    claimed_at: Timestamp | None
    reviewed_by: str | None = Field(description="key id of the reviewer who decided")
    ai_track_record: TrackRecordOut | None = Field(
        description="how often reviewers approved AI drafts at this confidence (past verdicts)"
    )


class TrackRecordOut(_Out):
    confidence: float
    band: str
    verdicts: int
    approved_rate: float | None


class ReviewVerdictIn(_In):
    # "edit" needs the text to send, and only "edit" takes one
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"verdict": {"const": "edit"}}},
        "then": {"required": ["text"], "properties": {"text": {"type": "string"}}},
        "else": {"properties": {"text": {"type": "null"}}},
    })
    verdict: ReviewVerdict
    text: str | None = Field(default=None, description="The text to send, with verdict 'edit'.",
                             json_schema_extra=FREE_TEXT)


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    decisions: int
    problems: list[str]


class ProblemOut(BaseModel):
    field: str = Field(description="Dotted path of the field ('' for the body as a whole).")
    problem: str = Field(description="What is wrong with it; never the value sent.")


class ErrorOut(BaseModel):
    """Every error this API answers: a sentence, and for 422 the field-level problems."""

    error: str
    detail: list[ProblemOut] | None = None
