"""Data-subject requests as tracked records: received -> in_progress -> completed/rejected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from trustdesk.accountability import audit
from trustdesk.domain import Role, new_id, utcnow
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from trustdesk.domain.views import described
from trustdesk.privacy.access import refusals_logged
from trustdesk.privacy.consent import Purpose
from trustdesk.privacy.dsr import (
    OPEN_STATUSES,
    PURPOSE_KINDS,
    RequestKind,
    RequestStatus,
    due_at,
    is_overdue,
)
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.consent import customer_for
from trustdesk.service.privacy.subject import (
    erase_subject,
    export_subject,
    object_to_purposes,
    rectify_subject,
)
from trustdesk.store.tables.privacy import DataSubjectRequestRow
from trustdesk.store.uow import UnitOfWork

LIST_FILTERS = ("open", "overdue", *(s.value for s in RequestStatus))
REJECT_REASONS = ("identity_not_verified", "manifestly_unfounded", "excessive", "duplicate")
# What an erasure rewrites or deletes: scrubbed from the database files once it commits.
ERASED_TABLES = ("data_keys", "customers", "conversations", "messages", "decisions",
                 "explanations", "review_tasks", "appeals", "protected_attributes")


@dataclass(frozen=True)
class RequestView:
    id: str
    customer_id: str
    kind: RequestKind
    status: RequestStatus
    purposes: tuple[str, ...]
    received_at: datetime
    due_at: datetime
    completed_at: datetime | None
    overdue: bool
    outcome: dict[str, Any] | None


@dataclass(frozen=True)
class Completion:
    request: RequestView
    export: dict[str, Any] | None = field(metadata=described(
        "For an access request: everything held about the customer."))


@dataclass(frozen=True)
class Rectification:
    message_id: str | None = None
    text: str | None = None
    customer_ref: str | None = None


def _view(row: DataSubjectRequestRow, now: datetime | None = None) -> RequestView:
    return RequestView(
        id=row.id, customer_id=row.customer_id, kind=RequestKind(row.kind),
        status=RequestStatus(row.status), purposes=tuple(row.purposes),
        received_at=row.received_at, due_at=row.due_at,
        completed_at=row.completed_at,
        overdue=is_overdue(row.status, row.due_at, now or utcnow()), outcome=row.outcome,
    )


def _admin(caller: Caller) -> None:
    if caller.role is not Role.ADMIN:
        raise Forbidden("data-subject requests are handled with an admin key")


def create_request(
    svc: Services,
    caller: Caller,
    *,
    customer_id: str,
    kind: str,
    purposes: Sequence[str] = (),
    now: datetime | None = None,
) -> RequestView:
    """Log a request on receipt; the 30-day clock starts now. Widgets file for their own."""
    try:
        k = RequestKind(kind)
    except ValueError:
        raise InvalidInput(
            f"kind must be one of {', '.join(x.value for x in RequestKind)}"
        ) from None
    if k in PURPOSE_KINDS:
        if not purposes:
            raise InvalidInput(f"an {k.value} request must name the purposes it is about")
        bad = [p for p in purposes if p not in Purpose.__members__.values()]
        if bad:
            raise InvalidInput(
                f"purposes: unknown purpose; use {', '.join(p.value for p in Purpose)}"
            )
    elif purposes:
        raise InvalidInput(f"purposes are only for objection or restriction, not {k.value}")
    received = now or utcnow()
    row = DataSubjectRequestRow(
        id=new_id(), customer_id=customer_id, kind=k.value,
        status=RequestStatus.RECEIVED.value, purposes=sorted(set(purposes)),
        requested_by=f"key:{caller.key_id}", received_at=received,
        due_at=due_at(received, svc.governance.dsr_due_days), completed_at=None, outcome=None,
    )
    with UnitOfWork(svc.db, write=True) as uow:
        customer_for(uow, caller, customer_id)
        uow.subject_requests.add(row)
        audit.append(uow, actor=row.requested_by, action="dsr.received",
                     subject_type="data_subject_request", subject_id=row.id,
                     payload={"kind": k.value, "customer_id": customer_id,
                              "due_at": row.due_at.isoformat()})
        uow.commit()
    return _view(row)


def list_requests(
    svc: Services, caller: Caller, *, status: str | None = None,
    customer_id: str | None = None, limit: int = 100, now: datetime | None = None,
) -> list[RequestView]:
    """Requests by due date; `status` is a status, `open` or `overdue` (open and past due)."""
    _admin(caller)
    if status is not None and status not in LIST_FILTERS:
        raise InvalidInput(f"status must be one of {', '.join(LIST_FILTERS)}")
    if not 1 <= limit <= 1000:
        raise InvalidInput("limit must be between 1 and 1000")
    now = now or utcnow()
    statuses: list[str] | None = None
    due_before = None
    if status in ("open", "overdue"):
        statuses = [s.value for s in OPEN_STATUSES]
        due_before = now if status == "overdue" else None
    elif status is not None:
        statuses = [status]
    with UnitOfWork(svc.db) as uow:
        rows = uow.subject_requests.listing(
            statuses=statuses, due_before=due_before, customer_id=customer_id, limit=limit
        )
        return [_view(r, now) for r in rows]


def get_request(svc: Services, caller: Caller, request_id: str) -> RequestView:
    _admin(caller)
    with UnitOfWork(svc.db) as uow:
        row = uow.subject_requests.get(request_id)
        if row is None:
            raise NotFound("data-subject request not found")
        return _view(row)


def _start(svc: Services, request_id: str, actor: str,
           rectification: Rectification | None) -> DataSubjectRequestRow:
    """Mark the request in progress in its own transaction, so a crash leaves a trace."""
    with UnitOfWork(svc.db, write=True) as uow:
        row = uow.subject_requests.get(request_id, for_update=True)
        if row is None:
            raise NotFound("data-subject request not found")
        if row.status not in OPEN_STATUSES:
            raise Conflict(f"this data-subject request is already {row.status}")
        if row.kind != RequestKind.RECTIFICATION and rectification is not None:
            # valid by itself, but not for the kind of request stored under this id (409)
            raise Conflict("only a rectification takes message_id, text or customer_ref")
        if row.status != RequestStatus.IN_PROGRESS:
            row.status = RequestStatus.IN_PROGRESS.value
            audit.append(uow, actor=actor, action="dsr.in_progress",
                         subject_type="data_subject_request", subject_id=row.id,
                         payload={"kind": row.kind})
        uow.commit()
    return row


def complete_request(
    svc: Services, caller: Caller, request_id: str, *,
    rectification: Rectification | None = None,
) -> Completion:
    """Execute the request and close it; the outcome holds counts and ids, never content."""
    _admin(caller)
    actor = f"key:{caller.key_id}"
    row = _start(svc, request_id, actor, rectification)
    kind = RequestKind(row.kind)
    export: dict[str, Any] | None = None
    with refusals_logged(svc.db), UnitOfWork(svc.db, write=True) as uow:
        current = uow.subject_requests.get(request_id, for_update=True)
        assert current is not None
        if current.status != RequestStatus.IN_PROGRESS:
            raise Conflict(f"this data-subject request is already {current.status}")
        cid = current.customer_id
        if kind is RequestKind.ACCESS:
            export = export_subject(uow, svc, cid, actor=actor, request_id=request_id)
            outcome: dict[str, Any] = {
                "conversations": len(export["conversations"]),
                "messages": sum(len(c["messages"]) for c in export["conversations"]),
            }
        elif kind is RequestKind.ERASURE:
            outcome = dict(erase_subject(uow, svc, cid, actor=actor, request_id=request_id))
        elif kind is RequestKind.RECTIFICATION:
            if rectification is None:
                # what the stored request asks for decides, not the body's schema: a conflict
                raise Conflict("this request is a rectification: send message_id and text, "
                               "or customer_ref, to complete it")
            r = rectification
            outcome = rectify_subject(uow, svc, cid, actor=actor, message_id=r.message_id,
                                      text=r.text, customer_ref=r.customer_ref,
                                      request_id=request_id)
        else:
            done = object_to_purposes(uow, svc, cid, current.purposes, reason=kind.value,
                                      actor=actor)
            outcome = {"purposes_stopped": done}
        current.status = RequestStatus.COMPLETED.value
        current.completed_at = utcnow()
        current.outcome = outcome
        audit.append(uow, actor=actor, action="dsr.completed",
                     subject_type="data_subject_request", subject_id=current.id,
                     payload={"kind": kind.value, "outcome": outcome})
        view = _view(current)
        uow.commit()
    if kind is RequestKind.ERASURE:
        svc.db.scrub(ERASED_TABLES)  # after the commit: the old rows are garbage only now
    return Completion(view, export)


def reject_request(svc: Services, caller: Caller, request_id: str, *, reason: str) -> RequestView:
    """Close a request without acting on it, for one of the reasons the law allows."""
    _admin(caller)
    if reason not in REJECT_REASONS:
        raise InvalidInput(f"reason must be one of {', '.join(REJECT_REASONS)}")
    with UnitOfWork(svc.db, write=True) as uow:
        row = uow.subject_requests.get(request_id, for_update=True)
        if row is None:
            raise NotFound("data-subject request not found")
        if row.status not in OPEN_STATUSES:
            raise Conflict(f"this data-subject request is already {row.status}")
        row.status, row.completed_at = RequestStatus.REJECTED.value, utcnow()
        row.outcome = {"rejected": reason}
        audit.append(uow, actor=f"key:{caller.key_id}", action="dsr.rejected",
                     subject_type="data_subject_request", subject_id=row.id,
                     payload={"kind": row.kind, "reason": reason})
        view = _view(row)
        uow.commit()
    return view
