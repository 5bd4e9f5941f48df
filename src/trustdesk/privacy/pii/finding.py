"""The explained result of one recogniser hit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of personal data, with the evidence that made a recogniser report it."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str
    pattern: str | None = None
    validator: str | None = None
    context_word: str | None = None
    # Set when the span was redacted on its context alone ("card number that fails Luhn").
    reason: str | None = None

    def explain(self) -> str:
        """Say in one sentence why this span was reported."""
        parts = [f"{self.entity} at {self.start}-{self.end} found by {self.recognizer}"]
        if self.pattern:
            parts.append(f"pattern '{self.pattern}'")
        if self.validator:
            parts.append(f"validated by {self.validator}")
        if self.context_word:
            parts.append(f"context word '{self.context_word}' raised the score")
        if self.reason:
            parts.append(self.reason)
        return ", ".join(parts) + f" (score {self.score:.2f})."

    def overlaps(self, other: Finding) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
