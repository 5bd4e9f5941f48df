"""The kill switch: pause and resume the AI (admins), read its state (staff)."""

from __future__ import annotations

from collections.abc import Collection

from fastapi import APIRouter

from trustdesk.api.deps import AdminDep, ServicesDep, StaffDep
from trustdesk.api.oversight_schemas import AiStatusOut, PauseChangeOut, PauseIn, ResumeIn
from trustdesk.api.schemas import ErrorOut
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.oversight import killswitch as svc_ai

router = APIRouter(prefix="/v1/ai", tags=["oversight"])

_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "missing or unknown API key"},
    403: {"model": ErrorOut, "description": "the key's role may not do this"},
    409: {"model": ErrorOut, "description": "the active intent model has no such intent, or "
          "(resume) the scope is not paused"},
    422: {"model": ErrorOut, "description": "invalid scope, value or reason"},
}


def _operator(caller: Caller) -> svc_ai.Operator:
    return svc_ai.Operator(actor=f"key:{caller.key_id}", role=caller.role.value)


def _redactor(services: Services) -> svc_ai.Redactor:
    return svc_ai.redactor_for(services.guard.detect)


def _known_intents(services: Services) -> Collection[str] | None:
    labels = getattr(services.path.classifier, "labels", None)
    return tuple(labels) if labels else None


@router.post("/pause", summary="Pause the AI for everything, an intent or a channel",
             responses=_ERRORS)
async def pause(body: PauseIn, services: ServicesDep, caller: AdminDep) -> PauseChangeOut:
    change = svc_ai.pause(
        services.db, _redactor(services), _operator(caller), scope=body.scope,
        value=body.value, reason=body.reason, mode=body.mode,
        known_intents=_known_intents(services), cache=services.pauses,
    )
    return PauseChangeOut.model_validate(change)


@router.post("/resume", summary="End a pause of the AI",
             responses={**_ERRORS, 409: {"model": ErrorOut, "description": "not paused"}})
async def resume(body: ResumeIn, services: ServicesDep, caller: AdminDep) -> PauseChangeOut:
    change = svc_ai.resume(
        services.db, _redactor(services), _operator(caller), scope=body.scope,
        value=body.value, reason=body.reason, cache=services.pauses,
    )
    return PauseChangeOut.model_validate(change)


@router.get("/status", summary="Which pauses of the AI are active", responses=_ERRORS)
async def status(services: ServicesDep, caller: StaffDep) -> AiStatusOut:
    return AiStatusOut.model_validate(svc_ai.status(services.db, cache=services.pauses))
