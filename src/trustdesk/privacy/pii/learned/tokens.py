"""Tokens and CRF features: what the learned tagger sees of a text.

A token is a run of letters/digits (with inner apostrophes and hyphens) or one other
non-space character. Features are strings: the token's own shape, affixes and lexicon
memberships, the same for up to two neighbours, and the layout (first on its line, quoted
line, line of its own). Static per-word features are cached by word, so a text costs one
regex pass plus a few list concatenations per token.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from trustdesk.privacy.pii.gazetteer import fold
from trustdesk.privacy.pii.learned.lexicon import Lexicon

_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    line_start: bool  # first token on its line
    quoted: bool  # on a line that starts with ">"


def tokenize(text: str, limit: int | None = None) -> list[Token]:
    """Split text into tokens with their layout flags (linear; stops after `limit` tokens)."""
    out: list[Token] = []
    last_end = 0
    quoted = False
    first = True
    for match in _TOKEN.finditer(text):
        start = match.start()
        gap = text[last_end:start]
        if "\n" in gap or not out:
            first = True
            line = text[text.rfind("\n", 0, start) + 1 : start]
            quoted = line.lstrip().startswith(">")
        token = match.group(0)
        if first and token == ">":
            quoted = True
            last_end = match.end()
            continue
        out.append(Token(start, match.end(), token, first, quoted))
        if limit is not None and len(out) >= limit:
            break
        first = False
        last_end = match.end()
    return out


def _shape(word: str) -> str:
    out: list[str] = []
    for c in word[:8]:
        kind = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


class _WordFeatures(NamedTuple):
    own: list[str]
    prev: list[str]  # what the next token sees of this one
    next: list[str]  # what the previous token sees of this one
    prev2: str
    next2: str
    bol: str
    low: str


class Featurizer:
    """Builds the feature lists the CRF is trained and run on."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.static = lru_cache(maxsize=65_536)(self._word_features)

    def _word_features(self, word: str) -> _WordFeatures:
        """Everything one word contributes, with the neighbour prefixes already applied."""
        low = fold(word)
        lex = self.lexicon
        tags = []
        if low in lex.first:
            tags.append("fn")
        if low in lex.last:
            tags.append("ln")
        if low in lex.common:
            tags.append("cw")
        if low in lex.street:
            tags.append("st")
        if low in lex.place:
            tags.append("pl")
        if low in lex.cue:
            tags.append("cue")
        if low in lex.title:
            tags.append("ti")
        if low in lex.unit:
            tags.append("un")
        digits = sum(c.isdigit() for c in word)
        if digits:
            tags.append(f"dg{min(digits, 6)}")
        if len(low) > 4 and low.endswith(lex.street_endings):
            tags.append("se")
        case = ("T" if word[:1].isupper() and not word.isupper() else
                "U" if word.isupper() and len(word) > 1 else
                "L" if word.islower() else "O")
        own = ["w=" + low, "sh=" + _shape(word), "c=" + case, "s3=" + low[-3:],
               *["x:" + t for t in tags], *["xc:" + t + case for t in tags[:3]]]
        near = ["w=" + low, "c=" + case, *["x:" + t for t in tags]]
        return _WordFeatures(
            own, ["-1:" + f for f in near], ["+1:" + f for f in near], "-2:w=" + low,
            "+2:w=" + low, "bol" + case, low,
        )

    def features(self, tokens: list[Token]) -> list[list[str]]:
        statics = [self.static(t.text) for t in tokens]
        n = len(tokens)
        out = []
        for i, token in enumerate(tokens):
            cur = statics[i]
            feats = ["b", *cur.own]
            if token.line_start:
                feats.append(cur.bol)
            if token.quoted:
                feats.append("q")
            if i + 1 == n or tokens[i + 1].line_start:
                feats.append("eol")
            if i > 0:
                feats += statics[i - 1].prev
                feats.append("w-1w=" + statics[i - 1].low + "|" + cur.low)
                if i > 1:
                    feats.append(statics[i - 2].prev2)
            else:
                feats.append("-1:none")
            if i + 1 < n:
                feats += statics[i + 1].next
                if i + 2 < n:
                    feats.append(statics[i + 2].next2)
            else:
                feats.append("+1:none")
            out.append(feats)
        return out
