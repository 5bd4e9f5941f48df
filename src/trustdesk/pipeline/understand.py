"""Understand: intent, urgency, sentiment and language, read from redacted text only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from trustdesk.ai.focus import focus


class Prediction(Protocol):
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
    """The intent model."""

    @property
    def version(self) -> str: ...

    def predict(self, text: str) -> Prediction: ...


class LanguageDetector(Protocol):
    """(ISO 639-1 code or None when unsure, confidence)."""

    def detect(self, text: str) -> tuple[str | None, float]: ...


class ToneScorer(Protocol):
    """Urgency in [0, 1], sentiment in [-1, 1]."""

    def score(self, text: str) -> tuple[float, float]: ...


@dataclass(frozen=True)
class Reading:
    """What the models read in one redacted message."""

    text: str
    prediction: Prediction  # of the request: what the message asks
    urgency: float
    sentiment: float
    language: str | None
    request: str = ""  # the text without courtesy and self-descriptions ("" when the same)
    # of the whole message, when a self-description was set apart (rules that protect read it)
    whole: Prediction | None = None

    @property
    def asked(self) -> str:
        return self.request or self.text


def request_of(redacted: str) -> tuple[str, bool]:
    """The message without greetings, sign-offs and self-descriptions (`ai.focus`), and
    whether a self-description was set apart (not only courtesy)."""
    read = focus(redacted)
    return read.request, bool(read.context)


@dataclass
class Understand:
    """The intent is read in the request, so that "I'm 68 by the way" or "I'm a lawyer."
    cannot move it; the whole message is read too when a self-description was set apart, for
    the rules that protect a customer (`oversight.policy.Reads`): a greeting or a sign-off
    tells them nothing, so it costs no second reading. Tone and language read every word."""

    classifier: Classifier
    tone: ToneScorer | None = None
    languages: LanguageDetector | None = None

    def __call__(self, redacted: str) -> Reading:
        urgency, sentiment = self.tone.score(redacted) if self.tone else (0.0, 0.0)
        language = self.languages.detect(redacted)[0] if self.languages else None
        request, described = request_of(redacted)
        if request == redacted:
            return Reading(redacted, self.classifier.predict(redacted), urgency, sentiment,
                           language)
        whole = self.classifier.predict(redacted) if described else None
        return Reading(redacted, self.classifier.predict(request), urgency, sentiment, language,
                       request=request, whole=whole)
