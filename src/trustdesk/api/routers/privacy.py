"""Privacy governance: notice, consents, AI opt-out, access log, data-subject requests."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from trustdesk.api.deps import AdminDep, CallerDep, ServicesDep
from trustdesk.api.openapi import CONFLICT, NOT_FOUND
from trustdesk.api.privacy_schemas import (
    AccessLogEntryOut,
    AccessLogOut,
    AccessPurposeName,
    AiOptOutIn,
    CompleteIn,
    CompletionOut,
    ConsentIn,
    ConsentRecordOut,
    ConsentsOut,
    NoticeOut,
    OriginalOut,
    OriginalsOut,
    PurposeStateOut,
    RejectIn,
    RequestFilterName,
    RequestIn,
    RequestListOut,
    RequestOut,
)
from trustdesk.api.schemas import ConversationOut
from trustdesk.service.privacy import consent as svc_privacy
from trustdesk.service.privacy import dsr as svc_dsr

router = APIRouter(tags=["privacy"])


def _request(v: svc_dsr.RequestView) -> RequestOut:
    return RequestOut(
        id=v.id, customer_id=v.customer_id, kind=v.kind.value, status=v.status.value,
        purposes=list(v.purposes), received_at=v.received_at, due_at=v.due_at,
        completed_at=v.completed_at, overdue=v.overdue, outcome=v.outcome,
    )


@router.get("/v1/privacy/notice", summary="The current privacy notice and its version")
async def notice(services: ServicesDep) -> NoticeOut:
    n = svc_privacy.current_notice(services)
    return NoticeOut(version=n.version, title=n.title, text=n.text, digest=n.digest)


@router.get("/v1/customers/{customer_id}/consents", summary="Consent ledger and current state")
async def consents(customer_id: str, services: ServicesDep, caller: CallerDep) -> ConsentsOut:
    s = svc_privacy.consent_summary(services, caller, customer_id)
    return ConsentsOut(
        customer_id=s.customer_id,
        current=[PurposeStateOut(**vars(p)) for p in s.current],
        history=[ConsentRecordOut(**vars(r)) for r in s.history],
    )


@router.post(
    "/v1/customers/{customer_id}/consents", status_code=status.HTTP_201_CREATED,
    summary="Grant or withdraw consent for one purpose (effective at once)",
    responses=CONFLICT,
)
async def record_consent(
    customer_id: str, body: ConsentIn, services: ServicesDep, caller: CallerDep
) -> ConsentRecordOut:
    r = svc_privacy.record_consent(
        services, caller, customer_id, purpose=body.purpose, granted=body.granted,
        lawful_basis=body.lawful_basis, channel=body.channel,
        notice_version=body.notice_version, reason=body.reason,
    )
    return ConsentRecordOut(**vars(r))


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
        messages=[OriginalOut(id=m.id, text=m.text, created_at=m.created_at) for m in rows],
    )


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
    return AccessLogOut(entries=[AccessLogEntryOut(**vars(r)) for r in rows])


@router.post("/v1/privacy/requests", status_code=status.HTTP_201_CREATED,
             summary="Log a data-subject request (due in 30 days)", responses=NOT_FOUND)
async def create_request(body: RequestIn, services: ServicesDep, caller: CallerDep) -> RequestOut:
    return _request(svc_dsr.create_request(
        services, caller, customer_id=body.customer_id, kind=body.kind, purposes=body.purposes
    ))


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
    return RequestListOut(requests=[_request(r) for r in rows])


@router.get("/v1/privacy/requests/{request_id}", summary="One data-subject request")
async def get_request(request_id: str, services: ServicesDep, caller: AdminDep) -> RequestOut:
    return _request(svc_dsr.get_request(services, caller, request_id))


@router.post("/v1/privacy/requests/{request_id}/complete",
             summary="Execute the request (export, erase, rectify, object, restrict)",
             responses=CONFLICT)
def complete_request(
    request_id: str, services: ServicesDep, caller: AdminDep, body: CompleteIn | None = None
) -> CompletionOut:
    rect = (
        svc_dsr.Rectification(body.message_id, body.text, body.customer_ref)
        if body is not None and (body.message_id or body.text or body.customer_ref)
        else None
    )
    done = svc_dsr.complete_request(services, caller, request_id, rectification=rect)
    return CompletionOut(request=_request(done.request), export=done.export)


@router.post("/v1/privacy/requests/{request_id}/reject", summary="Close a request unanswered",
             responses=CONFLICT)
async def reject_request(
    request_id: str, body: RejectIn, services: ServicesDep, caller: AdminDep
) -> RequestOut:
    return _request(svc_dsr.reject_request(services, caller, request_id, reason=body.reason))
