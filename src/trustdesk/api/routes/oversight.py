"""The automation-bias monitor for compliance and team leads."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from trustdesk.api.deps import AdminDep, ServicesDep
from trustdesk.api.schemas import (
    ErrorOut,
)
from trustdesk.service.oversight import monitor as oversight_monitor

router = APIRouter(prefix="/v1/oversight", tags=["oversight"])


class ReviewerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    reviewer: str = Field(description="the reviewer's key id")
    reviews: int
    approved: int
    edited: int
    rejected: int
    approval_rate: float
    edit_rate: float
    median_seconds_to_decide: float = Field(description="from the claim (else creation)")
    flags: list[str] = Field(
        description="rubber_stamping (>= 98% approved, median < 3 s, >= 50 reviews), "
        "rejects_almost_all, too_few_reviews"
    )


@router.get("/reviewers", summary="Per reviewer: approval and edit rates, speed, flags",
            responses={422: {"model": ErrorOut, "description": "a bad window"}})
async def reviewers(
    services: ServicesDep,
    caller: AdminDep,
    since: Annotated[datetime | None, Query(description="ISO time, inclusive")] = None,
    until: Annotated[datetime | None, Query(description="ISO time, exclusive")] = None,
) -> list[ReviewerOut]:
    return [ReviewerOut.model_validate(s)
            for s in oversight_monitor.reviewers(services.db, since=since, until=until)]
