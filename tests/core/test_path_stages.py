"""The path's own rules on real stages: the output guard, abstention, canned replies."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.grounded import GroundedResponder
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.kb import Document, KnowledgeBase
from trustdesk.domain import DecisionKind
from trustdesk.oversight.policy import parse_policy
from trustdesk.pipeline import MessagePath
from trustdesk.pipeline.respond import is_small_talk
from trustdesk.privacy.pii import PiiDetector

POLICY = """
version: test
rules: []
canned_replies:
  thanks: "You're welcome!"
"""


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector()


def path_with(kb: KnowledgeBase, demo_assets: tuple[Path, Path], detector: PiiDetector
              ) -> MessagePath:
    classifier = ModelRegistry(demo_assets[0]).active()
    return MessagePath(classifier=classifier, policy=parse_policy(POLICY),
                       responder=GroundedResponder(kb), detector=detector)


def test_output_guard_blocks_an_answer_that_carries_personal_data(
    demo_assets: tuple[Path, Path], detector: PiiDetector
) -> None:
    leaky = KnowledgeBase.from_documents([Document(
        id="delivery", title="Delivery times",
        body="# Delivery times\n\nDelivery to the UK takes 2 to 4 business days. "
             "For delivery questions call our courier manager Jane on +44 20 7946 0958.\n",
    )])
    assert "+44 20 7946 0958" in leaky.answer("How long does delivery to the UK take?").text
    analysis = path_with(leaky, demo_assets, detector).analyse(
        "How long does delivery to the UK take?")
    assert analysis.kind is DecisionKind.HANDOFF  # never sent, not even for review
    assert "output-guard" in {h.rule_id for h in analysis.outcome.hits}
    assert analysis.draft is None and "7946" not in analysis.reply
    assert "personal data" in analysis.explanation.summary


def test_guard_hands_off_when_the_only_answer_leaks(
    demo_assets: tuple[Path, Path], detector: PiiDetector, caplog: pytest.LogCaptureFixture
) -> None:
    leaky = KnowledgeBase.from_documents([Document(
        id="contact", title="Contact",
        body="# Contact\n\nTo reach our refunds team e-mail refunds.lead@lumenloom.example.\n",
    )])
    analysis = path_with(leaky, demo_assets, detector).analyse(
        "how do I contact the refunds team by e-mail")
    assert analysis.kind is DecisionKind.HANDOFF
    assert "output-guard" in {h.rule_id for h in analysis.outcome.hits}
    assert analysis.draft is None and "lumenloom" not in analysis.reply
    assert "output guard blocked a drafted reply containing EMAIL" in caplog.text
    assert "refunds.lead" not in caplog.text  # the event is logged, the value is not


def test_canned_reply_needs_no_knowledge_base(
    demo_assets: tuple[Path, Path], detector: PiiDetector
) -> None:
    empty_topic = KnowledgeBase.from_documents([Document(
        id="rugs", title="Rug care", body="# Rug care\n\nVacuum rugs weekly.\n")])
    analysis = path_with(empty_topic, demo_assets, detector).analyse("thank you so much!")
    assert analysis.kind is DecisionKind.REPLY and analysis.reply == "You're welcome!"
    assert analysis.sources == ()


def test_nothing_relevant_abstains_and_hands_off(
    demo_assets: tuple[Path, Path], detector: PiiDetector
) -> None:
    rugs = KnowledgeBase.from_documents([Document(
        id="rugs", title="Rug care", body="# Rug care\n\nVacuum rugs weekly.\n")])
    analysis = path_with(rugs, demo_assets, detector).analyse("can I pay with a gift card?")
    assert analysis.kind is DecisionKind.HANDOFF
    assert "knowledge-base-abstained" in {h.rule_id for h in analysis.outcome.hits}


def test_a_question_read_asis_small_talk_gets_no_canned_reply(
    demo_assets: tuple[Path, Path], detector: PiiDetector
) -> None:
    rugs = KnowledgeBase.from_documents([Document(
        id="rugs", title="Rug care", body="# Rug care\n\nVacuum rugs weekly.\n")])
    path = path_with(rugs, demo_assets, detector)
    analysis = path.analyse("Hello! Who founded Lumen & Loom and when did you start?")
    assert analysis.reply not in path.policy.canned.values()
    assert analysis.kind is not DecisionKind.REPLY
    assert is_small_talk("thank you so much!") and is_small_talk("hi, how are you?")
    assert not is_small_talk("Hello! Who founded Lumen & Loom and when did you start?")
    assert not is_small_talk("Does your checkout support keyboard-only navigation?")
