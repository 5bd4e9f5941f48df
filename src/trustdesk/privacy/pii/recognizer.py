"""The recogniser interface and the regex-plus-validator recogniser most entities use."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.words import words


@dataclass(frozen=True, slots=True)
class Pattern:
    """One named regex and the score a match gets before validation and context."""

    name: str
    regex: str
    score: float
    flags: int = 0
    # When set, the regex is tried only where a word of these (lower case) starts, or a
    # non-ASCII word: for a pattern that can only start at such a word (a month name), the
    # same matches as a scan, at a fraction of its cost.
    triggers: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """A validator's ruling on one candidate: keep or prune, and why."""

    valid: bool
    validator: str | None = None
    score: float | None = None
    end_trim: int = 0
    reason: str | None = None


ACCEPT = Verdict(True)
REJECT = Verdict(False)


def context_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """Compile lowercase context words into one alternation bounded by non-word characters."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not ordered:
        return None
    alternation = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


class Recognizer(ABC):
    """Finds one kind of personal data in text; subclasses set ENTITY."""

    ENTITY: ClassVar[str] = ""
    # None means the recogniser applies whatever languages the detector enables.
    LANGUAGES: ClassVar[frozenset[str] | None] = None

    @property
    def name(self) -> str:
        return type(self).__name__

    @property
    def entities(self) -> tuple[str, ...]:
        return (self.ENTITY,)

    def supports(self, languages: Sequence[str]) -> bool:
        """True when any of the detector's languages is one this recogniser serves."""
        return self.LANGUAGES is None or any(lang in self.LANGUAGES for lang in languages)

    @abstractmethod
    def analyze(self, text: str) -> list[Finding]:
        """Return every candidate finding, before threshold and overlap resolution."""


class PatternRecognizer(Recognizer):
    """Regex candidates, pruned by `validate`, boosted by nearby CONTEXT words."""

    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_BOOST: ClassVar[float] = 0.35
    CONTEXT_BEFORE: ClassVar[int] = 48
    CONTEXT_AFTER: ClassVar[int] = 24

    def __init__(
        self,
        *,
        entity: str | None = None,
        patterns: Sequence[Pattern] | None = None,
        context: Sequence[str] | None = None,
        name: str | None = None,
    ) -> None:
        self._entity = entity or self.ENTITY
        self._name = name
        self._patterns = tuple(patterns) if patterns is not None else self.PATTERNS
        self._compiled = [(p, re.compile(p.regex, p.flags)) for p in self._patterns]
        words = context if context is not None else self.CONTEXT
        self._context = context_regex(words)

    @property
    def name(self) -> str:
        return self._name or type(self).__name__

    @property
    def entities(self) -> tuple[str, ...]:
        return (self._entity,)

    def prefilter(self, text: str) -> bool:
        """Cheap test that lets a recogniser skip texts that cannot hold its entity."""
        return True

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        """Prune false candidates; the default accepts every regex match."""
        return ACCEPT

    def context_word(self, text: str, start: int, end: int) -> str | None:
        """Return the first context word near the span, looking before it first."""
        if self._context is None:
            return None
        before = text[max(0, start - self.CONTEXT_BEFORE) : start].lower()
        hits = self._context.findall(before)
        if hits:
            return str(hits[-1])
        after = self._context.search(text[end : end + self.CONTEXT_AFTER].lower())
        return after.group(0) if after else None

    def analyze(self, text: str) -> list[Finding]:
        if not self.prefilter(text):
            return []
        findings: list[Finding] = []
        for pattern, regex in self._compiled:
            matches = (regex.finditer(text) if pattern.triggers is None
                       else _triggered(text, regex, pattern.triggers))
            for match in matches:
                group = "pii" if "pii" in regex.groupindex else 0
                start, end = match.span(group)
                verdict = self.validate(text[start:end], pattern)
                if not verdict.valid:
                    continue
                end -= verdict.end_trim
                score = pattern.score if verdict.score is None else verdict.score
                word = self.context_word(text, start, end)
                if word is not None:
                    score = min(1.0, score + self.CONTEXT_BOOST)
                findings.append(
                    Finding(
                        start=start,
                        end=end,
                        entity=self._entity,
                        score=round(score, 4),
                        recognizer=self.name,
                        pattern=pattern.name,
                        validator=verdict.validator,
                        context_word=word,
                        reason=verdict.reason,
                    )
                )
        return findings


def _triggered(text: str, regex: re.Pattern[str], triggers: frozenset[str]
               ) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)` for a regex whose matches start only at a trigger word."""
    after = 0
    for word in words(text):
        if word.start < after or (word.low not in triggers and word.low.isascii()):
            continue
        match = regex.match(text, word.start)
        if match is not None:
            after = match.end()
            yield match
