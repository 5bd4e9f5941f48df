"""Is each sentence of a generated reply backed by a cited passage, and is it free of PII?

Support is lexical. Each passage is cut into windows of one or two consecutive
sentences (plus its title and heading). A reply sentence is scored against every
window of the passages it cites::

    score = 0.7 * unigram_share + 0.3 * bigram_share

where ``unigram_share`` is the share of the sentence's distinct content terms
(lower-cased, stopwords removed, lightly stemmed) found in the window and
``bigram_share`` the share of its adjacent content-term pairs found there.

``DEFAULT_MIN_SUPPORT = 0.5``: a faithful paraphrase keeps most content words but
reorders them (unigram ~0.8, bigram ~0.3 -> ~0.65), while a sentence that adds a
claim brings its own content words and falls to ~0.2-0.45 (see the case table in
tests/llm/test_llm_grounding.py). Two hard rules cover what overlap is blind to:
every number in the sentence must appear in the supporting window (a wrong number
of days or a wrong price is the most harmful support error), and support only
counts from windows that agree on negation; if a passage sentence of opposite
polarity matches better than any agreeing window and clears the bar, the sentence
contradicts the passage ("Gift cards can be refunded" vs "... cannot be refunded").

Sentences made only of courtesy words ("Thanks for reaching out!") make no claim
and pass. Known limits, as with any lexical check: paraphrases with synonyms score
low (the reply is downgraded, which is the safe side), and a sentence can recombine
passage words into a new claim. The prompt asks for close paraphrase to keep the
first rare; the second is why sensitive topics still go to human review upstream.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from trustdesk.ai.llm.lexicon import (
    NEGATION,
    cited_numbers,
    content_terms,
    is_courtesy,
    is_number,
    split_sentences,
)
from trustdesk.ai.llm.screening import leaked_items, mask
from trustdesk.ai.llm.sources import SourcePassage

DEFAULT_MIN_SUPPORT = 0.5
UNIGRAM_WEIGHT = 0.7
BIGRAM_WEIGHT = 0.3

SEND = "send"
FALLBACK = "fallback_extractive"
HANDOFF = "handoff"


@dataclass(frozen=True)
class SentenceSupport:
    """How well one reply sentence is backed, and by which passage (1-based number)."""

    sentence: str
    score: float
    supported: bool
    article_id: str | None = None
    passage_number: int | None = None
    missing_numbers: tuple[str, ...] = ()
    negation_mismatch: bool = False
    courtesy: bool = False


@dataclass(frozen=True)
class GroundingVerdict:
    """Outcome of the grounding and output-PII check.

    ``supported`` holds one :class:`SentenceSupport` per sentence (scores included,
    also for the failing ones); ``unsupported`` the sentences below the bar;
    ``blocked`` labels for personal data or placeholders the model made up
    (labels, not the data itself, so the verdict can be stored and logged).
    """

    action: str
    supported: tuple[SentenceSupport, ...]
    unsupported: tuple[str, ...]
    blocked: tuple[str, ...]
    reason: str = ""
    min_support: float = DEFAULT_MIN_SUPPORT

    @property
    def ok(self) -> bool:
        return self.action == SEND


@dataclass(frozen=True)
class _Window:
    passage_number: int
    terms: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    negated: bool
    size: int


@dataclass
class _Index:
    windows: dict[int, list[_Window]] = field(default_factory=dict)
    article_ids: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls, passages: Sequence[SourcePassage]) -> _Index:
        index = cls()
        for number, passage in enumerate(passages, start=1):
            context = content_terms(f"{passage.title}. {passage.heading}")
            sentences = [content_terms(s) for s in split_sentences(passage.text)] or [[]]
            spans = [sentences[i : i + 1] for i in range(len(sentences))]
            spans += [sentences[i : i + 2] for i in range(len(sentences) - 1)]
            index.windows[number] = [_window(number, context, span) for span in spans]
            index.article_ids[number] = passage.article_id
        return index


def _window(number: int, context: list[str], span: list[list[str]]) -> _Window:
    body = [term for terms in span for term in terms]
    bigrams = {pair for terms in span for pair in pairwise(terms)}
    bigrams.update(pairwise(context))
    return _Window(
        number, frozenset(body + context), frozenset(bigrams), NEGATION in body, len(span)
    )


def check_grounding(
    reply: str,
    passages: Sequence[SourcePassage],
    *,
    input_text: str,
    min_support: float = DEFAULT_MIN_SUPPORT,
    fallback_available: bool = True,
) -> GroundingVerdict:
    """Decide whether ``reply`` may be sent: every sentence grounded, no invented PII.

    ``input_text`` is the (redacted) text the model was given; personal data or
    placeholders it contains, or that a passage contains (e.g. the shop's own
    support address), are allowed in the output, anything else is blocked.
    """
    downgrade = FALLBACK if fallback_available else HANDOFF
    sources = [input_text]
    sources += [f"{p.title}\n{p.heading}\n{p.text}\n{p.url or ''}" for p in passages]
    leaks = leaked_items(reply, allowed_sources=sources)
    clean_reply = mask(reply, leaks)
    sentences = split_sentences(clean_reply)
    if not sentences:
        return GroundingVerdict(downgrade, (), (), (), "empty_reply", min_support)

    index = _Index.build(passages)
    reply_cites = _valid(cited_numbers(clean_reply), len(passages))
    supports = tuple(
        _support(s, index, reply_cites, len(passages), min_support) for s in sentences
    )
    unsupported = tuple(s.sentence for s in supports if not s.supported)
    blocked = tuple(h.describe() for h in leaks)
    if blocked:
        action, reason = downgrade, "output_personal_data"
    elif unsupported:
        action, reason = downgrade, "unsupported_sentences"
    else:
        action, reason = SEND, "grounded"
    return GroundingVerdict(action, supports, unsupported, blocked, reason, min_support)


def cited_article_ids(reply: str, passages: Sequence[SourcePassage]) -> tuple[str, ...]:
    """Article ids of the passages the reply cites by number, without repeats."""
    seen: dict[str, None] = {}
    for number in _valid(cited_numbers(reply), len(passages)):
        seen.setdefault(passages[number - 1].article_id, None)
    return tuple(seen)


def _support(
    sentence: str,
    index: _Index,
    reply_cites: tuple[int, ...],
    passage_count: int,
    min_support: float,
) -> SentenceSupport:
    terms = content_terms(sentence)
    if is_courtesy(terms):
        return SentenceSupport(sentence, 1.0, True, courtesy=True)
    own = cited_numbers(sentence)
    # citations narrow the search: the sentence's own, else the reply's, else all passages
    if own:
        candidates = _valid(own, passage_count)
    else:
        candidates = reply_cites or tuple(range(1, passage_count + 1))
    negated = NEGATION in terms
    best: tuple[float, _Window] | None = None
    contradiction: tuple[float, _Window] | None = None
    for number in candidates:
        for window in index.windows[number]:
            score = round(_score(terms, window), 4)  # decide on the figure that is reported
            if window.negated == negated:
                # strict ">" keeps the smaller window on ties (singles are listed first)
                if best is None or score > best[0]:
                    best = (score, window)
            elif window.size == 1 and (contradiction is None or score > contradiction[0]):
                contradiction = (score, window)
    if best is None and contradiction is None:
        return SentenceSupport(sentence, 0.0, False)
    # a passage sentence saying the opposite matches better than anything agreeing with it
    mismatch = contradiction is not None and contradiction[0] >= min_support and (
        best is None or contradiction[0] > best[0]
    )
    chosen = contradiction if mismatch or best is None else best
    assert chosen is not None
    score, window = chosen
    missing = tuple(dict.fromkeys(t for t in terms if is_number(t) and t not in window.terms))
    supported = score >= min_support and not missing and not mismatch
    return SentenceSupport(
        sentence,
        score,
        supported,
        article_id=index.article_ids[window.passage_number],
        passage_number=window.passage_number,
        missing_numbers=missing,
        negation_mismatch=mismatch,
    )


def _score(terms: list[str], window: _Window) -> float:
    distinct = set(terms)
    unigram = len(distinct & window.terms) / len(distinct)
    pairs = set(pairwise(terms))
    if not pairs:
        return unigram
    bigram = len(pairs & window.bigrams) / len(pairs)
    return UNIGRAM_WEIGHT * unigram + BIGRAM_WEIGHT * bigram


def _valid(numbers: tuple[int, ...], passage_count: int) -> tuple[int, ...]:
    return tuple(n for n in numbers if 1 <= n <= passage_count)
