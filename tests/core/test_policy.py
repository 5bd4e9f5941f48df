"""The policy engine: rule conditions, precedence, the built-in human rule, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.oversight.policy import Action, PolicyError, Signals, load_policy, parse_policy

DEMO = Path(__file__).parents[2] / "src" / "trustdesk" / "data" / "demo" / "policy.yaml"


def sig(intent: str = "order_status", confidence: float = 0.9, text: str = "where is it",
        **kw: object) -> Signals:
    return Signals(intent=intent, confidence=confidence, in_scope=kw.pop("in_scope", True),  # type: ignore[arg-type]
                   text=text, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("signals", "action", "rule"),
    [
        (sig(), Action.AUTO, None),
        (sig(intent="human_agent"), Action.HANDOFF, "customer-asked-for-human"),
        (sig(text="can I speak to a real person please"), Action.HANDOFF,
         "customer-asked-for-human-words"),
        (sig(text="Ich möchte einen Menschen"), Action.HANDOFF, "customer-asked-for-human-words"),
        (sig(intent="refund"), Action.REVIEW, "sensitive-topic"),
        (sig(confidence=0.3), Action.REVIEW, "low-confidence"),
        (sig(in_scope=False), Action.HANDOFF, "out-of-scope"),
        (sig(text="I will call my lawyer"), Action.REVIEW, "legal-threat"),
        (sig(intent="bereavement_vulnerable"), Action.HANDOFF, "vulnerable-customer"),
        (sig(sentiment=-0.9), Action.REVIEW, "very-unhappy"),
        # a human request wins over a rule that only asks for review
        (sig(intent="refund", text="refund now, and get me a human"), Action.HANDOFF,
         "customer-asked-for-human-words"),
    ],
)
def test_demo_policy(signals: Signals, action: Action, rule: str | None) -> None:
    outcome = load_policy(DEMO).decide(signals)
    assert outcome.action is action
    if rule is None:
        assert outcome.hits == ()
    else:
        assert rule in {h.rule_id for h in outcome.hits}


def test_keywords_match_whole_words_only() -> None:
    policy = load_policy(DEMO)
    assert policy.decide(sig(text="my agentur account")).action is Action.AUTO
    assert policy.decide(sig(text="the humanities book")).action is Action.AUTO


def test_human_rule_cannot_be_removed() -> None:
    policy = parse_policy("version: x\nrules: []\n")
    assert policy.decide(sig(intent="human_agent")).action is Action.HANDOFF


def test_version_changes_with_content() -> None:
    a = parse_policy("version: v1\nrules: []\n")
    b = parse_policy("version: v1\nrules: []\nhuman_request_keywords: [person]\n")
    assert a.version.startswith("v1+") and a.version != b.version


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: [", "not valid YAML"),
        ("- a\n- b\n", "must be a mapping"),
        ("version: 1\n", "needs a 'rules' list"),
        ("rules:\n  - {when: {intents: [a]}, action: review, reason: r}\n", "missing id"),
        ("rules:\n  - {id: a, when: {intents: [a]}, action: maybe, reason: r}\n", "action must be"),
        ("rules:\n  - {id: a, when: {intents: [a]}, action: review}\n", "needs a reason"),
        ("rules:\n  - {id: a, when: {}, action: review, reason: r}\n", "non-empty 'when'"),
        ("rules:\n  - {id: a, when: {colour: red}, action: review, reason: r}\n", "unknown"),
        ("rules:\n  - {id: a, when: {confidence_below: high}, action: review, reason: r}\n",
         "must be a number"),
        ("rules:\n  - {id: a, when: {keywords: []}, action: review, reason: r}\n", "keywords"),
        ("rules:\n  - {id: a, when: {intents: [x]}, action: review, reason: r}\n"
         "  - {id: a, when: {intents: [y]}, action: review, reason: r}\n", "duplicate"),
    ],
)
def test_bad_policy_files_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(text)


def test_missing_policy_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read policy file"):
        load_policy(tmp_path / "nope.yaml")
