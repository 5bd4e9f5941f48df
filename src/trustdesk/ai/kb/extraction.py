"""Pick the 1-3 consecutive sentences of a passage that best answer a question."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from trustdesk.ai.kb.analysis import STOP_WORDS, analyse, fold, strip_placeholders
from trustdesk.ai.kb.answer_type import AnswerType, holds
from trustdesk.ai.kb.sentences import Span, sentence_spans

MAX_SENTENCES = 3
# A lone sentence this short ("Yes.", a heading-like line) rarely answers on its own.
MIN_QUOTE_CHARS = 60
# A FAQ answer is sent whole up to this length, else cut after the sentence that crosses it.
FAQ_ANSWER_CHARS = 600
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)  # passages of the knowledge base: a fixed, finite set of texts
def _sentences(text: str) -> tuple[tuple[Span, ...], tuple[frozenset[str], ...]]:
    """The sentence spans of a passage and each sentence's index terms (shared: read-only)."""
    spans = tuple(sentence_spans(text))
    return spans, tuple(frozenset(analyse(text[start:end])) for start, end in spans)


def best_quote(
    text: str,
    query_terms: Collection[str],
    idf: Callable[[str], float],
    *,
    max_sentences: int = MAX_SENTENCES,
    wanted: AnswerType = AnswerType.NONE,
) -> str:
    """A verbatim slice of `text`: the best sentence, widened while neighbours add query terms.

    When the question asks for a time or an amount, sentences holding one are preferred, so
    the quote is the sentence with the asked fact rather than its neighbour.
    """
    spans, terms = _sentences(text)
    if not spans:
        return text.strip()
    query = set(query_terms)
    matched = [query.intersection(sentence) for sentence in terms]

    def weight(terms: set[str]) -> float:
        return sum(idf(term) for term in terms)

    def has_fact(index: int) -> bool:
        return holds(text[spans[index][0] : spans[index][1]], wanted)

    best = max(
        range(len(spans)),
        key=lambda index: (has_fact(index), weight(matched[index]), -index),
    )
    low = high = best
    covered = set(matched[best])
    while high - low + 1 < max_sentences:
        gains = []
        if high + 1 < len(spans):
            gains.append((weight(matched[high + 1] - covered), 1, high + 1))
        if low > 0:
            gains.append((weight(matched[low - 1] - covered), 0, low - 1))
        if not gains:
            break
        gain, _, neighbour = max(gains)
        short = spans[high][1] - spans[low][0] < MIN_QUOTE_CHARS
        if gain <= 0 and not (short and high + 1 < len(spans)):
            break
        if gain <= 0:
            neighbour = high + 1
        low, high = min(low, neighbour), max(high, neighbour)
        covered |= matched[neighbour]
    return text[spans[low][0] : spans[high][1]]


def faq_answer(text: str, max_chars: int = FAQ_ANSWER_CHARS) -> str:
    """A FAQ entry's answer: whole when short, else its first sentences up to about max_chars."""
    text = text.strip()
    if len(text) <= max_chars:
        return text
    spans = sentence_spans(text)
    if not spans:
        return text[:max_chars]
    end = spans[0][1]
    for _, sentence_end in spans[1:]:
        if sentence_end > max_chars:
            break
        end = sentence_end
    return text[:end]


def surface_words(query: str, shared: Collection[str]) -> tuple[str, ...]:
    """The customer's own words whose index term the passage shares, in order, once each.

    Stop words and placeholders never appear: they carry no topic.
    """
    words = _WORD.findall(fold(strip_placeholders(query)).replace("'", ""))
    found: dict[str, None] = {}
    for word in words:
        if word in STOP_WORDS or word.isdigit():
            continue
        if any(term in shared for term in analyse(word)):
            found.setdefault(word, None)
    return tuple(found)
