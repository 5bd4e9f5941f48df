"""Conversations and messages: the customer-facing part of the API."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Literal

from fastapi import APIRouter, Response, status
from pydantic import BaseModel, ConfigDict, Field, StrictBool
from starlette.concurrency import run_in_threadpool

from trustdesk.api.deps import CallerDep, InlineDep, ServicesDep, StaffDep
from trustdesk.api.schemas import (
    FREE_TEXT,
    ConversationOut,
    ErrorOut,
    _In,
    conversation_links,
    linked,
)
from trustdesk.domain import (
    ConversationState,
    DecisionKind,
    HandoffReason,
    Oversight,
)
from trustdesk.service import conversations as svc_conv
from trustdesk.service import messages as svc_messages
from trustdesk.service.oversight import handoff as svc_handoff


class ConversationIn(_In):
    # identifier_hash signs a customer_ref, so it comes with one
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, json_schema_extra={
        "if": {"properties": {"identifier_hash": {"type": "string"}},
               "required": ["identifier_hash"]},
        "then": {"required": ["customer_ref"], "properties": {"customer_ref": {"type": "string"}}},
    })
    customer_ref: str | None = Field(
        default=None,
        max_length=128,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$",
        description="Your opaque id for the customer (never an e-mail or a name); "
        "the same ref links a returning customer's conversations.",
    )
    customer_token: str | None = Field(
        default=None,
        max_length=2048,
        description="A short-lived HS256 JWT from your back end whose `sub` is the customer "
        "reference (with `iat` and `exp`), signed with the identity secret "
        "(`trustdesk keys identity-secret`). Without a valid signature a widget's "
        "conversation gets an anonymous customer of its own.",
    )
    identifier_hash: str | None = Field(
        default=None,
        pattern=r"^[0-9a-fA-F]{64}$",
        description="The older form: hex HMAC-SHA256 of customer_ref under the identity secret.",
    )
    channel: Literal["chat", "email", "api"] = "chat"
    ai_opt_out: StrictBool = Field(
        default=False, description="Human-only service: no model sees this customer's messages."
    )


@dataclass(frozen=True, kw_only=True)
class ConversationStartedOut(svc_conv.NewConversation):
    """A conversation just started, with its token (this once) and the links to follow."""

    links: dict[str, str]


class MessageIn(_In):
    text: str = Field(min_length=1, description="The customer's message, plain text.",
                      json_schema_extra=FREE_TEXT)


class DecisionRef(BaseModel):
    id: str
    kind: DecisionKind
    oversight: Oversight
    explanation_url: str


class MessageOut(BaseModel):
    conversation_id: str
    message_id: str
    stored_text: str = Field(description="Your message as stored: personal data replaced.")
    pii_detected: list[str]
    conversation_state: ConversationState
    ai_generated: bool
    reply: svc_messages.Reply | None
    decision: DecisionRef | None
    links: dict[str, str]


class TranscriptOut(BaseModel):
    conversation_id: str
    messages: list[svc_conv.MessageView]


class HandoffIn(_In):
    # a plain string, checked by the service, so that an unknown code's 422 lists the codes
    reason_code: str | None = Field(
        default=None, max_length=64,
        description="one of: " + ", ".join(c.value for c in HandoffReason)
        + " (default: customer_request from a widget, policy from staff)",
        json_schema_extra={"enum": [*(c.value for c in HandoffReason), None]},
    )
    note: str | None = Field(
        default=None, max_length=1000, json_schema_extra=FREE_TEXT,
        description="for the team; personal data in it is replaced by placeholders",
    )
    reason: str | None = Field(default=None, max_length=1000, json_schema_extra=FREE_TEXT,
                               description="old name of note")


router = APIRouter(prefix="/v1/conversations", tags=["conversations"])


@router.post(
    "", status_code=status.HTTP_201_CREATED, summary="Start a conversation (widget, admin)",
)
async def start(
    body: ConversationIn, services: ServicesDep, caller: CallerDep
) -> ConversationStartedOut:
    view = svc_conv.start_conversation(
        services,
        caller,
        customer_ref=body.customer_ref,
        customer_token=body.customer_token,
        identifier_hash=body.identifier_hash,
        channel=body.channel,
        ai_opt_out=body.ai_opt_out,
    )
    return linked(ConversationStartedOut, view, conversation_links(view.id))  # token, once


@router.get("/{conversation_id}", summary="Get a conversation")
async def get(conversation_id: str, services: ServicesDep, caller: CallerDep) -> ConversationOut:
    return ConversationOut.of(svc_conv.get_conversation(services, caller, conversation_id))


@router.post(
    "/{conversation_id}/messages",
    summary="Send a customer message; returns the AI reply with its decision",
    response_model=MessageOut,
)
async def post_message(
    conversation_id: str, body: MessageIn, services: ServicesDep, caller: CallerDep,
    inline: InlineDep,
) -> Response:
    run = partial(svc_messages.post_message, services, caller, conversation_id, body.text)
    # The path is CPU-bound Python plus a local database: run inline (see routers/__init__),
    # in arrival order. Handing it to the thread pool made the loop and the worker fight over
    # the GIL (one worker: 94 -> 163 msg/s inline). With an LLM backend the path waits on the
    # network for seconds, so then it goes to a thread and the loop serves other requests.
    o = await run_in_threadpool(run) if services.path_waits_on_network else await inline.run(run)
    decision = (
        DecisionRef(
            id=o.decision_id,
            kind=o.decision_kind,
            oversight=o.oversight,
            explanation_url=f"/v1/decisions/{o.decision_id}/explanation",
        )
        if o.decision_id and o.decision_kind and o.oversight
        else None
    )
    links = {"handoff": f"/v1/conversations/{o.conversation_id}/handoff"}
    if decision is not None:
        links["why"] = decision.explanation_url
    out = MessageOut(
        conversation_id=o.conversation_id,
        message_id=o.message_id,
        stored_text=o.stored_text,
        pii_detected=list(o.pii_types),
        conversation_state=o.state,
        ai_generated=o.reply is not None and o.reply.ai_generated,
        reply=o.reply,
        decision=decision,
        links=links,
    )
    # Serialised by pydantic in one call: FastAPI would validate the model it was just built
    # from again and encode it through the standard json module (~0.3 ms of 5 per message).
    return Response(out.model_dump_json(), media_type="application/json")


@router.get("/{conversation_id}/messages", summary="The transcript, as stored")
async def transcript(
    conversation_id: str, services: ServicesDep, caller: CallerDep
) -> TranscriptOut:
    messages = svc_conv.list_messages(services, caller, conversation_id)
    return TranscriptOut(
        conversation_id=conversation_id,
        messages=messages,
    )


@router.post(
    "/{conversation_id}/agent-replies",
    status_code=status.HTTP_201_CREATED,
    summary="A person replies (agents and admins); takes over an AI conversation",
)
async def agent_reply(
    conversation_id: str, body: MessageIn, services: ServicesDep, caller: StaffDep
) -> svc_conv.MessageView:
    return svc_conv.agent_reply(services, caller, conversation_id, body.text)


@router.post("/{conversation_id}/handoff", summary="Hand the conversation to a person",
             responses={422: {"model": ErrorOut, "description": "unknown reason_code"}})
async def handoff(
    conversation_id: str,
    services: ServicesDep,
    caller: CallerDep,
    body: HandoffIn | None = None,
) -> ConversationOut:
    view = svc_handoff.handoff(
        services, caller, conversation_id,
        reason_code_value=body.reason_code if body else None,
        note=(body.note or body.reason) if body else None,
    )
    return ConversationOut.of(view)
