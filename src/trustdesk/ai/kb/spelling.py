"""Typos mended against the help centre's own words, before a question is read.

"refnd", "tiket", "travle" share no term with the passage that answers them, so BM25 and the
question-field match both miss. A word of the question that the help centre never uses is
replaced by the one help-centre word at one edit (a deletion, an insertion, a substitution or
two neighbours swapped) from it, the most frequent when several are; known words, short words
and numbers are never touched. Candidates are found with a deletion index (every word with
each letter deleted, SymSpell's idea): a lookup is a few dictionary reads, not a scan.

A word the help centre does not use may still be a real word ("plate" is one edit from
"place", "policy" from "police"): words of an English word-frequency list (pyspellchecker's,
MIT, 160k words seen in subtitles and web text) are never mended either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from trustdesk.ai.kb.analysis import STOP_WORDS, fold
from trustdesk.privacy.pii.words import english_words

# Shorter words have too many neighbours at one edit ("fine" is one from "find" and "fire").
MIN_LENGTH = 5
# A help-centre word must appear this often to stand in for an unknown one.
MIN_COUNT = 1
_WORD = re.compile(r"[a-z]+")
# Words as written; a placeholder's name (<PERSON_1>) is never a word to mend.
_LETTERS = re.compile(r"(?<![<\w])[^\W\d_]+(?![\w>])")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether b is one deletion, insertion, substitution or adjacent swap from a."""
    if a == b:
        return False
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class Speller:
    """Mends words the help centre never uses to the help-centre word one edit away."""

    def __init__(
        self, texts: Iterable[str], *, known: Iterable[str] | None = None
    ) -> None:
        """`known`: words that are never mended besides the texts' own (default: English)."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(_WORD.findall(fold(text)))
        self.counts = counts
        others = english_words() if known is None else frozenset(known)
        self.known = frozenset(counts) | STOP_WORDS | others
        self._by_deletion: dict[str, list[str]] = {}
        for word, count in counts.items():
            if len(word) < MIN_LENGTH - 1 or count < MIN_COUNT:
                continue
            for key in {word} | _deletions(word):
                self._by_deletion.setdefault(key, []).append(word)
        self._mended: dict[str, str | None] = {}

    def mend_word(self, word: str) -> str | None:
        """The help-centre word for an unknown (folded) word, or None to leave it."""
        if len(word) < MIN_LENGTH or word in self.known or not word.isalpha():
            return None
        if word in self._mended:
            return self._mended[word]
        found: set[str] = set()
        for key in {word} | _deletions(word):
            for candidate in self._by_deletion.get(key, ()):
                if _one_edit(word, candidate):
                    found.add(candidate)
        best = None
        if found:
            ranked = sorted(found, key=lambda w: (-self.counts[w], w))
            # Two equally common readings: the typo does not say which was meant.
            if len(ranked) == 1 or self.counts[ranked[0]] > self.counts[ranked[1]]:
                best = ranked[0]
        if len(self._mended) < 1 << 14:
            self._mended[word] = best
        return best

    def mend(self, text: str) -> str:
        """The text with every mendable word replaced; everything else is left as it was."""
        return _LETTERS.sub(self._mend_match, text)

    def _mend_match(self, match: re.Match[str]) -> str:
        word = match.group()
        mended = self.mend_word(fold(word))
        return word if mended is None else mended
