"""A conversation's original customer messages, for staff; purpose-checked, logged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.schemas import (
    AccessPurposeName,
)
from trustdesk.service.privacy import consent as svc_privacy


class OriginalsOut(BaseModel):
    conversation_id: str
    purpose: str
    messages: list[svc_privacy.OriginalMessage]


router = APIRouter(tags=["privacy"])


@router.get("/v1/conversations/{conversation_id}/originals",
            summary="Original customer messages for staff; purpose-checked and logged")
async def originals(
    conversation_id: str, services: ServicesDep, caller: CallerDep,
    purpose: Annotated[AccessPurposeName | None,
                       Query(description="Why you read them, e.g. support")] = None,
) -> OriginalsOut:
    rows = svc_privacy.read_originals(services, caller, conversation_id, purpose=purpose)
    return OriginalsOut(
        conversation_id=conversation_id, purpose=purpose or "",
        messages=rows,
    )
