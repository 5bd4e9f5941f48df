"""Search and grounded answers: internal content stays internal, quotes are verbatim."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from trustdesk.ai.kb import (
    Document,
    EmptyKnowledgeBaseError,
    KnowledgeBase,
    UnknownAudienceError,
    demo_kb_path,
    ingest,
    read_paths,
)
from trustdesk.ai.kb.answers import NO_QUESTION

from kb_samples import PLAYBOOK_MD

INTERNAL_QUERIES = [
    "refund limits for agents without a manager",
    "what is the secret code",
    "ZEBRA-9",
    "agent playbook",
]


@pytest.fixture
def small_kb(articles: Path) -> KnowledgeBase:
    return KnowledgeBase.from_documents(read_paths([articles]))


@pytest.mark.parametrize("query", INTERNAL_QUERIES)
def test_customers_never_see_internal_passages(small_kb: KnowledgeBase, query: str) -> None:
    passages = small_kb.search(query, k=10)
    assert all(p.article_id != "playbook" for p in passages)
    answer = small_kb.answer(query)
    assert "ZEBRA" not in answer.text
    assert all(c.article_id != "playbook" for c in answer.citations)


def test_agents_see_internal_passages(small_kb: KnowledgeBase) -> None:
    (top,) = small_kb.search("refund limits manager", k=1, audience="agent")
    assert top.article_id == "playbook"
    assert top.heading == "Agent playbook > Refund limits"


def test_search_returns_scored_passages_best_first(small_kb: KnowledgeBase) -> None:
    passages = small_kb.search("how long until my refund", k=3)
    assert passages[0].heading == "Returns > Refund timing"
    assert passages[0].url == "https://help.example/returns"
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


def test_unknown_audience_is_refused(small_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownAudienceError, match="use one of: customer, agent"):
        small_kb.search("refund", audience="admin")


def test_answer_quotes_the_best_sentence_and_cites_it(small_kb: KnowledgeBase) -> None:
    answer = small_kb.answer("When will I get my refund?")
    assert not answer.abstained
    assert answer.reason is None
    (citation,) = answer.citations
    assert citation.article_id == "returns"
    assert citation.heading == "Returns > Refund timing"
    assert citation.title == "Returns"
    assert citation.url == "https://help.example/returns"
    assert citation.quote.startswith("We refund you within 5 business days")
    assert answer.text == citation.quote
    assert answer.kb_version == small_kb.version
    assert 0.0 <= answer.confidence <= 1.0


@pytest.mark.parametrize(
    "question",
    [
        "How long do refunds take to reach my card?",
        "Can I pay with Klarna?",
        "What size is a UK king bed?",
        "My lamp arrived broken",
        "Do you offer gift wrapping?",
        "How do I reset my password?",
        "How do I close the account of my mother who died?",
    ],
)
def test_demo_answers_quote_their_cited_article_verbatim(
    demo_kb: KnowledgeBase, question: str
) -> None:
    bodies = {doc.id: doc.body for doc in read_paths([demo_kb_path()])}
    # Quoting does not depend on the threshold: answer everything the verifier ranks.
    answer = demo_kb.with_calibration(replace(demo_kb.calibration, threshold=0.0)).answer(question)
    assert not answer.abstained
    (citation,) = answer.citations
    assert citation.quote
    assert citation.quote in bodies[citation.article_id]
    assert citation.heading.startswith(citation.title)


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        ("How do I cancel my order?", "cancelling-or-changing-an-order"),
        ("I was charged twice for one order", "billing-questions-and-disputes"),
        ("When do Loom Rewards points expire?", "loom-rewards"),
        ("How long is the warranty on a sofa frame?", "product-warranty"),
    ],
)
def test_demo_answers_cite_the_right_article(
    demo_kb: KnowledgeBase, question: str, article_id: str
) -> None:
    assert demo_kb.answer(question).citations[0].article_id == article_id


@pytest.mark.parametrize(
    "question",
    [
        "Who won the football match last night?",
        "What is the capital of Australia?",
        "Explain quantum physics to me",
        "xyzzy plugh",
    ],
)
def test_unrelated_questions_abstain_with_a_readable_reason(
    demo_kb: KnowledgeBase, question: str
) -> None:
    answer = demo_kb.answer(question)
    assert answer.abstained
    assert answer.citations == ()
    assert answer.reason is not None
    assert answer.reason.endswith("so I would rather not guess.")
    # The abstention hands the conversation to a person: it does not send the customer to one.
    assert "person" not in answer.reason
    assert answer.confidence < demo_kb.min_confidence


@pytest.mark.parametrize("question", ["", "   ", "<PERSON_1> <ORDER_2>", "hi, thanks!"])
def test_messages_without_a_question_abstain(demo_kb: KnowledgeBase, question: str) -> None:
    answer = demo_kb.answer(question)
    assert answer.abstained
    assert answer.reason == NO_QUESTION


def test_placeholders_do_not_change_retrieval_or_the_answer(demo_kb: KnowledgeBase) -> None:
    plain = demo_kb.answer("where can I find the tracking number for my order?")
    redacted = demo_kb.answer(
        "Hi, I'm <PERSON_1> (<EMAIL_1>), where can I find the tracking number for my order "
        "<ORDER_1>?"
    )
    assert redacted == plain
    assert not plain.abstained


def test_placeholder_names_do_not_match_article_words() -> None:
    kb = KnowledgeBase.from_documents(
        [
            Document(id="person", title="Person", body="A person can help with your order."),
            Document(id="other", title="Other", body="Parcels travel by carrier."),
        ]
    )
    assert kb.search("<PERSON_1>") == []


def test_a_knowledge_base_of_only_internal_articles_answers_customers_with_nothing(
    tmp_path: Path,
) -> None:
    kb = KnowledgeBase.from_documents(read_paths([_only(tmp_path, PLAYBOOK_MD)]))
    assert kb.search("refund limits") == []
    assert kb.answer("refund limits").abstained


def test_empty_document_list_is_refused() -> None:
    with pytest.raises(EmptyKnowledgeBaseError, match="ingest at least one article"):
        KnowledgeBase.from_documents([])


def test_loaded_and_in_memory_knowledge_bases_agree(articles: Path, tmp_path: Path) -> None:
    report = ingest([articles], tmp_path / "kb")
    loaded = KnowledgeBase.load(tmp_path / "kb")
    in_memory = KnowledgeBase.from_documents(read_paths([articles]))
    assert loaded.version == in_memory.version == report.version
    question = "How do I print a return label?"
    assert loaded.answer(question) == in_memory.answer(question)


def _only(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "only"
    root.mkdir()
    (root / "a.md").write_text(text, encoding="utf-8")
    return root
