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
    r"|<[a-z_]+_\d+>"
    # asides that frame a question or a remark and carry nothing of either
    r"|(?:just )?(?:so you know|fyi|fwiw|btw|by the way|for what it's worth|for the record)"
    r"|(?:not that it matters|if it matters|if that matters|if it helps|if that helps)"
    r"(?: at all)?(?:,? but)?"
    r"|(?:in case it(?:'s| is) (?:relevant|useful|important|helpful)|in case it matters)"
    r"|(?:a )?quick question|(?:one )?(?:more )?question|(?:so )?i (?:was|am|'m) wondering"
    r"|(?:so )?i (?:just )?wanted to ask|i have a question)"
)
# Participles that say where a writer is in life or work ("I'm retired now"), unlike the ones
# that report a problem ("I'm charged twice"). Kept short and neutral on purpose: states that
# may mark a customer who needs care (bereaved, disabled, unemployed) are not set apart.
_STATUS = (r"(?:retired|semi-retired|married|engaged|self-employed|employed|based|located|"
           r"qualified|trained|registered with you|subscribed)\b")
# A short noun phrase has no finite verb; a clause that reports something usually has one.
_NO_FINITE_VERB = (r"(?!.*\b(?:is|are|was|were|isn't|wasn't|aren't|weren't|has|have|had|hasn't|"
                   r"haven't|did|didn't|does|doesn't|don't|won't|can't|never|not|no|it|they|"
                   r"arrived|came|come|got|went|broke|lost|sent|charged)\b)")
# A clause about the writer: who they are, their age or situation, whom they write for. After
# "I'm", a participle or a word of trouble ("I'm charged twice", "I'm unable to", "I'm still
# waiting") starts a report of the problem, not a description of the writer.
_DESCRIPTION = re.compile(
    r"(?:i'm|im|i am|i m) (?:"
    r"(?:asking|writing|messaging|contacting you|emailing) (?:for|on behalf of)\b"
    r"|not (?:very |that |so |really )?(?:good|great|comfortable|confident|familiar|used)\b"
    # a participle of life or work status describes the writer, not a problem
    rf"|{_STATUS}"
    r"|(?!(?:not|unable|stuck|locked|still|waiting|having|missing|being|getting|going|about|"
    r"sure|trying|charged|told)\b|\w+(?:ing|ed)\b)\w+"
    r")"
    # "as a pensioner", "writing as a 40-year-old", "speaking as someone who works nights";
    # never "as a parcel was lost" (a reason, with its finite verb)
    r"|(?:(?:i'm |im |i am )?(?:asking|writing|speaking|messaging|emailing|contacting you) )?"
    rf"as (?:an?|someone|somebody) {_NO_FINITE_VERB}(?:[\w-]+ ?){{1,5}}$"
    r"|being an? \w+(?: \w+)?$"
    r"|(?:this is|it's|its) my first \w+"
    r"|(?:this is|it's|its|it is) for my \w+$"
    r"|i(?:'ve| have) been (?:a|an|your) (?:loyal )?[\w-]+(?: [\w-]+)?(?: for \w+ \w+)?$"
    r"|i (?:work|worked) as "
    r"|i (?:work|worked) (?:in|at|for) (?:an?|the) [\w-]+(?: [\w-]+)?$"
    r"|i(?:'ve| have) (?:retired|been retired)"
    # "long-time customer here", "retired teacher here": a noun phrase and "here"
    r"|(?!(?:my|the|it|its|it's|this|your|our|that|there|nobody|no one|someone|i|i'm|im|we|"
    r"we're|you|you're|he|she|they)\b)"
    rf"{_NO_FINITE_VERB}(?:[\w-]+ ){{0,3}}[\w-]+ here$"
)
# Words that join a remark to what came before ("..., but I'm a nurse"); read past them.
_LEAD = re.compile(r"^(?:(?:but|and|so|also|oh|well|anyway|plus|though|ps|p\.s\.)[ ,]+)+")
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
    r"(?<=[,:])\s+|\s+[-\u2013\u2014]+\s+"
    r"|\s+and\s+(?=(?:i|i'm|im|my|this|it|it's|we|you|your|the|there|can|could|how|what|"
    r"when|where|why|do|does|is|please)\b)",
    re.IGNORECASE,
)
# An aside in brackets ("(I'm 68)") is a clause of its own.
_BRACKETED = re.compile(r"\(([^()]*)\)")
_GAP = re.compile(r"\s+(?=[.,;:!?])|(?<=\s)\s+")
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


def _close_gap(text: str) -> str:
    """The spaces left where an aside was taken out."""
    return _GAP.sub("", text).strip()


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    return [p for p in (p.strip() for p in pattern.split(text)) if p]


def is_courtesy(clause: str) -> bool:
    """A greeting, salutation or sign-off that asks nothing."""
    return _COURTESY.fullmatch(_fold(clause).rstrip("?")) is not None


def is_self_description(clause: str) -> bool:
    """A clause about the writer (who, how old, for whom) with no word that asks."""
    folded = _LEAD.sub("", _fold(clause))
    return _DESCRIPTION.match(folded) is not None and _ASKS.search(folded) is None


@lru_cache(maxsize=256)
def focus(message: str) -> Focus:
    """The request of `message` and the self-descriptions set apart (pure, cached)."""
    kept_sentences: list[str] = []
    context: list[str] = []
    inline = False
    dropped = False
    for sentence in _split(_SENTENCE_BREAK, message):
        described: list[str] = []
        for aside in _BRACKETED.findall(sentence):
            if is_self_description(aside):
                described.append(aside)
            elif is_courtesy(aside):
                dropped = True
            else:
                continue
            sentence = _close_gap(sentence.replace(f"({aside})", " ", 1))
        clauses = _split(_CLAUSE_BREAK, sentence)
        kept: list[str] = []
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
