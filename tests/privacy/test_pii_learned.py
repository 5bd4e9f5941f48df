"""The learned tagger: artefact loading, the exported decoder against crfsuite, work counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustdesk.privacy.pii.learned.corpus import HELD_OUT_LOCALES, CorpusGenerator
from trustdesk.privacy.pii.learned.model import (
    CHUNK_OVERLAP,
    CHUNK_TOKENS,
    META_FILE,
    MODEL_FILE,
    LearnedRecognizer,
    TaggerArtefactError,
    bio,
    train,
)
from trustdesk.privacy.pii.learned.tokens import tokenize

pycrfsuite = pytest.importorskip("pycrfsuite")


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tagger")
    examples = CorpusGenerator(7, locales_out=HELD_OUT_LOCALES).messages(300)
    train(out, examples, version="test", params={"max_iterations": 40}, keep_crfsuite=True)
    return out


def test_corpus_is_reproducible() -> None:
    first = list(CorpusGenerator(3).messages(20))
    assert first == list(CorpusGenerator(3).messages(20))
    assert first != list(CorpusGenerator(4).messages(20))


def test_corpus_holds_locales_out() -> None:
    corpus = CorpusGenerator(3, locales_out=HELD_OUT_LOCALES)
    assert not set(corpus.name_locales) & set(HELD_OUT_LOCALES)
    only = CorpusGenerator(3, only=HELD_OUT_LOCALES)
    assert set(only.name_locales) <= set(HELD_OUT_LOCALES)


def test_corpus_spans_are_on_their_text() -> None:
    for text, spans in CorpusGenerator(5).messages(200):
        for start, end, label in spans:
            assert label in ("PERSON", "ADDRESS")
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]


def test_bio_labels_tokens_inside_spans() -> None:
    text = "ship to 12 Elm St for Ana Ruiz"
    tokens = tokenize(text)
    labels = bio(tokens, [(8, 17, "ADDRESS"), (22, 30, "PERSON")])
    assert labels == ["O", "O", "B-ADDR", "I-ADDR", "I-ADDR", "O", "B-PER", "I-PER"]


def test_exported_decoder_matches_crfsuite(small_model: Path) -> None:
    """Viterbi on the exported weights gives crfsuite's labels, token for token."""
    ours = LearnedRecognizer.load(small_model)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(small_model / "tagger.crfsuite"))
    weights = ours._weights
    compared = pruned_agree = 0
    for text, _ in CorpusGenerator(99).messages(60):
        tokens = tokenize(text)
        if not tokens:
            continue
        theirs = tagger.tag(ours._featurizer.features(tokens))
        emissions = ours.emissions(tokens)
        exact = weights._viterbi(emissions.tolist(), after_o=False, before_o=False)
        assert [weights.labels[y] for y in exact] == theirs
        pruned, _, _ = weights.decode(emissions)
        pruned_agree += sum(weights.labels[y] == t for y, t in zip(pruned, theirs, strict=True))
        compared += len(tokens)
    assert pruned_agree / compared >= 0.99  # the margin cut is an approximation


def test_artefact_hash_is_checked(small_model: Path, tmp_path: Path) -> None:
    for name in (MODEL_FILE, META_FILE):
        (tmp_path / name).write_bytes((small_model / name).read_bytes())
    LearnedRecognizer.load(tmp_path)
    weights = json.loads((tmp_path / MODEL_FILE).read_text())
    weights["transitions"][0][0] += 1.0
    (tmp_path / MODEL_FILE).write_text(json.dumps(weights))
    with pytest.raises(TaggerArtefactError, match="does not match the hash"):
        LearnedRecognizer.load(tmp_path)


def test_missing_artefact_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(TaggerArtefactError, match="trustdesk privacy train"):
        LearnedRecognizer.load(tmp_path)


def test_bundled_tagger_is_versioned() -> None:
    tagger = LearnedRecognizer.load()
    assert tagger.meta["version"].startswith("pii-tagger-")
    assert tagger.meta["held_out_locales"]
    assert tagger.meta["held_out_locales_scores"]["char_recall"] > 0.8


def test_tagger_work_is_linear_in_tokens() -> None:
    """Work counts, not wall time: featurised plus decoded tokens, at most twice the tokens
    once each chunk's overlap is counted; and no Viterbi call sees more than one chunk."""
    tagger = LearnedRecognizer.load()
    overlap = CHUNK_TOKENS / (CHUNK_TOKENS - 2 * CHUNK_OVERLAP)
    for text in ("Ab " * 3000, "a@" * 5000, "Maria Garcia de la " * 500, "12 Elm Street, " * 600):
        before = tagger.work
        tagger.longest_chunk = 0
        tagger.analyze(text)
        assert tagger.work - before <= 2 * overlap * len(tokenize(text)) + 2 * CHUNK_TOKENS
        assert tagger.longest_chunk <= CHUNK_TOKENS
