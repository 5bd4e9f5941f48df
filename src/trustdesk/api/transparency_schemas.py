"""Response schemas of the transparency routes: explanations in full, cards."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from trustdesk.api.schemas import ExplanationOut, Timestamp


class HumanReviewOut(BaseModel):
    reviewed: bool = Field(description="whether a person reviewed the AI's decision")
    status: Literal["automatic", "handoff", "open", "approved", "edited", "rejected"]
    by_role: Literal["agent", "admin"] | None = Field(
        description="the reviewer's role (never their name or key)")
    decided_at: Timestamp | None
    summary: str


class CounterfactualChangeOut(BaseModel):
    rule_id: str
    signal: Literal["intent", "text", "confidence", "urgency", "sentiment", "in_scope",
                    "paused", "language", "answer", "output", "rule"] = Field(
        description="what would have to differ: a signal the policy reads, the kill switch, "
        "a check of the message path, or a rule no longer in the policy")
    needed: Any = Field(description="the threshold, the words to leave out, or the intents")
    sentence: str


class CounterfactualOut(BaseModel):
    outcome_if_changed: Literal["reply"]
    changes: list[CounterfactualChangeOut] = Field(description="one per rule that held it")
    summary: str = Field(description="'This would have been answered automatically if ...'")
    policy_version: str
    exact: bool = Field(description="false when the policy changed since the decision")


class ExplanationDetailOut(ExplanationOut):
    reason_code: str | None = Field(description="why a person reviews or takes over")
    human_review: HumanReviewOut
    counterfactual: CounterfactualOut | None = Field(
        description="what would have let the AI answer on its own; null for an automatic reply")
    system_card_url: str = Field(description="the whole system described (GET it)")


class CardOut(BaseModel):
    """A model or system card; `card` says which (the CLI prints the same document)."""

    model_config = {"extra": "allow"}
    card: Literal["model", "system"]
