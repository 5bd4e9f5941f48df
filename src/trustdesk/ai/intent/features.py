"""TF-IDF features for intents: word 1-3 grams plus character 2-5 grams inside word boundaries.

Training fits scikit-learn's TfidfVectorizer; inference re-implements its transform in plain
Python + numpy (several times faster for one message at a time). tests/ai/test_intent_features.py
checks both give the same vectors on many texts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

WORD_PATTERN = r"(?u)\b\w\w+\b"
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)
TOKEN_CACHE_SIZE = 8192  # distinct tokens remembered per feature space (about 2 MB when full)
_WORD = re.compile(WORD_PATTERN)
_EDGE_PUNCT = re.compile(r"^\W+|\W+$")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Credit:
    """Which readable term each feature of a text came from.

    Entry k credits part[k] of feature feature[k] (a position in Features.indices) to the term
    names[term[k]]; each feature's parts sum to 1. Most features come from one term and have one
    entry; a character n-gram made by several words has one per word, shared in proportion to
    its occurrences. Entries are in feature order, so grouped sums add up feature by feature.
    Some names (tokens with no n-gram in the vocabulary) may have no entry at all.
    """

    names: tuple[str, ...]
    feature: IntArray
    term: IntArray
    part: FloatArray

    def group(self, contributions: FloatArray) -> dict[str, float]:
        """Sum per-feature contributions by term; terms in the order they were first credited."""
        sums = np.bincount(
            self.term, weights=contributions[self.feature] * self.part, minlength=len(self.names)
        ).tolist()
        return {self.names[t]: sums[t] for t in dict.fromkeys(self.term.tolist())}


@dataclass(frozen=True)
class Features:
    """One text as a sparse vector, plus which readable term each feature came from."""

    indices: IntArray
    values: FloatArray
    terms: Credit
    known_words: int  # word n-grams found in the vocabulary (0: nothing but character noise)
    counts: FloatArray  # occurrences of each feature in the text (before tf-idf)


def word_ngrams(text: str) -> list[str]:
    """Word n-grams exactly as TfidfVectorizer(analyzer='word') builds them."""
    return _ngrams(_WORD.findall(text))


def _ngrams(tokens: list[str]) -> list[str]:
    grams = list(tokens)
    for n in range(max(2, WORD_NGRAMS[0]), WORD_NGRAMS[1] + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_ngrams(token: str) -> list[str]:
    """Char n-grams of one whitespace token, as TfidfVectorizer(analyzer='char_wb') builds them."""
    w = f" {token} "
    lo, hi = CHAR_NGRAMS
    if len(w) > hi:
        return [w[i : i + n] for n in range(lo, hi + 1) for i in range(len(w) - n + 1)]
    # sklearn takes a padded token no longer than n once, whole, and stops there
    return [w[i : i + n] for n in range(lo, len(w)) for i in range(len(w) - n + 1)] + [w]


def readable(token: str) -> str:
    """The term a char n-gram is credited to: its whitespace token without edge punctuation."""
    return _EDGE_PUNCT.sub("", token) or token


# Feature position -> {term id: occurrences}, in order of first occurrence in the text (the
# order explanations credit terms in).
_Sources = dict[int, dict[int, int]]


def _unit(weights: FloatArray) -> FloatArray:
    norm = math.sqrt(sum((weights * weights).tolist()))
    return weights / norm if norm > 0 else weights


@dataclass(frozen=True)
class FeatureSpace:
    """Fitted vocabularies and idf weights; word features come first, then char features."""

    word_vocab: dict[str, int]
    word_idf: FloatArray
    char_vocab: dict[str, int]
    char_idf: FloatArray
    # distinct tokens _token_grams() remembers before it starts again (not part of the model)
    token_cache_size: int = field(default=TOKEN_CACHE_SIZE, compare=False, repr=False)

    @property
    def size(self) -> int:
        return len(self.word_vocab) + len(self.char_vocab)

    @cached_property
    def _char_positions(self) -> dict[str, int]:
        """Char n-gram -> feature position (after the word features)."""
        offset = len(self.word_vocab)
        return {gram: offset + i for gram, i in self.char_vocab.items()}

    @cached_property
    def _idf(self) -> FloatArray:
        """idf by feature position."""
        return np.concatenate([self.word_idf, self.char_idf])

    @cached_property
    def _token_cache(self) -> dict[str, tuple[str, tuple[int, ...]]]:
        return {}

    def _token_grams(self, token: str) -> tuple[str, tuple[int, ...]]:
        """A token's readable term and the positions of its char n-grams in the vocabulary.

        Memoised: customers reuse the same few thousand words, and cutting a token into
        n-grams and looking each up is most of the cost of a short message.
        """
        cache = self._token_cache
        if (hit := cache.get(token)) is None:
            if len(cache) >= self.token_cache_size:
                cache.clear()
            grams = map(self._char_positions.get, char_ngrams(token))
            hit = cache[token] = (readable(token), tuple(p for p in grams if p is not None))
        return hit

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
        term_ids: dict[str, int] = {}
        words: _Sources = {}
        for gram, count in Counter(word_ngrams(text)).items():
            if (p := self.word_vocab.get(gram)) is not None:
                words[p] = {term_ids.setdefault(gram, len(term_ids)): count}
        # Only grams in the vocabulary are counted and credited; most of an unseen word's are not.
        chars: _Sources = {}
        for token in text.split():
            name, found = self._token_grams(token)
            term_id = term_ids.setdefault(name, len(term_ids))
            for p in found:
                if (src := chars.get(p)) is None:
                    chars[p] = {term_id: 1}
                else:
                    src[term_id] = src.get(term_id, 0) + 1
        # From here on numpy: one entry per (feature, term) pair, in feature order.
        sources = [*words.values(), *chars.values()]
        n = len(sources)
        feature = np.repeat(np.arange(n), np.fromiter(map(len, sources), np.int64, n))
        term = np.fromiter(chain.from_iterable(sources), np.int64, len(feature))
        occurrences = np.fromiter(
            chain.from_iterable(map(dict.values, sources)), np.float64, len(feature)
        )
        counts = np.bincount(feature, weights=occurrences, minlength=n)
        indices = np.fromiter(chain(words, chars), np.int64, n)
        weights = (1.0 + np.log(counts)) * self._idf[indices]  # sublinear tf * idf, as sklearn
        k = len(words)
        return Features(
            indices=indices,
            values=np.concatenate([_unit(weights[:k]), _unit(weights[k:])]),
            terms=Credit(tuple(term_ids), feature, term, occurrences / counts[feature]),
            known_words=k,
            counts=np.asarray(counts, dtype=np.float64),
        )

    def deletion_scores(
        self, text: str, f: Features, names: Sequence[str], weights: FloatArray
    ) -> FloatArray:
        """`weights` . vector of `text` with its words removed one by one, cumulatively.

        `f` is transform(text). Entry j is the dot product of `weights` (one per feature
        position) with transform() of the text once every whitespace token whose readable term
        is names[0], ..., names[j] is taken out (tests/ai/test_intent_features.py checks it
        against transform). Character n-grams belong to one token each, so their counts after
        each removal are one cumulative subtraction of what `f` credits to each name; word
        n-grams are rebuilt from the tokens left, as a real deletion builds them (a new n-gram
        can span the gap).
        """
        k = f.known_words
        credit = f.terms
        lookup = np.full(len(credit.names), -1)
        lookup[[credit.names.index(name) for name in names]] = np.arange(len(names))
        step = lookup[credit.term]
        entry = (step >= 0) & (credit.feature >= k)
        feature = credit.feature[entry]
        removed = np.zeros((len(names), len(f.indices) - k))
        np.add.at(removed, (step[entry], feature - k), credit.part[entry] * f.counts[feature])
        counts = f.counts[k:] - removed.cumsum(axis=0)
        positions = f.indices[k:]
        with np.errstate(divide="ignore"):
            tfidf = np.where(counts > 0.5, 1.0 + np.log(counts), 0.0) * self._idf[positions]
        norms = np.sqrt((tfidf * tfidf).sum(axis=1))
        scores: FloatArray = np.divide(tfidf @ weights[positions], norms, out=np.zeros(len(names)),
                           where=norms > 0)
        words = [(readable(t), _WORD.findall(t)) for t in text.split()]
        gone: set[str] = set()
        rows: list[int] = []
        found: list[int] = []
        times: list[int] = []
        for j, name in enumerate(names):
            gone.add(name)
            kept = [w for n, ws in words if n not in gone for w in ws]
            for g, c in Counter(_ngrams(kept)).items():
                if (p := self.word_vocab.get(g)) is not None:
                    rows.append(j)
                    found.append(p)
                    times.append(c)
        at = np.array(found, np.int64)
        by = np.array(rows, np.int64)
        w = (1.0 + np.log(np.array(times, np.float64))) * self._idf[at]
        norm = np.sqrt(np.bincount(by, weights=w * w, minlength=len(names)))
        dot = np.bincount(by, weights=w * weights[at], minlength=len(names))
        scores += np.divide(dot, norm, out=np.zeros(len(names)), where=norm > 0)
        return scores

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
