"""Pick the 1-3 consecutive sentences of a passage that best answer a question."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache

from trustdesk.ai.kb.analysis import analyse
from trustdesk.ai.kb.sentences import Span, sentence_spans

MAX_SENTENCES = 3
# A lone sentence this short ("Yes.", a heading-like line) rarely answers on its own.
MIN_QUOTE_CHARS = 60


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
) -> str:
    """A verbatim slice of `text`: the best sentence, widened while neighbours add query terms."""
    spans, terms = _sentences(text)
    if not spans:
        return text.strip()
    wanted = set(query_terms)
    matched = [wanted.intersection(sentence) for sentence in terms]

    def weight(terms: set[str]) -> float:
        return sum(idf(term) for term in terms)

    best = max(range(len(spans)), key=lambda index: (weight(matched[index]), -index))
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
