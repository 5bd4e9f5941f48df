"""Data-subject requests: log, list, complete (export, erase, ...) or reject."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from trustdesk.api.deps import AdminDep, CallerDep, ServicesDep
from trustdesk.api.openapi import CONFLICT, NOT_FOUND
from trustdesk.api.schemas import (
    FREE_TEXT,
    ErrorOut,
    _In,
)
from trustdesk.privacy.consent import Purpose
from trustdesk.privacy.dsr import RequestKind
from trustdesk.service.privacy import dsr as svc_dsr

RequestFilterName = Literal["received", "in_progress", "completed", "rejected", "open", "overdue"]




class RequestIn(_In):
    # objections and restrictions name the purposes they are about; other kinds name none
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"kind": {"enum": ["objection", "restriction"]}}},
        "then": {"required": ["purposes"], "properties": {"purposes": {"minItems": 1}}},
        "else": {"properties": {"purposes": {"maxItems": 0}}},
    })
    customer_id: str = Field(min_length=1, max_length=32)
    kind: RequestKind
    purposes: list[Purpose] = Field(
        default_factory=list, max_length=6, description="For objection and restriction."
    )


class CompleteIn(_In):
    # a corrected message names the message and its text: both or neither
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "dependentRequired": {"message_id": ["text"], "text": ["message_id"]},
    })
    message_id: str | None = Field(default=None, max_length=32)
    text: str | None = Field(default=None, min_length=1, description="The corrected message.",
                             json_schema_extra=FREE_TEXT)
    customer_ref: str | None = Field(default=None, max_length=128)


class RejectIn(_In):
    reason: Literal["identity_not_verified", "manifestly_unfounded", "excessive", "duplicate"]


class RequestListOut(BaseModel):
    requests: list[svc_dsr.RequestView]


router = APIRouter(tags=["privacy"])


@router.post("/v1/privacy/requests", status_code=status.HTTP_201_CREATED,
             summary="Log a data-subject request (due in 30 days)", responses=NOT_FOUND)
async def create_request(body: RequestIn, services: ServicesDep,
                         caller: CallerDep) -> svc_dsr.RequestView:
    return svc_dsr.create_request(
        services, caller, customer_id=body.customer_id, kind=body.kind, purposes=body.purposes
    )


@router.get("/v1/privacy/requests", summary="Data-subject requests, by due date")
async def list_requests(
    services: ServicesDep, caller: AdminDep,
    status_filter: Annotated[RequestFilterName | None, Query(
        alias="status", description="received, in_progress, completed, rejected, open, overdue"
    )] = None,
    customer_id: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> RequestListOut:
    rows = svc_dsr.list_requests(services, caller, status=status_filter,
                                 customer_id=customer_id, limit=limit)
    return RequestListOut(requests=rows)


@router.get("/v1/privacy/requests/{request_id}", summary="One data-subject request")
async def get_request(request_id: str, services: ServicesDep,
                      caller: AdminDep) -> svc_dsr.RequestView:
    return svc_dsr.get_request(services, caller, request_id)


@router.post("/v1/privacy/requests/{request_id}/complete",
             summary="Execute the request (export, erase, rectify, object, restrict)",
             responses={409: {"model": ErrorOut, "description": "already completed or rejected, "
                              "or a rectification without message_id and text or customer_ref"}})
def complete_request(
    request_id: str, services: ServicesDep, caller: AdminDep, body: CompleteIn | None = None
) -> svc_dsr.Completion:
    rect = (
        svc_dsr.Rectification(body.message_id, body.text, body.customer_ref)
        if body is not None and (body.message_id or body.text or body.customer_ref)
        else None
    )
    return svc_dsr.complete_request(services, caller, request_id, rectification=rect)


@router.post("/v1/privacy/requests/{request_id}/reject", summary="Close a request unanswered",
             responses=CONFLICT)
async def reject_request(
    request_id: str, body: RejectIn, services: ServicesDep, caller: AdminDep
) -> svc_dsr.RequestView:
    return svc_dsr.reject_request(services, caller, request_id, reason=body.reason)
