"""Understand: intent, urgency, sentiment and language, read from redacted text only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
    prediction: Prediction
    urgency: float
    sentiment: float
    language: str | None


@dataclass
class Understand:
    classifier: Classifier
    tone: ToneScorer | None = None
    languages: LanguageDetector | None = None

    def __call__(self, redacted: str) -> Reading:
        urgency, sentiment = self.tone.score(redacted) if self.tone else (0.0, 0.0)
        language = self.languages.detect(redacted)[0] if self.languages else None
        return Reading(redacted, self.classifier.predict(redacted), urgency, sentiment, language)
