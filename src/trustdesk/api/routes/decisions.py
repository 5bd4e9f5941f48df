"""Decisions and their explanations: the transparency part of the API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.schemas import (
    Timestamp,
    _Out,
)
from trustdesk.domain import (
    DecisionKind,
    HandoffReason,
    Oversight,
)
from trustdesk.service.decisions import get_decision
from trustdesk.service.explanations import get_explanation


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


router = APIRouter(prefix="/v1/decisions", tags=["decisions"])


@router.get("/{decision_id}", summary="A decision: what the AI did, with which versions")
async def get(decision_id: str, services: ServicesDep, caller: CallerDep) -> DecisionOut:
    d = get_decision(services, caller, decision_id)
    return DecisionOut.model_validate(
        {**asdict(d), "links": {"explanation": f"/v1/decisions/{d.id}/explanation"}}
    )


@router.get("/{decision_id}/explanation", summary="Why the AI answered as it did")
async def explanation(decision_id: str, services: ServicesDep,
                      caller: CallerDep) -> ExplanationDetailOut:
    detail = get_explanation(services, caller, decision_id)
    e = detail.decision.explanation
    return ExplanationDetailOut(
        decision_id=decision_id,
        summary=e["summary"],
        intent=e["intent"],
        confidence=e["confidence"],
        top_terms=e["top_terms"],
        sources=e["sources"],
        rules=e["rules"],
        data_categories=e["data_categories"],
        how_to_appeal=e["how_to_appeal"],
        reason_code=detail.decision.reason_code.value if detail.decision.reason_code else None,
        human_review=HumanReviewOut.model_validate(asdict(detail.review)),
        counterfactual=(CounterfactualOut.model_validate(detail.counterfactual)
                        if detail.counterfactual else None),
        system_card_url=detail.system_card_url,
    )
