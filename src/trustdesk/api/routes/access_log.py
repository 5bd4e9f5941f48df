"""Who read whose personal data, for what purpose, and the outcome."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from trustdesk.api.deps import AdminDep, ServicesDep
from trustdesk.api.schemas import (
    AccessPurposeName,
)
from trustdesk.service.privacy import consent as svc_privacy


class AccessLogOut(BaseModel):
    entries: list[svc_privacy.AccessLogView]


router = APIRouter(tags=["privacy"])


@router.get("/v1/privacy/access-log", summary="Who read whose personal data, and why")
async def access_log(
    services: ServicesDep, caller: AdminDep,
    customer_id: Annotated[str | None, Query(max_length=32)] = None,
    purpose: Annotated[AccessPurposeName | None, Query()] = None,
    granted: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AccessLogOut:
    rows = svc_privacy.query_access_log(
        services, caller, customer_id=customer_id, purpose=purpose, granted=granted, limit=limit
    )
    return AccessLogOut(entries=rows)
