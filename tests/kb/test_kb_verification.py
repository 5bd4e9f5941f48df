"""Answer verification: answer types, the question-field match, calibration and abstention."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from trustdesk.ai.kb import Document, KnowledgeBase
from trustdesk.ai.kb.analysis import analyse
from trustdesk.ai.kb.answer_type import AnswerType, asked_type, holds
from trustdesk.ai.kb.calibration import (
    INPUTS,
    MAX_GAP,
    NO_PASSAGE_INPUTS,
    Calibration,
    choose_threshold,
    load_calibration,
    save_calibration,
)
from trustdesk.ai.kb.documents import Chunk
from trustdesk.ai.kb.errors import CorruptKnowledgeBaseError
from trustdesk.ai.kb.extraction import best_quote, faq_answer, surface_words
from trustdesk.ai.kb.fields import FieldIndex, trigrams
from trustdesk.ai.kb.knowledge_base import calibration_inputs, most_trusted_first
from trustdesk.ai.kb.verifier import Candidate


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How long does a refund take?", AnswerType.TIME),
        ("when are you open on saturday", AnswerType.TIME),
        ("What are your opening hours?", AnswerType.TIME),
        ("How much is gift wrapping?", AnswerType.AMOUNT),
        ("what does express delivery cost", AnswerType.AMOUNT),
        ("how much time until my refund", AnswerType.AMOUNT),  # a price beats a time
        ("Can I pay with PayPal?", AnswerType.NONE),
        ("Where is my parcel?", AnswerType.NONE),
    ],
)
def test_asked_type(question: str, kind: AnswerType) -> None:
    assert asked_type(question) is kind


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Refunds reach your card within 5 business days.", AnswerType.TIME, True),
        ("We answer from 8am to 8pm Monday to Friday.", AnswerType.TIME, True),
        ("Refunds go back to the original payment method.", AnswerType.TIME, False),
        ("Gift wrapping costs $5, £4 or €5 per item.", AnswerType.AMOUNT, True),
        ("Students get 10% off full-price items.", AnswerType.AMOUNT, True),
        ("Standard delivery is free over £50.", AnswerType.AMOUNT, True),
        ("We accept Visa, Mastercard and PayPal.", AnswerType.AMOUNT, False),
        ("Anything at all.", AnswerType.NONE, True),
    ],
)
def test_passage_holds_the_asked_kind_of_fact(text: str, kind: AnswerType, expected: bool) -> None:
    assert holds(text, kind) is expected


def test_the_quote_is_the_sentence_with_the_asked_fact() -> None:
    text = (
        "Refunds go back to the original payment method. "
        "They usually reach your refund account within 5 business days."
    )
    terms = analyse("refund method")
    assert best_quote(text, terms, lambda _: 1.0).startswith("Refunds go back")
    quote = best_quote(text, terms, lambda _: 1.0, max_sentences=1, wanted=AnswerType.TIME)
    assert quote == "They usually reach your refund account within 5 business days."


def test_a_long_faq_answer_is_cut_after_a_sentence() -> None:
    short = "Yes. Gift wrapping costs $5."
    assert faq_answer(short) == short
    long = " ".join(f"Sentence number {i} says something useful here." for i in range(40))
    cut = faq_answer(long, max_chars=200)
    assert len(cut) <= 200 and cut.endswith(".") and long.startswith(cut)


def test_words_shown_are_the_customers_own_and_never_stop_words_or_placeholders() -> None:
    shared = frozenset(analyse("refund delivered parcel"))
    words = surface_words("Where is the refund for <ORDER_1>? It says delivered to the", shared)
    assert words == ("refund", "delivered")


def test_question_fields_match_through_typos() -> None:
    docs = [
        Document(id="a", title="How do I get a refund?", body="Ask us.", kind="faq"),
        Document(id="b", title="Can I change my delivery address?", body="Yes.", kind="faq"),
    ]
    kb = KnowledgeBase.from_documents(docs)
    similarity = FieldIndex(kb.verifier.index.chunks).similarity("how do i get a refnud")
    assert similarity[0] > 0.3 and similarity[1] < 0.1
    assert "#re" in trigrams("refund") and not trigrams("the to of")


FAQ = [
    Document(id=f"faq-{i}", title=q, body=a, kind="faq")
    for i, (q, a) in enumerate(
        [
            ("Do you have physical stores or showrooms?",
             "We are an online shop. We do not have physical stores or showrooms."),
            ("Do you offer gift wrapping?", "Yes. Gift wrapping costs $5 per item."),
            ("Can I order fabric swatches?", "Yes. Up to 6 free swatches arrive in 5 days."),
            ("Do you deliver to PO boxes?", "We deliver small parcels to PO boxes in the US."),
        ]
    )
]


def test_a_faq_match_is_answered_with_the_faq_answer() -> None:
    kb = KnowledgeBase.from_documents(FAQ)
    # In a four-entry help centre every other word is one it has never seen ("visit"), which
    # the calibration reads as off-topic; the question keeps to the FAQ's subject.
    answer = kb.answer("do you have a showroom?")
    assert not answer.abstained
    assert answer.text == FAQ[0].body
    assert answer.verification is not None
    assert answer.verification.matched_question == FAQ[0].title
    assert answer.basis is not None and FAQ[0].title in answer.basis
    assert 0 < answer.confidence < 1


def test_below_the_threshold_it_abstains_with_the_missing_fact_named() -> None:
    kb = KnowledgeBase.from_documents(FAQ)
    strict = kb.with_calibration(replace(kb.calibration, threshold=1.0))
    answer = strict.answer("How long do showrooms stay open?")
    assert answer.abstained and answer.citations == ()
    assert answer.reason is not None and "does not say how long or when" in answer.reason
    assert "person" not in answer.reason  # the abstention itself hands over


def test_calibration_threshold_keeps_the_target_precision_on_its_data() -> None:
    rng = random.Random(3)
    inputs, correct = [], []
    for _ in range(400):
        right = rng.random() < 0.6
        logit = rng.gauss(1.0 if right else -1.0, 1.0)
        inputs.append((logit, rng.random(), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
        correct.append(right)
    fitted = Calibration.fit(inputs, correct, target_precision=0.9)
    sent = [ok for x, ok in zip(inputs, correct, strict=True)
            if fitted.probability(x) >= fitted.threshold]
    assert sent and sum(sent) / len(sent) >= 0.9
    assert fitted.coefficients[0] > 0  # a higher verifier score means more likely right
    assert Calibration.from_dict(fitted.to_dict()) == fitted
    with pytest.raises(ValueError, match="9 inputs"):  # a row of another width is refused
        Calibration.fit([x[:5] for x in inputs], correct)
    assert len(NO_PASSAGE_INPUTS) == len(INPUTS)  # what callers use for a question with none
    assert fitted.probability(NO_PASSAGE_INPUTS) < fitted.threshold


def test_a_threshold_above_one_when_even_the_best_answer_is_wrong() -> None:
    assert choose_threshold([0.9, 0.8], [False, True], 0.95) > 1.0
    assert choose_threshold([0.9, 0.8, 0.7], [True, True, False], 0.95) == pytest.approx(0.75)


def test_calibration_is_stored_beside_the_kb_and_a_broken_one_is_reported(
    tmp_path: Path,
) -> None:
    assert load_calibration(tmp_path) is None
    calibration = Calibration((0.5, 0.1, -1.0, 1.0, -2.0, 0.7, 1.5, -1.0, 0.3), 0.2, 0.8, 0.95,
                              "dev.jsonl")
    save_calibration(tmp_path, calibration)
    assert load_calibration(tmp_path) == calibration
    # A calibration written before the agreement lead was an input reads it with weight 0.
    earlier = calibration.to_dict() | {"inputs": list(INPUTS[:5]),
                                       "coefficients": [0.5, 0.1, -1.0, 1.0, -2.0]}
    (tmp_path / "calibration.json").write_text(json.dumps(earlier))
    assert load_calibration(tmp_path) == replace(calibration, coefficients=(
        0.5, 0.1, -1.0, 1.0, -2.0, 0.0, 0.0, 0.0, 0.0))
    # and one written before the labelled questions' model reads its three with weight 0
    earlier = calibration.to_dict() | {"inputs": list(INPUTS[:6]),
                                       "coefficients": [0.5, 0.1, -1.0, 1.0, -2.0, 0.7]}
    (tmp_path / "calibration.json").write_text(json.dumps(earlier))
    assert load_calibration(tmp_path) == replace(calibration, coefficients=(
        0.5, 0.1, -1.0, 1.0, -2.0, 0.7, 0.0, 0.0, 0.0))
    (tmp_path / "calibration.json").write_text('{"inputs": ["logit"]}')
    with pytest.raises(CorruptKnowledgeBaseError, match="kb calibrate"):
        load_calibration(tmp_path)


def test_an_off_topic_question_is_not_answered_from_the_demo(demo_kb: KnowledgeBase) -> None:
    for question in ("How do I train my puppy?", "What is the weather in Paris tomorrow?"):
        assert demo_kb.answer(question).abstained


def test_pseudo_questions_also_carry_words_their_passage_lacks(
    demo_kb: KnowledgeBase,
) -> None:
    """Real questions share only part of their words with the passage that answers them; a
    verifier trained only on the passage's own words learns to hold back right answers."""
    from trustdesk.ai.kb.verifier import pseudo_questions

    index = demo_kb.verifier.index
    questions = pseudo_questions(index)
    foreign = 0
    for question in questions:
        own = index.chunk_terms[question.chunk]
        foreign += any(term not in own for term in analyse(question.text))
    assert foreign / len(questions) > 0.5


def _chunk(article: str) -> Chunk:
    return Chunk(f"{article}#0", article, article, article, "text", None, "public")


def _candidate(index: int, logit: float, agreement: float) -> Candidate:
    return Candidate(index, logit, (), frozenset(), 0.0, agreement, 0.0)


def test_the_article_the_calibration_trusts_most_is_answered_first() -> None:
    chunks = [_chunk("lamps"), _chunk("lamps"), _chunk("warranty")]
    # In logit order, as the verifier returns them: two lamp passages, then warranty.
    ranked = [_candidate(0, 1.0, 0.0), _candidate(1, 0.5, 0.0), _candidate(2, 0.8, 0.9)]
    by_agreement = Calibration(coefficients=(1.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    order = most_trusted_first(ranked, chunks, by_agreement)
    assert [c.index for c in order] == [2, 0, 1]  # an article's passages stay in logit order
    assert calibration_inputs(order, chunks) == (
        0.8, pytest.approx(-0.2), 0.0, 0.9, 0.0, pytest.approx(0.9), 0.0, 0.0, 0.0)
    # The lamp article's agreement trails the warranty article's by 0.9.
    assert calibration_inputs(ranked, chunks)[5] == pytest.approx(-0.9)
    logit_only = Calibration(coefficients=(1.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    assert [c.index for c in most_trusted_first(ranked, chunks, logit_only)] == [0, 1, 2]


def test_one_article_among_the_candidates_keeps_its_order() -> None:
    chunks = [_chunk("lamps"), _chunk("lamps")]
    ranked = [_candidate(0, 1.0, 0.0), _candidate(1, 0.5, 0.0)]
    order = most_trusted_first(ranked, chunks, Calibration())
    assert [c.index for c in order] == [0, 1]
    assert calibration_inputs(order, chunks)[1] == MAX_GAP
    assert calibration_inputs(order, chunks)[5] == 0.0  # no rival article: no lead


def test_the_agreement_lead_alone_can_choose_between_articles() -> None:
    # Agreement's own weight 0: only the lead says the warranty article is the intent's.
    chunks = [_chunk("lamps"), _chunk("warranty"), _chunk("care")]
    ranked = [_candidate(0, 1.0, 0.2), _candidate(1, 0.9, 0.7), _candidate(2, 0.1, 0.7)]
    by_lead = Calibration(coefficients=(1.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0))
    order = most_trusted_first(ranked, chunks, by_lead)
    assert [c.index for c in order] == [1, 2, 0]  # the top logit's article, lamps, is last
    # Tied at the top with the care article, the warranty article leads by 0, the lamps by -0.5.
    assert calibration_inputs(order, chunks)[5] == pytest.approx(0.0)
    assert calibration_inputs(ranked, chunks)[5] == pytest.approx(-0.5)
