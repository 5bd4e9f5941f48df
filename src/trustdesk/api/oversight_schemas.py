"""API schemas of human oversight: the kill switch."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from trustdesk.domain.text import TEXT_PATTERN
from trustdesk.oversight.killswitch import PauseMode, PauseScope
from trustdesk.service.conversations import CHANNELS

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


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


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


class PauseOut(_Out):
    id: str
    scope: PauseScope
    value: str | None
    mode: PauseMode
    reason: str
    paused_by: str
    paused_at: datetime
    resumed_by: str | None
    resumed_at: datetime | None
    resume_reason: str | None


class PauseChangeOut(_Out):
    pause: PauseOut
    changed: bool = Field(description="False when the scope was already paused in this mode")


class AiStatusOut(_Out):
    paused: bool = Field(description="True while a global pause is active")
    active: list[PauseOut]
    recently_resumed: list[PauseOut]
    cache_ttl_s: float | None = Field(
        description="a worker's view of the pauses is at most this old"
    )
