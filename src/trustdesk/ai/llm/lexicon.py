"""Sentences, content words and light stemming for the lexical grounding check."""

from __future__ import annotations

import re

from trustdesk.domain.placeholder import PLACEHOLDER

CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "approx.", "mr.", "mrs.", "ms.", "dr.", "no.", "vs.")

NEGATION = "not"
_NEGATIONS = frozenset({"not", "no", "never", "cannot", "can't", "won't", "don't", "doesn't",
                        "isn't", "aren't", "didn't", "shouldn't", "wouldn't", "nor", "without"})

# Function words carry no claim. Negations are deliberately absent: "not" is a claim.
_STOPWORDS_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just let me more most my myself of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves ll re ve s t d m
may might must shall us via per within get got please also
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Courtesy words: a sentence made only of these makes no factual claim to ground.
_COURTESY_TEXT = """
thank thanks hello hi hey dear sorry apologise apologize apology inconvenience hope help
helps helpful glad happy welcome assist assistance question questions reach reaching
contact contacting feel free anything else day great good wonderful regards best kind
understand understanding patience certainly sure course absolutely ask asking let know
further information more today here message messages touch writing
"""
COURTESY = frozenset(_COURTESY_TEXT.split())


def split_sentences(text: str) -> list[str]:
    """Split a reply into sentences, keeping each trailing citation with its sentence."""
    protected = text
    for abbreviation in _ABBREVIATIONS:
        protected = re.sub(
            re.escape(abbreviation), abbreviation.replace(".", "\0"), protected, flags=re.I
        )
    pieces = [
        piece.replace("\0", ".").strip()
        for line in protected.splitlines()
        for piece in _SENTENCE_END.split(_LIST_MARK.sub("", line))
    ]
    sentences: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        # "... 30 days. [1] You can ..." -> the [1] belongs to the sentence before it
        leading = re.match(r"^(?:\[\d+(?:\s*,\s*\d+)*\]\s*)+", piece)
        if leading and sentences:
            sentences[-1] = f"{sentences[-1]} {leading.group().strip()}"
            piece = piece[leading.end() :].strip()
        if piece:
            sentences.append(piece)
    return sentences


def cited_numbers(text: str) -> tuple[int, ...]:
    """Citation numbers like ``[1]`` or ``[1, 3]`` in order of first appearance."""
    seen: dict[int, None] = {}
    for match in CITATION.finditer(text):
        for number in match.group(1).split(","):
            seen.setdefault(int(number), None)
    return tuple(seen)


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` in order (citations and placeholders dropped)."""
    text = PLACEHOLDER.sub(" ", CITATION.sub(" ", text)).lower()
    terms: list[str] = []
    for token in _TOKEN.findall(text):
        token = token.replace("’", "'")
        if token in _NEGATIONS or token.endswith("n't"):
            terms.append(NEGATION)
            continue
        if token.endswith("'s"):
            token = token[:-2]
        if token in STOPWORDS or (len(token) == 1 and not token.isdigit()):
            continue
        terms.append(stem(token))
    return terms


def is_number(term: str) -> bool:
    """True for numeric terms (days, prices, percentages) that must match exactly."""
    return term[:1].isdigit()


def is_courtesy(terms: list[str]) -> bool:
    """True when every content term is a courtesy word (nothing to ground)."""
    return all(term in _COURTESY_STEMS for term in terms)


def stem(word: str) -> str:
    """Strip common English inflections so 'returned', 'returns' and 'return' meet."""
    if is_number(word) or len(word) <= 3:
        return word.replace(",", "")
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            if suffix in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2]:
                word = word[:-1]  # shipped -> shipp -> ship
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]  # charge / charged / charges -> charg
    return word


_COURTESY_STEMS = frozenset(stem(w) for w in COURTESY)
