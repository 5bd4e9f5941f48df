"""Fixtures for the intent model tests: the demo data and one model trained per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.training import load_labelled, stratified_split

DEMO_CSV = Path(__file__).resolve().parents[2] / "src/trustdesk/data/demo/intents.csv"


@pytest.fixture(scope="session")
def demo_data() -> tuple[list[str], list[str]]:
    return load_labelled(DEMO_CSV)


@pytest.fixture(scope="session")
def demo_split(demo_data: tuple[list[str], list[str]]) -> dict[str, tuple[list[str], list[str]]]:
    texts, labels = demo_data
    rest, test = stratified_split(labels, [0.15], texts=texts, seed=0)
    return {
        "train": ([texts[i] for i in rest], [labels[i] for i in rest]),
        "test": ([texts[i] for i in test], [labels[i] for i in test]),
    }


@pytest.fixture(scope="session")
def demo_model(demo_split: dict[str, tuple[list[str], list[str]]]) -> IntentModel:
    return IntentModel.train(*demo_split["train"], seed=0)


@pytest.fixture(scope="session")
def saved_model(demo_model: IntentModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("model")
    demo_model.save(directory)
    return directory
