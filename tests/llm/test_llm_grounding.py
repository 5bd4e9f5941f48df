"""Grounding check: lexical support per sentence, hard rules, and invented personal data."""

from __future__ import annotations

import pytest

from trustdesk.ai.llm import (
    FALLBACK,
    HANDOFF,
    SEND,
    SourcePassage,
    check_grounding,
    cited_article_ids,
)
from trustdesk.ai.llm.lexicon import content_terms, split_sentences, stem

QUESTION = "Hi, I'm <PERSON_1>. Can I still return the lamp from order <ORDER_1>?"

SUPPORTED = [
    # verbatim
    "You can return most items within 30 days of delivery [1].",
    # paraphrase with inflections
    "Items can be returned within 30 days of delivery [1].",
    # merges two adjacent passage sentences
    "You can return most items within 30 days, and the refund goes to the original "
    "payment method [1].",
    "Your refund should arrive within 5 to 10 business days [1].",
    "You earn 1 point for every dollar you spend [2].",
    # citation after the full stop still belongs to the sentence
    "Standard delivery to the UK takes 3 to 7 business days. [3]",
    # courtesy sentences make no claim, so they need no support
    "Thanks for reaching out! Gift cards cannot be refunded [1]. I hope this helps.",
    # uncited sentence is checked against the passages the reply cites
    "Points expire after 12 months without activity. Members earn 1 point per dollar [2].",
    # placeholders from the input may be echoed
    "Hi <PERSON_1>, you can return the lamp within 30 days of delivery [1].",
]

UNSUPPORTED = [
    # invented claim
    ("Returns are free and we collect the item from your home [1].", "low score"),
    # wrong number
    ("You can return most items within 60 days of delivery [1].", "number"),
    ("Refunds take 2 business days [1].", "number"),
    # polarity flipped
    ("Gift cards can be refunded [1].", "negation"),
    ("You cannot return items within 30 days of delivery [1].", "negation"),
    # right fact, wrong citation
    ("You earn 1 point for every dollar spent [1].", "number"),
    # citation to a passage that does not exist
    ("Points expire after 12 months [7].", "no passage"),
    # not in any passage
    ("Our lamps are made from recycled brass [1].", "low score"),
]


@pytest.mark.parametrize("reply", SUPPORTED)
def test_supported_reply_is_sent(reply: str, passages: list[SourcePassage]) -> None:
    verdict = check_grounding(reply, passages, input_text=QUESTION)

    assert verdict.action == SEND, verdict
    assert verdict.reason == "grounded"
    assert verdict.unsupported == ()
    assert verdict.blocked == ()
    assert all(s.supported for s in verdict.supported)


@pytest.mark.parametrize(("sentence", "why"), UNSUPPORTED)
def test_unsupported_sentence_downgrades_the_reply(
    sentence: str, why: str, passages: list[SourcePassage]
) -> None:
    reply = f"Thanks for your message. {sentence} Orders ship within 2 business days [3]."

    verdict = check_grounding(reply, passages, input_text=QUESTION)

    assert verdict.action == FALLBACK
    assert verdict.reason == "unsupported_sentences"
    assert verdict.unsupported == (sentence,)
    (bad,) = [s for s in verdict.supported if not s.supported]
    if why == "number":
        assert bad.missing_numbers
    elif why == "negation":
        assert bad.negation_mismatch
    elif why == "no passage":
        assert bad.article_id is None and bad.score == 0.0
    else:
        assert bad.score < verdict.min_support


def test_verdict_reports_scores_and_supporting_passage(passages: list[SourcePassage]) -> None:
    reply = "Thank you! Orders ship within 2 business days [3]. Lamps glow in the dark [3]."

    verdict = check_grounding(reply, passages, input_text=QUESTION)

    courtesy, shipping, invented = verdict.supported
    assert courtesy.courtesy and courtesy.article_id is None
    assert shipping.article_id == "kb-shipping" and shipping.passage_number == 3
    assert shipping.score >= 0.9
    assert invented.score < 0.5 and not invented.supported
    assert verdict.unsupported == ("Lamps glow in the dark [3].",)


def test_without_fallback_the_downgrade_is_a_handoff(passages: list[SourcePassage]) -> None:
    verdict = check_grounding(
        "Lamps glow in the dark [1].", passages, input_text=QUESTION, fallback_available=False
    )
    assert verdict.action == HANDOFF


def test_threshold_is_configurable(passages: list[SourcePassage]) -> None:
    reply = "Refunds are sent to the original card within 5 to 10 days [1]."
    score = check_grounding(reply, passages, input_text=QUESTION).supported[0].score

    assert check_grounding(reply, passages, input_text=QUESTION, min_support=score).ok
    assert not check_grounding(reply, passages, input_text=QUESTION, min_support=score + 0.01).ok


@pytest.mark.parametrize("reply", ["", "   ", "\n"])
def test_empty_reply_is_not_sent(reply: str, passages: list[SourcePassage]) -> None:
    verdict = check_grounding(reply, passages, input_text=QUESTION)
    assert (verdict.action, verdict.reason) == (FALLBACK, "empty_reply")


@pytest.mark.parametrize(
    ("reply", "blocked"),
    [
        ("We will email jane.doe@example.com your label [1].", ("email at 14-34",)),
        ("Call us on +44 20 7946 0958 to return it [1].", ("phone at 11-27",)),
        ("We refunded card 4111 1111 1111 1111 [1].", ("card at 17-36",)),
        ("Hi <PERSON_2>, you can return it within 30 days [1].", ("placeholder <PERSON_2>",)),
        ("We sent it to <EMAIL_1> [1].", ("placeholder <EMAIL_1>",)),
    ],
)
def test_invented_personal_data_is_blocked(
    reply: str, blocked: tuple[str, ...], passages: list[SourcePassage]
) -> None:
    verdict = check_grounding(reply, passages, input_text=QUESTION)

    assert verdict.action == FALLBACK
    assert verdict.reason == "output_personal_data"
    assert verdict.blocked == blocked
    # the verdict is stored and logged: it must not carry the personal data itself
    stored = repr(verdict)
    for raw in ("jane.doe@example.com", "7946 0958", "4111 1111"):
        assert raw not in stored


@pytest.mark.parametrize(
    "reply",
    [
        # the shop's own address from a passage
        "Questions about points: write to rewards@lumenandloom.example [2].",
        # placeholders that were in the question
        "Hi <PERSON_1>, items from <ORDER_1> can be returned within 30 days of delivery [1].",
    ],
)
def test_personal_data_from_the_input_or_passages_is_allowed(
    reply: str, passages: list[SourcePassage]
) -> None:
    verdict = check_grounding(reply, passages, input_text=QUESTION)
    assert verdict.blocked == ()
    assert verdict.action == SEND


def test_cited_article_ids_follow_first_citation_order(passages: list[SourcePassage]) -> None:
    reply = "Ships in 2 days [3]. Refunds in 5 to 10 days [1, 3]. Bogus [9]."
    assert cited_article_ids(reply, passages) == ("kb-shipping", "kb-returns")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Returns, e.g. lamps, are free. Yes.", ["Returns, e.g. lamps, are free.", "Yes."]),
        ("It costs £12.50 today. Ok.", ["It costs £12.50 today.", "Ok."]),
        ("Done. [1] Next [2].", ["Done. [1]", "Next [2]."]),
        ("Steps:\n- pack it\n- ship it", ["Steps:", "pack it", "ship it"]),
        ("1. Pack it\n2. Ship it", ["Pack it", "Ship it"]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("return", "returned", "returns", "returning"), True),
        (("ship", "shipped", "shipping", "ships"), True),
        (("charge", "charged", "charges"), True),
        (("delivery", "deliveries"), True),
        (("refund", "gift"), False),
        (("30", "300"), False),
    ],
)
def test_stem(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_content_terms_drop_stopwords_citations_placeholders_and_keep_negation() -> None:
    terms = content_terms("Hi <PERSON_1>, we don't refund gift cards [2].")
    assert terms == ["hi", "not", "refund", "gift", "card"]
