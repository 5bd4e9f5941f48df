"""One word scan per text, shared by the recognisers that look words up in sets.

A regex alternation of a hundred context words costs about as much per character as the rest
of the detector together; one pass over the letter runs with set look-ups costs a fraction.
The cache holds the last few texts, so the recognisers of one detect() call share the scan.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import orjson

_LETTERS = re.compile(r"[^\W\d_]+")


class Word(NamedTuple):
    start: int
    end: int
    low: str


@lru_cache(maxsize=4)
def words(text: str) -> tuple[Word, ...]:
    """Every run of letters in `text` with its lower-case form (linear in the text)."""
    # tuple.__new__ skips NamedTuple's Python-level __new__: a fifth of this scan's time
    new = tuple.__new__
    return tuple([new(Word, (m.start(), m.end(), m.group(0).lower()))
                  for m in _LETTERS.finditer(text)])


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of pyspellchecker's English frequency list (read once, about 0.1 s): the
    help centre's speller never mends one, and a secret's cue is not followed by one."""
    raw = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    found: dict[str, int] = orjson.loads(gzip.decompress(raw))
    return frozenset(found)
