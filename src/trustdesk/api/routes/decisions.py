"""Decisions and their explanations: the transparency part of the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.routes.appeals import AppealIn
from trustdesk.api.schemas import ErrorOut, linked
from trustdesk.service.decisions import DecisionView, get_decision
from trustdesk.service.explanations import HumanReview, get_explanation
from trustdesk.service.oversight import appeals as svc_appeals
from trustdesk.service.oversight.appeals import AppealView


@dataclass(frozen=True, kw_only=True)
class DecisionOut(DecisionView):
    """A decision, with the link to its explanation."""

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
    answer_confidence: float | None = Field(
        default=None, description="the answer verifier's probability that the cited passage "
        "answers the question; null without a help-centre answer. The policy's confidence "
        "rules read the surer of this and `confidence`")



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
    human_review: HumanReview
    counterfactual: CounterfactualOut | None = Field(
        description="what would have let the AI answer on its own; null for an automatic reply")
    system_card_url: str = Field(description="the whole system described (GET it)")
    appeal: AppealView | None = Field(
        description="the customer's contest of this decision and its outcome; null if none")
    appeal_url: str = Field(description="POST here to contest the decision (how_to_appeal)")


router = APIRouter(prefix="/v1/decisions", tags=["decisions"])


@router.get("/{decision_id}", summary="A decision: what the AI did, with which versions")
async def get(decision_id: str, services: ServicesDep, caller: CallerDep) -> DecisionOut:
    d = get_decision(services, caller, decision_id)
    return linked(DecisionOut, d, {"explanation": f"/v1/decisions/{d.id}/explanation"})


@router.get("/{decision_id}/explanation", summary="Why the AI answered as it did")
async def explanation(decision_id: str, services: ServicesDep,
                      caller: CallerDep) -> ExplanationDetailOut:
    detail = get_explanation(services, caller, decision_id)
    e = detail.explanation
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
        answer_confidence=e.get("answer_confidence"),
        reason_code=detail.decision.reason_code.value if detail.decision.reason_code else None,
        human_review=detail.review,
        counterfactual=(CounterfactualOut.model_validate(detail.counterfactual)
                        if detail.counterfactual else None),
        system_card_url=detail.system_card_url,
        appeal=detail.appeal,
        appeal_url=f"/v1/decisions/{decision_id}/appeal",
    )


@router.post(
    "/{decision_id}/appeal",
    status_code=status.HTTP_201_CREATED,
    summary="Contest a decision: a person looks at it again (the AI stays silent meanwhile)",
    responses={404: {"model": ErrorOut, "description": "no such decision visible to the key"},
               409: {"model": ErrorOut, "description": "this decision is already contested"}},
)
async def contest(decision_id: str, services: ServicesDep, caller: CallerDep,
                  body: AppealIn | None = None) -> AppealView:
    return svc_appeals.contest(services, caller, decision_id,
                               reason=None if body is None else body.reason)
