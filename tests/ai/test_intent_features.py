"""The hand-written TF-IDF transform must match scikit-learn's on many texts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.ai.features import FeatureSpace, vectorizers
from trustdesk.ai.training import normalise


def _reference(texts: list[str], min_df: int) -> tuple[FeatureSpace, object, object]:
    space, _ = FeatureSpace.fit(texts, min_df=min_df)
    word, char = vectorizers(min_df=min_df)
    word.fit(texts)
    char.fit(texts)
    return space, word, char


def _compare(space: FeatureSpace, word: object, char: object, texts: list[str]) -> None:
    import scipy.sparse as sp

    expected = sp.hstack([word.transform(texts), char.transform(texts)]).toarray()  # type: ignore[attr-defined]
    actual = space.matrix(texts).toarray()
    np.testing.assert_allclose(actual, expected, rtol=0, atol=1e-12)


def test_matches_sklearn_on_demo_texts(demo_data: tuple[list[str], list[str]]) -> None:
    texts = [normalise(t) for t in demo_data[0]]
    space, word, char = _reference(texts[::2], min_df=1)
    _compare(space, word, char, texts)  # half seen in fit, half unseen


def test_matches_sklearn_with_min_df(demo_data: tuple[list[str], list[str]]) -> None:
    texts = [normalise(t) for t in demo_data[0]]
    space, word, char = _reference(texts, min_df=2)
    _compare(space, word, char, texts[:300])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab cdé?!'_<>1 \t\n", max_size=40), min_size=1, max_size=5))
def test_matches_sklearn_on_arbitrary_text(extra: list[str]) -> None:
    fit = [normalise(t) for t in ("where is my order", "refund the café lamp!", "a b c", "ab ba")]
    space, word, char = _reference(fit, min_df=1)
    _compare(space, word, char, [normalise(t) for t in extra])


def test_char_ngrams_are_credited_to_their_word() -> None:
    space, _ = FeatureSpace.fit(["refund please", "order status"])
    features = space.transform("refund, order!")
    credited = {term for sources in features.terms for term, _ in sources}
    assert credited == {"refund", "order"}
    for sources in features.terms:
        assert sum(share for _, share in sources) == 1.0
    assert features.known_words == 2
    assert space.transform("zzz").known_words == 0
