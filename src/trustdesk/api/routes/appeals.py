"""Appeals: a customer contests a decision (POST /v1/decisions/{id}/appeal, in decisions.py);
a person upholds or overturns it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import Field

from trustdesk.api.deps import ServicesDep, StaffDep
from trustdesk.api.schemas import FREE_TEXT, ErrorOut, _In
from trustdesk.service.oversight import appeals as svc_appeals
from trustdesk.service.oversight.appeals import MAX_REASON_CHARS, AppealStatus, AppealView


class AppealIn(_In):
    reason: str | None = Field(
        default=None, min_length=1, max_length=MAX_REASON_CHARS,
        description="why the decision is wrong, in the customer's words (redacted before it "
                    "is stored)", json_schema_extra=FREE_TEXT)


class AppealDecisionIn(_In):
    outcome: Literal["upheld", "overturned"] = Field(
        description="upheld: the decision stands; overturned: it is changed")
    note: str | None = Field(
        default=None, min_length=1, max_length=MAX_REASON_CHARS,
        description="for the record (redacted; not sent to the customer)",
        json_schema_extra=FREE_TEXT)


router = APIRouter(prefix="/v1/appeals", tags=["oversight"])


@router.get("", summary="Appeals, oldest first (open by default)")
async def list_appeals(
    services: ServicesDep,
    caller: StaffDep,
    status: Annotated[AppealStatus | None, Query()] = AppealStatus.OPEN,
    limit: Annotated[int, Query(ge=1, le=svc_appeals.MAX_LISTED)] = 100,
) -> list[AppealView]:
    return svc_appeals.list_appeals(services, caller, status=status, limit=limit)


@router.post(
    "/{appeal_id}/decide",
    summary="Uphold or overturn the contested decision; the customer is told which",
    responses={404: {"model": ErrorOut, "description": "no such appeal"},
               409: {"model": ErrorOut, "description": "already decided"}},
)
async def decide(appeal_id: str, body: AppealDecisionIn, services: ServicesDep,
                 caller: StaffDep) -> AppealView:
    return svc_appeals.decide(services, caller, appeal_id, outcome=AppealStatus(body.outcome),
                              note=body.note)
