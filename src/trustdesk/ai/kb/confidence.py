"""How sure retrieval is: a logistic over score features, fitted on the dev questions."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from trustdesk.ai.kb.retrieval import Bm25Index


@dataclass(frozen=True)
class ConfidenceFeatures:
    """Features of one ranking, each comparable across queries of any length."""

    coverage: float  # idf-weighted share of the query's terms found in the top passage
    strength: float  # top BM25 score over the total idf of the query's terms
    margin: float  # how far the top article is ahead of the best other article
    matched: float  # distinct query terms in the top passage, 0 to 1 for one to four or more

    def as_tuple(self) -> tuple[float, float, float, float]:
        """Features in the order the model's weights use."""
        return (self.coverage, self.strength, self.margin, self.matched)


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model `sigmoid(weights . features + bias)`."""

    weights: tuple[float, float, float, float]
    bias: float

    def __call__(self, features: ConfidenceFeatures) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features.as_tuple(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# Fitted by `python bench/kb.py --fit` on the dev split of bench/data/kb/questions.jsonl.
DEFAULT_CONFIDENCE_MODEL = ConfidenceModel(weights=(1.698, 3.675, 0.961, 2.289), bias=-2.075)
# Tuned on the same dev split; answers below it abstain.
DEFAULT_MIN_CONFIDENCE = 0.31


def ranking_features(
    index: Bm25Index,
    query_terms: Collection[str],
    ranked: Sequence[tuple[int, float]],
) -> ConfidenceFeatures:
    """Features of a non-empty ranking (chunk index, score), best first."""
    terms = set(query_terms)
    top_index, top_score = ranked[0]
    total = sum(index.term_idf(term) for term in terms) or 1.0
    matched = terms & index.chunk_terms[top_index]
    found = sum(index.term_idf(term) for term in matched)
    top_article = index.chunks[top_index].article_id
    runner_up = next(
        (score for i, score in ranked[1:] if index.chunks[i].article_id != top_article), 0.0
    )
    return ConfidenceFeatures(
        coverage=found / total,
        strength=top_score / total,
        margin=(top_score - runner_up) / top_score if top_score > 0 else 0.0,
        matched=min(len(matched) - 1, 3) / 3 if matched else 0.0,
    )
