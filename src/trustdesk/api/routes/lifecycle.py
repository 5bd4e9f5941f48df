"""A conversation's end: resolve it, rate it (a new customer message reopens it)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, status
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.schemas import (
    ConversationOut,
    ErrorOut,
)
from trustdesk.service.oversight import lifecycle as svc_lifecycle

router = APIRouter(prefix="/v1/conversations", tags=["conversations"])


def _whole(value: Any) -> Any:
    """JSON Schema counts 5.0 as an integer; strings and booleans stay refused."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: Annotated[int, BeforeValidator(_whole)] = Field(
        ge=1, le=5, strict=True, description="1 (very poor) to 5 (very good)")
    decision_id: str | None = Field(
        default=None, max_length=32, description="rate one AI answer instead of the conversation"
    )


@router.post(
    "/{conversation_id}/resolve",
    summary="Mark the conversation resolved; a new customer message reopens it",
    responses={404: {"model": ErrorOut, "description": "no such conversation"},
               409: {"model": ErrorOut, "description": "already resolved"}},
)
async def resolve(conversation_id: str, services: ServicesDep,
                  caller: CallerDep) -> ConversationOut:
    return ConversationOut.of(svc_lifecycle.resolve(services, caller, conversation_id))


@router.post(
    "/{conversation_id}/feedback",
    status_code=status.HTTP_201_CREATED,
    summary="Rate the conversation or one AI answer in it (1-5)",
    responses={404: {"model": ErrorOut, "description": "no such conversation or decision"},
               422: {"model": ErrorOut, "description": "rating outside 1-5"}},
)
async def feedback(conversation_id: str, body: FeedbackIn, services: ServicesDep,
                   caller: CallerDep) -> svc_lifecycle.FeedbackView:
    return svc_lifecycle.give_feedback(services, caller, conversation_id, rating=body.rating,
                                       decision_id=body.decision_id)
