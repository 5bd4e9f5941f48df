"""The thinking part of the path: understand -> decide -> respond -> explain.

Everything here works on redacted text and touches no database, so it runs outside the
write transaction; `trustdesk.service.messages` guards before it and records after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trustdesk.domain import DecisionKind, Explanation, Source, utcnow
from trustdesk.oversight.availability import HandoffNotices
from trustdesk.oversight.killswitch import NO_PAUSES, Pauses
from trustdesk.oversight.policy import Action, Policy, PolicyOutcome
from trustdesk.pipeline.decide import Decide
from trustdesk.pipeline.explain import explain_analysis
from trustdesk.pipeline.guard import Detector
from trustdesk.pipeline.respond import Drafted, Respond, Responder
from trustdesk.pipeline.understand import (
    Classifier,
    LanguageDetector,
    Reading,
    ToneScorer,
    Understand,
)

REVIEW_NOTICE = (
    "Thanks for your message. A member of our team checks this kind of request before "
    "we answer, so you will get a reply from a person shortly."
)
HANDOFF_NOTICE = "Thanks for your message. A member of our team will take over from here."
_KIND = {Action.AUTO: DecisionKind.REPLY, Action.REVIEW: DecisionKind.REVIEW,
         Action.HANDOFF: DecisionKind.HANDOFF}


@dataclass(frozen=True)
class Analysis:
    """What the path concluded for one message, before anything is stored."""

    kind: DecisionKind
    reply: str  # what the customer is shown now
    draft: str | None  # the AI answer a reviewer approves, edits or rejects
    intent: str
    confidence: float
    outcome: PolicyOutcome
    sources: tuple[Source, ...]
    explanation: Explanation
    model_version: str
    policy_version: str
    kb_version: str
    urgency: float
    sentiment: float
    language: str | None


class MessagePath:
    """Composes the stages; each is one small object behind a Protocol."""

    def __init__(
        self,
        *,
        classifier: Classifier,
        policy: Policy,
        responder: Responder,
        detector: Detector,
        signals: ToneScorer | None = None,
        languages: LanguageDetector | None = None,
        model_languages: Sequence[str] = ("en",),
        agent_languages: Sequence[str] = ("en",),
        notices: HandoffNotices | None = None,
    ) -> None:
        self.notices = notices
        self.understand = Understand(classifier, signals, languages)
        self.decide = Decide(policy, model_languages=model_languages,
                             agent_languages=agent_languages)
        self.respond = Respond(responder, policy, detector)

    # The stages own their parts; these read them (to wrap one, set it on its stage).
    @property
    def classifier(self) -> Classifier:
        return self.understand.classifier

    @property
    def signals(self) -> ToneScorer | None:
        return self.understand.tone

    @property
    def policy(self) -> Policy:
        return self.decide.policy

    @property
    def responder(self) -> Responder:
        return self.respond.responder

    @property
    def detector(self) -> Detector:
        return self.respond.detector

    def analyse(self, redacted: str, *, data_categories: Sequence[str] = (),
                channel: str | None = None, pauses: Pauses = NO_PAUSES,
                language_hint: str | None = None) -> Analysis:
        reading = self.understand(redacted)
        outcome = self.decide(reading, channel=channel, pauses=pauses)
        drafted = None
        if outcome.action is not Action.HANDOFF or self._unsure_only(reading, channel, pauses):
            drafted = self.respond(reading)
            if _verified(drafted) and outcome.action is not Action.AUTO:
                # the policy reads how sure the path is of the question: the intent model's
                # reading, or the verifier's that this passage answers it, whichever is surer
                outcome = self.decide(reading, channel=channel, pauses=pauses,
                                      answer_confidence=drafted.confidence)
            elif outcome.action is Action.HANDOFF:
                drafted = None
        if drafted is not None:
            outcome = self.decide.with_draft(outcome, drafted.check)
        kind = _KIND[outcome.action]
        draft = drafted.text if drafted is not None and kind is not DecisionKind.HANDOFF else None
        sources = drafted.sources if draft is not None and drafted is not None else ()
        explanation = explain_analysis(reading, outcome, kind, drafted, sources, data_categories)
        return Analysis(
            kind=kind,
            reply=self._reply(kind, draft, reading.language or language_hint),
            draft=draft,
            intent=reading.prediction.label,
            confidence=reading.prediction.confidence,
            outcome=outcome,
            sources=sources,
            explanation=explanation,
            model_version=self.classifier.version,
            policy_version=self.policy.version,
            kb_version=self.respond.version,
            urgency=reading.urgency,
            sentiment=reading.sentiment,
            language=reading.language,
        )

    def _unsure_only(self, reading: Reading, channel: str | None, pauses: Pauses) -> bool:
        """The handoff comes only from the intent model being unsure of an in-scope label (not
        from its out-of-scope label, another rule or a pause): then a passage the help
        centre's verifier accepts may still answer it. Uncertain wording is often only unfamiliar
        wording (dialect, learner English), and the verifier reads the help centre itself."""
        p = reading.prediction
        if p.in_scope or p.label == self.classifier.oos_label:
            return False
        return self.decide(reading, channel=channel, pauses=pauses,
                           answer_confidence=1.0).action is not Action.HANDOFF

    def _reply(self, kind: DecisionKind, draft: str | None, language: str | None) -> str:
        if kind is DecisionKind.REPLY:
            return draft or ""
        if kind is DecisionKind.REVIEW:
            return REVIEW_NOTICE
        return (self.notices.handoff(language, utcnow()) if self.notices is not None
                else HANDOFF_NOTICE)


def _verified(drafted: Drafted) -> bool:
    """A help-centre answer its calibrated verifier accepted, with nothing blocked in it."""
    check = drafted.check
    return (bool(drafted.sources) and drafted.confidence is not None and not check.abstained
            and not check.leaked and not check.uncalibrated)
