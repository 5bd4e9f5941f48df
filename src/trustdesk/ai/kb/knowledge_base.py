"""The knowledge base the service answers from: search for agents and customers, and answers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from trustdesk.ai.kb.analysis import analyse
from trustdesk.ai.kb.answers import NO_QUESTION, NOT_FOUND, NOT_SURE, Answer, Citation, Passage
from trustdesk.ai.kb.chunking import DEFAULT_MAX_CHARS, chunk_document
from trustdesk.ai.kb.confidence import (
    DEFAULT_CONFIDENCE_MODEL,
    DEFAULT_MIN_CONFIDENCE,
    ConfidenceFeatures,
    ConfidenceModel,
    ranking_features,
)
from trustdesk.ai.kb.documents import Chunk, Document, knowledge_base_version
from trustdesk.ai.kb.errors import (
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    UnknownAudienceError,
)
from trustdesk.ai.kb.extraction import best_quote
from trustdesk.ai.kb.retrieval import Bm25Index
from trustdesk.ai.kb.storage import read_current

if TYPE_CHECKING:
    from trustdesk.ai.embeddings import Embedder
    from trustdesk.ai.kb.hybrid import HybridIndex

Audience = Literal["customer", "agent"]
AUDIENCES: tuple[Audience, ...] = ("customer", "agent")
# The answer is read from the best passage, but the confidence looks past near-duplicates.
_RANKING_DEPTH = 10


class KnowledgeBase:
    """Chunks of one KB version, indexed once for customers (public only) and once for agents."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        *,
        version: str,
        confidence_model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        hybrid: bool = False,
        embedder: Embedder | None = None,
    ) -> None:
        """hybrid=True fuses BM25 with sentence embeddings (needs the `embeddings` extra)."""
        if not chunks:
            raise EmptyKnowledgeBaseError(
                "The knowledge base has no passages; ingest at least one article with text."
            )
        self.version = version
        self.chunks = tuple(chunks)
        self.confidence_model = confidence_model
        self.min_confidence = min_confidence
        # Internal passages are left out of the customer index, not filtered after ranking,
        # so they can neither be quoted nor shift customer scores.
        self._indexes: dict[Audience, Bm25Index] = {
            "customer": Bm25Index([c for c in self.chunks if c.visibility == "public"]),
            "agent": Bm25Index(self.chunks),
        }
        self.hybrid = hybrid
        self._hybrid: dict[Audience, HybridIndex] = {}
        if hybrid:
            from trustdesk.ai.kb.hybrid import HybridIndex

            self._hybrid = {
                audience: HybridIndex(index, embedder=embedder)
                for audience, index in self._indexes.items()
                if len(index)
            }

    @classmethod
    def load(cls, directory: Path, *, hybrid: bool = False) -> KnowledgeBase:
        """The CURRENT version stored under `directory` by `ingest`."""
        stored = read_current(directory)
        return cls(stored.chunks(), version=stored.version, hybrid=hybrid)

    @classmethod
    def from_documents(
        cls, docs: Sequence[Document], *, max_chars: int = DEFAULT_MAX_CHARS
    ) -> KnowledgeBase:
        """An in-memory knowledge base, for tests and one-off use."""
        hashes: dict[str, str] = {}
        chunks: list[Chunk] = []
        for doc in docs:
            if doc.id in hashes:
                raise DuplicateDocumentError(
                    f"Two articles have the id '{doc.id}'; give each article a unique id."
                )
            hashes[doc.id] = doc.content_hash
            chunks.extend(chunk_document(doc, max_chars))
        return cls(chunks, version=knowledge_base_version(hashes, f"max_chars={max_chars}"))

    def search(self, query: str, k: int = 3, *, audience: str = "customer") -> list[Passage]:
        """The k best passages for a (redacted) query; customers only ever see public ones."""
        index = self._index(audience)
        if self.hybrid:
            fused = self._hybrid.get(self._audience(audience))
            ranked = fused.top(query, analyse(query), k) if fused else []
            return [_passage(index.chunks[i], score) for i, score in ranked]
        return [_passage(index.chunks[i], score) for i, score in index.top(analyse(query), k)]

    def answer(self, query: str) -> Answer:
        """A verbatim quote from the best public passage, or an abstention with its reason."""
        index = self._indexes["customer"]
        terms = analyse(query)
        if not terms:
            return self._abstain(NO_QUESTION, 0.0)
        ranked = index.top(terms, _RANKING_DEPTH)
        if not ranked:
            return self._abstain(NOT_FOUND, 0.0)
        confidence = self.confidence(ranking_features(index, terms, ranked))
        if confidence < self.min_confidence:
            return self._abstain(NOT_SURE, confidence)
        best = ranked[0][0]
        if self.hybrid:
            # Abstention stays on the BM25 confidence model it was calibrated for; the
            # passage quoted is the best of the fused ranking.
            fused = self._hybrid["customer"].top(query, terms, 1)
            best = fused[0][0] if fused else best
        chunk = index.chunks[best]
        quote = best_quote(chunk.text, terms, index.term_idf)
        citation = Citation(
            article_id=chunk.article_id,
            title=chunk.title,
            heading=chunk.heading,
            url=chunk.url,
            quote=quote,
        )
        return Answer(
            text=quote,
            citations=(citation,),
            confidence=confidence,
            abstained=False,
            reason=None,
            kb_version=self.version,
        )

    def confidence(self, features: ConfidenceFeatures) -> float:
        """Calibrated confidence in [0, 1] for a ranking's features."""
        return self.confidence_model(features)

    def features(self, query: str) -> ConfidenceFeatures | None:
        """Confidence features of a customer query, or None when nothing matches."""
        index = self._indexes["customer"]
        terms = analyse(query)
        ranked = index.top(terms, _RANKING_DEPTH) if terms else []
        return ranking_features(index, terms, ranked) if ranked else None

    def _index(self, audience: str) -> Bm25Index:
        return self._indexes[self._audience(audience)]

    def _audience(self, audience: str) -> Audience:
        for known in AUDIENCES:
            if audience == known:
                return known
        raise UnknownAudienceError(
            f"Unknown audience '{audience}'; use one of: {', '.join(AUDIENCES)}."
        )

    def _abstain(self, reason: str, confidence: float) -> Answer:
        return Answer(
            text=reason,
            citations=(),
            confidence=confidence,
            abstained=True,
            reason=reason,
            kb_version=self.version,
        )


def _passage(chunk: Chunk, score: float) -> Passage:
    return Passage(
        chunk_id=chunk.chunk_id,
        article_id=chunk.article_id,
        title=chunk.title,
        heading=chunk.heading,
        text=chunk.text,
        url=chunk.url,
        score=score,
    )
