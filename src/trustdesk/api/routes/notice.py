"""The privacy notice a customer is shown, and its version."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from trustdesk.api.deps import ServicesDep
from trustdesk.service.privacy import consent as svc_privacy


class NoticeOut(BaseModel):
    version: str
    title: str
    text: str = Field(description="The notice as markdown.")
    digest: str


router = APIRouter(tags=["privacy"])


@router.get("/v1/privacy/notice", summary="The current privacy notice and its version")
async def notice(services: ServicesDep) -> NoticeOut:
    n = svc_privacy.current_notice(services)
    return NoticeOut(version=n.version, title=n.title, text=n.text, digest=n.digest)
