"""The review queue for agents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from trustdesk.api.deps import ServicesDep, StaffDep
from trustdesk.api.openapi import CONFLICT
from trustdesk.api.schemas import ReviewOut, ReviewVerdictIn
from trustdesk.domain import ReviewStatus
from trustdesk.service import reviews as svc_reviews
from trustdesk.service.reviews import ReviewView, Verdict

router = APIRouter(prefix="/v1/reviews", tags=["oversight"])


def _out(v: ReviewView) -> ReviewOut:
    return ReviewOut.model_validate(v)


@router.get("", summary="Review tasks (open by default)")
async def list_reviews(
    services: ServicesDep,
    caller: StaffDep,
    status: Annotated[ReviewStatus | None, Query()] = ReviewStatus.OPEN,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ReviewOut]:
    return [_out(v) for v in svc_reviews.list_reviews(services, caller, status=status, limit=limit)]


@router.post("/{task_id}", summary="Approve, edit or reject a held-back AI answer",
             responses=CONFLICT)
async def resolve(
    task_id: str, body: ReviewVerdictIn, services: ServicesDep, caller: StaffDep
) -> ReviewOut:
    view = svc_reviews.resolve_review(
        services, caller, task_id, Verdict(body.verdict), text=body.text
    )
    return _out(view)
