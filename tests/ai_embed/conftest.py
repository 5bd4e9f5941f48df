"""Fixtures for the optional embedding backend; each test module skips itself without the extra.

Importing these modules needs no extra (they import torch only when a model loads).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from trustdesk.ai.embeddings import Embedder, default_embedder
from trustdesk.ai.intent.embed import EmbeddingIntentModel
from trustdesk.ai.intent.training import load_labelled

DEMO_INTENTS = (
    Path(__file__).resolve().parents[2] / "src" / "trustdesk" / "data" / "demo" / "intents.csv"
)
PER_LABEL = 30  # a third of the demo rows keeps training to a few seconds


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return default_embedder()


@pytest.fixture(scope="session")
def small_intents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first PER_LABEL rows of every demo intent, as a CSV."""
    texts, labels = load_labelled(DEMO_INTENTS)
    seen: dict[str, int] = {}
    path = tmp_path_factory.mktemp("intents") / "intents.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label"])
        for text, label in zip(texts, labels, strict=True):
            if seen.get(label, 0) < PER_LABEL:
                seen[label] = seen.get(label, 0) + 1
                writer.writerow([text, label])
    return path


@pytest.fixture(scope="session")
def demo_model(embedder: Embedder) -> EmbeddingIntentModel:
    texts, labels = load_labelled(DEMO_INTENTS)
    return EmbeddingIntentModel.train(texts, labels, seed=0, embedder=embedder)
