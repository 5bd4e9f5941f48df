"""Model and system cards: built from the registry and the running configuration."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.cli.main import app
from trustdesk.service.context import Services
from trustdesk.service.transparency import configured_deployment
from trustdesk.settings import Settings
from trustdesk.transparency.model_card import (
    GATE_FILE,
    NO_GATE,
    ModelCardError,
    model_card,
    model_card_markdown,
    wilson,
)
from trustdesk.transparency.system_card import system_card, system_card_markdown

from app_support import Keys


@pytest.fixture
def registry(demo_assets: tuple[Path, Path], tmp_path: Path) -> ModelRegistry:
    """A copy of the demo registry, so a test may write a gate file into it."""
    root = tmp_path / "models"
    shutil.copytree(demo_assets[0], root)
    return ModelRegistry(root)


def _version_dir(registry: ModelRegistry) -> Path:
    version = registry.active_version()
    assert version is not None
    return registry.root / "versions" / version


@pytest.mark.parametrize(("k", "n"), [(322, 324), (0, 10), (10, 10), (37, 120), (1, 3)])
def test_wilson_interval_matches_scipy(k: int, n: int) -> None:
    from scipy.stats import binomtest

    reference = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    lo, hi = wilson(k, n) or (-1.0, -1.0)
    assert lo == pytest.approx(reference.low, abs=1e-9)
    assert hi == pytest.approx(reference.high, abs=1e-9)


def test_wilson_interval_without_trials_is_none() -> None:
    assert wilson(0, 0) is None


def test_model_card_reads_the_registry(registry: ModelRegistry) -> None:
    card = model_card(registry, languages=["en"])
    meta = json.loads((_version_dir(registry) / "model.json").read_text())["metadata"]
    assert card["model"]["version"] == registry.active_version() and card["model"]["active"]
    assert card["training_data"]["rows"] == meta["provenance"]["rows"]
    assert card["training_data"]["label_counts"] == meta["provenance"]["label_counts"]
    test = card["evaluation"]["test"]
    assert test["accuracy"]["value"] == meta["metrics"]["test"]["accuracy"]
    assert test["rows"] == meta["metrics"]["test"]["rows"]
    lo, hi = test["accuracy"]["interval_95"]
    assert lo <= test["accuracy"]["value"] <= hi
    assert card["fairness_gate"] is None and card["fairness_gate_summary"] == NO_GATE
    assert card["owner"] == "no accountable owner recorded"
    md = model_card_markdown(card)
    assert "No fairness gate recorded for this version." in md
    assert "## Intended use" in md and "## Limitations" in md and "95 % CI" in md


def test_model_card_shows_the_fairness_gate_when_recorded(registry: ModelRegistry) -> None:
    gate = {"passed": False, "checked_at": "2027-01-02T03:04:05+00:00",
            "policy": {"max_difference": 0.1},
            "results": [{"attribute": "language", "metric": "selection_rate",
                         "difference": 0.23, "threshold": 0.1, "passed": False}]}
    (_version_dir(registry) / GATE_FILE).write_text(json.dumps(gate))
    card = model_card(registry)
    assert card["fairness_gate"] == gate
    assert card["fairness_gate_summary"] == "FAILED at 2027-01-02T03:04:05+00:00"
    md = model_card_markdown(card)
    assert "| language | selection_rate | 0.230 | 0.100 | no |" in md


def test_a_malformed_gate_file_is_an_error_naming_it(registry: ModelRegistry) -> None:
    (_version_dir(registry) / GATE_FILE).write_text('{"passed": "yes"}')
    with pytest.raises(ModelCardError, match=r"fairness_gate\.json"):
        model_card(registry)


def test_an_unknown_or_tampered_version_is_refused(registry: ModelRegistry) -> None:
    with pytest.raises(ModelCardError, match="no such version"):
        model_card(registry, "abcdef0")
    (_version_dir(registry) / "model.json").write_text("{}")
    with pytest.raises(ModelCardError, match="does not match its digest"):
        model_card(registry)


def test_system_card_describes_the_configuration(settings: Settings) -> None:
    configured = settings.model_copy(update={
        "brand_name": "Acme", "llm_base_url": "https://user:pw@llm.example.com/v1",
        "llm_model": "m-7b"})
    card = system_card(configured_deployment(configured))
    assert card["deployment"] == "Acme"
    assert card["components"]["llm"]["host"] == "llm.example.com"
    assert "pw" not in json.dumps(card)  # no credentials of the LLM URL
    assert card["components"]["intent_model"]["version"] == ModelRegistry(
        configured.resolved_model_dir).active_version()
    assert card["components"]["policy"]["version"].startswith("demo-1+")
    rules = {r["id"]: r for r in card["human_oversight"]["rules"]}
    assert rules["sensitive-topic"]["action"] == "review"
    assert rules["customer-asked-for-human"]["reason_code"] == "customer_request"
    assert card["data"]["retention_days"]["original_messages"] == 30
    assert card["disclosure"]["text"]["en"].startswith("You are chatting with Acme's AI")
    md = system_card_markdown(card)
    assert md.startswith("# System card: Acme") and "## How to read the logs" in md


def test_system_card_without_an_llm_says_so(settings: Settings) -> None:
    card = system_card(configured_deployment(settings))
    assert card["components"]["llm"]["backend"] == "none"


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATA_DIR": str(settings.data_dir),
            "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
            "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir),
            "TRUSTDESK_DATABASE_URL": settings.resolved_database_url}


def test_cli_cards(settings: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    md = runner.invoke(app, ["transparency", "model-card"], env=_env(settings))
    assert md.exit_code == 0 and md.output.startswith("# Model card: intent classifier")
    js = runner.invoke(app, ["transparency", "model-card", "--format", "json"],
                       env=_env(settings))
    assert js.exit_code == 0 and json.loads(js.output)["card"] == "model"
    out = tmp_path / "system.md"
    sc = runner.invoke(app, ["transparency", "system-card", "--out", str(out)],
                       env=_env(settings))
    assert sc.exit_code == 0 and out.read_text().startswith("# System card: Lumen & Loom")
    bad = runner.invoke(app, ["transparency", "model-card", "zzzzzz"], env=_env(settings))
    assert bad.exit_code == 1 and "no such version" in bad.output


def test_api_cards(client: TestClient, keys: Keys, services: Services) -> None:
    system = client.get("/v1/transparency/system-card", headers=keys.widget)
    assert system.status_code == 200 and system.json()["card"] == "system"
    assert system.json()["components"]["intent_model"]["version"] == \
        services.path.classifier.version
    model = client.get("/v1/transparency/model-card", headers=keys.widget)
    assert model.status_code == 200
    assert model.json()["model"]["version"] == services.path.classifier.version
    assert client.get("/v1/transparency/model-card?version=abcdef",
                      headers=keys.widget).status_code == 404
    bad = client.get("/v1/transparency/model-card?version=../../x", headers=keys.widget)
    assert bad.status_code == 422 and "version" in bad.json()["error"]
    assert client.get("/v1/transparency/system-card").status_code == 401
