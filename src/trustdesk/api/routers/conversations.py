"""Conversations and messages: the customer-facing part of the API."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Response, status
from starlette.concurrency import run_in_threadpool

from trustdesk.api.deps import CallerDep, InlineDep, ServicesDep, StaffDep
from trustdesk.api.schemas import (
    ConversationIn,
    ConversationOut,
    ConversationStartedOut,
    DecisionRef,
    ErrorOut,
    HandoffIn,
    MessageIn,
    MessageOut,
    ReplyOut,
    SourceOut,
    TranscriptMessage,
    TranscriptOut,
)
from trustdesk.service import conversations as svc_conv
from trustdesk.service import messages as svc_messages
from trustdesk.service.oversight import handoff as svc_handoff

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
    return ConversationStartedOut.of(view)  # the token, this once


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
    reply = (
        ReplyOut(
            message_id=o.reply.message_id,
            text=o.reply.text,
            ai_generated=o.reply.ai_generated,
            disclosure=o.reply.disclosure,
            sources=[SourceOut.model_validate(s) for s in o.reply.sources],
        )
        if o.reply
        else None
    )
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
        ai_generated=reply is not None and reply.ai_generated,
        reply=reply,
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
        messages=[TranscriptMessage.model_validate(m) for m in messages],
    )


@router.post(
    "/{conversation_id}/agent-replies",
    status_code=status.HTTP_201_CREATED,
    summary="A person replies (agents and admins); takes over an AI conversation",
)
async def agent_reply(
    conversation_id: str, body: MessageIn, services: ServicesDep, caller: StaffDep
) -> TranscriptMessage:
    m = svc_conv.agent_reply(services, caller, conversation_id, body.text)
    return TranscriptMessage.model_validate(m)


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
