"""`trustdesk policy test` (examples beside the rules) and `policy simulate` (a replay)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.oversight.policy import PolicyError, Signals, parse_policy
from trustdesk.oversight.policy_testing import StoredDecision, run_examples, simulate
from trustdesk.settings import Settings

from app_support import Keys

POLICY = """
version: t
rules:
  - id: money
    when: {intents: [refund]}
    action: review
    reason: "checked"
    examples: {fires: ["refund please"], passes: ["where is my parcel"]}
"""


def understand(text: str) -> Signals:
    """A stand-in reader: 'refund' in the text means the refund intent."""
    intent = "refund" if "refund" in text else "order_status"
    return Signals(intent=intent, confidence=0.9, in_scope=True, text=text)


def test_examples_pass_and_a_wrong_one_is_reported() -> None:
    results = run_examples(parse_policy(POLICY), understand)
    assert [(r.text, r.ok) for r in results] == [("refund please", True),
                                                 ("where is my parcel", True)]
    wrong = parse_policy(POLICY.replace('passes: ["where is my parcel"]',
                                        'passes: ["refund it now"]'))
    bad = [r for r in run_examples(wrong, understand) if not r.ok]
    assert [(r.rule_id, r.text, r.should_fire) for r in bad] == [("money", "refund it now",
                                                                  False)]


@pytest.mark.parametrize("examples", ['["x"]', "{fires: [1]}", "{maybe: [x]}", '{passes: [""]}'])
def test_malformed_examples_stop_the_policy(examples: str) -> None:
    with pytest.raises(PolicyError, match="rule 'money': examples"):
        parse_policy(POLICY.replace('{fires: ["refund please"], passes: ["where is my parcel"]}',
                                    examples))


def test_a_replay_counts_changes_per_transition_and_rule() -> None:
    candidate = parse_policy(POLICY.replace("intents: [refund]", "intents: [order_status]"))
    decisions = [
        StoredDecision("a", "review", "refund", 0.9, "refund", (("money", "review"),)),
        StoredDecision("b", "reply", "order_status", 0.9, "where", ()),
        StoredDecision("c", "handoff", "order_status", 0.9, "wo",
                       (("language-not-supported", "handoff"),)),
    ]
    report = simulate(candidate, decisions, lambda _: (0.0, 0.0))
    out = report.as_json()
    assert out["decisions"] == 3 and out["changed"] == 2
    assert out["transitions"] == {"auto -> review": 1, "review -> auto": 1}
    assert out["rules"]["money"] == {"fired_before": 1, "fires_now": 2, "newly_fires": 2,
                                     "stops_firing": 1}
    assert set(out["changed_decision_ids"]) == {"a", "b"}


runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir),
            "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir)}


def test_the_demo_policy_passes_its_own_examples(settings: Settings) -> None:
    r = runner.invoke(app, ["policy", "test"], env=_env(settings))
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["examples"] >= 10 and out["failed"] == []


def test_a_failing_example_exits_1(settings: Settings, tmp_path: Path) -> None:
    demo = Path(__file__).parents[2] / "src/trustdesk/data/demo/policy.yaml"
    original = demo.read_text(encoding="utf-8")
    text = original.replace('passes: ["Where is my order? It was due yesterday.",',
                            'passes: ["I will call my lawyer",')
    assert text != original
    candidate = tmp_path / "p.yaml"
    candidate.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["policy", "test", "--policy", str(candidate)], env=_env(settings))
    assert r.exit_code == 1
    failed = json.loads(r.stdout)["failed"]
    assert failed == [{"rule_id": "legal-threat", "text": "I will call my lawyer",
                       "expected": "passes", "policy_action": "review"}]


def test_simulate_replays_stored_decisions(
    settings: Settings, client: TestClient, keys: Keys, tmp_path: Path
) -> None:
    def say(text: str) -> dict[str, Any]:
        cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
        out: dict[str, Any] = client.post(f"/v1/conversations/{cid}/messages",
                                          json={"text": text}, headers=keys.widget).json()
        return out

    assert say("I want my money back, refund me")["decision"]["kind"] == "review"
    reply = say("How long does delivery to the UK take?")["decision"]
    assert reply["kind"] == "reply"
    intent = client.get(f"/v1/decisions/{reply['id']}", headers=keys.admin).json()["intent"]
    demo = Path(__file__).parents[2] / "src/trustdesk/data/demo/policy.yaml"
    text = demo.read_text(encoding="utf-8").replace(
        "intents: [billing_dispute, complaint, data_privacy_request, close_account, refund], "
        "asks: action",
        f"intents: [{intent}]")
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["policy", "simulate", "--policy", str(candidate), "--since",
                            "2020-01-01"], env=_env(settings))
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["decisions"] == 2 and out["changed"] == 2
    assert out["transitions"] == {"auto -> review": 1, "review -> auto": 1}
    assert out["rules"]["sensitive-topic"]["newly_fires"] == 1
    assert out["rules"]["sensitive-topic"]["stops_firing"] == 1
    bad = runner.invoke(app, ["policy", "simulate", "--policy", str(candidate), "--since",
                              "last week"], env=_env(settings))
    assert bad.exit_code == 2 and "--since" in bad.output
    missing = runner.invoke(app, ["policy", "simulate", "--policy", str(tmp_path / "no.yaml"),
                                  "--since", "2020-01-01"], env=_env(settings))
    assert missing.exit_code == 1 and "cannot read policy file" in missing.output
