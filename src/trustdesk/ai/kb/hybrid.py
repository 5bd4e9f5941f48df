"""Optional hybrid retrieval: BM25 fused with sentence-embedding similarity.

score(chunk) = (1 - w) * bm25(chunk) / max bm25 + w * cosine(query, chunk)
BM25 is divided by the query's best BM25 score so both parts live in [0, 1] whatever the query
length; w was tuned on the dev questions of bench/kb.py. Paraphrases that share no word with
the article ("my parcel never came" vs "lost deliveries") are found through the cosine part.
Needs the optional `embeddings` extra; the default knowledge base never imports this module.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from trustdesk.ai.embeddings import Embedder, default_embedder
from trustdesk.ai.kb.retrieval import Bm25Index

# Chosen on the dev split of bench/data/kb/questions.jsonl (see bench/kb.py --hybrid-grid).
DEFAULT_HYBRID_WEIGHT = 0.5
# A chunk must reach this fused score to be returned at all: the cosine of unrelated short
# texts is rarely below 0.1, so without a floor every query would "find" something.
MIN_FUSED_SCORE = 0.15


class HybridIndex:
    """A BM25 index plus one unit vector per chunk (heading + text), over the same chunks."""

    def __init__(
        self,
        bm25: Bm25Index,
        *,
        embedder: Embedder | None = None,
        weight: float = DEFAULT_HYBRID_WEIGHT,
    ) -> None:
        if not 0.0 <= weight <= 1.0:
            raise ValueError(f"hybrid weight must be within [0, 1], got {weight}")
        self.bm25 = bm25
        self.chunks = bm25.chunks
        self.weight = weight
        self._embedder = embedder or default_embedder()
        self._vectors: npt.NDArray[np.float32] = self._embedder.encode(
            [f"{c.heading}\n{c.text}" for c in self.chunks]
        )

    def scores(self, query: str, terms: Sequence[str]) -> npt.NDArray[np.float64]:
        """Fused score of every chunk for a query and its analysed terms."""
        lexical = self.bm25.scores(terms).astype(np.float64)
        top = float(lexical.max()) if len(lexical) else 0.0
        if top > 0:
            lexical = lexical / top
        dense = self._vectors.astype(np.float64) @ self._embedder.encode_one(query)
        out: npt.NDArray[np.float64] = (1 - self.weight) * lexical + self.weight * dense
        return out

    def top(self, query: str, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Indices and fused scores of the k best chunks above the floor, best first."""
        if k <= 0 or not self.chunks:
            return []
        scores = self.scores(query, terms)
        k = min(k, len(scores))
        candidates = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(candidates.tolist(), key=lambda index: (-scores[index], index))
        return [(i, float(scores[i])) for i in ranked if scores[i] >= MIN_FUSED_SCORE]
