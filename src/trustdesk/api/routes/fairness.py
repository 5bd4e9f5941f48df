"""Fairness: self-declared protected attributes (declare, withdraw); the monitor's alerts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from trustdesk.api.deps import AdminDep, CallerDep, ServicesDep
from trustdesk.fairness.protected import VOCABULARY
from trustdesk.service.fairness import monitor as svc_monitor
from trustdesk.service.fairness import protected as svc_protected

router = APIRouter(tags=["fairness"])
_ALLOWED = "; ".join(f"{k}: {', '.join(v)}" for k, v in VOCABULARY.items())
_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "No such customer (or not one of this key's customers)."},
    422: {"description": "An unknown attribute or value; the message names the attribute."},
}


class ProtectedAttributesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    attributes: dict[str, str] = Field(
        min_length=1, max_length=len(VOCABULARY),
        description=f"Self-declared, optional; stored encrypted and used only by fairness "
                    f"audits, never by a model. Allowed: {_ALLOWED}.",
        json_schema_extra={
            "properties": {name: {"enum": list(values)} for name, values in VOCABULARY.items()},
            "additionalProperties": False,
        },
    )


class WithdrawalOut(BaseModel):
    customer_id: str
    deleted: bool = Field(description="Whether a declaration existed and was deleted.")


@router.put("/v1/customers/{customer_id}/protected-attributes", responses=_ERRORS,
            summary="Declare protected attributes for fairness audits (with consent)")
async def declare(customer_id: str, body: ProtectedAttributesIn, services: ServicesDep,
                  caller: CallerDep) -> svc_protected.Declaration:
    return svc_protected.declare(services, caller, customer_id, body.attributes)


@router.delete("/v1/customers/{customer_id}/protected-attributes", responses=_ERRORS,
               summary="Withdraw: delete the declaration and the fairness_audit consent")
async def withdraw(customer_id: str, services: ServicesDep,
                   caller: CallerDep) -> WithdrawalOut:
    return WithdrawalOut(customer_id=customer_id,
                         deleted=svc_protected.withdraw(services, caller, customer_id))


class AlertsOut(BaseModel):
    alerts: list[svc_monitor.AlertView]


@router.get("/v1/fairness/alerts", summary="Gaps the fairness monitor found (newest first)",
            responses={403: {"description": "Admin keys only."}})
async def alerts(
    services: ServicesDep, caller: AdminDep,
    status: Literal["open"] | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AlertsOut:
    rows = svc_monitor.list_alerts(services, status=status, limit=limit)
    return AlertsOut(alerts=rows)
