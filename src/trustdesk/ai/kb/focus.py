"""The part of a message that asks something: greetings, sign-offs and self-descriptions apart.

A customer who writes "I'm 78 and not good with computers. How long does shipping take?"
asks the same question as one who does not say their age, and should get the same answer.
Retrieval and the answer verifier read every word, so an added sentence dilutes the idf
shares the verifier scores and can pull in passages that share its words ("student"). This
module cuts a message into clauses and sets apart the clauses that carry no request:

- courtesy: greetings, salutations and sign-offs ("Hi, this is <PERSON_1>.", "Dear Sir or
  Madam,", "Kind regards", "thx", "Kindly do the needful.");
- self-descriptions: who the writer is or whom they write for ("I'm a student.", "I am 78
  years old and not very good with computers", "As a pensioner,", "I'm asking for my wife"),
  when the clause has no word that asks or requests (a question mark, "can", "need", ...).

The patterns are about English discourse, not about any help centre or product. What is set
apart is returned beside the request so that the caller can still use it where the customer
tied it to the question in one sentence ("I'm at university, do I get money off?"); see
`KnowledgeBase.answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Opening or closing courtesy that is a whole clause; matched on the folded clause text
# (lower case, trailing punctuation and spaces removed).
_NAME = r"(?:<[a-z_]+_\d+>|[a-z]+)"  # a placeholder the guard put in, or one word
_COURTESY = re.compile(
    r"(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings)(?: there| team| all)?"
    rf"(?: (?:this is|it's|its|i'm|im|my name is) {_NAME})?"
    rf"|dear {_NAME}(?: (?:or )?{_NAME})?"
    r"|(?:this is|it's|its|i'm|im|i am) <[a-z_]+_\d+>"
    rf"|my name is {_NAME}(?: {_NAME})?"
    r"|(?:many |kind |best |warm )?(?:thanks|thank you|thx|ty|cheers|regards|wishes)"
    rf"(?: (?:a lot|so much|very much|in advance))?(?:,? {_NAME})?"
    r"|yours (?:faithfully|sincerely|truly)|sincerely|best|kindly note|please note"
    r"|kindly do the needful|(?:please )?revert(?: back)?(?: asap| soon)?|please revert back"
    r"|<[a-z_]+_\d+>)"
)
# A clause about the writer: who they are, their age or situation, whom they write for. After
# "I'm", a participle or a word of trouble ("I'm charged twice", "I'm unable to", "I'm still
# waiting") starts a report of the problem, not a description of the writer.
_DESCRIPTION = re.compile(
    r"(?:i'm|im|i am|i m) (?:"
    r"(?:asking|writing|messaging|contacting you|emailing) (?:for|on behalf of)\b"
    r"|not (?:very |that |so |really )?(?:good|great|comfortable|confident|familiar|used)\b"
    r"|(?!(?:not|unable|stuck|locked|still|waiting|having|missing|being|getting|going|about|"
    r"sure|trying|charged|told)\b|\w+(?:ing|ed)\b)\w+"
    r")"
    r"|as an? \w+(?: \w+)?$|being an? \w+(?: \w+)?$"
    r"|(?:this is|it's|its) my first \w+"
    r"|i(?:'ve| have) been (?:a|your) (?:loyal )?(?:customer|member)"
)
# Words that ask or request something: a clause holding one is never set apart.
_ASKS = re.compile(
    r"\?|\b(?:how|what|when|where|why|which|who|can|could|would|will|should|may|do|does|did|"
    r"is there|are there|need|needs|want|wants|wanting|like to|please|help|tell me|"
    r"cancel|refund|return|change|fix|send|get)\b"
)
# Where a sentence ends (in chat, often before a lower-case word) and where a clause ends
# inside one: a comma, or "and" before a new subject.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE_BREAK = re.compile(
    r"(?<=,)\s+|\s+and\s+(?=(?:i|i'm|im|my|this|it|it's|we|you|your|the|there|can|could|how|what|"
    r"when|where|why|do|does|is|please)\b)",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"[\s.,;:!]+$")


@dataclass(frozen=True)
class Focus:
    """A message split into what it asks and what it only says about its writer."""

    request: str  # the message without courtesy and self-descriptions (the message if none)
    context: tuple[str, ...]  # the self-descriptions set apart, in order
    inline: bool  # a self-description shares a sentence with the request
    courtesy: bool = False  # greetings or sign-offs were left out

    @property
    def changed(self) -> bool:
        return bool(self.context) or self.courtesy


def _fold(clause: str) -> str:
    return _TRAILER.sub("", clause.strip().lower().replace("\u2019", "'"))


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    return [p for p in (p.strip() for p in pattern.split(text)) if p]


def is_courtesy(clause: str) -> bool:
    """A greeting, salutation or sign-off that asks nothing."""
    return _COURTESY.fullmatch(_fold(clause).rstrip("?")) is not None


def is_self_description(clause: str) -> bool:
    """A clause about the writer (who, how old, for whom) with no word that asks."""
    folded = _fold(clause)
    return _DESCRIPTION.match(folded) is not None and _ASKS.search(folded) is None


@lru_cache(maxsize=256)
def focus(message: str) -> Focus:
    """The request of `message` and the self-descriptions set apart (pure, cached)."""
    kept_sentences: list[str] = []
    context: list[str] = []
    inline = False
    dropped = False
    for sentence in _split(_SENTENCE_BREAK, message):
        clauses = _split(_CLAUSE_BREAK, sentence)
        kept: list[str] = []
        described: list[str] = []
        for clause in clauses:
            if is_courtesy(clause):
                dropped = True
            elif is_self_description(clause):
                described.append(clause)
            else:
                kept.append(clause)
        if described and kept:
            inline = True
        if kept:
            kept_sentences.append(" ".join(kept))
        context.extend(described)
    if not kept_sentences:  # nothing but courtesy and descriptions: read it all
        return Focus(message, (), False)
    if not context and not dropped:
        return Focus(message, (), False)
    request = " ".join(kept_sentences)
    return Focus(request, tuple(_TRAILER.sub("", c) for c in context), inline, dropped)
