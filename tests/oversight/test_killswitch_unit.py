"""The kill switch as a policy rule, and the per-worker cache of the active pauses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustdesk.oversight.killswitch import (
    PAUSE_RULE_ID,
    Pause,
    PauseCache,
    PauseMode,
    Pauses,
    PauseScope,
)
from trustdesk.oversight.policy import Action, Signals, load_policy

POLICY = load_policy(Path(__file__).parents[2] / "src/trustdesk/data/demo/policy.yaml")


def _pause(scope: PauseScope, value: str | None = None,
           mode: PauseMode = PauseMode.HANDOFF) -> Pause:
    return Pause(id=f"{scope}-{value}-{mode}", scope=scope, value=value, mode=mode,
                 reason="incident", paused_by="key:x", paused_at=datetime(2026, 1, 1, tzinfo=UTC))


def _signals(intent: str = "shipping_options", channel: str | None = "chat") -> Signals:
    return Signals(intent=intent, confidence=0.95, in_scope=True, text="how long is delivery",
                   channel=channel)


def test_without_pauses_the_policy_answers_automatically() -> None:
    outcome = POLICY.decide(_signals())
    assert outcome.action is Action.AUTO and not outcome.hits


@pytest.mark.parametrize(
    ("pause", "intent", "channel", "action"),
    [
        (_pause(PauseScope.GLOBAL), "shipping_options", "chat", Action.HANDOFF),
        (_pause(PauseScope.INTENT, "shipping_options"), "shipping_options", "chat", Action.HANDOFF),
        (_pause(PauseScope.INTENT, "refund"), "shipping_options", "chat", Action.AUTO),
        (_pause(PauseScope.CHANNEL, "email"), "shipping_options", "email", Action.HANDOFF),
        (_pause(PauseScope.CHANNEL, "email"), "shipping_options", "chat", Action.AUTO),
        (_pause(PauseScope.CHANNEL, "email"), "shipping_options", None, Action.AUTO),
        (_pause(PauseScope.GLOBAL, mode=PauseMode.DRAFT_ONLY), "shipping_options", "chat",
         Action.REVIEW),
    ],
)
def test_a_pause_is_a_rule_of_the_decide_stage(
    pause: Pause, intent: str, channel: str | None, action: Action
) -> None:
    outcome = POLICY.decide(_signals(intent, channel), Pauses((pause,)))
    assert outcome.action is action
    fired = [h for h in outcome.hits if h.rule_id == PAUSE_RULE_ID]
    assert len(fired) == (0 if action is Action.AUTO else 1)
    if fired:
        assert fired[0].action == action.label and fired[0].reason


def test_the_strictest_pause_wins_and_stricter_rules_still_do() -> None:
    both = Pauses((_pause(PauseScope.GLOBAL, mode=PauseMode.DRAFT_ONLY),
                   _pause(PauseScope.INTENT, "shipping_options")))
    assert POLICY.decide(_signals(), both).action is Action.HANDOFF
    draft = Pauses((_pause(PauseScope.GLOBAL, mode=PauseMode.DRAFT_ONLY),))
    # a customer asking for a human is handed off, draft-only or not
    human = Signals(intent="human_agent", confidence=0.9, in_scope=True, text="a real person")
    assert POLICY.decide(human, draft).action is Action.HANDOFF


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_cache_reads_the_database_at_most_once_per_ttl() -> None:
    loads: list[int] = []
    state: list[Pause] = []

    def load() -> list[Pause]:
        loads.append(1)
        return list(state)

    clock = FakeClock()
    cache = PauseCache(load, ttl_s=0.25, clock=clock)
    assert not cache.current() and len(loads) == 1
    state.append(_pause(PauseScope.GLOBAL))
    for _ in range(50):
        assert not cache.current(), "inside the TTL the cached view is used"
    assert len(loads) == 1
    clock.now += 0.25
    assert cache.current().items == (state[0],) and len(loads) == 2
    state.clear()
    cache.invalidate()
    assert not cache.current() and len(loads) == 3


def test_the_cache_refuses_a_negative_ttl() -> None:
    with pytest.raises(ValueError, match="TTL"):
        PauseCache(list, ttl_s=-1)
