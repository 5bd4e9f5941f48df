"""What a request asks for: to be told (the help centre answers) or to be acted on (a person)."""

from __future__ import annotations

import pytest

from trustdesk.ai.asks import Ask, read_ask
from trustdesk.oversight.policy import Action, PolicyError, Signals, parse_policy


@pytest.mark.parametrize("text", [
    "How long will my refund take to show on my card?",
    "I paid partly with a gift card, how will I be refunded?",
    "how do i close my account",
    "How do I get a copy of all the data you have on me and how long does it take?",
    "is the wood in your furniture FSC certified or from where",
    # a learner's or a dialect's way to ask to be told
    "I want know how long refund take",
    "Kindly tell me when my refund will come",
    "pls let me know how long the refund takes",
])
def test_questions_that_ask_to_be_told(text: str) -> None:
    assert read_ask(text) is Ask.INFORMATION


@pytest.mark.parametrize("text", [
    "refund??",
    "I want my money back, refund me",
    "I've been charged twice for the same order",
    "Can you refund to a different card? my old one was cancelled",
    "please delete all my personal information",
    "I want to close my account",
    "Where is my refund!!",
    "stop sending me marketing emails",
    "",
])
def test_requests_that_ask_for_action(text: str) -> None:
    assert read_ask(text) is Ask.ACTION


_RULE = """
version: t
rules:
  - id: money
    when: {{intents: [refund]{extra}}}
    action: review
    reason: "A person checks money requests."
"""


def test_a_rule_with_asks_fires_only_on_that_kind_of_request() -> None:
    policy = parse_policy(_RULE.format(extra=", asks: action"))

    def action(text: str) -> Action:
        return policy.decide(Signals(intent="refund", confidence=0.9, in_scope=True,
                                     text=text)).action

    assert action("refund me now") is Action.REVIEW
    assert action("How long does a refund take?") is Action.AUTO


@pytest.mark.parametrize(("extra", "message"), [
    (", asks: maybe", "asks must be one of information, action"),
])
def test_asks_is_validated(extra: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(_RULE.format(extra=extra))


def test_asks_cannot_stand_alone() -> None:
    text = _RULE.replace("{{intents: [refund]{extra}}}", "{asks: action}")
    with pytest.raises(PolicyError, match="asks narrows another condition"):
        parse_policy(text)


@pytest.mark.parametrize(("text", "ask"), [
    # a courtesy line or an unpunctuated aside beside the question asks for nothing more
    ("I paid by PayPal, so will my refund go back to PayPal? Thanks, Wanjiru", Ask.INFORMATION),
    ("Will I be charged customs fees? My wife wants to know before we order.", Ask.INFORMATION),
    ("im 21 do you charge currency conversion fees", Ask.INFORMATION),
    ("I paid by PayPal. Will my refund go back to PayPal?", Ask.INFORMATION),
    ("After you all receive the parcel, refund take how long?", Ask.INFORMATION),
    ("hey refund me", Ask.ACTION),
    ("many things are wrong with my order", Ask.ACTION),
])
def test_asides_beside_a_question(text: str, ask: Ask) -> None:
    assert read_ask(text) is ask


def test_the_frame_focus_cuts_off_still_says_the_writer_asks_to_be_told() -> None:
    policy = parse_policy(_RULE.format(extra=", asks: action"))
    signals = Signals(intent="refund", confidence=0.9, in_scope=True,
                      text="Hi, I'd like to know if refunds can go back to PayPal.")
    assert policy.decide(signals).action is Action.AUTO
    assert read_ask("please could you tell me how long a refund takes") is Ask.INFORMATION
