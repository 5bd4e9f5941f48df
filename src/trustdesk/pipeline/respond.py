"""Respond: a canned reply, a grounded answer or an abstention, checked for leaked data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from trustdesk.ai.kb.analysis import analyse, has_topic
from trustdesk.domain import Source
from trustdesk.oversight.guardrails import Draft
from trustdesk.oversight.policy import Policy
from trustdesk.pipeline.guard import Detector
from trustdesk.pipeline.understand import Prediction, Reading

log = logging.getLogger(__name__)

# Types the output guard blocks outright: never quoted from a help centre to a customer.
OUTPUT_BLOCKED_TYPES = frozenset({"EMAIL", "PHONE", "CARD", "IBAN", "NATIONAL_ID", "BANK_ACCOUNT"})


class Answer(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def citations(self) -> tuple[Source, ...]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def abstained(self) -> bool: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def basis(self) -> str | None: ...
    @property
    def calibrated(self) -> bool: ...


class Responder(Protocol):
    """A grounded answer or an abstention."""

    @property
    def version(self) -> str: ...

    def answer(self, query: str, *, intent: Prediction | None = None) -> Answer:
        """`intent` is the understand stage's reading of the same query (so the answer
        verifier does not compute it again)."""
        ...


@dataclass(frozen=True)
class Drafted:
    """The respond stage's draft: its text, what it quotes, and what decide needs of it."""

    text: str
    sources: tuple[Source, ...]
    check: Draft
    confidence: float | None  # that the passage answers the question; None for canned
    basis: str | None


# A canned small-talk reply answers small talk: a message that asks nothing, or a question
# with no topic the help centre could be about ("hi, how are you?"). "Does your checkout
# support keyboard-only navigation?" or "Who founded Lumen & Loom?" read as a greeting are
# questions for the help centre (which abstains when it does not say), not a cue for "Hello!".
def is_small_talk(text: str) -> bool:
    return "?" not in text or not has_topic(analyse(text))


class Respond:
    def __init__(self, responder: Responder, policy: Policy, detector: Detector) -> None:
        self.responder = responder
        self.policy = policy
        self.detector = detector
        # Extractive answers repeat a fixed set of passages: scan each text for leaks once.
        self._blocked = lru_cache(maxsize=4096)(self._blocked_types)

    @property
    def version(self) -> str:
        return self.responder.version

    def __call__(self, reading: Reading) -> Drafted:
        p = reading.prediction
        canned = self.policy.canned.get(p.label) if p.in_scope else None
        if canned is not None and is_small_talk(reading.text):
            return Drafted(canned, (), Draft(), None, None)
        answer = self.responder.answer(reading.text, intent=p)
        if answer.abstained:
            return Drafted(answer.text, (), Draft(abstained=True, reason=answer.reason),
                           answer.confidence, None)
        leaked = self._blocked(answer.text)
        if leaked:
            # Types only, never the values; the Decision records the rule that fired.
            log.warning("output guard blocked a drafted reply containing %s", ", ".join(leaked))
        sources = tuple(answer.citations)
        check = Draft(leaked=leaked, uncalibrated=not answer.calibrated)
        return Drafted(answer.text, sources, check, answer.confidence,
                       answer.basis if sources else None)

    def _blocked_types(self, text: str) -> tuple[str, ...]:
        return tuple(sorted({f.entity for f in self.detector.detect(text)} & OUTPUT_BLOCKED_TYPES))
