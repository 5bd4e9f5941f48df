"""The names gazetteer: given names, family names, ambiguous common words and titles."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Joiners inside multi-part names ("Ana de la Cruz", "Ludwig van Beethoven", "Abu Bakr").
PARTICLES = frozenset(
    [
        "de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "le", "les",
        "van", "von", "den", "ter", "ten", "bin", "ibn", "binti", "bint", "al", "el", "abu", "ap",
        "mac", "st", "y", "e",
        # Irish "Ó"/"Ní"/"Nic"/"Ua" (folded), Filipino "dela", German "zu".
        "o", "ni", "nic", "ua", "dela", "zu",
        # Dutch "van 't Hek" (the token keeps its apostrophe)
        "'t", "’t",
    ]
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case and strip accents so "José", "JOSE" and "jose" look up alike."""
    low = word.lower()
    if low.isascii():
        return low
    decomposed = unicodedata.normalize("NFKD", low.replace("ß", "ss").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _words(filename: str) -> frozenset[str]:
    text = resources.files("trustdesk.privacy.pii.data.names").joinpath(filename).read_text(
        encoding="utf-8"
    )
    words: set[str] = set()
    for line in text.splitlines():
        words.update(fold(w) for w in line.split("#", 1)[0].split())
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class NameGazetteer:
    """Lower-cased word sets the person recogniser looks tokens up in."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str]
    titles: frozenset[str]
    # who a person is (religion, nationality, people, festival, country): no name on its own
    identity: frozenset[str] = frozenset()

    def __contains__(self, word: str) -> bool:
        if word in self.first or word in self.last:
            return True
        # "Ji-woo", "Anne-Marie": a hyphenated given name whose joined form or parts are names
        if "-" in word[1:-1]:
            parts = word.split("-")
            return "".join(parts) in self.first or all(
                p in self.first or p in self.last for p in parts)
        return False

    @classmethod
    def bundled(cls) -> NameGazetteer:
        """Load the lists shipped in trustdesk/privacy/pii/data/names (read once per process)."""
        return _bundled()


@lru_cache(maxsize=1)
def _bundled() -> NameGazetteer:
    return NameGazetteer(
        first=_words("first_names.txt") - PARTICLES,
        last=_words("surnames.txt") - PARTICLES,
        common=_words("common_words.txt"),
        titles=_words("titles.txt"),
        identity=_words("identity_words.txt"),
    )
