"""Typo mending against the help centre's own words: a table of words mended and left."""

from __future__ import annotations

import pytest

from trustdesk.ai.kb import KnowledgeBase
from trustdesk.ai.kb.spelling import Speller

HELP_CENTRE = (
    "Refunds reach your card in 5 days. Buy a ticket at the machine; travel cards and "
    "tickets. Complain about a driver. Your refund is sent when the ticket is returned.",
    "Ferry timetables and the place to collect lost property.",
)


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(HELP_CENTRE)


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("can i get a refnd", "can i get a refund"),  # a letter left out
        ("hw much is a tiket", "hw much is a ticket"),  # short words are never touched
        ("travle card", "travel card"),  # two letters swapped
        ("i want to complian", "i want to complain"),
        ("Tickts for the ferry", "tickets for the ferry"),
        ("a <PERSON_1> refnd", "a <PERSON_1> refund"),  # placeholders stay as they are
    ],
)
def test_a_typo_is_mended_to_the_help_centres_word(
    speller: Speller, text: str, mended: str
) -> None:
    assert speller.mend(text) == mended


@pytest.mark.parametrize(
    "text",
    [
        "the plate arrived cracked",  # real words one edit from 'place' and 'tracked'
        "what is your policy",  # one edit from 'police' would be a real word too
        "my ticket and refund",  # the help centre's own words
        "wifi at 10:30",  # short words and numbers
        "zzqxv blorf",  # nothing at one edit
        "Café Résumé",
    ],
)
def test_real_words_and_words_far_from_the_help_centre_are_left(
    speller: Speller, text: str
) -> None:
    assert speller.mend(text) == text


def test_two_equally_likely_readings_are_left() -> None:
    speller = Speller(["parcel panel"], known=())
    assert speller.mend_word("parel") is None  # 'parcel' and 'panel' are both one edit away
    assert Speller(["parcel parcel panel"], known=()).mend_word("parel") == "parcel"


def test_the_knowledge_base_reads_a_typoed_question_as_the_plain_one(
    demo_kb: KnowledgeBase,
) -> None:
    plain, plain_inputs = demo_kb.verify("How long does a refund take?")
    typoed, typoed_inputs = demo_kb.verify("How long does a refnud take?")
    assert typoed[0].article_id == plain[0].article_id == "refunds"
    assert typoed_inputs == plain_inputs
