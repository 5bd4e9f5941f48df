"""Agreement between what a question is about (intent) and what a passage is about.

An article's intent profile is learnt, not hand-mapped: the deployment's intent model (trained
on its labelled messages) reads every passage of the article, and the profile is the mean of
its predicted intent distributions. A question whose intent distribution overlaps little
with a passage's article profile is unlikely to be answered by it; one the model reads as
out of scope is unlikely to be answered by any.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from trustdesk.ai.kb.documents import Chunk


class IntentGuess(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def alternatives(self) -> tuple[tuple[str, float], ...]: ...


class IntentReader(Protocol):
    """What the knowledge base needs of an intent model (trustdesk.ai.intent.IntentModel)."""

    @property
    def oos_label(self) -> str | None: ...

    def predict(self, text: str) -> IntentGuess: ...


def distribution(guess: IntentGuess) -> dict[str, float]:
    """The model's best labels with their probabilities (the rest of the mass is dropped)."""
    out = {guess.label: guess.confidence}
    for label, probability in guess.alternatives:
        out.setdefault(label, probability)
    return out


class IntentProfiles:
    """Per-article intent profiles and the two features the verifier reads from them."""

    def __init__(self, reader: IntentReader, chunks: Sequence[Chunk]) -> None:
        self.reader = reader
        self.oos = reader.oos_label
        sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        counts: dict[str, int] = defaultdict(int)
        for chunk in chunks:
            text = f"{chunk.heading.replace(' > ', '. ')}. {chunk.text[:400]}"
            for label, probability in distribution(reader.predict(text)).items():
                if label != self.oos:
                    sums[chunk.article_id][label] += probability
            counts[chunk.article_id] += 1
        self.profiles = {
            article: {label: total / counts[article] for label, total in labels.items()}
            for article, labels in sums.items()
        }

    def read(self, question: str) -> dict[str, float]:
        """The question's intent distribution."""
        return distribution(self.reader.predict(question))

    def agreement(self, question: dict[str, float], article_id: str) -> float:
        """Overlap of the question's in-scope intents with the article's profile, in [0, 1]."""
        profile = self.profiles.get(article_id, {})
        return sum(
            p * profile.get(label, 0.0) for label, p in question.items() if label != self.oos
        )

    def out_of_scope(self, question: dict[str, float]) -> float:
        """The probability the model gives to the out-of-scope label (0 without one)."""
        return question.get(self.oos, 0.0) if self.oos else 0.0
