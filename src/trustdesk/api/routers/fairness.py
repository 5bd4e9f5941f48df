"""Fairness: a customer's self-declared protected attributes (declare, withdraw)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.fairness.protected import VOCABULARY
from trustdesk.service import fairness_protected as svc_protected

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
    )


class DeclarationOut(BaseModel):
    customer_id: str
    attributes: list[str] = Field(description="The attributes declared (values not echoed).")
    consent_id: str = Field(description="The fairness_audit consent recorded with them.")
    declared_at: datetime


class WithdrawalOut(BaseModel):
    customer_id: str
    deleted: bool = Field(description="Whether a declaration existed and was deleted.")


@router.put("/v1/customers/{customer_id}/protected-attributes", responses=_ERRORS,
            summary="Declare protected attributes for fairness audits (with consent)")
async def declare(customer_id: str, body: ProtectedAttributesIn, services: ServicesDep,
                  caller: CallerDep) -> DeclarationOut:
    d = svc_protected.declare(services, caller, customer_id, body.attributes)
    return DeclarationOut(customer_id=d.customer_id, attributes=list(d.attributes),
                          consent_id=d.consent_id, declared_at=d.declared_at)


@router.delete("/v1/customers/{customer_id}/protected-attributes", responses=_ERRORS,
               summary="Withdraw: delete the declaration and the fairness_audit consent")
async def withdraw(customer_id: str, services: ServicesDep,
                   caller: CallerDep) -> WithdrawalOut:
    return WithdrawalOut(customer_id=customer_id,
                         deleted=svc_protected.withdraw(services, caller, customer_id))
