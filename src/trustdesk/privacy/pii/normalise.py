"""Normalise text before detection and keep the map back to the original offsets.

Recognisers see one canonical form: NFKC (full-width digits become ASCII, ligatures split),
zero-width and bidi format characters removed, odd spaces (no-break, thin, figure) turned
into a plain space and odd dashes into "-", two or three spaces inside a line into one. Every
character of the normalised text remembers the original span it came from, so a finding on
the normalised text lands on the original.

ASCII text is already normal: it returns at once with no map (the common case, O(1) extra).
Otherwise one regex pass visits only the non-ASCII clusters (a character and the combining
marks after it), so the work is linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# A base character with its combining marks, or any other non-ASCII character.
_CLUSTER = re.compile(r"[^\n][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
                      r"|[^\x00-\x7f]")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


@lru_cache(maxsize=4096)
def _canonical(cluster: str) -> str:
    if len(cluster) == 1:
        if cluster in _DASHES:
            return "-"
        category = unicodedata.category(cluster)
        if category == "Cf":  # zero-width spaces and joiners, bidi marks, soft hyphen
            return ""
        if category == "Zs":
            return " "
        if category in ("Zl", "Zp"):
            return "\n"
        if category == "Cs":  # a lone surrogate cannot be encoded; it is no letter either
            return "\ufffd"
    return unicodedata.normalize("NFKC", cluster)


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and, when it differs, each character's original span."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text onto the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return at, at
        return self.starts[start], self.ends[end - 1]


# Two or three spaces inside a line ("Austin, TX  78743", "4111  1111  1111  1111") read as
# one; longer runs are layout (columns) and stay.
_SPACES = re.compile(r"(?<=[^ \n]) {2,3}(?=[^ \n])")


def normalise(text: str) -> Normalised:
    """Return the canonical form of `text` with the offset map back to it."""
    first = _characters(text)
    if "  " not in first.text:
        return first
    return _compose(first, _spaces(first.text))


def _spaces(text: str) -> Normalised:
    return _rewritten(text, ((*m.span(), " ") for m in _SPACES.finditer(text)))


def _rewritten(text: str, edits: Iterable[tuple[int, int, str]]) -> Normalised:
    """`text` with each (start, stop, new) edit applied, in order, and the map back to it."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for at, stop, new in edits:
        pieces.append(text[last:at])
        starts.extend(range(last, at))
        ends.extend(range(last + 1, at + 1))
        pieces.append(new)
        starts.extend([at] * len(new))
        ends.extend([stop] * len(new))
        last = stop
    if not pieces:
        return Normalised(text)
    pieces.append(text[last:])
    starts.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    return Normalised("".join(pieces), tuple(starts), tuple(ends))


def _compose(first: Normalised, second: Normalised) -> Normalised:
    """`second` normalises `first.text`: map its characters through both to the original."""
    if second.starts is None or second.ends is None:
        return first
    if first.starts is None or first.ends is None:
        return second
    starts, ends = first.starts, first.ends
    return Normalised(second.text, tuple(starts[i] for i in second.starts),
                      tuple(ends[i - 1] for i in second.ends))


def _characters(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text)
    edits = []
    for match in _CLUSTER.finditer(text):
        cluster = match.group(0)
        new = _canonical(cluster)
        if new != cluster:
            edits.append((*match.span(), new))
    return _rewritten(text, edits)
