"""What search and answering return: passages, citations and answers (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass

from trustdesk.domain import Source


@dataclass(frozen=True)
class Passage:
    """A ranked chunk of an article."""

    chunk_id: str
    article_id: str
    title: str
    heading: str
    text: str
    url: str | None
    score: float


@dataclass(frozen=True)
class Verification:
    """Why this passage was chosen (or not): the verifier's probability and what matched."""

    probability: float  # calibrated: that this passage answers this question
    threshold: float  # below it we abstain
    article_id: str | None
    title: str | None
    heading: str | None
    matched_question: str | None  # the FAQ entry's question, when a FAQ entry was matched
    words: tuple[str, ...]  # the customer's own words that the passage also has
    asked: str | None  # "time" or "amount" when the question asks for one
    asked_found: bool  # the passage holds the asked kind of fact
    # the help centre's labelled questions (`ai.kb.asked`) were mostly about this article
    customers_asked: bool = False


@dataclass(frozen=True)
class Answer:
    """A grounded extractive answer, or an abstention with a reason a customer can read."""

    text: str
    citations: tuple[Source, ...]
    confidence: float
    abstained: bool
    reason: str | None
    kb_version: str
    verification: Verification | None = None
    basis: str | None = None  # why this passage, in words a customer can read
    calibrated: bool = True  # False: the KB's threshold was not fitted on its own questions


# Abstentions hand the conversation to a person, so none of them asks the customer to.
NO_QUESTION = "I could not find a question in your message, so a person will read it."
NOT_FOUND = "I could not find this in our help centre, so I would rather not guess."
NOT_COVERED = "Our help centre does not seem to cover this, so I would rather not guess."
NOT_SURE = (
    "I could not find a clear answer to this in our help centre, so I would rather not guess."
)
MISSING_FACT = (
    "The closest passage in our help centre ({title}) does not say {what}, "
    "so I would rather not guess."
)
ASKED_NAMES = {"time": "how long or when", "amount": "how much it costs"}


def basis_of(verification: Verification) -> str:
    """Why the passage was chosen, for the explanation."""
    words = ", ".join(repr(w) for w in verification.words[:6])
    if verification.matched_question:
        asked = verification.matched_question
        text = f"It was chosen because your question matches our question \"{asked}\""
        text += f" and shares the words {words}" if words else ""
    else:
        section = verification.heading or verification.title or "this article"
        text = f"It was chosen because the passage under \"{section}\""
        text += f" has your words {words}" if words else " matches your question"
    if verification.asked is not None and verification.asked_found:
        text += f" and says {ASKED_NAMES.get(verification.asked, 'what you asked')}"
    text += "."
    if verification.customers_asked:
        text += " Questions worded like yours were answered from this article before."
    return text
