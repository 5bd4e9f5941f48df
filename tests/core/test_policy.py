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
        (sig(intent="refund", text="refund me now"), Action.REVIEW, "sensitive-topic"),
        (sig(intent="refund", text="I've been charged twice"), Action.REVIEW, "sensitive-topic"),
        # a question that only asks to be told is answered from the help centre
        (sig(intent="refund", text="How long does a refund take?"), Action.AUTO, None),
        (sig(confidence=0.3), Action.REVIEW, "low-confidence"),
        (sig(in_scope=False), Action.HANDOFF, "out-of-scope"),
        (sig(text="I will call my lawyer"), Action.REVIEW, "legal-threat"),
        (sig(intent="bereavement_vulnerable"), Action.HANDOFF, "vulnerable-customer"),
        (sig(care=("bereavement",)), Action.HANDOFF, "needs-care"),
        (sig(care=("disability", "hardship")), Action.HANDOFF, "needs-care"),
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
        ("rules:\n  - {id: a, when: {needs_care: maybe}, action: review, reason: r}\n",
         "rule 'a': needs_care must be true or false"),
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


# -- what a rule reads: the whole message, or the request without self-descriptions --------

READS = """
version: reads
rules:
  - id: legal
    when: {keywords: [lawyer, sue]}
    reads: request
    action: review
    reason: r
  - id: distress
    when: {keywords: [vulnerable, disabled]}
    action: handoff
    reason: r
  - id: protect
    when: {intents: [bereavement_vulnerable]}
    action: handoff
    reason: r
  - id: money
    when: {intents: [refund]}
    reads: request
    action: review
    reason: r
"""


@pytest.mark.parametrize(
    ("text", "fired"),
    [
        ("I'm a lawyer. Where is my order?", set()),  # who the writer is
        ("As a lawyer, I was wondering how long delivery takes.", set()),
        ("Where is my order? I work as a lawyer.", set()),
        ("My lawyer will contact you about the broken lamp.", {"legal"}),  # what they do
        ("I'm a lawyer and my lawyer will contact you.", {"legal"}),
        ("I will sue if the refund does not come.", {"legal"}),
        # rules that read the message still see a self-description
        ("I'm vulnerable. Where is my order?", {"distress"}),
        ("I'm disabled and need help with my order.", {"distress"}),
    ],
)
def test_a_rule_that_reads_the_request_skips_self_descriptions(text: str,
                                                               fired: set[str]) -> None:
    outcome = parse_policy(READS).decide(sig(text=text))
    assert {h.rule_id for h in outcome.hits} == fired


def test_the_request_given_by_the_path_is_what_a_request_rule_reads() -> None:
    policy = parse_policy(READS)
    told = sig(text="I'm a lawyer. Where is my order?", request="I'm a lawyer. Where is it?")
    assert {h.rule_id for h in policy.decide(told).hits} == {"legal"}


@pytest.mark.parametrize(
    ("message_intent", "fired"),
    [("bereavement_vulnerable", {"protect"}), ("refund", set()), (None, set())],
)
def test_an_intent_rule_that_reads_the_message_sees_the_whole_reading(
    message_intent: str | None, fired: set[str]
) -> None:
    # the request reads as order_status; the whole message (self-description and all) may not
    outcome = parse_policy(READS).decide(sig(message_intent=message_intent))
    assert {h.rule_id for h in outcome.hits} == fired


def test_reads_must_be_message_or_request() -> None:
    with pytest.raises(PolicyError, match="rule 'a': reads must be one of message, request"):
        parse_policy("rules:\n  - {id: a, when: {intents: [x]}, reads: all, action: review,"
                     " reason: r}\n")


def test_a_needs_care_rule_fires_on_any_need_and_only_on_one() -> None:
    policy = parse_policy("rules:\n  - {id: care, when: {needs_care: true}, action: handoff,"
                          " reason: r}\n")
    assert policy.decide(sig(care=("crisis",))).action is Action.HANDOFF
    assert policy.decide(sig(care=())).action is Action.AUTO
