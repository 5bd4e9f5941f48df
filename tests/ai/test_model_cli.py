"""`trustdesk model` commands through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from trustdesk.ai.intent.loader import load_model
from trustdesk.cli.model import app

DEMO_CSV = Path(__file__).resolve().parents[2] / "src/trustdesk/data/demo/intents.csv"

runner = CliRunner()


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    base = tmp_path_factory.mktemp("cli")
    out, registry = base / "model", base / "registry"
    result = runner.invoke(app, ["train", "--data", str(DEMO_CSV), "--text-column", "text",
                                 "--label-column", "label", "--out", str(out),
                                 "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    return out, registry, json.loads(result.stdout)


def test_train_prints_metrics_and_saves(trained: tuple[Path, Path, dict]) -> None:
    out, _, summary = trained
    assert load_model(out).version == summary["version"]
    assert summary["test"]["in_scope_accuracy"] > 0.9
    assert summary["test"]["overlap_with_training"] == 0
    assert 0 <= summary["validation"]["ece"] < 0.1
    assert summary["provenance"]["rows"] == summary["provenance"]["test_rows"] + summary[
        "provenance"]["train_rows"] + summary["provenance"]["validation_rows"]


def test_predict_streams_one_line_per_input(trained: tuple[Path, Path, dict]) -> None:
    out = trained[0]
    lines = [json.dumps({"id": 1, "text": "where is my order?"}), "{broken",
             json.dumps({"id": 3}), "", json.dumps({"id": "x", "text": "I want a human"})]
    result = runner.invoke(app, ["predict", "--model", str(out)], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["id"] == 1 and rows[0]["label"] == "order_status"
    assert 0 < rows[0]["confidence"] <= 1
    assert "error" in rows[1] and rows[1]["line"] == 2
    assert rows[2]["id"] == 3 and "error" in rows[2]
    assert rows[3] == {"id": "x", "label": "human_agent", "confidence": rows[3]["confidence"],
                       "in_scope": True}


def test_eval_reports_figures_and_warns_on_overlap(
    trained: tuple[Path, Path, dict], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["eval", "--model", str(trained[0]), "--data", str(DEMO_CSV)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for key in ("accuracy", "macro_f1", "in_scope_accuracy", "oos_recall",
                "expected_calibration_error", "latency_p50_ms", "latency_p95_ms"):
        assert key in figures
    assert figures["overlap_with_training"] > 0
    assert "duplicate texts the model was trained on" in result.stderr
    fresh = tmp_path / "fresh.jsonl"
    fresh.write_text(json.dumps({"q": "cancel my order right now please", "y": "cancel_order"})
                     + "\n" + json.dumps({"q": "hello there team", "y": "greeting"}) + "\n")
    result = runner.invoke(app, ["eval", "--model", str(trained[0]), "--data", str(fresh),
                                 "--text-column", "q", "--label-column", "y"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["overlap_with_training"] == 0
    assert "warning" not in result.stderr


def test_list_and_activate(trained: tuple[Path, Path, dict]) -> None:
    _, registry, summary = trained
    result = runner.invoke(app, ["list", "--registry", str(registry)])
    assert result.exit_code == 0 and summary["version"][:16] in result.stdout
    assert result.stdout.startswith(" ")  # nothing active yet
    data_dir = registry.parent / "service-data"
    # without a fairness gate result it is refused (tests/fairness/test_gate_cli.py has the
    # gate itself); an override goes live with its reason in the audit log
    result = runner.invoke(app, ["activate", summary["version"][:12], "--registry", str(registry),
                                 "--override-reason", "test registry"],
                           env={"TRUSTDESK_DATA_DIR": str(data_dir)})
    assert result.exit_code == 0, result.output
    assert summary["version"] in result.stdout
    # the activation is sealed in the audit log
    from trustdesk.bootstrap import open_database
    from trustdesk.settings import Settings
    from trustdesk.store.uow import UnitOfWork

    db = open_database(Settings(data_dir=data_dir))
    with UnitOfWork(db) as uow:
        entries = uow.audit.about(summary["version"])
        assert [e.action for e in entries] == ["model.activated"]
    db.dispose()
    listed = json.loads(runner.invoke(app, ["list", "--registry", str(registry), "--json"]).stdout)
    assert [v["active"] for v in listed] == [True]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["train", "--data", "nope.csv", "--out", "x"], 2, "file not found"),
        (["train", "--data", str(DEMO_CSV)], 2, "--out DIR"),
        (["train", "--data", str(DEMO_CSV), "--text-column", "msg", "--out", "x"], 2,
         "'msg' not found"),
        (["predict", "--model", "missing-dir"], 1, "no model directory"),
        (["eval", "--model", "missing-dir", "--data", str(DEMO_CSV)], 1, "no model directory"),
        (["activate", "abcdef123", "--registry", "empty-reg"], 2, "no such version"),
        (["train"], 2, "Missing option"),
    ],
)
def test_bad_input_gives_message_and_exit_code(
    args: list[str], code: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_list_empty_registry(tmp_path: Path) -> None:
    result = runner.invoke(app, ["list", "--registry", str(tmp_path)])
    assert result.exit_code == 0 and "no models" in result.stdout


def test_every_command_and_option_has_help() -> None:
    command = typer.main.get_command(app)
    assert command.help
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        assert sub.help, name
        for param in sub.params:
            assert getattr(param, "help", None), f"{name} {param.name}"


def test_train_refits_on_every_row_unless_told_not_to(
    trained: tuple[Path, Path, dict], tmp_path: Path
) -> None:
    out, _, summary = trained
    refit = load_model(out)
    assert summary["refit"]["rows"] == summary["provenance"]["rows"]
    assert "evaluation fit" in summary["figures_from"]
    result = runner.invoke(app, ["train", "--data", str(DEMO_CSV), "--out", str(tmp_path / "m"),
                                 "--no-refit"])
    assert result.exit_code == 0, result.output
    held_out = json.loads(result.stdout)
    evaluation_fit = load_model(tmp_path / "m")
    assert held_out["refit"] is None
    # Same splits, same held-out figures; the refit model has seen every row.
    assert held_out["test"]["accuracy"] == summary["test"]["accuracy"]
    assert len(refit.train_digests) > len(evaluation_fit.train_digests)
    assert refit.threshold == evaluation_fit.threshold
    assert refit.temperature == evaluation_fit.temperature


def test_list_uses_the_services_registry_without_an_option(
    trained: tuple[Path, Path, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = trained[1]
    monkeypatch.setenv("TRUSTDESK_MODEL_DIR", str(registry))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert trained[2]["version"][:16] in result.stdout
