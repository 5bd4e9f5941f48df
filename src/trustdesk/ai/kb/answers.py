"""What search and answering return: passages, citations and answers (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass


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
class Citation:
    """The article an answer quotes, and the verbatim quote."""

    article_id: str
    title: str
    heading: str
    url: str | None
    quote: str


@dataclass(frozen=True)
class Answer:
    """A grounded extractive answer, or an abstention with a reason a customer can read."""

    text: str
    citations: tuple[Citation, ...]
    confidence: float
    abstained: bool
    reason: str | None
    kb_version: str


NO_QUESTION = (
    "I could not find a question in your message. Could you tell me what you need help with? "
    "You can also ask to talk to a person at any time."
)
NOT_FOUND = (
    "I could not find this in our help centre, so I would rather not guess. "
    "A member of our team can help: ask to talk to a person."
)
NOT_SURE = (
    "I could not find a clear answer to this in our help centre, so I would rather not guess. "
    "A member of our team can help: ask to talk to a person."
)
