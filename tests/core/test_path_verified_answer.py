"""A verified help-centre answer counts as understanding: the demo model, KB and policy.

The intent model is unsure mostly of wording it has not seen; the answer verifier reads the
question against the help centre. The policy's confidence rules read the surer of the two,
and an unsure in-scope reading is drafted before it is handed off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.grounded import GroundedResponder
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.kb import KnowledgeBase
from trustdesk.domain import DecisionKind
from trustdesk.oversight.policy import load_policy, parse_policy
from trustdesk.oversight.policy_testing import StoredDecision, simulate
from trustdesk.pipeline import MessagePath
from trustdesk.privacy.pii import PiiDetector

DEMO_POLICY = Path(__file__).parents[2] / "src" / "trustdesk" / "data" / "demo" / "policy.yaml"
# written in dialect and learner English: the demo model is unsure of each (< 0.55)
UNSURE = [
    ("my tracking ain't moved in 3 days. that's normal?", "tracking-your-order"),
    ("what fitted sheet i'm supposed to get if my mattress got a topper on it",
     "bedding-size-guide"),
]


def path_with(demo_assets: tuple[Path, Path], policy_text: str | None = None) -> MessagePath:
    models, kb = demo_assets
    policy = parse_policy(policy_text) if policy_text else load_policy(DEMO_POLICY)
    return MessagePath(classifier=ModelRegistry(models).active(), policy=policy,
                       responder=GroundedResponder(KnowledgeBase.load(kb)),
                       detector=PiiDetector())


@pytest.fixture(scope="module")
def demo_path(demo_assets: tuple[Path, Path]) -> MessagePath:
    return path_with(demo_assets)


@pytest.mark.parametrize(("text", "article"), UNSURE)
def test_a_verified_answer_lifts_the_low_confidence_review(demo_path: MessagePath, text: str,
                                                           article: str) -> None:
    reading = demo_path.understand(text)
    assert reading.prediction.confidence < 0.55
    # the policy alone, before any draft: reviewed (low confidence) or handed off (out of scope)
    assert demo_path.decide(reading).action.label in ("review", "handoff")
    a = demo_path.analyse(text)
    assert a.kind is DecisionKind.REPLY
    assert a.sources[0].article_id == article
    assert a.explanation.answer_confidence is not None
    assert a.explanation.answer_confidence > a.confidence
    assert "answers your question" in a.explanation.summary


def test_the_out_of_scope_label_is_never_drafted(demo_path: MessagePath) -> None:
    a = demo_path.analyse("can you do my taxes")
    assert a.intent == "out_of_scope"
    assert a.kind is DecisionKind.HANDOFF and a.draft is None and a.sources == ()
    assert a.explanation.answer_confidence is None


def test_another_rule_still_holds_whatever_the_answer(demo_assets: tuple[Path, Path]) -> None:
    strict = path_with(demo_assets, """
version: strict
rules:
  - id: unsure
    when: {confidence_below: 0.55}
    action: review
    reason: "checked"
  - id: tracking-words
    when: {keywords: [tracking]}
    action: handoff
    reason: "tracking goes to a person"
""")
    tracking, _article = UNSURE[0]
    a = strict.analyse(tracking)
    assert a.kind is DecisionKind.HANDOFF and a.draft is None
    assert {h.rule_id for h in a.outcome.hits} >= {"tracking-words", "unsure"}
    # without the keyword rule the same message is answered from the verified passage
    sheet, sheet_article = UNSURE[1]
    b = strict.analyse(sheet)
    assert b.kind is DecisionKind.REPLY and b.sources[0].article_id == sheet_article
    assert "unsure" not in {h.rule_id for h in b.outcome.hits}


def test_no_verified_answer_keeps_the_handoff(demo_path: MessagePath) -> None:
    # in scope for the shop's words, but the help centre has nothing on it
    a = demo_path.analyse("yo can u tell me bout ur pension scheme for staff")
    assert a.kind is DecisionKind.HANDOFF and a.draft is None


def test_policy_simulate_replays_the_answer_confidence(demo_path: MessagePath) -> None:
    text, _ = UNSURE[0]
    a = demo_path.analyse(text)
    answered = StoredDecision("d1", a.kind.value, a.intent, a.confidence, text, (),
                              a.explanation.answer_confidence)
    report = simulate(demo_path.policy, [answered], lambda _t: (0.0, 0.0))
    assert report.changed == 0  # the same policy decides the same
    bare = StoredDecision("d2", a.kind.value, a.intent, a.confidence, text, ())
    assert simulate(demo_path.policy, [bare], lambda _t: (0.0, 0.0)).changed == 1
