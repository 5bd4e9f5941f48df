"""The review queue for agents."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from trustdesk.api.deps import ServicesDep, StaffDep
from trustdesk.api.schemas import (
    FREE_TEXT,
    ErrorOut,
    Timestamp,
    _In,
    _Out,
)
from trustdesk.domain import (
    ReviewStatus,
    ReviewVerdict,
)
from trustdesk.service.oversight import queue as svc_queue
from trustdesk.service.oversight import reviews as svc_reviews
from trustdesk.service.oversight.reviews import ReviewView, view_of


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


router = APIRouter(prefix="/v1/reviews", tags=["oversight"])


def _out(v: ReviewView) -> ReviewOut:
    return ReviewOut.model_validate(v)


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
) -> list[ReviewOut]:
    return [
        _out(v)
        for v in svc_reviews.list_reviews(
            services, caller, status=status, limit=limit, priority=priority,
            language=language, intent=intent, claimed=claimed,
        )
    ]


_QUEUE_ERRORS: dict[int | str, dict[str, object]] = {
    403: {"model": ErrorOut, "description": "not staff, or not the claimer (release)"},
    404: {"model": ErrorOut, "description": "no such task"},
    409: {"model": ErrorOut, "description": "resolved already, or claimed by someone else"},
}


@router.post("/{task_id}/claim", summary="Take a task so no colleague works it too",
             responses=_QUEUE_ERRORS)
async def claim(task_id: str, services: ServicesDep, caller: StaffDep) -> ReviewOut:
    return _out(view_of(svc_queue.claim(services, caller, task_id)))


@router.post("/{task_id}/release", summary="Give a claimed task back to the queue",
             responses=_QUEUE_ERRORS)
async def release(task_id: str, services: ServicesDep, caller: StaffDep) -> ReviewOut:
    return _out(view_of(svc_queue.release(services, caller, task_id)))


@router.post("/{task_id}", summary="Approve, edit or reject a held-back AI answer",
             responses=_QUEUE_ERRORS)
async def resolve(
    task_id: str, body: ReviewVerdictIn, services: ServicesDep, caller: StaffDep
) -> ReviewOut:
    view = svc_reviews.resolve_review(
        services, caller, task_id, ReviewVerdict(body.verdict), text=body.text
    )
    return _out(view)
