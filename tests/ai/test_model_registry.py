"""The file-based model registry: add, list, activate, load the active version."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.intent.artefact import ModelArtefactError
from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.registry import ModelRegistry, RegistryError


def _second_model() -> IntentModel:
    texts = [f"where is my order {i}" for i in range(12)]
    texts += [f"refund please {i}" for i in range(12)]
    return IntentModel.train(texts, ["order_status"] * 12 + ["refund"] * 12, oos_label=None)


def test_add_list_activate(demo_model: IntentModel, tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path / "reg")
    assert registry.versions() == []
    assert registry.active_version() is None
    with pytest.raises(RegistryError, match="no active model"):
        registry.active()
    first = registry.add(demo_model)
    assert registry.add(demo_model) == first  # same content, same version, no copy
    other = _second_model()
    registry.add(other)
    listed = registry.versions()
    assert {v.version for v in listed} == {demo_model.version, other.version}
    assert not any(v.active for v in listed)
    assert all("validation" in v.metrics for v in listed)

    assert registry.activate(demo_model.version[:10]) == demo_model.version
    assert registry.active_version() == demo_model.version
    assert registry.active().predict("where is my order").label == "order_status"
    assert [v.version for v in registry.versions() if v.active] == [demo_model.version]

    registry.activate(other.version)
    assert registry.active().version == other.version
    assert registry.load(demo_model.version).version == demo_model.version


def test_unknown_and_ambiguous_versions(demo_model: IntentModel, tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    registry.add(demo_model)
    with pytest.raises(RegistryError, match="no such version"):
        registry.activate("deadbeef00")
    with pytest.raises(RegistryError, match="no such version"):
        registry.activate(demo_model.version[:3])  # too short to be a prefix


def test_tampered_version_cannot_be_activated(demo_model: IntentModel, tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    directory = registry.add(demo_model)
    (directory / "model.json").write_text((directory / "model.json").read_text() + " ")
    with pytest.raises(ModelArtefactError):
        registry.activate(demo_model.version)
    assert registry.active_version() is None
