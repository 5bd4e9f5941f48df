"""The kill switch: pause and resume the AI (audited with who and why) and read its state."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.accountability import audit
from trustdesk.domain import new_id, utcnow
from trustdesk.domain.errors import Conflict, InvalidInput
from trustdesk.domain.text import text_problem
from trustdesk.domain.views import described
from trustdesk.oversight.killswitch import Pause, PauseCache, PauseMode, PauseScope
from trustdesk.privacy.pii import PseudonymTable, redact
from trustdesk.service.conversations import CHANNELS
from trustdesk.store.db import Database
from trustdesk.store.repositories.oversight import active_pauses
from trustdesk.store.tables.oversight import AiPauseRow
from trustdesk.store.uow import UnitOfWork

MAX_REASON_CHARS = 500
_INTENT = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")

Redactor = Callable[[str], str]


@dataclass(frozen=True)
class Operator:
    """Who pauses or resumes: the audit actor (`key:…`, `cli:…`) and their role."""

    actor: str
    role: str


@dataclass(frozen=True)
class PauseView:
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


@dataclass(frozen=True)
class PauseChange:
    """What a pause or resume did."""

    pause: PauseView
    changed: bool = field(
        metadata=described("False when the scope was already paused in this mode"))


@dataclass(frozen=True)
class AiStatus:
    paused: bool = field(metadata=described("True while a global pause is active"))
    active: list[PauseView]
    recently_resumed: list[PauseView]
    cache_ttl_s: float | None = field(
        metadata=described("a worker's view of the pauses is at most this old"))


def redactor_for(detect: Callable[[str], Sequence[object]]) -> Redactor:
    """Placeholders instead of personal data, with a fresh table (nothing is kept to undo it)."""

    def apply(text: str) -> str:
        return redact(text, list(detect(text)), PseudonymTable()).text  # type: ignore[arg-type]

    return apply


def _view(row: AiPauseRow) -> PauseView:
    return PauseView(
        id=row.id, scope=PauseScope(row.scope), value=row.value, mode=PauseMode(row.mode),
        reason=row.reason, paused_by=row.paused_by, paused_at=row.paused_at,
        resumed_by=row.resumed_by,
        resumed_at=row.resumed_at if row.resumed_at else None,
        resume_reason=row.resume_reason,
    )


def validate_scope(scope: PauseScope, value: str | None,
                   known_intents: Collection[str] | None = None) -> str | None:
    """The value a scope needs: none for global, a channel or an intent the model knows."""
    if scope is PauseScope.GLOBAL:
        if value is not None:
            raise InvalidInput("value: must be left out for scope global")
        return None
    if value is None or not value.strip():
        raise InvalidInput(f"value: scope {scope.value} needs the {scope.value} to pause")
    if scope is PauseScope.CHANNEL:
        if value not in CHANNELS:
            raise InvalidInput(f"value: channel must be one of {', '.join(CHANNELS)}")
        return value
    if not _INTENT.match(value):
        raise InvalidInput("value: an intent name is 1-64 lower-case letters, digits or _")
    if known_intents is not None and value not in known_intents:
        # a rule of the running model, not of the request's shape (409)
        raise Conflict("value: the active intent model has no such intent "
                           "(see `trustdesk model list` for its labels)")
    return value


def _reason(reason: str, redactor: Redactor, field: str = "reason") -> str:
    if not reason.strip():
        raise InvalidInput(f"{field}: say why (it is audited)")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInput(f"{field}: is {len(reason)} characters; the limit is "
                           f"{MAX_REASON_CHARS}")
    problem = text_problem(reason)
    if problem is not None:
        raise InvalidInput(f"{field}: {problem}")
    return redactor(reason.strip())


def _audit(uow: UnitOfWork, operator: Operator, action: str, row: AiPauseRow,
           reason: str, **extra: object) -> None:
    audit.append(
        uow, actor=operator.actor, action=action, subject_type="ai_pause", subject_id=row.id,
        payload={"scope": row.scope, "value": row.value, "mode": row.mode, "reason": reason,
                 "by_role": operator.role, **extra},
    )


def pause(db: Database, redactor: Redactor, operator: Operator, *, scope: PauseScope,
          value: str | None, reason: str, mode: PauseMode = PauseMode.HANDOFF,
          known_intents: Collection[str] | None = None,
          cache: PauseCache | None = None) -> PauseChange:
    """Pause the AI for a scope; pausing it again with another mode changes the mode."""
    value = validate_scope(scope, value, known_intents)
    stored_reason = _reason(reason, redactor)
    with UnitOfWork(db, write=True) as uow:
        uow.audit.lock_head()  # serialises pause changes on PostgreSQL (SQLite: the write lock)
        repo = uow.ai_pauses
        same = next((r for r in repo.active() if r.scope == scope.value and r.value == value),
                    None)
        if same is not None and same.mode == mode.value:
            return PauseChange(_view(same), changed=False)
        if same is not None:
            previous = same.mode
            same.mode, same.reason = mode.value, stored_reason
            same.paused_by, same.paused_at = operator.actor, utcnow()
            _audit(uow, operator, "ai.pause_changed", same, stored_reason, previous_mode=previous)
            row = same
        else:
            row = AiPauseRow(id=new_id(), scope=scope.value, value=value, mode=mode.value,
                             reason=stored_reason, paused_by=operator.actor,
                             paused_at=utcnow())
            repo.add(row)
            uow.flush()
            _audit(uow, operator, "ai.paused", row, stored_reason)
        view = _view(row)
        uow.commit()
    if cache is not None:
        cache.invalidate()
    return PauseChange(view, changed=True)


def resume(db: Database, redactor: Redactor, operator: Operator, *, scope: PauseScope,
           value: str | None, reason: str, cache: PauseCache | None = None) -> PauseChange:
    """End the active pause of a scope; 409 when that scope is not paused."""
    value = validate_scope(scope, value)
    stored_reason = _reason(reason, redactor)
    with UnitOfWork(db, write=True) as uow:
        uow.audit.lock_head()
        repo = uow.ai_pauses
        row = next((r for r in repo.active() if r.scope == scope.value and r.value == value),
                   None)
        if row is None:
            what = scope.value if value is None else f"{scope.value} {value}"
            raise Conflict(f"the AI is not paused for {what}; see GET /v1/ai/status")
        row.resumed_by, row.resumed_at, row.resume_reason = operator.actor, utcnow(), stored_reason
        _audit(uow, operator, "ai.resumed", row, stored_reason)
        view = _view(row)
        uow.commit()
    if cache is not None:
        cache.invalidate()
    return PauseChange(view, changed=True)


def status(db: Database, *, cache: PauseCache | None = None, recent: int = 10) -> AiStatus:
    """The active pauses (read now, not from a cache) and the last few that were resumed."""
    with UnitOfWork(db) as uow:
        repo = uow.ai_pauses
        active = [_view(r) for r in repo.active()]
        resumed = [_view(r) for r in repo.recent_resumed(recent)]
    return AiStatus(
        paused=any(p.scope is PauseScope.GLOBAL for p in active),
        active=active,
        recently_resumed=resumed,
        cache_ttl_s=cache.ttl_s if cache is not None else None,
    )


def load_active(db: Database) -> list[Pause]:
    """What a worker's PauseCache loads: one indexed query, no transaction to keep."""
    with UnitOfWork(db, autocommit=True) as uow:
        rows = active_pauses(uow.connection)
    return [
        Pause(id=r.id, scope=PauseScope(r.scope), value=r.value, mode=PauseMode(r.mode),
              reason=r.reason, paused_by=r.paused_by, paused_at=r.paused_at)
        for r in rows
    ]


def pause_cache(db: Database, ttl_s: float) -> PauseCache:
    return PauseCache(lambda: load_active(db), ttl_s=ttl_s)
