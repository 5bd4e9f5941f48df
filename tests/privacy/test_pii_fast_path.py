"""The tagger's numpy path (learned/fast.py) against the reference path and crfsuite, exactly.

Every comparison is on whole findings (span, entity, score, reason) or on label paths, never
"close enough": the fast path is a rewrite of the same arithmetic in the same order.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.privacy.pii.learned.corpus import HELD_OUT_LOCALES, CorpusGenerator
from trustdesk.privacy.pii.learned.fast import batched_viterbi, fast_tokens
from trustdesk.privacy.pii.learned.model import (
    CHUNK_TOKENS,
    FAST_CHARS,
    CrfWeights,
    LearnedRecognizer,
    train,
)
from trustdesk.privacy.pii.learned.tokens import tokenize

# Characters that exercise every rule of the tokenizer: word runs, inner apostrophes and
# hyphens, punctuation tokens, quote marks at line starts, odd spaces, "|" (a token that is
# also the separator inside pair-feature names).
PIECES = ["a", "Bo", "é", "1", "'", "’", "-", ">", "> ", ">>", " ", "  ", "\n", "\t", "\n> ",
          ".", ",", "|", "x-y", "\u00a0", "_", "Maria", "Street", "12", "@", "Calle"]
texts_of_pieces = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@pytest.fixture(scope="module")
def tagger() -> LearnedRecognizer:
    return LearnedRecognizer.load()


def _findings(found: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(f.start, f.end, f.entity, f.score, f.recognizer, f.reason) for f in found]


def _messages() -> list[str]:
    """Generated messages (held-out locales too) and rougher variants of them."""
    rng = random.Random(17)
    base = [t for t, _ in CorpusGenerator(23).messages(250)]
    base += [t for t, _ in CorpusGenerator(29, only=HELD_OUT_LOCALES).messages(100)]
    variants = []
    for text in base[:200]:
        other = rng.choice(base)
        variants += [
            text.lower(),
            text.upper(),
            "\n".join("> " + line for line in (text + "\n" + other).split("\n")),
            text.replace(" ", "  \n"),
            ">> " + text + "   \n\n",
            " | ".join(text.split(" ")),
        ]
    return base + variants


MESSAGES = _messages()


def test_fast_tokens_match_the_tokenizer_on_messages() -> None:
    for text in MESSAGES:
        assert list(fast_tokens(text)) == tokenize(text)


@settings(max_examples=400, deadline=None)
@given(texts_of_pieces)
def test_fast_tokens_match_the_tokenizer_on_any_layout(text: str) -> None:
    assert list(fast_tokens(text)) == tokenize(text)


def test_fast_path_finds_what_the_reference_finds(tagger: LearnedRecognizer) -> None:
    compared = found = 0
    for text in MESSAGES:
        fast = _findings(tagger.analyze(text))
        assert fast == _findings(tagger.analyze_reference(text)), text
        compared += 1
        found += len(fast)
    assert compared > 1_000 and found > 1_000  # the comparison saw real tagging


@settings(max_examples=200, deadline=None)
@given(texts_of_pieces)
def test_fast_path_matches_the_reference_on_any_layout(text: str) -> None:
    tagger = LearnedRecognizer.load()
    assert _findings(tagger.analyze(text)) == _findings(tagger.analyze_reference(text))


def test_fast_emissions_are_the_reference_sums_bit_for_bit(tagger: LearnedRecognizer) -> None:
    for text in MESSAGES[:300]:
        tokens = tokenize(text)
        if not tokens:
            continue
        ids = tagger._table.ids([t.text for t in tokens])
        fast = tagger._emissions_fast(fast_tokens(text), ids)
        assert np.array_equal(fast, tagger.emissions(tokens))


def test_decoders_agree_with_ties_everywhere() -> None:
    """Small-integer emissions and transitions make many equal path scores: the first best
    predecessor and the first best last label must win in both decoders."""
    rng = np.random.default_rng(5)
    for _ in range(400):
        n_labels = 5
        trans = rng.integers(-2, 3, size=(n_labels, n_labels)).astype(float)
        weights = CrfWeights(["O", "B-PER", "I-PER", "B-ADDR", "I-ADDR"], trans.tolist(), {})
        n = int(rng.integers(1, 30))
        emissions = rng.integers(-3, 4, size=(n, n_labels)).astype(float)
        emissions[rng.random(n) < 0.3, 0] += 20.0  # some tokens certainly "O"
        assert weights.decode_fast(emissions) == weights.decode(emissions)


def test_batched_viterbi_is_the_reference_viterbi_per_stretch() -> None:
    rng = np.random.default_rng(9)
    for _ in range(300):
        trans = rng.normal(size=(5, 5)).round(2)
        weights = CrfWeights(["O", "B-PER", "I-PER", "B-ADDR", "I-ADDR"], trans.tolist(), {})
        n = int(rng.integers(1, 40))
        emissions = rng.normal(size=(n, 5)).round(1)
        cuts = sorted({0, n, *rng.integers(0, n, size=int(rng.integers(0, 6))).tolist()})
        starts = np.array(cuts[:-1])
        stops = np.array(cuts[1:])
        keep = stops > starts
        starts, stops = starts[keep], stops[keep]
        paths = batched_viterbi(emissions, starts, stops, weights._trans, n)
        for start, stop, path in zip(starts.tolist(), stops.tolist(), paths, strict=True):
            expected = weights._viterbi(emissions[start:stop].tolist(), after_o=start > 0,
                                        before_o=stop < n)
            assert path == expected


def test_pair_features_split_at_any_bar(tmp_path: Path) -> None:
    """'|' is a token: "w-1w=||x" is the pair ('|', '|x')... or ('||', 'x'); both look-ups
    must find exactly the feature whose name they spell."""
    labels = ["O", "B-PER", "I-PER", "B-ADDR", "I-ADDR"]
    features = {
        "b": [0.5, -0.1, -0.2, -0.3, -0.4],
        "w-1w=||x": [0.0, 1.0, 0.0, 0.0, 0.0],
        "w-1w=|||": [0.0, 0.0, 2.0, 0.0, 0.0],
        "w-1w=a|b": [0.0, 0.0, 0.0, 4.0, 0.0],
    }
    weights = CrfWeights(labels, [[0.0] * 5 for _ in labels], features)
    tagger = LearnedRecognizer(weights, {"version": "test"})
    for text in ["| | x", "| |", "||x", "a b", "| | |", "a | b", "x | | x a b"]:
        tokens = tokenize(text)
        ids = tagger._table.ids([t.text for t in tokens])
        assert np.array_equal(tagger._emissions_fast(fast_tokens(text), ids),
                              tagger.emissions(tokens)), text


def test_word_table_starts_afresh_when_full() -> None:
    tagger = LearnedRecognizer.load()
    tagger._table.capacity = 50
    text = " ".join(f"w{i}" for i in range(40)) + " Maria Garcia lives at 12 Elm Street"
    first = _findings(tagger.analyze(text))
    second = _findings(tagger.analyze(text + " more words here"))
    assert len(tagger._table.rows) <= 50
    assert first == _findings(tagger.analyze_reference(text))
    assert second == _findings(tagger.analyze_reference(text + " more words here"))


def test_long_texts_are_tagged_in_the_reference_chunks(tagger: LearnedRecognizer) -> None:
    many_tokens = "Ana Ruiz , " * (CHUNK_TOKENS + 10)
    assert len(many_tokens) < FAST_CHARS
    long_text = "x" * FAST_CHARS + " Regards, Maria Garcia"
    for text in (many_tokens, long_text):
        assert _findings(tagger.analyze(text)) == _findings(tagger.analyze_reference(text))


def test_every_chunk_of_a_long_text_is_tagged(tagger: LearnedRecognizer) -> None:
    """A name in the middle of a long text is found, and no Viterbi call sees more than a chunk."""
    filler = "the parcel was late again and nobody wrote back to me about it . " * 300
    text = filler + "Regards, Maria Garcia . " + filler
    tagger.longest_chunk = 0
    found = [text[f.start:f.end] for f in tagger.analyze(text) if f.entity == "PERSON"]
    assert "Maria Garcia" in found
    assert 0 < tagger.longest_chunk <= CHUNK_TOKENS


pycrfsuite = pytest.importorskip("pycrfsuite")


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tagger-fast")
    examples = CorpusGenerator(8, locales_out=HELD_OUT_LOCALES).messages(300)
    train(out, examples, version="test", params={"max_iterations": 40}, keep_crfsuite=True)
    return out


def test_batched_viterbi_is_crfsuite_on_whole_messages(small_model: Path) -> None:
    """One stretch over the whole message (no pruning): crfsuite's own labels, token for token."""
    ours = LearnedRecognizer.load(small_model)
    crf = pycrfsuite.Tagger()
    crf.open(str(small_model / "tagger.crfsuite"))
    weights = ours._weights
    compared = 0
    for text, _ in CorpusGenerator(77).messages(80):
        tokens = tokenize(text)
        if not tokens:
            continue
        ids = ours._table.ids([t.text for t in tokens])
        emissions = ours._emissions_fast(fast_tokens(text), ids)
        (path,) = batched_viterbi(emissions, np.array([0]), np.array([len(tokens)]),
                                  weights._trans, len(tokens))
        assert [weights.labels[y] for y in path] == crf.tag(ours._featurizer.features(tokens))
        compared += len(tokens)
    assert compared > 1_000
