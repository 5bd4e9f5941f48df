"""TF-IDF features for intents: word 1-3 grams plus character 2-5 grams inside word boundaries.

Training fits scikit-learn's TfidfVectorizer; inference re-implements its transform in plain
Python + numpy (one message at a time is ~20x faster that way). tests/ai/test_features.py
checks both give the same vectors on many texts.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

WORD_PATTERN = r"(?u)\b\w\w+\b"
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)
_WORD = re.compile(WORD_PATTERN)
_EDGE_PUNCT = re.compile(r"^\W+|\W+$")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Features:
    """One text as a sparse vector, plus which readable term each feature came from."""

    indices: IntArray
    values: FloatArray
    # per feature position: (term, share of the feature's value) pairs summing to 1
    terms: tuple[tuple[tuple[str, float], ...], ...]
    known_words: int  # word n-grams found in the vocabulary (0: nothing but character noise)


def word_ngrams(text: str) -> list[str]:
    """Word n-grams exactly as TfidfVectorizer(analyzer='word') builds them."""
    tokens = _WORD.findall(text)
    grams = list(tokens)
    for n in range(max(2, WORD_NGRAMS[0]), WORD_NGRAMS[1] + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_ngrams_by_token(text: str) -> list[tuple[str, list[str]]]:
    """Char n-grams per whitespace token, as TfidfVectorizer(analyzer='char_wb') builds them."""
    out: list[tuple[str, list[str]]] = []
    lo, hi = CHAR_NGRAMS
    for token in text.split():
        w = f" {token} "
        grams: list[str] = []
        for n in range(lo, hi + 1):
            offset = 0
            grams.append(w[offset : offset + n])
            while offset + n < len(w):
                offset += 1
                grams.append(w[offset : offset + n])
            if offset == 0:
                break
        out.append((token, grams))
    return out


def readable(token: str) -> str:
    """The term a char n-gram is credited to: its whitespace token without edge punctuation."""
    return _EDGE_PUNCT.sub("", token) or token


def _weigh(counts: Counter[str], vocab: dict[str, int], idf: FloatArray) -> dict[int, float]:
    found = {vocab[g]: c for g, c in counts.items() if g in vocab}
    weights = {i: (1.0 + math.log(c)) * float(idf[i]) for i, c in found.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {i: v / norm for i, v in weights.items()} if norm > 0 else {}


@dataclass(frozen=True)
class FeatureSpace:
    """Fitted vocabularies and idf weights; word features come first, then char features."""

    word_vocab: dict[str, int]
    word_idf: FloatArray
    char_vocab: dict[str, int]
    char_idf: FloatArray

    @property
    def size(self) -> int:
        return len(self.word_vocab) + len(self.char_vocab)

    @classmethod
    def fit(
        cls, texts: Sequence[str], *, min_df: int = 1
    ) -> tuple[FeatureSpace, sp.csr_matrix]:
        """Fit on normalised texts; return the space and the training matrix."""
        word, char = vectorizers(min_df=min_df)
        matrix = sp.hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
        space = cls(
            word_vocab={str(k): int(v) for k, v in word.vocabulary_.items()},
            word_idf=np.asarray(word.idf_, dtype=np.float64),
            char_vocab={str(k): int(v) for k, v in char.vocabulary_.items()},
            char_idf=np.asarray(char.idf_, dtype=np.float64),
        )
        return space, matrix

    def transform(self, text: str) -> Features:
        """Vectorise one normalised text (same values as the fitted sklearn vectorizers)."""
        word_counts = Counter(word_ngrams(text))
        words = _weigh(word_counts, self.word_vocab, self.word_idf)
        word_names = {self.word_vocab[g]: g for g in word_counts if g in self.word_vocab}
        by_token = char_ngrams_by_token(text)
        char_counts: Counter[str] = Counter()
        sources: dict[str, Counter[str]] = defaultdict(Counter)
        for token, grams in by_token:
            char_counts.update(grams)
            term = readable(token)
            for g in grams:
                sources[g][term] += 1
        chars = _weigh(char_counts, self.char_vocab, self.char_idf)
        offset = len(self.word_vocab)
        char_index = {self.char_vocab[g]: g for g in char_counts if g in self.char_vocab}
        indices: list[int] = []
        values: list[float] = []
        terms: list[tuple[tuple[str, float], ...]] = []
        for i, v in words.items():
            indices.append(i)
            values.append(v)
            terms.append(((word_names[i], 1.0),))
        for i, v in chars.items():
            indices.append(offset + i)
            values.append(v)
            src = sources[char_index[i]]
            total = sum(src.values())
            terms.append(tuple((t, n / total) for t, n in src.items()))
        return Features(
            indices=np.asarray(indices, dtype=np.int64),
            values=np.asarray(values, dtype=np.float64),
            terms=tuple(terms),
            known_words=len(words),
        )

    def matrix(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Vectorise many normalised texts with the hand-written transform."""
        rows, cols, vals = [], [], []
        for r, text in enumerate(texts):
            f = self.transform(text)
            rows.extend([r] * len(f.indices))
            cols.extend(f.indices.tolist())
            vals.extend(f.values.tolist())
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), self.size))


def vectorizers(*, min_df: int = 1) -> tuple[Any, Any]:
    """The scikit-learn vectorizers this space mirrors (unfitted)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    common = {"lowercase": False, "sublinear_tf": True, "min_df": min_df, "dtype": np.float64}
    word = TfidfVectorizer(token_pattern=WORD_PATTERN, ngram_range=WORD_NGRAMS, **common)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, **common)
    return word, char
