"""Decisions and their explanations: the transparency part of the API."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.schemas import DecisionOut
from trustdesk.api.transparency_schemas import (
    CounterfactualOut,
    ExplanationDetailOut,
    HumanReviewOut,
)
from trustdesk.service.decisions import get_decision
from trustdesk.service.explanations import get_explanation

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
