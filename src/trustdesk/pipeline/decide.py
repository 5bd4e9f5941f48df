"""Decide: the policy file's rules, the kill switch and the guardrails, in one outcome."""

from __future__ import annotations

from collections.abc import Sequence

from trustdesk.oversight.guardrails import Draft, draft_hits, language_hit
from trustdesk.oversight.killswitch import NO_PAUSES, Pauses
from trustdesk.oversight.policy import Action, Policy, PolicyOutcome, Signals
from trustdesk.pipeline.understand import Reading


class Decide:
    """Strictest hit wins (`Action` is ordered by how much human control it imposes)."""

    def __init__(self, policy: Policy, *, model_languages: Sequence[str] = ("en",),
                 agent_languages: Sequence[str] = ("en",)) -> None:
        self.policy = policy
        self.model_languages = frozenset(model_languages)
        self.agent_languages = frozenset(agent_languages)

    def __call__(self, reading: Reading, *, channel: str | None = None,
                 pauses: Pauses = NO_PAUSES, draft: Draft | None = None) -> PolicyOutcome:
        """Called before the draft (it may hand off, and then no draft is made) and again
        with the draft's facts."""
        p = reading.prediction
        signals = Signals(intent=p.label, confidence=p.confidence, in_scope=p.in_scope,
                          text=reading.text, urgency=reading.urgency,
                          sentiment=reading.sentiment,
                          channel=channel)
        outcome = self.policy.decide(signals, pauses)
        hits = list(outcome.hits)
        language = language_hit(reading.language, self.model_languages, self.agent_languages)
        if language is not None:
            # first: in a language they never learnt, the models' other readings mean little
            hits.insert(0, language)
        if draft is not None:
            hits.extend(draft_hits(draft))
        action = max((Action[h.action.upper()] for h in hits), default=Action.AUTO)
        return PolicyOutcome(action=action, hits=tuple(hits), version=outcome.version)
