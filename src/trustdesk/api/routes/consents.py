"""A customer's consent ledger, and the AI opt-out of a conversation's customer."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, status
from pydantic import ConfigDict, Field, StrictBool

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.api.openapi import CONFLICT
from trustdesk.api.schemas import (
    ConversationOut,
    _In,
)
from trustdesk.privacy.consent import LawfulBasis, Purpose, WithdrawalReason
from trustdesk.service.privacy import consent as svc_privacy

ChannelName = Literal["chat", "email", "api", "web", "phone", "in_person", "dsr"]


class ConsentIn(_In):
    # a grant takes no withdrawal reason
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"granted": {"const": True}}},
        "then": {"properties": {"reason": {"type": "null"}}},
    })
    purpose: Purpose
    granted: StrictBool = Field(description="true grants, false withdraws (effective at once).")
    lawful_basis: LawfulBasis | None = Field(
        default=None, description="Default: consent for a grant, the current basis otherwise."
    )
    channel: ChannelName = "api"
    notice_version: str | None = Field(
        default=None, max_length=32,
        description="The notice version the customer saw; must be the current one.",
    )
    reason: WithdrawalReason | None = Field(default=None, description="Only for withdrawals.")


class AiOptOutIn(_In):
    opt_out: StrictBool = Field(default=True, description="false opts the customer back in to AI.")


router = APIRouter(tags=["privacy"])


@router.get("/v1/customers/{customer_id}/consents", summary="Consent ledger and current state")
async def consents(customer_id: str, services: ServicesDep,
                   caller: CallerDep) -> svc_privacy.ConsentSummary:
    return svc_privacy.consent_summary(services, caller, customer_id)


@router.post(
    "/v1/customers/{customer_id}/consents", status_code=status.HTTP_201_CREATED,
    summary="Grant or withdraw consent for one purpose (effective at once)",
    responses=CONFLICT,
)
async def record_consent(
    customer_id: str, body: ConsentIn, services: ServicesDep, caller: CallerDep
) -> svc_privacy.ConsentRecordView:
    return svc_privacy.record_consent(
        services, caller, customer_id, purpose=body.purpose, granted=body.granted,
        lawful_basis=body.lawful_basis, channel=body.channel,
        notice_version=body.notice_version, reason=body.reason,
    )


@router.post("/v1/conversations/{conversation_id}/ai-opt-out",
             summary="Opt the customer out of AI (or back in with opt_out=false)")
async def ai_opt_out(
    conversation_id: str, services: ServicesDep, caller: CallerDep,
    body: AiOptOutIn | None = None,
) -> ConversationOut:
    opt_out = True if body is None else body.opt_out
    return ConversationOut.of(
        svc_privacy.set_ai_opt_out(services, caller, conversation_id, opt_out=opt_out)
    )


@router.post("/v1/conversations/{conversation_id}/ai-opt-in",
             summary="Opt the customer back in to AI assistance")
async def ai_opt_in(
    conversation_id: str, services: ServicesDep, caller: CallerDep
) -> ConversationOut:
    return ConversationOut.of(
        svc_privacy.set_ai_opt_out(services, caller, conversation_id, opt_out=False)
    )
