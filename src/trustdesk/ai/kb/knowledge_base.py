"""The knowledge base the service answers from: search for agents and customers, and answers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

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
    ) -> None:
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

    @classmethod
    def load(cls, directory: Path) -> KnowledgeBase:
        """The CURRENT version stored under `directory` by `ingest`."""
        stored = read_current(directory)
        return cls(stored.chunks(), version=stored.version)

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
        chunk = index.chunks[ranked[0][0]]
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
        for known in AUDIENCES:
            if audience == known:
                return self._indexes[known]
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
