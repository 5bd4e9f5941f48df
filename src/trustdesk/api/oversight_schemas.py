"""API schemas of human oversight: the kill switch."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from trustdesk.oversight.killswitch import PauseMode, PauseScope


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PauseIn(_In):
    scope: PauseScope = Field(description="global, intent or channel")
    value: str | None = Field(
        default=None, max_length=64,
        description="the intent or channel to pause; left out for scope global",
    )
    reason: str = Field(min_length=1, max_length=500, description="why (audited, redacted)")
    mode: PauseMode = Field(
        default=PauseMode.HANDOFF,
        description="handoff: a person takes over; draft_only: the AI drafts and a person "
        "approves every reply before it is sent",
    )


class ResumeIn(_In):
    scope: PauseScope
    value: str | None = Field(default=None, max_length=64)
    reason: str = Field(min_length=1, max_length=500, description="why (audited, redacted)")


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
