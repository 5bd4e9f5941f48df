"""The labelled questions' model: read as scikit-learn reads it, stored without pickle, read out
of fold for the calibration, and heard by the answer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from trustdesk.ai.kb import KnowledgeBase, read_paths
from trustdesk.ai.kb.asked import (
    ASKED_FILE,
    NONE,
    AskedModel,
    C,
    cross_fitted,
    features,
    fit_file,
    load_asked,
)
from trustdesk.ai.kb.calibration import default_calibration
from trustdesk.ai.kb.errors import CorruptKnowledgeBaseError

DEMO = Path(__file__).resolve().parents[2] / "src" / "trustdesk" / "data" / "demo"

QUESTIONS = [
    ("can I pay with paypal", "payment-methods"), ("do you take apple pay", "payment-methods"),
    ("is klarna an option at checkout", "payment-methods"), ("which cards do you accept", None),
    ("where is my parcel", "tracking"), ("my tracking link is not updating", "tracking"),
    ("has my order shipped yet", "tracking"), ("how do I track the delivery", "tracking"),
    ("what is the capital of France", None), ("who won the football last night", None),
    ("recommend a good film", None), ("can I return a rug", "returns"),
    ("how many days do I have to send it back", "returns"), ("return label please", "returns"),
]


def _rows() -> tuple[list[str], list[str | None]]:
    return [q for q, _ in QUESTIONS], [a for _, a in QUESTIONS]


def test_reading_matches_scikit_learns_pipeline() -> None:
    texts, labels = _rows()
    model = AskedModel.fit(texts, labels)
    reference = make_pipeline(
        TfidfVectorizer(analyzer=features, sublinear_tf=True),
        LogisticRegression(C=C, max_iter=5000),
    ).fit(texts, [label or NONE for label in labels])
    probes = ["pay by paypal?", "track my parcel please", "hello", "return the rug", "zzz qqq"]
    expected = reference.predict_proba(probes)
    classes = list(reference.classes_)
    for probe, row in zip(probes, expected, strict=True):
        read = model.read(probe)
        for cls, p in zip(classes, row, strict=True):
            got = read.none if cls == NONE else read.of(cls)
            assert got == pytest.approx(p, abs=1e-9)
        first = classes[int(np.argmax(row))]
        assert read.first == (first or None)


def test_two_classes_read_like_scikit_learns_binary_model() -> None:
    texts = ["pay with paypal", "apple pay ok", "track parcel", "where is my delivery"]
    labels = ["payment-methods", "payment-methods", "tracking", "tracking"]
    model = AskedModel.fit(texts, labels)
    reference = make_pipeline(
        TfidfVectorizer(analyzer=features, sublinear_tf=True),
        LogisticRegression(C=C, max_iter=5000),
    ).fit(texts, labels)
    p = reference.predict_proba(["paypal please"])[0]
    assert model.read("paypal please").of("payment-methods") == pytest.approx(p[0], abs=1e-9)


def test_one_class_is_refused() -> None:
    with pytest.raises(ValueError, match="two classes"):
        AskedModel.fit(["a question", "another"], ["faq", "faq"])


def test_stored_as_plain_arrays_and_a_broken_file_is_reported(tmp_path: Path) -> None:
    assert load_asked(tmp_path) is None
    texts, labels = _rows()
    model = AskedModel.fit(texts, labels, fitted_on="dev.jsonl")
    model.save(tmp_path)
    loaded = load_asked(tmp_path)
    assert loaded is not None
    assert loaded.terms == model.terms and loaded.classes == model.classes
    assert loaded.fitted_on == "dev.jsonl" and loaded.digest == model.digest
    assert loaded.read("paypal?") == model.read("paypal?")
    with np.load(tmp_path / ASKED_FILE, allow_pickle=False) as data:  # no object arrays
        assert {data[k].dtype.kind for k in data.files} <= {"f", "u"}
    (tmp_path / ASKED_FILE).write_bytes(b"not an npz")
    with pytest.raises(CorruptKnowledgeBaseError, match="kb calibrate"):
        load_asked(tmp_path)


def test_each_question_is_read_out_of_fold_by_a_model_that_never_saw_it() -> None:
    texts, labels = _rows()
    texts = [f"{t} uniqueword{i}" for i, t in enumerate(texts)]
    models = cross_fitted(texts, labels, folds=3)
    assert len(models) == len(texts) and len({id(m) for m in models}) == 3
    for i, model in enumerate(models):
        assert f"uniqueword{i}" not in model.terms  # its own words were not learnt
    whole = AskedModel.fit(texts, labels)
    assert all(f"uniqueword{i}" in whole.terms for i in range(len(texts)))


def test_a_fold_left_with_one_class_reads_with_the_whole_model() -> None:
    texts = [f"return question {i}" for i in range(9)] + ["what is the capital of Peru"]
    labels: list[str | None] = ["returns"] * 9 + [None]
    models = cross_fitted(texts, labels, folds=5)
    assert len(models) == len(texts)
    assert models[9] is None  # without it only "returns" is left: nothing to fit
    assert sum(m is None for m in models) == 2  # its fold's other question too
    assert {type(m) for m in models if m is not None} == {AskedModel}


def test_a_file_is_fitted_once_per_content(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps({"question": q, "article_id": a}) + "\n"
                            for q, a in QUESTIONS))
    assert fit_file(path) is fit_file(path)


def test_the_answer_hears_what_customers_asked_of_an_article() -> None:
    """The demo's labelled questions move the answer's confidence: a question read with the
    model is scored with its view, and the shipped calibration weighs it (the demo's)."""
    docs = read_paths([DEMO / "kb"])
    model = fit_file(DEMO / "asked_questions.jsonl")
    with_model = KnowledgeBase.from_documents(docs, asked=model)
    without = KnowledgeBase.from_documents(docs)
    question = "Can I split the payment into instalments?"
    _, inputs = with_model.verify(question)
    _, plain = without.verify(question)
    assert inputs is not None and plain is not None
    assert inputs[6:] != (0.0, 0.0, 0.0) and plain[6:] == (0.0, 0.0, 0.0)
    read = model.read(question)
    assert inputs[6] == pytest.approx(read.of(with_model.verify(question)[0][0].article_id))
    # a model given in the call reads instead of the knowledge base's own (out of fold)
    other = AskedModel.fit(*_rows())
    assert with_model.verify(question, asked=other)[1] != inputs


def test_the_demo_is_prepared_with_its_question_model_and_a_users_kb_without(
    demo_assets: tuple[Path, Path], tmp_path: Path
) -> None:
    from trustdesk.ai.kb import ingest
    from trustdesk.bootstrap import _demo_questions

    _, kb_dir = demo_assets
    shipped = KnowledgeBase.load(kb_dir)
    assert shipped.asked is not None and shipped.calibrated
    assert shipped.asked.digest == fit_file(DEMO / "asked_questions.jsonl").digest
    assert shipped.calibration == default_calibration(False)  # no intent model given here
    own = tmp_path / "kb"
    ingest([DEMO / "kb" / "returns-policy.md"], own)
    _demo_questions(own)  # another help centre: the demo's questions do not describe it
    assert not (own / ASKED_FILE).exists() and KnowledgeBase.load(own).asked is None


def test_the_explanation_says_when_customers_asked_this_before() -> None:
    docs = read_paths([DEMO / "kb"])
    kb = KnowledgeBase.from_documents(docs, asked=fit_file(DEMO / "asked_questions.jsonl"))
    answer = kb.answer("How do I return an item?")
    assert not answer.abstained and answer.verification is not None
    assert answer.verification.customers_asked
    assert answer.basis is not None and answer.basis.endswith(
        "Questions worded like yours were answered from this article before.")
    plain = KnowledgeBase.from_documents(docs).answer("How do I return an item?")
    assert plain.basis is not None and "worded like yours" not in plain.basis
