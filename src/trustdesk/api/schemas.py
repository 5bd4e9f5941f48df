"""API schemas: what goes over the wire, separate from tables and domain records."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from trustdesk.domain import (
    ConversationState,
    HandoffReason,
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


































class ProblemOut(BaseModel):
    field: str = Field(description="Dotted path of the field ('' for the body as a whole).")
    problem: str = Field(description="What is wrong with it; never the value sent.")


class ErrorOut(BaseModel):
    """Every error this API answers: a sentence, and for 422 the field-level problems."""

    error: str
    detail: list[ProblemOut] | None = None


# Purposes a read of personal data may name: the consent purposes and the subject's own request
AccessPurposeName = Literal[
    "support", "ai_assistance", "quality_improvement", "model_training", "analytics",
    "fairness_audit", "data_subject_request",
]
