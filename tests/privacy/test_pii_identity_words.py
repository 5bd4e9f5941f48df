"""Words for who a person is (religion, nationality, people, festival, country) are no name."""

from __future__ import annotations

import pytest

from trustdesk.privacy.pii import PiiDetector


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector()


@pytest.mark.parametrize(
    "text",
    [
        "I ordered the wrong rug (I'm Buddhist, by the way). Can I swap it?",
        "Will my refund show up (I'm Methodist, if that helps)?",
        "We use the big tin for our Hanukkah dinners. Can it go in the dishwasher?",
        "I'm Sikh and I live in Guyana.",
        "do you deliver to Barbados?",
        "I'm Ghanaian, is the sofa in stock?",
    ],
)
def test_identity_words_alone_are_not_names(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm Kenyan and my name is Wanjiru Kamau.", "Wanjiru Kamau"),
        ("Please ring Jamaica Hughes on the number I gave.", "Jamaica Hughes"),
        ("Hi, I'm Imran Sheikh.", "Imran Sheikh"),
    ],
)
def test_a_name_beside_them_is_kept_whole(detector: PiiDetector, text: str, name: str) -> None:
    people = [text[f.start:f.end] for f in detector.detect(text) if f.entity == "PERSON"]
    assert people == [name]
