"""Urgency and sentiment lexicon scores: tables of messages and their expected direction."""

from __future__ import annotations

import time

import pytest

from trustdesk.ai.signals import score, sentiment, urgency


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Thank you, the lamp is lovely and arrived fast!", 0.5, 1.0),
        ("Great service, really happy", 0.5, 1.0),
        ("This is terrible, the worst service ever", -1.0, -0.6),
        ("I am furious, my rug arrived damaged", -1.0, -0.5),
        ("Where is my order?", -0.05, 0.05),
        ("not happy at all", -1.0, -0.1),
        ("not bad actually", 0.1, 1.0),
        ("", 0.0, 0.0),
    ],
)
def test_sentiment_table(text: str, low: float, high: float) -> None:
    assert low <= sentiment(text) <= high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("URGENT: my account was hacked, please help immediately!!", 0.8, 1.0),
        ("I need this fixed as soon as possible, it is for the wedding on Saturday", 0.6, 1.0),
        ("This is the third time I'm writing and still no reply", 0.6, 1.0),
        ("The lamp cable is sparking, it's a fire hazard", 0.7, 1.0),
        ("Do you sell linen sheets in king size?", 0.0, 0.05),
        ("thanks, no rush", 0.0, 0.2),
        ("it's not urgent", 0.0, 0.1),
    ],
)
def test_urgency_table(text: str, low: float, high: float) -> None:
    assert low <= urgency(text) <= high


def test_negation_flips_and_intensifiers_scale() -> None:
    assert sentiment("happy") > 0 > sentiment("not happy")
    assert sentiment("very happy") > sentiment("happy") > sentiment("slightly happy") > 0
    assert sentiment("bad!!!") < sentiment("bad")
    assert sentiment("TERRIBLE") < sentiment("terrible")


def test_scores_stay_in_range_and_carry_cues() -> None:
    s = score("absolutely furious furious furious!!!! URGENT urgent asap now now now")
    assert -1.0 <= s.sentiment <= 1.0 and 0.0 <= s.urgency <= 1.0
    assert ("asap", 2.5) in s.cues


def test_fast_enough_for_the_message_path() -> None:
    text = "I am really disappointed, my order is late again and I need it urgently for Friday"
    started = time.perf_counter()
    for _ in range(1000):
        score(text)
    assert (time.perf_counter() - started) / 1000 < 0.0005
