"""`trustdesk policy activate`: a candidate goes live only after its examples and the fairness
probes pass through the whole path; both outcomes are audited."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.oversight.policy import load_policy
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow

DEMO = Path(__file__).parents[2] / "src/trustdesk/data/demo/policy.yaml"
runner = CliRunner()


def _env(settings: Settings, live: Path, gate: Path) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir),
            "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
            "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir),
            "TRUSTDESK_POLICY_FILE": str(live),
            "TRUSTDESK_FAIRNESS_GATE_POLICY_FILE": str(gate)}


def _setup(settings: Settings, tmp_path: Path, probes: str = "[age]") -> tuple[Path, Path]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    live = tmp_path / "live.yaml"
    live.write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    gate = tmp_path / "gate.yaml"
    gate.write_text(f"probe_families: {probes}\n", encoding="utf-8")
    return live, gate


def _actions(settings: Settings) -> list[str]:
    from trustdesk.bootstrap import open_database

    db = open_database(settings)
    with db.engine.connect() as conn:
        rows = conn.execute(select(AuditEntryRow.action).order_by(AuditEntryRow.seq)).all()
    db.dispose()
    return [r[0] for r in rows]


def test_a_candidate_that_passes_goes_live_and_is_audited(settings: Settings,
                                                           tmp_path: Path) -> None:
    live, gate = _setup(settings, tmp_path)
    before = load_policy(live).version
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(DEMO.read_text(encoding="utf-8").replace(
        "version:", "# the review notice now says more\nversion:", 1), encoding="utf-8")
    r = runner.invoke(app, ["policy", "activate", str(candidate)],
                      env=_env(settings, live, gate))
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["activated"] and out["passed"] and out["previous_version"] == before
    assert out["probes"]["age"]["passed"] and out["failed_examples"] == []
    assert out["examples"] >= 10
    assert live.read_text(encoding="utf-8") == candidate.read_text(encoding="utf-8")
    assert load_policy(live).version == out["policy_version"] != before
    assert _actions(settings)[-1] == "policy.activated"


def test_a_failing_example_refuses_and_leaves_the_live_file(settings: Settings,
                                                            tmp_path: Path) -> None:
    live, gate = _setup(settings, tmp_path, probes="[]")
    kept = live.read_text(encoding="utf-8")
    candidate = tmp_path / "candidate.yaml"
    failing = kept.replace('passes: ["Where is my order? It was due yesterday.",',
                           'passes: ["I will call my lawyer",')
    assert failing != kept
    candidate.write_text(failing, encoding="utf-8")
    r = runner.invoke(app, ["policy", "activate", str(candidate)],
                      env=_env(settings, live, gate))
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert not out["activated"] and not out["passed"]
    assert out["failed_examples"] == [{"rule_id": "legal-threat", "text": "I will call my lawyer",
                                       "expected": "passes"}]
    assert live.read_text(encoding="utf-8") == kept
    assert _actions(settings)[-1] == "policy.activation_refused"
    # an owner may override, with a reason that names nobody; it is kept in the audit log
    r = runner.invoke(app, ["policy", "activate", str(candidate), "--override-reason",
                            "Ask Dana Whitfield at dana@example.com"],
                      env=_env(settings, live, gate))
    assert r.exit_code == 2 and "personal data" in r.output
    assert "dana@example.com" not in r.output
    r = runner.invoke(app, ["policy", "activate", str(candidate), "--override-reason",
                            "legal reviewed the lawyer example; the rule is wanted"],
                      env=_env(settings, live, gate))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["override_reason"].startswith("legal reviewed")
    assert live.read_text(encoding="utf-8") == candidate.read_text(encoding="utf-8")


def test_the_bundled_demo_policy_is_never_the_target(settings: Settings,
                                                     tmp_path: Path) -> None:
    _, gate = _setup(settings, tmp_path)
    env = _env(settings, tmp_path / "unused.yaml", gate)
    del env["TRUSTDESK_POLICY_FILE"]
    r = runner.invoke(app, ["policy", "activate", str(DEMO)], env=env)
    assert r.exit_code == 2 and "TRUSTDESK_POLICY_FILE" in r.output
