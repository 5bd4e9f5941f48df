"""The automation-bias monitor for compliance and team leads."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from trustdesk.api.deps import AdminDep, ServicesDep
from trustdesk.api.schemas import (
    ErrorOut,
)
from trustdesk.oversight.bias import ReviewerStats
from trustdesk.service.oversight import monitor as oversight_monitor

router = APIRouter(prefix="/v1/oversight", tags=["oversight"])


@router.get("/reviewers", summary="Per reviewer: approval and edit rates, speed, flags",
            responses={422: {"model": ErrorOut, "description": "a bad window"}})
async def reviewers(
    services: ServicesDep,
    caller: AdminDep,
    since: Annotated[datetime | None, Query(description="ISO time, inclusive")] = None,
    until: Annotated[datetime | None, Query(description="ISO time, exclusive")] = None,
) -> list[ReviewerStats]:
    return oversight_monitor.reviewers(services.db, since=since, until=until)
