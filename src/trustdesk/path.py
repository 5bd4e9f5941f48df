"""The message path's thinking part: understand -> decide -> respond -> explain.

Everything here works on redacted text and touches no database, so it runs outside
the write transaction; `trustdesk.service.messages` guards, records and seals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from trustdesk.domain import DecisionKind, Explanation, HandoffReason, RuleHit, Source, utcnow
from trustdesk.oversight.availability import HandoffNotices
from trustdesk.oversight.killswitch import NO_PAUSES, Pauses
from trustdesk.oversight.policy import Action, Policy, PolicyOutcome, Signals
from trustdesk.transparency.explain import explain

log = logging.getLogger(__name__)

# Types the output guard blocks outright: never quoted from a help centre to a customer.
OUTPUT_BLOCKED_TYPES = frozenset({"EMAIL", "PHONE", "CARD", "IBAN", "NATIONAL_ID", "BANK_ACCOUNT"})


class FindingLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def entity(self) -> str: ...


class Detector(Protocol):
    def detect(self, text: str) -> Sequence[FindingLike]: ...


class PredictionLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def in_scope(self) -> bool: ...
    @property
    def contributions(self) -> tuple[tuple[str, float], ...]: ...
    @property
    def alternatives(self) -> tuple[tuple[str, float], ...]: ...


class Classifier(Protocol):
    """The understand stage's intent model."""

    @property
    def version(self) -> str: ...

    def predict(self, text: str) -> PredictionLike: ...


class CitationLike(Protocol):
    @property
    def article_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def heading(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def quote(self) -> str: ...


class AnswerLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def citations(self) -> tuple[CitationLike, ...]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def abstained(self) -> bool: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def basis(self) -> str | None: ...


class Responder(Protocol):
    """The respond stage: a grounded answer or an abstention."""

    @property
    def version(self) -> str: ...

    def answer(self, query: str, *, intent: PredictionLike | None = None) -> AnswerLike:
        """`intent` is the understand stage's reading of the same query (so the answer
        verifier does not compute it again)."""
        ...


class LanguageDetector(Protocol):
    """(ISO 639-1 code or None when unsure, confidence)."""

    def detect(self, text: str) -> tuple[str | None, float]: ...


class SignalScorer(Protocol):
    """Urgency in [0, 1], sentiment in [-1, 1]."""

    def score(self, text: str) -> tuple[float, float]: ...


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


@dataclass(frozen=True)
class CannedAnswer:
    """A fixed reply from the policy file (small talk); it cites nothing."""

    text: str
    citations: tuple[CitationLike, ...] = ()
    confidence: float = 1.0
    abstained: bool = False
    reason: str | None = None
    basis: str | None = None


REVIEW_NOTICE = (
    "Thanks for your message. A member of our team checks this kind of request before "
    "we answer, so you will get a reply from a person shortly."
)
HANDOFF_NOTICE = "Thanks for your message. A member of our team will take over from here."


class MessagePath:
    """Composes the stages; each is a small object behind a Protocol."""

    def __init__(
        self,
        *,
        classifier: Classifier,
        policy: Policy,
        responder: Responder,
        detector: Detector,
        signals: SignalScorer | None = None,
        languages: LanguageDetector | None = None,
        model_languages: Sequence[str] = ("en",),
        agent_languages: Sequence[str] = ("en",),
        notices: HandoffNotices | None = None,
    ) -> None:
        self.classifier = classifier
        self.policy = policy
        self.responder = responder
        self.detector = detector
        self.signals = signals
        self.languages = languages
        self.model_languages = frozenset(model_languages)
        self.agent_languages = frozenset(agent_languages)
        self.notices = notices
        # Extractive answers repeat a fixed set of passages: scan each text for leaks once.
        self._blocked_types = lru_cache(maxsize=4096)(self._blocked_types)  # type: ignore[method-assign]

    def analyse(self, redacted: str, *, data_categories: Sequence[str] = (),
                channel: str | None = None, pauses: Pauses = NO_PAUSES,
                language_hint: str | None = None) -> Analysis:
        prediction = self.classifier.predict(redacted)
        urgency, sentiment = self.signals.score(redacted) if self.signals else (0.0, 0.0)
        outcome = self.policy.decide(
            Signals(
                intent=prediction.label,
                confidence=prediction.confidence,
                in_scope=prediction.in_scope,
                text=redacted,
                urgency=urgency,
                sentiment=sentiment,
                channel=channel,
            ),
            pauses,
        )
        hits = list(outcome.hits)
        action = outcome.action
        language = self.languages.detect(redacted)[0] if self.languages else None
        if language is not None and language not in self.model_languages:
            # No guessing in a language the models never learnt: a person answers.
            action = Action.HANDOFF
            reason = self._language_reason(language)
            # first: in a language they never learnt, the models' other readings mean little
            hits.insert(0, RuleHit("language-not-supported", "handoff", reason,
                                   HandoffReason.LANGUAGE.value))
        answer: AnswerLike | None = None
        canned = self.policy.canned.get(prediction.label) if prediction.in_scope else None
        if action is not Action.HANDOFF and canned is not None:
            answer = CannedAnswer(canned)
        elif action is not Action.HANDOFF:
            answer = self.responder.answer(redacted, intent=prediction)
            if answer.abstained:
                action = Action.HANDOFF
                hits.append(
                    RuleHit(
                        "knowledge-base-abstained",
                        "handoff",
                        answer.reason or "Our help centre has no answer to this.",
                        HandoffReason.OUT_OF_SCOPE.value,
                    )
                )
            elif self._leaks(answer.text):
                action = Action.HANDOFF
                hits.append(
                    RuleHit(
                        "output-guard",
                        "handoff",
                        "The drafted answer contained personal data, so it was not sent.",
                        HandoffReason.OUTPUT_GUARD.value,
                    )
                )
        sources = (
            tuple(
                Source(c.article_id, c.title, c.heading, c.url, c.quote)
                for c in answer.citations
            )
            if answer is not None and action is not Action.HANDOFF
            else ()
        )
        kind = {
            Action.AUTO: DecisionKind.REPLY,
            Action.REVIEW: DecisionKind.REVIEW,
            Action.HANDOFF: DecisionKind.HANDOFF,
        }[action]
        draft = answer.text if answer is not None and action is not Action.HANDOFF else None
        reply = {
            DecisionKind.REPLY: draft or "",
            DecisionKind.REVIEW: REVIEW_NOTICE,
            DecisionKind.HANDOFF: (
                self.notices.handoff(language or language_hint, utcnow())
                if self.notices is not None else HANDOFF_NOTICE
            ),
        }[kind]
        final = PolicyOutcome(action=action, hits=tuple(hits), version=outcome.version)
        # The answer's own confidence (that the passage answers the question) is shown beside
        # the intent's; a canned small-talk reply has none.
        answered = answer is not None and not isinstance(answer, CannedAnswer)
        explanation = explain(
            intent=prediction.label,
            confidence=prediction.confidence,
            contributions=prediction.contributions,
            sources=sources,
            rules=final.hits,
            data_categories=data_categories,
            outcome=kind.value,
            answer_confidence=answer.confidence if answered and answer is not None else None,
            answer_basis=answer.basis if answered and answer is not None and sources else None,
        )
        return Analysis(
            kind=kind,
            reply=reply,
            draft=draft,
            intent=prediction.label,
            confidence=prediction.confidence,
            outcome=final,
            sources=sources,
            explanation=explanation,
            model_version=self.classifier.version,
            policy_version=self.policy.version,
            kb_version=self.responder.version,
            urgency=urgency,
            sentiment=sentiment,
            language=language,
        )

    def _blocked_types(self, text: str) -> tuple[str, ...]:
        return tuple(sorted({f.entity for f in self.detector.detect(text)} & OUTPUT_BLOCKED_TYPES))

    def _language_reason(self, language: str) -> str:
        if language in self.agent_languages:
            return (
                f"Our assistant only answers in {', '.join(sorted(self.model_languages))}, so a "
                f"colleague who speaks your language ({language}) will reply."
            )
        return (
            f"Our assistant does not answer in your language ({language}); a colleague will "
            "reply as soon as they can."
        )

    def _leaks(self, text: str) -> bool:
        blocked = self._blocked_types(text)
        if blocked:
            # Types only, never the values; the Decision records the rule that fired.
            log.warning("output guard blocked a drafted reply containing %s", ", ".join(blocked))
        return bool(blocked)
