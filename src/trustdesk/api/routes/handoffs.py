"""Handing a conversation back to the AI (the handoff route lives with conversations)."""

from __future__ import annotations

from fastapi import APIRouter

from trustdesk.api.deps import ServicesDep, StaffDep
from trustdesk.api.schemas import (
    ConversationOut,
    ErrorOut,
)
from trustdesk.service.oversight import handoff as svc_handoff

router = APIRouter(prefix="/v1/conversations", tags=["oversight"])


@router.post(
    "/{conversation_id}/hand-back",
    summary="A person hands the conversation back to the AI (agents and admins)",
    responses={
        403: {"model": ErrorOut, "description": "not an agent or admin key"},
        404: {"model": ErrorOut, "description": "no such conversation"},
        409: {"model": ErrorOut, "description": "not with a person, or the customer opted out"},
    },
)
async def hand_back(conversation_id: str, services: ServicesDep,
                    caller: StaffDep) -> ConversationOut:
    return ConversationOut.of(svc_handoff.hand_back(services, caller, conversation_id))
