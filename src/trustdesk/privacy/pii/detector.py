"""The engine: run every recogniser, drop weak and placeholder hits, resolve overlaps.

Bounded by construction: a text longer than WINDOW_CHARS is read in windows of at most
WINDOW_CHARS characters that overlap by WINDOW_OVERLAP on each side. Each window is detected
on its own and keeps the findings that start in its core (the part no other window owns);
the windows' findings, already in order, are stitched by one sweep. So whatever a recogniser
costs on a window, a text costs at most ceil(n / core) windows of it: linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from trustdesk.domain.placeholder import PLACEHOLDER  # text holding them was redacted upstream
from trustdesk.privacy.pii.address_block import extend_address_blocks
from trustdesk.privacy.pii.custom import load_custom_patterns
from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.initials import extend_initials
from trustdesk.privacy.pii.normalise import Normalised, normalise
from trustdesk.privacy.pii.plausible import (
    check_person,
    company_address,
    domains_of,
    impersonal_url,
    implausible_address,
    street_in_person,
    version_not_ip,
)
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers import default_recognizers
from trustdesk.privacy.pii.registry import RecognizerRegistry

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de")
WINDOW_CHARS = 8_000
WINDOW_OVERLAP = 400  # longer than any one finding: a finding cut by an edge is whole next door


@dataclass(slots=True)
class DetectionWork:
    """Counts of what `detect` did, for tests that bound work instead of timing it."""

    windows: int = 0
    chars: int = 0  # characters handed to the recognisers, overlaps counted twice
    longest_window: int = 0
    candidates: int = 0  # findings the recognisers proposed
    steps: int = 0  # candidates visited by overlap resolution, growing and stitching


def windows(n: int) -> Iterator[tuple[int, int, int, int]]:
    """(lo, hi, core_lo, core_hi): cores tile 0..n, each window its core plus the overlaps."""
    if n <= WINDOW_CHARS:
        yield 0, n, 0, n
        return
    step = WINDOW_CHARS - 2 * WINDOW_OVERLAP
    for core_lo in range(0, n, step):
        core_hi = min(n, core_lo + step)
        yield (max(0, core_lo - WINDOW_OVERLAP), min(n, core_hi + WINDOW_OVERLAP),
               core_lo, core_hi)


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
    while start < limit and (text[start].isspace() or text[start] in ",;:-–)/|."):
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
                         text: str | None = None, work: DetectionWork | None = None
                         ) -> list[Finding]:
    """Widen each kept PERSON/ADDRESS over the same-entity candidates that overlap it.

    A rule finds "Hyvärinen", the tagger "J.K. Hyvärinen": the kept finding takes the wider
    extent, but never over another kept finding (the text between them stays theirs).
    """
    if not kept:
        return kept
    out = list(kept)
    starts = [f.start for f in out]
    steps = 0
    for cand in candidates:
        if cand.entity not in MERGED_ENTITIES:
            continue
        i = bisect_left(starts, cand.end) - 1
        while i >= 0 and out[i].end > cand.start:
            steps += 1
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
    if work is not None:
        work.steps += steps
    return _join_split(out, candidates, text)


def _join_split(kept: list[Finding], candidates: list[Finding], text: str | None) -> list[Finding]:
    """Join two kept PERSON/ADDRESS findings that one candidate covers and only a space parts.

    The tagger sees "Gráinne" and "Ceallaigh", a rule "Gráinne Ó Ceallaigh": growing gives
    "Gráinne" and "Ó Ceallaigh", one name. One sweep: the candidates sorted by start, and for
    each entity the furthest end of those that start at or before the kept finding.
    """
    if text is None or len(kept) < 2:
        return kept
    merged = sorted((c.start, c.end, c.entity) for c in candidates if c.entity in MERGED_ENTITIES)
    reach: dict[str, int] = {}
    at = 0
    out = [kept[0]]
    for nxt in kept[1:]:
        prev = out[-1]
        while at < len(merged) and merged[at][0] <= prev.start:
            _, end, entity = merged[at]
            reach[entity] = max(reach.get(entity, end), end)
            at += 1
        if (
            prev.entity == nxt.entity
            and prev.entity in MERGED_ENTITIES
            and text[prev.end : nxt.start] in (" ", "\u00a0")
            and reach.get(prev.entity, -1) >= nxt.end
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
        self.work = DetectionWork()

    def detect(self, text: str) -> list[Finding]:
        """Return non-overlapping findings sorted by start, with spans on `text` as given."""
        if not text:
            return []
        norm = normalise(text)
        found = self._detect_windows(norm.text)
        return _mapped(norm, found) if norm.changed else found

    def _detect_windows(self, text: str) -> list[Finding]:
        found: list[Finding] = []
        for lo, hi, core_lo, core_hi in windows(len(text)):
            if (lo, hi) == (0, len(text)):
                return self._detect(text)
            for f in self._detect(text[lo:hi]):
                if core_lo <= f.start + lo < core_hi:
                    found.append(replace(f, start=f.start + lo, end=f.end + lo))
        return self._stitch(found)

    def _stitch(self, found: list[Finding]) -> list[Finding]:
        """One sweep over findings sorted by start: of two that overlap, keep the better."""
        out: list[Finding] = []
        for f in found:
            self.work.steps += 1
            if out and f.start < out[-1].end:
                prev = out[-1]
                if (f.score, f.end - f.start) > (prev.score, prev.end - prev.start):
                    out[-1] = f
                continue
            out.append(f)
        return out

    def _detect(self, text: str) -> list[Finding]:
        work = self.work
        work.windows += 1
        work.chars += len(text)
        work.longest_window = max(work.longest_window, len(text))
        candidates: list[Finding] = []
        for recognizer in self.registry:
            candidates.extend(
                f for f in recognizer.analyze(text) if f.score >= self.min_score and f.end > f.start
            )
        work.candidates += len(candidates)
        candidates = _towns_not_names(_plausible(text, candidates))
        if "<" in text and candidates:
            candidates = _outside_placeholders(text, candidates)
        kept = resolve_overlaps(candidates, text)
        grown = grow_into_free_space(kept, candidates, text, work)
        work.steps += 2 * len(candidates)  # resolution visits each once, the join sweep too
        return extend_address_blocks(text, extend_initials(text, grown))


def _plausible(text: str, candidates: list[Finding]) -> list[Finding]:
    """Candidates with PERSON spans trimmed to a name; dropped when they name no one (a
    PERSON that is no name, a company's own page, a version number read as an IP)."""
    out = []
    domains: frozenset[str] | None = None
    seen: dict[tuple[int, int], tuple[int, int] | str] = {}
    streets: dict[tuple[int, int], tuple[int, int] | None] = {}
    for f in candidates:
        if f.entity == "PERSON":
            # several recognisers propose the same span: check it once
            key = (f.start, f.end)
            if key in streets:
                street = streets[key]
            else:
                street = streets[key] = street_in_person(text, f.start, f.end)
            if street is not None:
                out.append(replace(f, start=street[0], end=street[1], entity="ADDRESS",
                                   reason="a street the name reader took for a name"))
                continue
            if domains is None:
                domains = domains_of(text)
            checked = seen.get(key)
            if checked is None:
                checked = seen[key] = check_person(text, f.start, f.end, domains)
            if isinstance(checked, str):
                continue
            if checked != (f.start, f.end):
                f = replace(f, start=checked[0], end=checked[1])
        elif _impersonal(text, f):
            continue
        elif f.entity in ("ADDRESS", "POSTCODE"):
            label = _POSTCODE_LABEL.match(text, f.start, f.end)
            if label is not None and label.end() < f.end:  # "postcode J4H 6C5": the code only
                f = replace(f, start=label.end())
        out.append(f)
    return out


# The word a postcode is announced with, which a reader sometimes takes into the span.
_POSTCODE_LABEL = re.compile(
    r"(?i:postcode|post code|postal code|zip code|zipcode|zip|eircode|plz|cap)[ \t:]+"
    r"(?=[A-Za-z]{0,3}\d)")  # a code follows, not a place ("Cap Ferrat")


def _towns_not_names(candidates: list[Finding]) -> list[Finding]:
    """Candidates without the names read inside an address whose street, town and postcode
    the address reader found: there "Atlanta" in "677 Oak Street, Atlanta, GA 04086" is the
    town, and the name reader's surer score must not cut the address down to its street."""
    blocks = [(f.start, f.end) for f in candidates
              if f.entity == "ADDRESS" and f.validator == "address-structure"]
    if not blocks:
        return candidates
    return [f for f in candidates if f.entity != "PERSON"
            or not any(lo < f.start and f.end <= hi for lo, hi in blocks)]


def _impersonal(text: str, f: Finding) -> bool:
    if f.entity == "URL":
        return impersonal_url(text, f.start, f.end) is not None
    if f.entity == "IP_ADDRESS":
        return version_not_ip(text, f.start) is not None
    if f.entity == "ADDRESS" and implausible_address(text, f.start, f.end) is not None:
        return True
    if f.entity in ("ADDRESS", "POSTCODE"):
        return company_address(text, f.start) is not None
    return False


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
