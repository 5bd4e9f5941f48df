"""The hand-written TF-IDF transform must match scikit-learn's on many texts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.ai.intent.features import FeatureSpace, char_ngrams, readable, vectorizers
from trustdesk.ai.intent.training import normalise


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
    credit = features.terms
    assert {credit.names[t] for t in credit.term} == {"refund", "order"}
    assert credit.feature.tolist() == list(range(len(features.indices)))  # one term each
    assert credit.part.tolist() == [1.0] * len(features.indices)
    assert features.known_words == 2
    assert space.transform("zzz").known_words == 0


def test_a_char_ngram_made_by_several_words_is_shared_by_occurrences() -> None:
    space, _ = FeatureSpace.fit(["ab abc"])
    features = space.transform("ab abc ab")
    credit = features.terms
    position = len(space.word_vocab) + space.char_vocab[" a"]
    k = features.indices.tolist().index(position)
    entries = credit.feature == k
    terms = [credit.names[t] for t in credit.term[entries]]
    assert list(zip(terms, credit.part[entries], strict=True)) == [("ab", 2 / 3), ("abc", 1 / 3)]
    assert np.bincount(credit.feature, weights=credit.part) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "text", ["a", "ab", "abc", "abcd", "abcde", "abcdefgh", "é?", "a b", "x, yz! __order__ 12"]
)
def test_char_ngrams_follow_sklearn_for_every_token_length(text: str) -> None:
    _, char = vectorizers()
    expected = char.build_analyzer()(text)
    assert [g for token in text.split() for g in char_ngrams(token)] == expected


def test_credit_groups_like_adding_entry_by_entry(
    demo_data: tuple[list[str], list[str]],
) -> None:
    texts = [normalise(t) for t in demo_data[0]]
    space, _ = FeatureSpace.fit(texts[::2])
    rng = np.random.default_rng(0)
    for text in [*texts[1:400:7], "to the tea, to tea", "zzz qqq", ""]:
        features = space.transform(text)
        credit = features.terms
        contributions = rng.normal(size=len(features.indices))
        expected: dict[str, float] = {}
        for k, t, part in zip(credit.feature, credit.term, credit.part, strict=True):
            name = credit.names[t]
            expected[name] = expected.get(name, 0.0) + float(contributions[k] * part)
        assert list(credit.group(contributions).items()) == list(expected.items())


def test_the_token_cache_changes_nothing(demo_data: tuple[list[str], list[str]]) -> None:
    texts = [normalise(t) for t in demo_data[0][:300]]
    space, _ = FeatureSpace.fit(texts)
    warm = [space.transform(t) for t in texts + texts]  # the second pass hits the cache
    cold = FeatureSpace(space.word_vocab, space.word_idf, space.char_vocab, space.char_idf,
                        token_cache_size=1)  # keeps the last token only
    for a, b in zip(warm, [cold.transform(t) for t in texts + texts], strict=True):
        np.testing.assert_array_equal(a.indices, b.indices)
        np.testing.assert_array_equal(a.values, b.values)
        assert a.terms.names == b.terms.names
        np.testing.assert_array_equal(a.terms.term, b.terms.term)
        np.testing.assert_array_equal(a.terms.part, b.terms.part)
    assert len(cold._token_cache) == 1


def _deleted(text: str, names: list[str]) -> str:
    return " ".join(t for t in text.split() if readable(t) not in set(names))


def _check_deletions(space: FeatureSpace, text: str, names: list[str]) -> None:
    rng = np.random.default_rng(len(text))
    weights = rng.normal(size=space.size)
    scores = space.deletion_scores(text, space.transform(text), names, weights)
    for j in range(len(names)):
        f = space.transform(_deleted(text, names[: j + 1]))
        assert scores[j] == pytest.approx(float(f.values @ weights[f.indices]), abs=1e-12)


def test_deletion_scores_are_the_scores_of_the_text_with_those_words_deleted(
    demo_data: tuple[list[str], list[str]]
) -> None:
    texts = [normalise(t) for t in demo_data[0]]
    space, _ = FeatureSpace.fit(texts[::2])
    checked = 0
    for text in texts[1::7]:  # unseen texts too: their unknown words have no features
        names = list(dict.fromkeys(readable(t) for t in text.split()))
        _check_deletions(space, text, names[::-1][:5])  # any order, down to nothing left
        checked += len(names) > 1
    assert checked > 20


def test_deletion_scores_handle_repeated_words_and_new_ngrams_over_the_gap() -> None:
    space, _ = FeatureSpace.fit(["refund my order please", "my order refund", "order please"])
    _check_deletions(space, "refund, my refund order please refund", ["refund", "my"])
    _check_deletions(space, "my x order", ["x"])  # "my order" only exists once x is gone
