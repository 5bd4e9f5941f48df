"""Understand: intent, urgency, sentiment and language, read from redacted text only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from trustdesk.ai.ages import without_age_cues
from trustdesk.ai.care import CareNeed, needs_of_care
from trustdesk.ai.focus import focus

# The whole message's reading counts for the rules that protect a customer only when the model
# is at least this sure of it: beside a self-description a weak reading is mostly the
# description's words ("My husband and I want to know if you sell vegan leather." reads
# bereavement_vulnerable at 0.48 whole, product_availability at 0.99 as asked). Needs of care
# are read from the wording itself (`ai.care`), so they do not hang on this reading.
WHOLE_CONFIDENCE = 0.8


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

    @property
    def oos_label(self) -> str | None:
        """The label it gives what no intent covers (None when it has none)."""
        ...

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
    # of the whole message, when a self-description was set apart and the model is sure of it
    # (WHOLE_CONFIDENCE; rules that protect read it)
    whole: Prediction | None = None
    care: tuple[CareNeed, ...] = ()  # needs of care in the wording (`ai.care`)

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
    the rules that protect a customer (`oversight.policy.Reads`), and counts when the model is
    sure of it (`whole_confidence`): a greeting or a sign-off tells them nothing, so it costs
    no second reading. Language and needs of care read every word, tone every word but
    greetings and sign-offs."""

    classifier: Classifier
    tone: ToneScorer | None = None
    languages: LanguageDetector | None = None
    whole_confidence: float = WHOLE_CONFIDENCE

    def __call__(self, redacted: str) -> Reading:
        language = self.languages.detect(redacted)[0] if self.languages else None
        care = needs_of_care(redacted)
        request, described = request_of(redacted)
        # a greeting or a sign-off ("Hi, this is <PERSON_1>. ... Thanks") must not soften the
        # tone of a complaint: read it without them; a self-description ("I'm so angry") stays
        toned = request if request != redacted and not described else redacted
        urgency, sentiment = self.tone.score(toned) if self.tone else (0.0, 0.0)
        if request == redacted:
            return Reading(redacted, self.classifier.predict(redacted), urgency, sentiment,
                           language, care=care)
        # the whole message without its age cues: no rule reads an age as a need of care
        whole = self.classifier.predict(without_age_cues(redacted)[0]) if described else None
        if whole is not None and not (whole.in_scope and whole.confidence >= self.whole_confidence):
            whole = None
        return Reading(redacted, self.classifier.predict(request), urgency, sentiment, language,
                       request=request, whole=whole, care=care)
