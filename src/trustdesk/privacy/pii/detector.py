"""The engine: run every recogniser, drop weak and placeholder hits, resolve overlaps."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from trustdesk.domain.placeholder import PLACEHOLDER  # text holding them was redacted upstream
from trustdesk.privacy.pii.custom import load_custom_patterns
from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.initials import extend_initials
from trustdesk.privacy.pii.normalise import Normalised, normalise
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers import default_recognizers
from trustdesk.privacy.pii.registry import RecognizerRegistry

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de")


class UnsupportedLanguageError(ValueError):
    """A language was requested that no built-in recogniser serves."""


# Entities whose extent recognisers disagree on (a rule finds "Hyvärinen", the tagger
# "J.K. Hyvärinen"): overlapping findings of one of these merge into their union.
MERGED_ENTITIES = frozenset({"PERSON", "ADDRESS"})


def resolve_overlaps(findings: Iterable[Finding], text: str | None = None) -> list[Finding]:
    """Keep the best of overlapping findings: higher score first, then the longer span.

    A PERSON or ADDRESS that runs on into a better finding ("42 Elm Street, Springfield, IL
    62704, born 01/02/1980") keeps its part before it, when that part is most of it.
    """
    ranked = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    starts: list[int] = []
    kept: dict[int, Finding] = {}
    for finding in ranked:
        i = bisect_left(starts, finding.start)
        clash_before = i > 0 and kept[starts[i - 1]].end > finding.start
        clash_after = i < len(starts) and starts[i] < finding.end
        if clash_before:
            continue
        if clash_after:
            cut = starts[i]
            if finding.entity not in MERGED_ENTITIES or 2 * (cut - finding.start) < (
                finding.end - finding.start
            ):
                continue
            finding = replace(finding, end=_trim_end(text, finding.start, cut))
            if finding.end <= finding.start:
                continue
        insort(starts, finding.start)
        kept[finding.start] = finding
    return [kept[s] for s in starts]


def _trim_start(text: str | None, start: int, limit: int) -> int:
    """Move a widened start forward over separators (never past the finding's own start)."""
    if text is None:
        return start
    while start < limit and (text[start].isspace() or text[start] in ",;:-–)/|"):
        start += 1
    return start


def _trim_end(text: str | None, start: int, cut: int) -> int:
    """Move a clipped end back over the separators before the cut (", " and the like)."""
    if text is None:
        return cut
    while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;:-–(/|"):
        cut -= 1
    return cut


def grow_into_free_space(kept: list[Finding], candidates: list[Finding],
                         text: str | None = None) -> list[Finding]:
    """Widen each kept PERSON/ADDRESS over the same-entity candidates that overlap it.

    A rule finds "Hyvärinen", the tagger "J.K. Hyvärinen": the kept finding takes the wider
    extent, but never over another kept finding (the text between them stays theirs).
    """
    if not kept:
        return kept
    out = list(kept)
    starts = [f.start for f in out]
    for cand in candidates:
        if cand.entity not in MERGED_ENTITIES:
            continue
        i = bisect_left(starts, cand.end) - 1
        while i >= 0 and out[i].end > cand.start:
            k = out[i]
            if k.entity == cand.entity and k.start < cand.end and cand.start < k.end:
                low = out[i - 1].end if i > 0 else 0
                high = out[i + 1].start if i + 1 < len(out) else cand.end
                start = _trim_start(text, max(min(k.start, cand.start), low), k.start)
                end = _trim_end(text, start, min(max(k.end, cand.end), high))
                if (start, end) != (k.start, k.end) and end > start:
                    out[i] = replace(k, start=start, end=max(end, k.end))
                    starts[i] = start
                break
            i -= 1
    return _join_split(out, candidates, text)


def _join_split(kept: list[Finding], candidates: list[Finding], text: str | None) -> list[Finding]:
    """Join two kept PERSON/ADDRESS findings that one candidate covers and only a space parts.

    The tagger sees "Gráinne" and "Ceallaigh", a rule "Gráinne Ó Ceallaigh": growing gives
    "Gráinne" and "Ó Ceallaigh", one name.
    """
    if text is None or len(kept) < 2:
        return kept
    out = [kept[0]]
    for nxt in kept[1:]:
        prev = out[-1]
        if (
            prev.entity == nxt.entity
            and prev.entity in MERGED_ENTITIES
            and text[prev.end : nxt.start] in (" ", "\u00a0")
            and any(c.entity == prev.entity and c.start <= prev.start and c.end >= nxt.end
                    for c in candidates)
        ):
            out[-1] = replace(prev, end=nxt.end)
        else:
            out.append(nxt)
    return out


class PiiDetector:
    """Finds personal data in free text; the entry point of the privacy guard."""

    def __init__(
        self,
        recognizers: Sequence[Recognizer] | None = None,
        *,
        languages: Sequence[str] = SUPPORTED_LANGUAGES,
        custom_patterns: Path | None = None,
        min_score: float = 0.5,
        tagger: Path | bool | None = True,
    ) -> None:
        unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
        if unknown:
            raise UnsupportedLanguageError(
                f"unsupported language(s) {unknown}; choose from {list(SUPPORTED_LANGUAGES)}"
            )
        if not 0 <= min_score <= 1:
            raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
        chosen = (
            list(recognizers) if recognizers is not None
            else default_recognizers(languages, tagger=tagger)
        )
        if custom_patterns is not None:
            chosen.extend(load_custom_patterns(custom_patterns))
        self.languages = tuple(languages)
        self.min_score = min_score
        self.registry = RecognizerRegistry(r for r in chosen if r.supports(languages))

    def detect(self, text: str) -> list[Finding]:
        """Return non-overlapping findings sorted by start, with spans on `text` as given."""
        if not text:
            return []
        norm = normalise(text)
        found = self._detect(norm.text)
        return _mapped(norm, found) if norm.changed else found

    def _detect(self, text: str) -> list[Finding]:
        candidates: list[Finding] = []
        for recognizer in self.registry:
            candidates.extend(
                f for f in recognizer.analyze(text) if f.score >= self.min_score and f.end > f.start
            )
        if "<" in text and candidates:
            candidates = _outside_placeholders(text, candidates)
        kept = grow_into_free_space(resolve_overlaps(candidates, text), candidates, text)
        return extend_initials(text, kept)


def _mapped(norm: Normalised, findings: list[Finding]) -> list[Finding]:
    out = []
    for finding in findings:
        start, end = norm.span(finding.start, finding.end)
        if end > start:
            out.append(replace(finding, start=start, end=end))
    return out


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
