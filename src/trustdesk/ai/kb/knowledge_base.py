"""The knowledge base the service answers from: search for agents and customers, and answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from trustdesk.ai.focus import focus
from trustdesk.ai.kb.analysis import analyse, has_topic
from trustdesk.ai.kb.answer_type import AnswerType, asked_type, holds
from trustdesk.ai.kb.answers import (
    ASKED_NAMES,
    MISSING_FACT,
    NO_QUESTION,
    NOT_COVERED,
    NOT_FOUND,
    NOT_SURE,
    Answer,
    Passage,
    Verification,
    basis_of,
)
from trustdesk.ai.kb.asked import AskedModel, load_asked
from trustdesk.ai.kb.calibration import (
    MAX_GAP,
    SHIPPED_FOR_KB_VERSIONS,
    Calibration,
    default_calibration,
    load_calibration,
)
from trustdesk.ai.kb.chunking import DEFAULT_MAX_CHARS, chunk_document
from trustdesk.ai.kb.documents import Chunk, Document, knowledge_base_version
from trustdesk.ai.kb.errors import (
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    UnknownAudienceError,
)
from trustdesk.ai.kb.extraction import best_quote, faq_answer, surface_words
from trustdesk.ai.kb.intents import IntentGuess, IntentReader
from trustdesk.ai.kb.retrieval import Bm25Index
from trustdesk.ai.kb.spelling import Speller
from trustdesk.ai.kb.storage import read_current
from trustdesk.ai.kb.verifier import Candidate, Verifier, train_verifier
from trustdesk.domain import Source

if TYPE_CHECKING:
    from trustdesk.ai.embeddings import Embedder
    from trustdesk.ai.kb.hybrid import HybridIndex

Audience = Literal["customer", "agent"]
AUDIENCES: tuple[Audience, ...] = ("customer", "agent")
# Share of a question's idf weight unknown to every passage above which we say "not covered".
_NOT_COVERED_UNSEEN = 0.5
# Verifiers trained per set of passages: loading the same version twice reuses the weights.
_TRAINED: dict[tuple[str, int, int, str, int], Verifier] = {}


class KnowledgeBase:
    """Chunks of one KB version, indexed once for customers (public only) and once for agents."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        *,
        version: str,
        calibration: Calibration | None = None,
        negatives: Sequence[str] = (),
        intents: IntentReader | None = None,
        hybrid: bool = False,
        embedder: Embedder | None = None,
        asked: AskedModel | None = None,
    ) -> None:
        """hybrid=True fuses BM25 with sentence embeddings in search and adds their cosine to
        the answer verifier (needs the `embeddings` extra); `negatives` are texts nothing in
        the KB answers, used to train the verifier; `intents` (the deployment's intent model)
        adds its view of the question (out of scope, agreement with the article); `asked`,
        the model of the help centre's labelled questions (`ai.kb.asked`), adds theirs."""
        if not chunks:
            raise EmptyKnowledgeBaseError(
                "The knowledge base has no passages; ingest at least one article with text."
            )
        self.version = version
        self.chunks = tuple(chunks)
        self.asked = asked
        self.calibration = calibration or default_calibration(
            intents is not None, asked is not None
        )
        # Whether the threshold was fitted on questions to this help centre: its own stored
        # calibration, or the shipped one on the demo it was fitted for.
        self.calibrated = calibration is not None or version in SHIPPED_FOR_KB_VERSIONS
        # Internal passages are left out of the customer index, not filtered after ranking,
        # so they can neither be quoted nor shift customer scores.
        self._indexes: dict[Audience, Bm25Index] = {
            "customer": Bm25Index([c for c in self.chunks if c.visibility == "public"]),
            "agent": Bm25Index(self.chunks),
        }
        self.intents = intents
        self.hybrid = hybrid
        customer = self._indexes["customer"].chunks
        self.speller = Speller(f"{c.heading}\n{c.text}" for c in customer)
        dense = None
        if hybrid:
            from trustdesk.ai.embeddings import default_embedder

            dense = embedder or default_embedder()
        self.verifier = _trained(
            version, self._indexes["customer"], tuple(negatives), intents, dense
        )
        self._hybrid: dict[Audience, HybridIndex] = {}
        if hybrid:
            from trustdesk.ai.kb.hybrid import HybridIndex

            self._hybrid = {
                audience: HybridIndex(index, embedder=dense)
                for audience, index in self._indexes.items()
                if len(index)
            }

    @classmethod
    def load(
        cls, directory: Path, *, hybrid: bool = False, intents: IntentReader | None = None
    ) -> KnowledgeBase:
        """The CURRENT version stored under `directory` by `ingest`, with the calibration
        `trustdesk kb calibrate` wrote there (the shipped default otherwise)."""
        stored = read_current(directory)
        calibration = load_calibration(directory)
        return cls(
            stored.chunks(),
            version=stored.version,
            calibration=calibration,
            intents=intents,
            hybrid=hybrid,
            asked=load_asked(directory),
        )

    @classmethod
    def from_documents(
        cls,
        docs: Sequence[Document],
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        calibration: Calibration | None = None,
        intents: IntentReader | None = None,
        hybrid: bool = False,
        asked: AskedModel | None = None,
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
        version = knowledge_base_version(hashes, f"max_chars={max_chars}")
        return cls(
            chunks, version=version, calibration=calibration, intents=intents, hybrid=hybrid,
            asked=asked,
        )

    @property
    def min_confidence(self) -> float:
        """The calibrated probability below which answers abstain."""
        return self.calibration.threshold

    def with_calibration(self, calibration: Calibration) -> KnowledgeBase:
        """The same passages and verifier with another calibration (cheap: nothing retrains)."""
        return self._with(calibration, self.asked)

    def with_asked(self, asked: AskedModel | None) -> KnowledgeBase:
        """The same passages and calibration with another labelled questions' model."""
        return self._with(self.calibration, asked)

    def _with(self, calibration: Calibration, asked: AskedModel | None) -> KnowledgeBase:
        return KnowledgeBase(
            self.chunks,
            version=self.version,
            calibration=calibration,
            intents=self.intents,
            hybrid=self.hybrid,
            embedder=self.verifier.embedder,
            asked=asked,
        )

    def search(self, query: str, k: int = 3, *, audience: str = "customer") -> list[Passage]:
        """The k best passages for a (redacted) query; customers only ever see public ones."""
        index = self._index(audience)
        if self.hybrid:
            fused = self._hybrid.get(self._audience(audience))
            ranked = fused.top(query, analyse(query), k) if fused else []
            return [_passage(index.chunks[i], score) for i, score in ranked]
        return [_passage(index.chunks[i], score) for i, score in index.top(analyse(query), k)]

    def answer(self, query: str, *, intent: IntentGuess | None = None) -> Answer:
        """The verified best public passage quoted, or an abstention with its reason.

        `intent`: the intent model's reading of the same query, when the caller has it.
        """
        query, terms, candidates = self._rank(query, intent)
        if not has_topic(terms):
            return self._abstain(NO_QUESTION, 0.0)
        if not candidates:
            return self._abstain(NOT_FOUND, 0.0)
        best = candidates[0]
        chunks = self.verifier.index.chunks
        chunk = chunks[best.index]
        probability = self.calibration.probability(calibration_inputs(candidates, chunks))
        verification = self._verification(query, best, probability)
        if probability < self.calibration.threshold:
            return self._abstain(_abstain_reason(verification, best), probability, verification)
        if chunk.kind == "faq":
            quote = faq_answer(chunk.text)
        else:
            index = self.verifier.index
            quote = best_quote(chunk.text, terms, index.term_idf, wanted=asked_type(query))
        citation = Source(
            article_id=chunk.article_id,
            title=chunk.title,
            heading=chunk.heading,
            url=chunk.url,
            quote=quote,
        )
        return Answer(
            text=quote,
            citations=(citation,),
            confidence=probability,
            abstained=False,
            reason=None,
            kb_version=self.version,
            verification=verification,
            basis=basis_of(verification),
            calibrated=self.calibrated,
        )

    def verify(
        self, query: str, *, asked: AskedModel | None = None
    ) -> tuple[list[Passage], tuple[float, ...] | None]:
        """The verifier's candidate passages for a customer query, best first (their scores
        are verifier logits), and the calibration inputs of the best (None without one).

        `asked` reads the question instead of the knowledge base's own question model: a
        calibration is fitted on questions that model learnt from, so each must be read by a
        model fitted without it (`ai.kb.asked.cross_fitted`)."""
        chunks = self.verifier.index.chunks
        candidates = self._rank(query, None, asked)[2]
        passages = [_passage(chunks[c.index], c.logit) for c in candidates]
        return passages, calibration_inputs(candidates, chunks) if candidates else None

    def _rank(
        self, query: str, intent: IntentGuess | None, asked: AskedModel | None = None
    ) -> tuple[str, list[str], list[Candidate]]:
        """The text read, its terms and the verifier's candidates for a customer message.

        Typos are mended first against the help centre's own words (`spelling`: "refnd" is
        read as "refund"; real English words are never changed).
        Greetings, sign-offs and self-descriptions (`focus`) are left out, so that "I'm a
        student." or "Dear Sir or Madam," neither dilutes nor redirects the verdict. A
        self-description the customer tied to the question in one sentence ("I'm at
        university, do I get money off?") may be what the question is about, so the whole
        sentence is read too. The whole reading is kept when its passage uses the
        description's own words and clears the threshold ("I'm a student, is there a
        discount?"); otherwise, when the two readings find different articles, the less sure
        of the two (the question alone was not all it asked), and the question alone when
        they find the same one.
        """
        query = self.speller.mend(query)
        read = focus(query)
        full_terms = analyse(query)
        if not read.changed:
            return query, full_terms, self._candidates(query, full_terms, intent, asked)
        terms = analyse(read.request)
        if not terms:
            return query, full_terms, self._candidates(query, full_terms, intent, asked)
        candidates = self._candidates(read.request, terms, intent, asked)
        if read.inline:
            # a number the writer gives of themselves ("I'm 60") is an age or a count, not
            # the "60" of "wash at 60 degrees": the whole reading leaves it out
            described = set(analyse(" ".join(read.context))) - set(terms)
            whole_terms = [t for t in full_terms if not (t.isdigit() and t in described)]
            whole = self._candidates(query, whole_terms, intent, asked)
            if whole and self._whole_reading(described, whole, candidates):
                return query, whole_terms, whole
        return read.request, terms, candidates

    def _candidates(
        self, text: str, terms: list[str], intent: IntentGuess | None,
        asked: AskedModel | None = None,
    ) -> list[Candidate]:
        """The verifier's candidates with the labelled questions' reading of `text`, the one
        the calibration trusts most first."""
        candidates = self.verifier.candidates(text, terms, intent=intent)
        chunks = self.verifier.index.chunks
        model = asked or self.asked
        if model is not None and candidates:
            reading = model.read(text)
            candidates = [
                replace(c, asked=reading.of(article), asked_none=reading.none,
                        asked_first=float(reading.first == article))
                for c in candidates
                for article in (chunks[c.index].article_id,)
            ]
        return most_trusted_first(candidates, chunks, self.calibration)

    def _whole_reading(
        self,
        described: set[str],
        whole: Sequence[Candidate],
        request: Sequence[Candidate],
    ) -> bool:
        """Whether to answer from the reading with the self-description (see `_rank`);
        `described`: the description's own terms, those the request does not use."""
        if not request:
            return True
        chunks = self.verifier.index.chunks
        p_whole = self.calibration.probability(calibration_inputs(whole, chunks))
        # a number the writer gives of themselves is an age or a count ("I'm 75", "a mum of
        # 2"), not a word the question is about: "75" must not pull in "orders over 75"
        own = {t for t in described if not t.isdigit()}
        if own & whole[0].shared and p_whole >= self.calibration.threshold:
            return True
        if chunks[whole[0].index].article_id == chunks[request[0].index].article_id:
            return False
        return p_whole < self.calibration.probability(calibration_inputs(request, chunks))

    def _verification(self, query: str, best: Candidate, probability: float) -> Verification:
        chunk = self.verifier.index.chunks[best.index]
        kind = asked_type(query)
        return Verification(
            probability=probability,
            threshold=self.calibration.threshold,
            article_id=chunk.article_id,
            title=chunk.title,
            heading=chunk.heading,
            matched_question=chunk.title if chunk.kind == "faq" else None,
            words=surface_words(query, best.shared),
            asked=None if kind is AnswerType.NONE else kind.value,
            asked_found=holds(f"{chunk.heading}\n{chunk.text}", kind),
            customers_asked=best.asked_first == 1.0,
        )

    def _index(self, audience: str) -> Bm25Index:
        return self._indexes[self._audience(audience)]

    def _audience(self, audience: str) -> Audience:
        for known in AUDIENCES:
            if audience == known:
                return known
        raise UnknownAudienceError(
            f"Unknown audience '{audience}'; use one of: {', '.join(AUDIENCES)}."
        )

    def _abstain(
        self, reason: str, confidence: float, verification: Verification | None = None
    ) -> Answer:
        return Answer(
            text=reason,
            citations=(),
            confidence=confidence,
            abstained=True,
            reason=reason,
            kb_version=self.version,
            verification=verification,
        )


def calibration_inputs(
    candidates: Sequence[Candidate], chunks: Sequence[Chunk], position: int = 0
) -> tuple[float, ...]:
    """What the calibration reads of the candidate at `position` of a non-empty ranking (see
    calibration.INPUTS); its gap is over the highest logit of another article, its agreement
    lead over the highest intent agreement of another article."""
    best = candidates[position]
    article = chunks[best.index].article_id
    others = [c for c in candidates if chunks[c.index].article_id != article]
    rival = max((c.logit for c in others), default=None)
    gap = MAX_GAP if rival is None else min(best.logit - rival, MAX_GAP)
    lead = best.agreement - max((c.agreement for c in others), default=best.agreement)
    return (best.logit, gap, best.out_of_scope, best.agreement, best.unseen, lead,
            best.asked, best.asked_none, best.asked_first)


def most_trusted_first(
    candidates: Sequence[Candidate], chunks: Sequence[Chunk], calibration: Calibration
) -> list[Candidate]:
    """Articles in the order of the calibrated probability of their best passage, passages
    of one article in logit order.

    The verifier's logit is learnt from questions made from the help centre, which know
    nothing of the intent model; the calibration, fitted on real questions, also weighs how
    well the intent model's reading agrees with each article. Answering from the article it
    trusts most, rather than from the top logit, lets that agreement choose between two
    articles whose passages score alike ("is it under warranty?" beside the lamp passage).
    Without an intent model the order is the logit order (the probability rises with the
    logit and with the lead over other articles).
    """
    if len(candidates) < 2:
        return list(candidates)
    first: dict[str, int] = {}  # candidates arrive in logit order: each article's best
    for position, candidate in enumerate(candidates):
        first.setdefault(chunks[candidate.index].article_id, position)
    trust = {
        article: calibration.probability(calibration_inputs(candidates, chunks, position))
        for article, position in first.items()
    }
    order = sorted(
        range(len(candidates)),
        key=lambda i: (-trust[chunks[candidates[i].index].article_id], i),
    )
    return [candidates[i] for i in order]


def _abstain_reason(verification: Verification, best: Candidate) -> str:
    """The most specific reason a customer can read for not answering."""
    if verification.asked is not None and not verification.asked_found:
        return MISSING_FACT.format(
            title=verification.title, what=ASKED_NAMES.get(verification.asked, "it")
        )
    if best.unseen >= _NOT_COVERED_UNSEEN:
        return NOT_COVERED
    return NOT_SURE


def _trained(
    version: str,
    index: Bm25Index,
    negatives: tuple[str, ...],
    intents: IntentReader | None,
    embedder: Embedder | None,
) -> Verifier:
    key = (
        version,
        len(index),
        hash(negatives),
        # A model's content version, not its id(): ids of collected objects are reused.
        str(getattr(intents, "version", id(intents))) if intents is not None else "",
        id(embedder) if embedder is not None else 0,
    )
    verifier = _TRAINED.get(key)
    if verifier is None:
        verifier = train_verifier(
            index, negatives=negatives, intents=intents, embedder=embedder
        )
        if len(_TRAINED) >= 8:
            _TRAINED.pop(next(iter(_TRAINED)))
        _TRAINED[key] = verifier
    return verifier


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
