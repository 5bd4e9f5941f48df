"""Decide: the policy file's rules, the kill switch and the guardrails, in one outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from trustdesk.domain import RuleHit
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
                 pauses: Pauses = NO_PAUSES,
                 answer_confidence: float | None = None) -> PolicyOutcome:
        """Before the draft: the policy's rules, the kill switch and the language. A handoff
        here means no draft is made. `answer_confidence`: the help centre's verifier accepted
        a passage for the question with this probability that it answers it; the question is
        then in scope, and the rules read the surer of the two confidences."""
        signals = signals_of(reading, channel)
        if answer_confidence is not None:
            signals = replace(signals, in_scope=True,
                              confidence=max(signals.confidence, answer_confidence))
        outcome = self.policy.decide(signals, pauses)
        language = language_hit(reading.language, self.model_languages, self.agent_languages)
        if language is None:
            return outcome
        # first: in a language they never learnt, the models' other readings mean little
        return _outcome((language, *outcome.hits), outcome.version)

    def with_draft(self, outcome: PolicyOutcome, draft: Draft) -> PolicyOutcome:
        """The same outcome plus the draft's own rules (an abstention, leaked personal data);
        the policy is not evaluated again."""
        extra = draft_hits(draft)
        return _outcome((*outcome.hits, *extra), outcome.version) if extra else outcome


def signals_of(reading: Reading, channel: str | None = None) -> Signals:
    """What the policy reads of one message (the request's intent, the whole text's too)."""
    p, whole = reading.prediction, reading.whole
    return Signals(intent=p.label, confidence=p.confidence, in_scope=p.in_scope,
                   text=reading.text, urgency=reading.urgency, sentiment=reading.sentiment,
                   channel=channel, request=reading.asked,
                   message_intent=whole.label if whole is not None else None,
                   care=tuple(need.kind for need in reading.care))


def _outcome(hits: tuple[RuleHit, ...], version: str) -> PolicyOutcome:
    action = max((Action[h.action.upper()] for h in hits), default=Action.AUTO)
    return PolicyOutcome(action=action, hits=hits, version=version)
