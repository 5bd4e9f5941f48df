"""Wire schemas of the privacy-governance API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from trustdesk.api.schemas import FREE_TEXT, Timestamp
from trustdesk.privacy.consent import LawfulBasis, Purpose, WithdrawalReason
from trustdesk.privacy.dsr import RequestKind

# the enums themselves, so a new purpose or basis cannot be missing here
PurposeName = Purpose
BasisName = LawfulBasis
ReasonName = WithdrawalReason
ChannelName = Literal["chat", "email", "api", "web", "phone", "in_person", "dsr"]
AccessPurposeName = Literal[
    "support", "ai_assistance", "quality_improvement", "model_training", "analytics",
    "fairness_audit", "data_subject_request",
]
RequestFilterName = Literal["received", "in_progress", "completed", "rejected", "open", "overdue"]
KindName = RequestKind


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoticeOut(BaseModel):
    version: str
    title: str
    text: str = Field(description="The notice as markdown.")
    digest: str


class ConsentIn(_In):
    # a grant takes no withdrawal reason
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"granted": {"const": True}}},
        "then": {"properties": {"reason": {"type": "null"}}},
    })
    purpose: PurposeName
    granted: StrictBool = Field(description="true grants, false withdraws (effective at once).")
    lawful_basis: BasisName | None = Field(
        default=None, description="Default: consent for a grant, the current basis otherwise."
    )
    channel: ChannelName = "api"
    notice_version: str | None = Field(
        default=None, max_length=32,
        description="The notice version the customer saw; must be the current one.",
    )
    reason: ReasonName | None = Field(default=None, description="Only for withdrawals.")


class ConsentRecordOut(BaseModel):
    id: str
    purpose: str
    granted: bool
    lawful_basis: str
    notice_version: str
    channel: str
    reason: str | None
    created_at: Timestamp


class PurposeStateOut(BaseModel):
    purpose: str
    allowed: bool
    lawful_basis: str | None
    reason: str


class ConsentsOut(BaseModel):
    customer_id: str
    current: list[PurposeStateOut]
    history: list[ConsentRecordOut]


class AiOptOutIn(_In):
    opt_out: StrictBool = Field(default=True, description="false opts the customer back in to AI.")


class AccessLogEntryOut(BaseModel):
    id: str
    created_at: Timestamp
    actor: str
    customer_id: str
    purpose: str | None
    category: str
    granted: bool
    reason: str


class AccessLogOut(BaseModel):
    entries: list[AccessLogEntryOut]


class OriginalOut(BaseModel):
    id: str
    text: str | None = Field(description="null once retention cleared the original.")
    created_at: Timestamp


class OriginalsOut(BaseModel):
    conversation_id: str
    purpose: str
    messages: list[OriginalOut]


class RequestIn(_In):
    # objections and restrictions name the purposes they are about; other kinds name none
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"kind": {"enum": ["objection", "restriction"]}}},
        "then": {"required": ["purposes"], "properties": {"purposes": {"minItems": 1}}},
        "else": {"properties": {"purposes": {"maxItems": 0}}},
    })
    customer_id: str = Field(min_length=1, max_length=32)
    kind: KindName
    purposes: list[PurposeName] = Field(
        default_factory=list, max_length=6, description="For objection and restriction."
    )


class CompleteIn(_In):
    message_id: str | None = Field(default=None, max_length=32)
    text: str | None = Field(default=None, min_length=1, description="The corrected message.",
                             json_schema_extra=FREE_TEXT)
    customer_ref: str | None = Field(default=None, max_length=128)


class RejectIn(_In):
    reason: Literal["identity_not_verified", "manifestly_unfounded", "excessive", "duplicate"]


class RequestOut(BaseModel):
    id: str
    customer_id: str
    kind: str
    status: str
    purposes: list[str]
    received_at: Timestamp
    due_at: Timestamp
    completed_at: Timestamp | None
    overdue: bool
    outcome: dict[str, Any] | None


class RequestListOut(BaseModel):
    requests: list[RequestOut]


class CompletionOut(BaseModel):
    request: RequestOut
    export: dict[str, Any] | None = Field(
        description="For an access request: everything held about the customer."
    )
