"""The kill switch: pause and resume the AI (admins), read its state (staff)."""

from __future__ import annotations

from collections.abc import Collection

from fastapi import APIRouter
from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from trustdesk.api.deps import AdminDep, ServicesDep, StaffDep
from trustdesk.api.schemas import (
    ErrorOut,
    _In,
)
from trustdesk.domain.text import TEXT_PATTERN
from trustdesk.oversight.killswitch import PauseMode, PauseScope
from trustdesk.service.context import Services
from trustdesk.service.conversations import CHANNELS
from trustdesk.service.keys import Caller
from trustdesk.service.oversight import killswitch as svc_ai

# global takes no value; channel and intent need one (a channel of CHANNELS, an intent name)
_SCOPE_RULE: JsonDict = {"allOf": [
    {"if": {"properties": {"scope": {"const": "global"}}},
     "then": {"properties": {"value": {"type": "null"}}}},
    {"if": {"properties": {"scope": {"const": "channel"}}, "required": ["scope"]},
     "then": {"required": ["value"], "properties": {"value": {"enum": list(CHANNELS)}}}},
    {"if": {"properties": {"scope": {"const": "intent"}}, "required": ["scope"]},
     "then": {"required": ["value"], "properties": {
         "value": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_]{0,63}$"}}}},
]}


class PauseIn(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_SCOPE_RULE)
    scope: PauseScope = Field(description="global, intent or channel")
    value: str | None = Field(
        default=None, max_length=64,
        description="the intent or channel to pause; left out for scope global",
    )
    reason: str = Field(min_length=1, max_length=500, description="why (audited, redacted)",
                        json_schema_extra={"pattern": TEXT_PATTERN})
    mode: PauseMode = Field(
        default=PauseMode.HANDOFF,
        description="handoff: a person takes over; draft_only: the AI drafts and a person "
        "approves every reply before it is sent",
    )


class ResumeIn(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_SCOPE_RULE)
    scope: PauseScope
    value: str | None = Field(default=None, max_length=64)
    reason: str = Field(min_length=1, max_length=500, description="why (audited, redacted)",
                        json_schema_extra={"pattern": TEXT_PATTERN})


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
async def pause(body: PauseIn, services: ServicesDep, caller: AdminDep) -> svc_ai.PauseChange:
    return svc_ai.pause(
        services.db, _redactor(services), _operator(caller), scope=body.scope,
        value=body.value, reason=body.reason, mode=body.mode,
        known_intents=_known_intents(services), cache=services.pauses,
    )


@router.post("/resume", summary="End a pause of the AI",
             responses={**_ERRORS, 409: {"model": ErrorOut, "description": "not paused"}})
async def resume(body: ResumeIn, services: ServicesDep, caller: AdminDep) -> svc_ai.PauseChange:
    return svc_ai.resume(
        services.db, _redactor(services), _operator(caller), scope=body.scope,
        value=body.value, reason=body.reason, cache=services.pauses,
    )


@router.get("/status", summary="Which pauses of the AI are active", responses=_ERRORS)
async def status(services: ServicesDep, caller: StaffDep) -> svc_ai.AiStatus:
    return svc_ai.status(services.db, cache=services.pauses)
