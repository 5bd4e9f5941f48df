"""Explanations tell what decided: the stored decision, the model's own arithmetic, the policy.

Inputs are the policy's own examples and the 220 demo questions written by someone who never
saw the code (bench/data/kb/INDEPENDENT.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from trustdesk.ai.intent.features import readable
from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.intent.training import normalise
from trustdesk.ai.signals import LexiconTone
from trustdesk.domain import HandoffReason, RuleHit
from trustdesk.oversight.policy import Action, Policy, Signals, deciding_code, load_policy
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.counterfactual import PATH_RULES, apply, counterfactual

from app_support import Keys

QUESTIONS = Path(__file__).parents[2] / "bench" / "data" / "kb" / "demo_questions.jsonl"


def _independent() -> list[str]:
    return [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]


@pytest.fixture(scope="module")
def model(demo_assets: tuple[Path, Path]) -> IntentModel:
    return ModelRegistry(demo_assets[0]).active()


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(Settings().resolved_policy_file)


def _signals(model: IntentModel, text: str) -> Signals:
    p = model.predict(text)
    urgency, sentiment = LexiconTone().score(text)
    return Signals(intent=p.label, confidence=p.confidence, in_scope=p.in_scope, text=text,
                   urgency=urgency, sentiment=sentiment)


def test_counterfactuals_replayed_through_the_policy_let_the_ai_answer(
    model: IntentModel, policy: Policy
) -> None:
    held_intents = {i for r in policy.rules for i in r.intents}
    other = next(label for label in model.labels if label not in held_intents)
    texts = [t for r in policy.rules for t in r.examples_fire] + _independent()
    replayed = 0
    for text in texts:
        s = _signals(model, text)
        outcome = policy.decide(s)
        if outcome.action is Action.AUTO:
            assert counterfactual(policy, [{"rule_id": h.rule_id, "action": h.action}
                                           for h in outcome.hits],
                                  text=text, intent=s.intent,
                                  policy_version=policy.version) is None
            continue
        cf = counterfactual(policy, [{"rule_id": h.rule_id, "action": h.action}
                                     for h in outcome.hits],
                            text=text, intent=s.intent, policy_version=policy.version)
        assert cf is not None and cf["exact"] and cf["summary"].startswith(
            "This would have been answered automatically if ")
        assert {c["rule_id"] for c in cf["changes"]} == {
            h.rule_id for h in outcome.hits if h.action != "auto"}
        after = policy.decide(apply(s, cf["changes"], other_intent=other))
        assert after.action is Action.AUTO, (text, cf["changes"], after.hits)
        replayed += 1
    assert replayed >= 20, "the test must replay a real number of held messages"


def test_a_changed_policy_names_rules_without_claiming_exactness(policy: Policy) -> None:
    cf = counterfactual(policy, [{"rule_id": "gone-rule", "action": "review"}], text="x",
                        intent="refund", policy_version="older+123")
    assert cf is not None and not cf["exact"]
    assert cf["changes"][0]["signal"] == "rule" and "'gone-rule'" in cf["summary"]


def test_path_checks_have_their_own_sentences(policy: Policy) -> None:
    hits = [{"rule_id": rule_id, "action": "handoff"} for rule_id in PATH_RULES]
    cf = counterfactual(policy, hits, text="x", intent="refund",
                        policy_version=policy.version)
    assert cf is not None
    assert [c["signal"] for c in cf["changes"]] == ["language", "answer", "output", "answer"]
    assert len({c["sentence"] for c in cf["changes"]}) == len(PATH_RULES)


def test_contributions_add_up_to_the_calibrated_logit(model: IntentModel) -> None:
    for text in _independent():
        p = model.predict(text)
        terms, intercept = model.contributions(text, p.label)
        k = model.labels.index(p.label)
        assert sum(terms.values()) + intercept == pytest.approx(
            model.logits(text)[k] / model.temperature, abs=1e-9)


def _without(text: str, words: set[str]) -> str:
    return " ".join(w for w in normalise(text).split() if readable(w) not in words)


def test_removing_the_top_words_lowers_the_intents_score_by_their_contribution(
    model: IntentModel,
) -> None:
    """Deletion test on the independent questions: deleting the first k words shown (k = 1..5)
    lowers the calibrated logit of the intent by at least the sum of their weights, and
    deleting the words shown as positive lowers it."""
    questions = _independent()
    checked = 0
    for text in questions:
        p = model.predict(text)
        k = model.labels.index(p.label)
        z = model.logits(text)[k] / model.temperature
        for j in range(1, len(p.contributions) + 1):
            top = p.contributions[:j]
            drop = z - model.logits(_without(text, {t for t, _ in top}))[k] / model.temperature
            assert drop >= sum(w for _, w in top) - 1e-9, (text, top, drop)
            checked += 1
        drivers = {t for t, w in p.contributions if w > 0}
        if drivers:
            assert z > model.logits(_without(text, drivers))[k] / model.temperature, text
    assert checked >= 3 * len(questions)


CASES = ["How long does delivery to the UK take?", "I want my money back, refund me",
         "I want to talk to a human", "I will take legal action if this is not fixed",
         "book me a flight to Spain"]


def test_explanation_matches_the_stored_decision_and_the_model(
    client: TestClient, keys: Keys, services: Services
) -> None:
    for text in CASES:  # a conversation each: after a handoff the AI stays silent
        cid = client.post("/v1/conversations", json={}, headers=keys.admin).json()["id"]
        d = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                        headers=keys.admin).json()["decision"]
        decision = client.get(f"/v1/decisions/{d['id']}", headers=keys.admin).json()
        e = client.get(f"/v1/decisions/{d['id']}/explanation", headers=keys.admin).json()
        with UnitOfWork(services.db) as uow:
            row = uow.decisions.get(d["id"])
            stored = uow.decisions.explanation(d["id"])
            assert row is not None and stored is not None
            redacted = row.redacted_input
        assert {k: e[k] for k in stored.payload} == stored.payload | {
            "sources": e["sources"]}  # served exactly as sealed
        assert e["intent"] == decision["intent"] == row.intent
        assert e["confidence"] == round(row.confidence, 6)
        p = services.path.classifier.predict(redacted)
        assert (p.label, round(p.confidence, 6)) == (e["intent"], e["confidence"])
        assert [t["term"] for t in e["top_terms"]] == [t for t, _ in p.contributions[:5]]
        action = max((Action[r["action"].upper()] for r in e["rules"]), default=Action.AUTO)
        code = deciding_code([RuleHit(r["rule_id"], r["action"], r["reason"], r["reason_code"])
                              for r in e["rules"]], action)
        assert e["reason_code"] == (code.value if code else None) == row.reason_code
        assert all(r["reason"] in e["summary"] for r in e["rules"])
        assert (e["counterfactual"] is None) == (decision["kind"] == "reply")
        assert e["system_card_url"] == "/v1/transparency/system-card"


def _held(client: TestClient, keys: Keys) -> tuple[str, str]:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    d = client.post(f"/v1/conversations/{cid}/messages", headers=keys.widget,
                    json={"text": "I want my money back, refund me"}).json()["decision"]
    task = next(t for t in client.get("/v1/reviews", headers=keys.agent).json()
                if t["decision_id"] == d["id"])
    return str(d["id"]), str(task["id"])


@pytest.mark.parametrize(("verdict", "role"), [({"verdict": "approve"}, "agent"),
                                               ({"verdict": "reject"}, "admin")])
def test_the_reviewers_role_is_shown_never_their_key(
    client: TestClient, keys: Keys, verdict: dict[str, Any], role: str
) -> None:
    decision_id, task_id = _held(client, keys)
    before = client.get(f"/v1/decisions/{decision_id}/explanation", headers=keys.widget).json()
    assert before["human_review"]["status"] == "open" and not before["human_review"]["reviewed"]
    assert before["counterfactual"]["changes"][0]["rule_id"] == "sensitive-topic"
    assert before["sources"] == []  # the held draft's sources stay hidden (invariant 8)
    reviewer = keys.agent if role == "agent" else keys.admin
    assert client.post(f"/v1/reviews/{task_id}", json=verdict,
                       headers=reviewer).status_code == 200
    e = client.get(f"/v1/decisions/{decision_id}/explanation", headers=keys.widget).json()
    review = e["human_review"]
    assert review["reviewed"] and review["by_role"] == role and review["decided_at"]
    assert review["summary"].startswith(f"A person ({role}) reviewed this answer")
    assert e["reason_code"] == HandoffReason.SENSITIVE_TOPIC.value
    key_ids = {t["reviewer_key_id"] for t in client.get("/v1/reviews?status=" +
               ("approved" if role == "agent" else "rejected"), headers=keys.agent).json()
               if t.get("reviewer_key_id")}
    assert not any(k in json.dumps(e) for k in key_ids)
