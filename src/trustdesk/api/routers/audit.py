"""The audit log, for compliance owners."""

from __future__ import annotations

from fastapi import APIRouter

from trustdesk.accountability import audit
from trustdesk.api.deps import AdminDep, ServicesDep
from trustdesk.api.schemas import AuditVerifyOut
from trustdesk.store.uow import UnitOfWork

router = APIRouter(prefix="/v1/audit", tags=["accountability"])


@router.get("/verify", summary="Verify the whole hash chain and every decision's seal")
def verify(services: ServicesDep, caller: AdminDep) -> AuditVerifyOut:
    with UnitOfWork(services.db) as uow:
        result = audit.verify(uow)
    return AuditVerifyOut(
        ok=result.ok, entries=result.entries, decisions=result.decisions, problems=result.problems
    )
