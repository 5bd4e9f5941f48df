"""The kill switch: pauses of the AI, by scope, that the policy's decide stage turns into a rule.

A pause is a row in the database (so that every worker sees it); each worker reads the active
pauses through `PauseCache`, at most once per TTL, so a message costs no query at all and a
pause takes effect everywhere within the TTL plus the time of a message already in flight.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

PAUSE_RULE_ID = "ai-paused"


class PauseScope(enum.StrEnum):
    GLOBAL = "global"  # every message
    INTENT = "intent"  # messages the intent model reads as this intent
    CHANNEL = "channel"  # messages of conversations on this channel (chat, email, api)


class PauseMode(enum.StrEnum):
    """Ordered by how much it withholds: a hand-off sends nothing, draft-only holds drafts."""

    DRAFT_ONLY = "draft_only"  # the AI drafts; a person approves every reply (copilot mode)
    HANDOFF = "handoff"  # the AI stays out: a person takes over


@dataclass(frozen=True, slots=True)
class Pause:
    """One active pause of the AI."""

    id: str
    scope: PauseScope
    value: str | None  # the intent or channel; None for a global pause
    mode: PauseMode
    reason: str  # redacted: placeholders instead of personal data
    paused_by: str
    paused_at: datetime

    def covers(self, *, intent: str, channel: str | None) -> bool:
        if self.scope is PauseScope.GLOBAL:
            return True
        if self.scope is PauseScope.INTENT:
            return intent == self.value
        return channel is not None and channel == self.value

    @property
    def label(self) -> str:
        return self.scope.value if self.value is None else f"{self.scope.value} {self.value}"


@dataclass(frozen=True, slots=True)
class Pauses:
    """The active pauses at one moment; `covering()` is what the decide stage asks."""

    items: tuple[Pause, ...] = ()

    def covering(self, *, intent: str, channel: str | None) -> tuple[Pause, ...]:
        return tuple(p for p in self.items if p.covers(intent=intent, channel=channel))

    def __bool__(self) -> bool:
        return bool(self.items)


NO_PAUSES = Pauses()


def pause_reason(pause: Pause) -> str:
    """What the customer reads in the explanation (the operator's reason stays internal)."""
    if pause.mode is PauseMode.HANDOFF:
        return ("Our AI assistant is paused for this kind of request at the moment, so a "
                "member of our team will reply.")
    return ("Our AI assistant only drafts answers for this kind of request at the moment: a "
            "member of our team checks every reply before it is sent.")


class PauseCache:
    """The active pauses, read from `load` at most once per `ttl_s` (per worker process).

    A lookup inside the TTL is a tuple read; after it, one worker thread reloads while the
    others keep the previous value (so a slow database never stalls every message at once).
    """

    def __init__(self, load: Callable[[], Sequence[Pause]], *, ttl_s: float = 0.25,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if ttl_s < 0:
            raise ValueError("the pause cache TTL must not be negative")
        self._load = load
        self._ttl = ttl_s
        self._clock = clock
        self._value: tuple[float, Pauses] | None = None
        self._lock = threading.Lock()

    @property
    def ttl_s(self) -> float:
        return self._ttl

    def current(self) -> Pauses:
        cached = self._value
        now = self._clock()
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        if cached is not None and not self._lock.acquire(blocking=False):
            return cached[1]  # another thread is reloading
        if cached is None:
            self._lock.acquire()
        try:
            fresh = Pauses(tuple(self._load()))
            self._value = (now, fresh)
            return fresh
        finally:
            self._lock.release()

    def invalidate(self) -> None:
        """Forget the cached value (this worker just changed the pauses)."""
        self._value = None
