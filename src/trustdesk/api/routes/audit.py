"""The audit log, for compliance owners."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from trustdesk.api.deps import AdminDep, ServicesDep
from trustdesk.service.audit import verify_log


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    decisions: int
    problems: list[str]


router = APIRouter(prefix="/v1/audit", tags=["accountability"])


@router.get("/verify", summary="Verify the whole hash chain and every decision's seal")
def verify(services: ServicesDep, caller: AdminDep) -> AuditVerifyOut:
    result = verify_log(services.db)
    return AuditVerifyOut(
        ok=result.ok, entries=result.entries, decisions=result.decisions, problems=result.problems
    )
