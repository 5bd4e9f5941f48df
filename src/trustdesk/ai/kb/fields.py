"""The question side of a passage: a FAQ entry's question, an article passage's headings.

Customers ask questions; a FAQ already holds questions, and an article's headings say what
each passage is about. Matching the customer's question against these fields (question to
question) is sharper than matching it against the answer text, and character trigrams keep
it working through typos ("refnud", "delivary").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from trustdesk.ai.kb.analysis import STOP_WORDS, analyse, fold, strip_placeholders
from trustdesk.ai.kb.chunking import HEADING_SEPARATOR
from trustdesk.ai.kb.documents import Chunk

_WORD = re.compile(r"[a-z0-9]+")


def question_field(chunk: Chunk) -> str:
    """What the passage answers, in the help centre's own words."""
    if chunk.kind == "faq":
        return chunk.title
    # The title alone is shared by every passage of the article; the leaf heading is specific.
    parts = chunk.heading.split(HEADING_SEPARATOR)
    return " ".join(dict.fromkeys([chunk.title, *parts[1:]]))


@lru_cache(maxsize=1 << 14)
def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the content words (stop words left out), word edges marked."""
    words = _WORD.findall(fold(strip_placeholders(text)).replace("'", ""))
    grams: set[str] = set()
    for word in words:
        if word in STOP_WORDS:
            continue
        padded = f"#{word}#"
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


class FieldIndex:
    """Question fields of a list of chunks: analysed terms and an inverted trigram index."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.texts = tuple(question_field(chunk) for chunk in chunks)
        self.terms = tuple(frozenset(analyse(text)) for text in self.texts)
        size = max(len(self.texts), 1)
        frequency: dict[str, int] = defaultdict(int)
        postings: dict[str, list[int]] = defaultdict(list)
        grams_of = [trigrams(text) for text in self.texts]
        for i, grams in enumerate(grams_of):
            for gram in grams:
                frequency[gram] += 1
                postings[gram].append(i)
        self._idf2 = {g: math.log(1 + size / df) ** 2 for g, df in frequency.items()}
        self._postings = {g: np.asarray(ids, dtype=np.int64) for g, ids in postings.items()}
        self._norms = np.asarray(
            [math.sqrt(sum(self._idf2[g] for g in grams)) or 1.0 for grams in grams_of]
        )
        self._unseen2 = math.log(1 + size) ** 2

    def similarity(self, text: str) -> npt.NDArray[np.float64]:
        """Cosine of idf-weighted trigram sets between the text and every field."""
        scores = np.zeros(len(self.texts))
        grams = trigrams(text)
        if not grams or not len(self.texts):
            return scores
        norm = 0.0
        for gram in grams:
            weight = self._idf2.get(gram)
            if weight is None:
                norm += self._unseen2
                continue
            norm += weight
            scores[self._postings[gram]] += weight
        out: npt.NDArray[np.float64] = scores / (self._norms * math.sqrt(norm))
        return out
