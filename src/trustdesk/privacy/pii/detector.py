"""The engine: run every recogniser, drop weak and placeholder hits, resolve overlaps."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from pathlib import Path

from trustdesk.domain.placeholder import PLACEHOLDER  # text holding them was redacted upstream
from trustdesk.privacy.pii.custom import load_custom_patterns
from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers import default_recognizers
from trustdesk.privacy.pii.registry import RecognizerRegistry

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de")


class UnsupportedLanguageError(ValueError):
    """A language was requested that no built-in recogniser serves."""


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the best of overlapping findings: higher score first, then the longer span."""
    ranked = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    starts: list[int] = []
    kept: dict[int, Finding] = {}
    for finding in ranked:
        i = bisect_left(starts, finding.start)
        if i > 0 and kept[starts[i - 1]].end > finding.start:
            continue
        if i < len(starts) and starts[i] < finding.end:
            continue
        insort(starts, finding.start)
        kept[finding.start] = finding
    return [kept[s] for s in starts]


class PiiDetector:
    """Finds personal data in free text; the entry point of the privacy guard."""

    def __init__(
        self,
        recognizers: Sequence[Recognizer] | None = None,
        *,
        languages: Sequence[str] = SUPPORTED_LANGUAGES,
        custom_patterns: Path | None = None,
        min_score: float = 0.5,
    ) -> None:
        unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
        if unknown:
            raise UnsupportedLanguageError(
                f"unsupported language(s) {unknown}; choose from {list(SUPPORTED_LANGUAGES)}"
            )
        if not 0 <= min_score <= 1:
            raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
        chosen = list(recognizers) if recognizers is not None else default_recognizers(languages)
        if custom_patterns is not None:
            chosen.extend(load_custom_patterns(custom_patterns))
        self.languages = tuple(languages)
        self.min_score = min_score
        self.registry = RecognizerRegistry(r for r in chosen if r.supports(languages))

    def detect(self, text: str) -> list[Finding]:
        """Return non-overlapping findings sorted by start."""
        if not text:
            return []
        candidates: list[Finding] = []
        for recognizer in self.registry:
            candidates.extend(
                f for f in recognizer.analyze(text) if f.score >= self.min_score and f.end > f.start
            )
        if "<" in text and candidates:
            candidates = _outside_placeholders(text, candidates)
        return resolve_overlaps(candidates)


def _outside_placeholders(text: str, findings: list[Finding]) -> list[Finding]:
    spans = [m.span() for m in PLACEHOLDER.finditer(text)]
    if not spans:
        return findings
    starts = [s for s, _ in spans]
    kept = []
    for finding in findings:
        i = bisect_left(starts, finding.end)
        if i > 0 and spans[i - 1][1] > finding.start:
            continue
        kept.append(finding)
    return kept
