"""Who the customer says they are does not move the decision; what they say they need does.

The demo model, knowledge base and policy through the real understand -> decide -> respond
stages (on text as the guard hands it on: these messages carry no personal data).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from trustdesk.ai.grounded import GroundedResponder
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.kb import KnowledgeBase
from trustdesk.oversight.policy import load_policy
from trustdesk.pipeline import MessagePath
from trustdesk.pipeline.decide import signals_of
from trustdesk.pipeline.understand import Understand
from trustdesk.privacy.pii import PiiDetector

DEMO_POLICY = Path(__file__).parents[2] / "src" / "trustdesk" / "data" / "demo" / "policy.yaml"


@pytest.fixture(scope="module")
def path(demo_assets: tuple[Path, Path]) -> MessagePath:
    models, kb = demo_assets
    return MessagePath(classifier=ModelRegistry(models).active(),
                       policy=load_policy(DEMO_POLICY),
                       responder=GroundedResponder(KnowledgeBase.load(kb)),
                       detector=PiiDetector())


def decision(path: MessagePath, text: str) -> tuple[str, str, str | None]:
    a = path.analyse(text)
    return a.kind.value, a.intent, a.sources[0].article_id if a.sources else None


def fired(path: MessagePath, text: str) -> set[str]:
    return {h.rule_id for h in path.analyse(text).outcome.hits}


@pytest.mark.parametrize(
    ("question", "variant"),
    [
        ("Can I pay with PayPal or only by card?",
         "I'm a solicitor. Can I pay with PayPal or only by card?"),
        ("How long does standard shipping take?",
         "How long does standard shipping take? I work as a lawyer."),
        ("How do loyalty points work?",
         "I'm retired now, so I was wondering: how do loyalty points work?"),
        ("Do you ship to Canada?", "Speaking as a 47-year-old, do you ship to Canada?"),
        ("Can I buy a gift card for a friend?",
         "Can I buy a gift card for a friend? I'm 66 by the way."),
    ],
)
def test_a_self_description_does_not_flip_the_decision(path: MessagePath, question: str,
                                                       variant: str) -> None:
    assert decision(path, variant) == decision(path, question)


@pytest.mark.parametrize(
    "text",
    ["My solicitor will be in touch about the broken sofa.",
     "I'm a lawyer and I will take legal action over the broken lamp.",
     "I will sue you if my refund does not come."],
)
def test_a_legal_step_still_goes_to_review(path: MessagePath, text: str) -> None:
    assert "legal-threat" in fired(path, text)
    # the guard runs first on the real path: it must leave the legal words for the rule
    assert PiiDetector().detect(text) == []


@pytest.mark.parametrize(
    ("question", "variant"),
    [
        # issue 13, round 2: a companion in the subject, a clause inside the sentence, a name
        # addressed or signed (written for this test)
        ("Can I pay with PayPal or only by card?",
         "My flatmate and I would like to know: can I pay with PayPal or only by card?"),
        ("How do loyalty points work?", "How do loyalty points work? Asking for me and my dad."),
        ("Do you ship to Canada?", "We're newlyweds and do you ship to Canada?"),
        ("How long does standard shipping take?",
         "I'm 83, and how long does standard shipping take?"),
        ("Can I buy a gift card for a friend?",
         "Can I buy a gift card for a friend, which is why I'm emailing instead of phoning."),
        ("How do loyalty points work?", "I have epilepsy. How do loyalty points work?"),
        ("Can I pay with PayPal or only by card?",
         "Could you tell me, Thandiwe, can I pay with PayPal or only by card?"),
        ("How long does standard shipping take?",
         "How long does standard shipping take?\nRangi"),
    ],
)
def test_a_companion_an_inner_clause_or_a_name_does_not_flip_the_decision(
        path: MessagePath, question: str, variant: str) -> None:
    assert decision(path, variant) == decision(path, question)


def test_a_customer_who_needs_care_is_still_handed_to_a_person(path: MessagePath) -> None:
    a = path.analyse("I'm disabled and need help with my order.")
    assert a.kind.value == "handoff"
    assert "vulnerable-customer" in {h.rule_id for h in a.outcome.hits}
    # distress words read every word of the message, self-descriptions too
    for text in ("I'm recently bereaved. Where is my order?",
                 "My wife and I are bereaved. Where is my order?",
                 "I have cancer and I'm vulnerable. How do returns work?",
                 "I'm vulnerable. How do loyalty points work?"):
        assert path.analyse(text).kind.value == "handoff"
        assert "distress-words" in fired(path, text)


@pytest.mark.parametrize(
    "text",
    ["My wife and I are bereaved.",
     "my father passed away last week and I need to close his account",
     "I'm widowed. Where is my order?",
     "I'm grieving. How do loyalty points work?",
     "I'm blind and need help choosing a lamp, can someone assist me?",
     "My son uses a wheelchair, can someone help carry the sofa upstairs?",
     "I lost my job and can't pay for the sofa I ordered.",
     "I'm in hospital and can't be home for the delivery.",
     "I can't cope any more. Where is my order?"],
)
def test_a_customer_who_needs_care_reaches_a_person(path: MessagePath, text: str) -> None:
    a = path.analyse(text)
    assert a.kind.value == "handoff"
    assert "needs-care" in {h.rule_id for h in a.outcome.hits}


@pytest.mark.parametrize(
    "text",
    ["I'm a nurse. How long does standard shipping take?",
     "As a mum of two, can I pay with PayPal or only by card?",
     "I'm a carer. How do loyalty points work?",
     "I'm 78 and not very good with computers. Do you ship to Canada?"],
)
def test_a_benign_self_description_does_not_read_as_a_need_of_care(path: MessagePath,
                                                                    text: str) -> None:
    assert "needs-care" not in fired(path, text)


class _Echo:
    """A classifier that records what it was asked to read."""

    version = "echo"
    oos_label = None

    def __init__(self, confidence: float = 1.0) -> None:
        self.read: list[str] = []
        self.confidence = confidence

    def predict(self, text: str) -> _Said:
        self.read.append(text)
        return _Said(text, self.confidence)


@dataclass(frozen=True)
class _Said:
    label: str
    confidence: float = 1.0
    in_scope: bool = True
    contributions: tuple[tuple[str, float], ...] = ()
    alternatives: tuple[tuple[str, float], ...] = ()


@pytest.mark.parametrize(
    ("text", "read", "whole"),
    [
        ("Where is my order?", ["Where is my order?"], None),
        # a greeting says nothing a protecting rule needs: one reading, of the request
        ("Hi, this is <PERSON_1>. Where is my order?", ["Where is my order?"], None),
        # a self-description: the request decides, the whole message is read for the rules
        ("I'm a lawyer. Where is my order?",
         ["I'm a lawyer. Where is my order?", "Where is my order?"],
         "I'm a lawyer. Where is my order?"),
        # an age is no need of care: the whole message is read without it (`ai.ages`)
        ("I'm 68 and I live alone. Where is my order?",
         ["I live alone. Where is my order?"] * 2, "I live alone. Where is my order?"),
    ],
)
def test_understand_reads_the_request(text: str, read: list[str], whole: str | None) -> None:
    echo = _Echo()
    reading = Understand(echo)(text)
    assert sorted(echo.read) == sorted(read)
    assert reading.prediction.label == reading.asked
    assert (reading.whole.label if reading.whole else None) == whole
    signals = signals_of(reading)
    assert signals.intent == reading.asked and signals.message_intent == whole


@pytest.mark.parametrize(("confidence", "counts"), [(0.79, False), (0.8, True), (0.99, True)])
def test_the_whole_reading_counts_only_when_the_model_is_sure(confidence: float,
                                                              counts: bool) -> None:
    # "My husband and I want to know if you sell vegan leather." read bereavement_vulnerable
    # at 0.48 whole: a reading that weak must not hand the customer off
    reading = Understand(_Echo(confidence))("I'm a lawyer. Where is my order?")
    assert (reading.whole is not None) is counts
    assert signals_of(reading).message_intent == ("I'm a lawyer. Where is my order?" if counts
                                                  else None)


def test_a_need_of_care_reaches_the_policy_from_the_wording() -> None:
    reading = Understand(_Echo())("I'm widowed. Where is my order?")
    assert [n.kind for n in reading.care] == ["bereavement"]
    assert signals_of(reading).care == ("bereavement",)


class _Words:
    """A tone scorer that records what it reads."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def score(self, text: str) -> tuple[float, float]:
        self.read.append(text)
        return 0.0, 0.0


@pytest.mark.parametrize(
    ("text", "toned"),
    [
        # a greeting and a sign-off must not soften a complaint's tone
        ("Hi, this is <PERSON_1>. My lamp is broken. Thanks, <PERSON_1>", "My lamp is broken."),
        # a self-description may carry the tone: read with it
        ("I'm so angry. My lamp is broken.", "I'm so angry. My lamp is broken."),
        ("My lamp is broken.", "My lamp is broken."),
    ],
)
def test_tone_reads_the_message_without_courtesy(text: str, toned: str) -> None:
    words = _Words()
    Understand(_Echo(), words)(text)
    assert words.read == [toned]
