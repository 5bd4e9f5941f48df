"""Answer verification: how likely it is that *this passage answers this question*.

Candidates are the best BM25 passages plus the passages whose question field (a FAQ entry's
question, an article passage's headings) is closest to the question in character trigrams.
Each candidate is described by FEATURES and scored by a logistic model, logit = w . x + c,
whose weights are learnt when the knowledge base is loaded, from the knowledge base alone
(`train_verifier`: questions made from its own headings, FAQ questions and sentences). The
logit becomes a calibrated probability, with the intent model's view beside it, in
`trustdesk.ai.kb.calibration`, fitted on labelled validation questions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from trustdesk.ai.kb.analysis import STOP_WORDS, analyse, fold, strip_placeholders
from trustdesk.ai.kb.answer_type import AnswerType, asked_type, holds
from trustdesk.ai.kb.fields import FieldIndex, question_field
from trustdesk.ai.kb.intents import IntentGuess, IntentProfiles, IntentReader, distribution
from trustdesk.ai.kb.logistic import fit_logistic
from trustdesk.ai.kb.retrieval import Bm25Index
from trustdesk.ai.kb.sentences import sentence_spans

FEATURES = (
    "strength",  # BM25 score over the total idf of the question's terms
    "relative",  # BM25 score over the best BM25 score of this question
    "coverage",  # idf share of the question's terms found in the passage (headings included)
    "field_recall",  # idf share of the question's terms found in its question field
    "field_precision",  # idf share of the question field's terms found in the question
    "trigram",  # character-trigram cosine of the question and the question field
    "margin",  # BM25 lead over the best passage of another article, over the best score
    "trigram_margin",  # trigram lead over the best question field of another article
    "type_missing",  # the question asks for a time or an amount that the passage lacks
    "faq",  # the passage is a FAQ entry's answer
    "faq_trigram",  # faq * trigram: for FAQ entries the question field is the question
    "faq_field_precision",  # faq * field_precision
    "terms",  # distinct terms of the question, 0 to 1 for one to eight or more
    "dense",  # optional embeddings: cosine of the question and the passage (0 without)
    "dense_margin",  # its lead over the best passage of another article (0 without)
)
BM25_CANDIDATES = 10
FIELD_CANDIDATES = 5
MIN_FIELD_SIMILARITY = 0.1
# Words added to each pseudo-question that its passage lacks (see _with_other_words).
EXTRA_UNSEEN = 2
EXTRA_KNOWN = 1
L2 = 1e-4  # on the mean log-loss: keeps weights finite when pseudo-questions separate
# Below this many public passages there are too few questions to learn from: the weights
# learnt on the demo help centre (38 articles, 141 passages) are used instead.
MIN_PASSAGES_TO_TRAIN = 30
PRIOR_WEIGHTS = (
    1.575, 1.955, 5.563, -2.237, 1.106, 3.062, 2.739, 1.266, -0.782, -0.361, -0.066, -0.053, 2.486,
    0.0, 0.0,
)
DENSE_CANDIDATES = 5
PRIOR_BIAS = -8.349
if TYPE_CHECKING:
    from trustdesk.ai.embeddings import Embedder

_WORD = re.compile(r"[a-z0-9]+")
_OPENERS = (
    (AnswerType.AMOUNT, ("how much", "what is the cost of", "what does it cost")),
    (AnswerType.TIME, ("how long", "when", "how many days")),
)


@dataclass(frozen=True)
class Candidate:
    """One passage scored for one question."""

    index: int  # position in the index's chunks
    logit: float  # w . x + c, before calibration
    features: tuple[float, ...]
    shared: frozenset[str]  # analysed terms the question and the passage share
    # idf share of the question's terms that no passage contains; not a feature, because
    # typos make it high for answerable questions too, but it names the reason to abstain.
    unseen: float
    # The intent model's view (0 without one); used by the calibration, not by the logit,
    # because questions made from passages do not read like the messages it learnt from.
    agreement: float = 0.0
    out_of_scope: float = 0.0
    # The labelled questions' reading (`ai.kb.asked`; 0 without): of this passage's article,
    # of "nothing answers it", and 1 when this article is its first choice.
    asked: float = 0.0
    asked_none: float = 0.0
    asked_first: float = 0.0


@dataclass
class Verifier:
    """Scores candidate passages of one index; `weights` and `bias` come from training."""

    index: Bm25Index
    intents: IntentProfiles | None = None
    embedder: Embedder | None = None  # the optional embeddings extra
    weights: npt.NDArray[np.float64] = field(
        default_factory=lambda: np.zeros(len(FEATURES), dtype=np.float64)
    )
    bias: float = 0.0

    def __post_init__(self) -> None:
        self.fields = FieldIndex(self.index.chunks)
        self.articles = np.asarray(
            _article_numbers([c.article_id for c in self.index.chunks]), dtype=np.int64
        )
        self.faq = np.asarray([c.kind == "faq" for c in self.index.chunks], dtype=bool)
        self._field_idf = tuple(
            sum(self.index.term_idf(t) for t in terms) or 1.0 for terms in self.fields.terms
        )
        self._vectors: npt.NDArray[np.float32] | None = None
        if self.embedder is not None and len(self.index):
            self._vectors = self.embedder.encode(
                [f"{question_field(c)}\n{c.text}" for c in self.index.chunks]
            )

    def candidates(
        self,
        query: str,
        terms: Collection[str],
        *,
        exclude_article: str | None = None,
        with_intents: bool = True,
        intent: IntentGuess | None = None,
    ) -> list[Candidate]:
        """Scored candidates, best first; `exclude_article` hides one article (training).

        `intent` is the intent model's reading of this very question when the caller already
        has it (the message path does), so it is not computed twice.
        """
        wanted = set(terms)
        if not wanted or not len(self.index):
            return []
        index = self.index
        idf = {term: index.term_idf(term) for term in wanted}
        total = sum(idf.values()) or 1.0
        unseen = sum(w for t, w in idf.items() if t not in index.idf) / total
        bm25 = index.scores(list(wanted)).astype(np.float64)
        similarity = self.fields.similarity(query)
        dense = np.zeros(len(index.chunks))
        if self._vectors is not None and self.embedder is not None:
            dense = (self._vectors @ self.embedder.encode_one(query)).astype(np.float64)
        if exclude_article is not None:
            hidden = np.asarray(
                [c.article_id == exclude_article for c in index.chunks], dtype=bool
            )
            bm25[hidden] = 0.0
            similarity[hidden] = 0.0
            dense[hidden] = 0.0
        chosen = _top(bm25, BM25_CANDIDATES, 0.0)
        chosen.update(_top(similarity, FIELD_CANDIDATES, MIN_FIELD_SIMILARITY))
        if self._vectors is not None:
            chosen.update(_top(dense, DENSE_CANDIDATES, 0.0))
        if not chosen:
            return []
        picked = sorted(chosen)
        top_bm25 = float(bm25.max()) or 1.0
        best_bm25 = _best_per_article(self.articles, bm25, picked)
        best_similarity = _best_per_article(self.articles, similarity, picked)
        best_dense = _best_per_article(self.articles, dense, picked)
        kind = asked_type(query)
        length = min(len(wanted), 8) / 8
        intents = self.intents if with_intents else None
        read = (
            (distribution(intent) if intent is not None else intents.read(query))
            if intents is not None
            else {}
        )
        agreements: dict[str, float] = {}
        out_of_scope = intents.out_of_scope(read) if intents is not None else 0.0
        out = []
        for i in picked:
            chunk = index.chunks[i]
            shared = frozenset(wanted & index.chunk_terms[i])
            field_terms = self.fields.terms[i]
            in_field = wanted & field_terms
            field_found = sum(idf[t] for t in in_field)
            article = self.articles[i]
            other_bm25 = max((s for a, s in best_bm25.items() if a != article), default=0.0)
            other_sim = max((s for a, s in best_similarity.items() if a != article), default=0.0)
            other_dense = max((s for a, s in best_dense.items() if a != article), default=0.0)
            faq = 1.0 if self.faq[i] else 0.0
            field_precision = field_found / self._field_idf[i] if field_terms else 0.0
            missing = kind is not AnswerType.NONE and not holds(
                f"{chunk.heading}\n{chunk.text}", kind
            )
            features = (
                bm25[i] / total,
                bm25[i] / top_bm25,
                sum(idf[t] for t in shared) / total,
                field_found / total,
                min(field_precision, 1.0),
                float(similarity[i]),
                (bm25[i] - other_bm25) / top_bm25,
                float(similarity[i]) - other_sim,
                1.0 if missing else 0.0,
                faq,
                faq * float(similarity[i]),
                faq * min(field_precision, 1.0),
                length,
                float(dense[i]),
                float(dense[i]) - other_dense if self._vectors is not None else 0.0,
            )
            logit = float(np.dot(self.weights, features)) + self.bias
            agreement = 0.0
            if intents is not None:
                agreement = agreements.get(chunk.article_id, -1.0)
                if agreement < 0:
                    agreement = intents.agreement(read, chunk.article_id)
                    agreements[chunk.article_id] = agreement
            out.append(Candidate(i, logit, features, shared, unseen, agreement, out_of_scope))
        out.sort(key=lambda c: (-c.logit, c.index))
        return out


def _top(scores: npt.NDArray[np.float64], k: int, floor: float) -> set[int]:
    if not len(scores):
        return set()
    k = min(k, len(scores))
    best = np.argpartition(-scores, k - 1)[:k]
    return {int(i) for i in best if scores[i] > floor}


def _best_per_article(
    articles: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], picked: Sequence[int]
) -> dict[int, float]:
    best: dict[int, float] = {}
    for i in picked:
        article = int(articles[i])
        score = float(scores[i])
        if score > best.get(article, -1.0):
            best[article] = score
    return best


def _article_numbers(article_ids: Sequence[str]) -> list[int]:
    numbers: dict[str, int] = {}
    return [numbers.setdefault(a, len(numbers)) for a in article_ids]


# ---------------------------------------------------------------------------- training


@dataclass(frozen=True)
class PseudoQuestion:
    """A question made from the knowledge base itself, and the passage that answers it."""

    text: str
    chunk: int


def pseudo_questions(index: Bm25Index, *, seed: int = 0, per_passage: int = 3) -> list[
    PseudoQuestion
]:
    """Questions each passage answers, made from its question field and its sentences.

    Words are dropped and letters swapped at random so that the field does not match
    itself perfectly: real questions share only part of the help centre's wording.
    """
    rng = random.Random(seed)
    made: list[PseudoQuestion] = []
    for i, chunk in enumerate(index.chunks):
        words = _content_words(question_field(chunk))
        if words:
            made.append(PseudoQuestion(_perturb(words, rng, keep=0.7), i))
        spans = sentence_spans(chunk.text)
        rng.shuffle(spans)
        for start, end in spans[: max(per_passage - 1, 0)]:
            sentence = _content_words(chunk.text[start:end])
            if len(sentence) < 3:
                continue
            width = min(len(sentence), rng.randint(3, 7))
            first = rng.randint(0, len(sentence) - width)
            text = _perturb(sentence[first : first + width], rng, 0.8)
            # Ask for the kind of fact the sentence holds, as customers do ("how long ...").
            for kind, opener in _OPENERS:
                if holds(chunk.text[start:end], kind) and rng.random() < 0.5:
                    text = f"{rng.choice(opener)} {text}"
                    break
            made.append(PseudoQuestion(text, i))
    return _with_other_words(index, made, rng)


def _with_other_words(
    index: Bm25Index, questions: Sequence[PseudoQuestion], rng: random.Random
) -> list[PseudoQuestion]:
    """Each question with up to EXTRA_UNSEEN words no passage holds and up to EXTRA_KNOWN
    words of other passages, shuffled in: a customer's question shares only part of its words
    with the passage that answers it, so the verifier must not learn that a right passage
    holds every word ("I live on the fifth floor with no lift, can you deliver a sofa?")."""
    vocabulary = sorted({w for c in index.chunks for w in _content_words(c.text) if len(w) > 3})
    out = []
    for question in questions:
        words = question.text.split()
        words += [_random_word(rng) for _ in range(rng.randint(0, EXTRA_UNSEEN))]
        if vocabulary:
            words += rng.sample(vocabulary, k=min(len(vocabulary), rng.randint(0, EXTRA_KNOWN)))
        rng.shuffle(words)
        out.append(PseudoQuestion(" ".join(words), question.chunk))
    return out


def _random_word(rng: random.Random) -> str:
    """Random letters: a word the help centre has never seen."""
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 8)))


def off_topic_questions(index: Bm25Index, count: int, *, seed: int = 1) -> list[str]:
    """Questions about something the help centre never mentions: a word or two of its own
    vocabulary among words it has never seen (random letters stand in for those)."""
    rng = random.Random(seed)
    vocabulary = sorted({w for c in index.chunks for w in _content_words(c.text) if len(w) > 3})
    if not vocabulary:
        return []
    out = []
    for _ in range(count):
        known = rng.sample(vocabulary, k=min(len(vocabulary), rng.randint(0, 2)))
        unknown = [
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))
            for _ in range(rng.randint(1, 3))
        ]
        words = known + unknown
        rng.shuffle(words)
        out.append(" ".join(words))
    return out


def _content_words(text: str) -> list[str]:
    folded = fold(strip_placeholders(text)).replace("'", "")
    return [w for w in _WORD.findall(folded) if w not in STOP_WORDS]


def _perturb(words: Sequence[str], rng: random.Random, keep: float) -> str:
    kept = [w for w in words if rng.random() < keep] or [rng.choice(list(words))]
    if rng.random() < 0.3:
        position = rng.randrange(len(kept))
        word = kept[position]
        if len(word) > 3:
            j = rng.randrange(1, len(word) - 1)
            kept[position] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(kept)


def training_rows(
    verifier: Verifier,
    questions: Sequence[PseudoQuestion],
    negatives: Sequence[str] = (),
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """Feature rows and labels: the source passage is right, other articles' passages are
    wrong, and with the source article hidden every candidate is wrong (an on-topic question
    the help centre cannot answer). `negatives` are texts nothing answers (off-topic)."""
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    chunks = verifier.index.chunks
    for question in questions:
        terms = analyse(question.text)
        source = chunks[question.chunk].article_id
        for candidate in verifier.candidates(question.text, terms, with_intents=False):
            same_article = chunks[candidate.index].article_id == source
            if same_article and candidate.index != question.chunk:
                continue  # another passage of the right article: neither right nor wrong
            rows.append(candidate.features)
            labels.append(int(candidate.index == question.chunk))
        for candidate in verifier.candidates(
            question.text, terms, exclude_article=source, with_intents=False
        ):
            rows.append(candidate.features)
            labels.append(0)
    for text in [*negatives, *off_topic_questions(verifier.index, len(questions) // 2)]:
        for candidate in verifier.candidates(text, analyse(text), with_intents=False):
            rows.append(candidate.features)
            labels.append(0)
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=np.int64)


def train_verifier(
    index: Bm25Index,
    *,
    seed: int = 0,
    negatives: Sequence[str] = (),
    intents: IntentReader | None = None,
    embedder: Embedder | None = None,
) -> Verifier:
    """A verifier whose weights are fitted on pseudo-questions made from `index`; with an
    intent model, the candidates also carry its view for the calibration."""
    profiles = IntentProfiles(intents, index.chunks) if intents is not None else None
    verifier = Verifier(
        index,
        intents=profiles,
        embedder=embedder,
        weights=np.asarray(PRIOR_WEIGHTS, dtype=np.float64),
        bias=PRIOR_BIAS,
    )
    if len(index) < MIN_PASSAGES_TO_TRAIN:
        return verifier
    questions = pseudo_questions(index, seed=seed)
    if embedder is not None:  # one batch now; candidates() then finds them in the cache
        embedder.encode([q.text for q in questions])
    rows, labels = training_rows(verifier, questions, negatives)
    if len(set(labels.tolist())) < 2:
        return verifier
    verifier.weights, verifier.bias = fit_logistic(rows, labels.astype(np.float64), l2=L2)
    return verifier
