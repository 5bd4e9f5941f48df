"""The review queue for agents."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from trustdesk.api.deps import ServicesDep, StaffDep
from trustdesk.api.schemas import (
    FREE_TEXT,
    ErrorOut,
    _In,
)
from trustdesk.domain import (
    ReviewStatus,
    ReviewVerdict,
)
from trustdesk.service.oversight import queue as svc_queue
from trustdesk.service.oversight import reviews as svc_reviews
from trustdesk.service.oversight.reviews import ReviewView


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


router = APIRouter(prefix="/v1/reviews", tags=["oversight"])


@router.get("", summary="Review tasks (open by default)")
async def list_reviews(
    services: ServicesDep,
    caller: StaffDep,
    status: Annotated[ReviewStatus | None, Query()] = ReviewStatus.OPEN,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    priority: Annotated[Literal["low", "normal", "high", "urgent"] | None, Query()] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    intent: Annotated[str | None, Query(pattern=r"^[a-z0-9_]{1,64}$")] = None,
    claimed: Annotated[bool | None, Query()] = None,
) -> list[ReviewView]:
    return svc_reviews.list_reviews(
        services, caller, status=status, limit=limit, priority=priority,
        language=language, intent=intent, claimed=claimed,
    )


_QUEUE_ERRORS: dict[int | str, dict[str, object]] = {
    403: {"model": ErrorOut, "description": "not staff, or not the claimer (release)"},
    404: {"model": ErrorOut, "description": "no such task"},
    409: {"model": ErrorOut, "description": "resolved already, or claimed by someone else"},
}


@router.post("/{task_id}/claim", summary="Take a task so no colleague works it too",
             responses=_QUEUE_ERRORS)
async def claim(task_id: str, services: ServicesDep, caller: StaffDep) -> ReviewView:
    return svc_queue.claim(services, caller, task_id)


@router.post("/{task_id}/release", summary="Give a claimed task back to the queue",
             responses=_QUEUE_ERRORS)
async def release(task_id: str, services: ServicesDep, caller: StaffDep) -> ReviewView:
    return svc_queue.release(services, caller, task_id)


@router.post("/{task_id}", summary="Approve, edit or reject a held-back AI answer",
             responses=_QUEUE_ERRORS)
async def resolve(
    task_id: str, body: ReviewVerdictIn, services: ServicesDep, caller: StaffDep
) -> ReviewView:
    return svc_reviews.resolve_review(
        services, caller, task_id, ReviewVerdict(body.verdict), text=body.text
    )
