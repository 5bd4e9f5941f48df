"""What a request asks for: information the help centre gives, or something done for the writer.

"How long does a refund take?" asks to be told; "refund me", "can you refund it to another
card?" and "I've been charged twice." ask a person to look or to act. A policy rule about
money or personal data (`asks: action` in the policy file) needs a person for the second kind
only: the first is answered from the help centre like any other question, when its verifier
accepts a passage.

A request asks only for information when nothing in it asks someone to act ("can you",
"please", "I want", "I need", "!") and a sentence of it is a question that asks to be told:
it opens with "how", "what", "when", "do you", "can I", "is there", ..., or such a clause
follows a comma ("I paid with a gift card, how will I be refunded?") or stands inside it
unpunctuated ("im 21 do you charge fees"), or it is a question of three words or more ("refund
take how long?"). Sentences beside it that give context ("I paid by PayPal.") ask for nothing
more. Anything else - a statement of a problem alone, a demand, a bare "refund??" - is read as
asking for action, so that a rule written for it keeps a person in the loop. Wording a
learner or a dialect uses to ask to be told ("I want to know", "kindly tell me", "pls let me
know") asks for information too, so that it is not held back where standard English is not.
"""

from __future__ import annotations

import enum
import re


class Ask(enum.Enum):
    INFORMATION = "information"
    ACTION = "action"


# Sentence ends: ? ! . and line breaks ("refund??" stays one sentence).
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")
# Openers of a question that asks to be told (matched at the start of a sentence or clause).
_ASKS_TO_BE_TOLD = re.compile(
    r"(?:how|what|what's|whats|when|where|where's|which|who|whom|whose|why|"
    r"is|isn't|are|aren't|was|were|does|doesn't|do|don't|did|will|won't|would (?:i|it|that|"
    r"there|my|the)|can (?:i|we|my|it|the|a|an|this|that|these|those|someone else|anyone else)|"
    r"could (?:i|we|my|it|the)|may i|should i|should we|am i|have you|has|have i|if|any|"
    r"is there|are there|how's|hows|wat|wen|wht|hw)\b",
    re.IGNORECASE,
)
# A question inside a sentence with no punctuation before it ("im 21 do you charge fees",
# "paid thru paypal where does refund go"): a wh-word or an auxiliary with its subject.
_INNER_QUESTION = re.compile(
    r"\b(?:how|what|when|where|which|why (?:is|do|does|did|was|are|would|has|have)|"
    r"do you|do i|does (?:it|the|my|this|that)|did you|can i|could i|will i|will it|will my|"
    r"will the|is it|is there|is my|is the|are you|are there|am i|should i|have you)\b"
    r"(?=\W+\w+\W+\w)",
    re.IGNORECASE,
)
# Ways to ask to be told that read like a demand word for word ("my wife wants to know").
_TELL_ME = re.compile(
    r"(?:\b(?:just )?(?:want|wants|wanted|wanna|would like|'d like|d like|need|needs|like) "
    r"(?:to )?(?:know|ask|check|understand|find out)|"
    r"(?:(?:please|pls|plz|kindly) )?(?:please|pls|plz|kindly|can you|could you|would you)"
    r" (?:please )?(?:tell|let) (?:me|us) (?:know )?|"
    r"(?:please|pls|plz|kindly) (?:advise|explain|inform me)|i (?:was )?wonder(?:ing)?|"
    r"wondering|do you know|any idea)\b",
    re.IGNORECASE,
)
# What asks someone to act, anywhere in the request.
_ASKS_TO_ACT = re.compile(
    r"(?:\b(?:can|could|would|will) (?:you|u|someone|somebody|anyone|a person|your team)\b|"
    r"\b(?:please|pls|plz|kindly)\b|\b(?:i|we) (?:want|wanted|wanna|need|demand|expect|"
    r"would like|'d like|d like)\b|\b(?:i|we)'d like\b|!)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?:,|;|\bso\b|\band\b|\bbut\b|-|–)\s*", re.IGNORECASE)


def _asks_to_be_told(sentence: str) -> bool:
    text = sentence.strip().lstrip("\"'“‘(").strip()
    if not text:
        return True
    if _TELL_ME.search(text) or _ASKS_TO_BE_TOLD.match(text):
        return True
    if text.endswith("?") and len(text.split()) >= 3:
        return True  # "refund take how long?", "Can checkout as guest?": a learner's question
    # "I paid partly with a gift card, how will I be refunded?": the question is a clause
    if any(_ASKS_TO_BE_TOLD.match(text, m.end()) for m in _CLAUSE.finditer(text)):
        return True
    return _INNER_QUESTION.search(text) is not None


def read_ask(request: str) -> Ask:
    """Whether the request (a message without its courtesy, `trustdesk.ai.focus`) only asks
    to be told something, or asks for something to be done (see the module's docstring)."""
    told = _TELL_ME.sub(" ", request)
    if _ASKS_TO_ACT.search(told):
        return Ask.ACTION
    sentences = [s for s in _SENTENCES.findall(request) if s.strip(" .!?\t")]
    if any(_asks_to_be_told(s) for s in sentences):
        return Ask.INFORMATION
    return Ask.ACTION
