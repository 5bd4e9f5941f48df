"""BM25 ranking of chunks with the bm25s library over our own analysed terms."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import bm25s
import numpy as np

from trustdesk.ai.kb.analysis import analyse
from trustdesk.ai.kb.documents import Chunk

K1 = 1.2
B = 0.75


def chunk_terms(chunk: Chunk) -> list[str]:
    """Terms a chunk is found by: its heading path (which starts with the title) and its text."""
    return analyse(f"{chunk.heading}\n{chunk.text}")


class Bm25Index:
    """An immutable BM25 index over a fixed list of chunks."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = tuple(chunks)
        terms = [chunk_terms(chunk) for chunk in self.chunks]
        self.chunk_terms = tuple(frozenset(chunk) for chunk in terms)
        document_frequency = Counter(term for chunk in self.chunk_terms for term in chunk)
        size = len(self.chunks)
        self.idf = {
            term: math.log(1 + (size - df + 0.5) / (df + 0.5))
            for term, df in document_frequency.items()
        }
        # A term no chunk contains is as informative as it gets: it tells us the KB lacks it.
        self.unseen_idf = math.log(1 + (size + 0.5) / 0.5)
        self._bm25: bm25s.BM25 | None = None
        if self.chunks:
            self._bm25 = bm25s.BM25(k1=K1, b=B)
            self._bm25.index(terms, show_progress=False)

    def __len__(self) -> int:
        return len(self.chunks)

    def term_idf(self, term: str) -> float:
        """Inverse document frequency, with unseen terms at the maximum."""
        return self.idf.get(term, self.unseen_idf)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the (deduplicated) query terms."""
        known = [term for term in dict.fromkeys(terms) if term in self.idf]
        if self._bm25 is None or not known:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def top(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Indices and scores of the k best chunks with a positive score, best first."""
        scores = self.scores(terms)
        if k <= 0 or not len(scores):
            return []
        k = min(k, len(scores))
        candidates = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(candidates.tolist(), key=lambda index: (-scores[index], index))
        return [(index, float(scores[index])) for index in ranked if scores[index] > 0]
