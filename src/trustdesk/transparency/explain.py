"""Turns what each stage did into an Explanation a customer can read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trustdesk.domain import Contribution, Explanation, RuleHit, Source

HOW_TO_APPEAL = (
    "If you think this answer or decision is wrong, contest it, or say \"talk to a human\" at "
    "any time: a person from our team will look at it again and take over."
)
# After a handoff a person already has the conversation: do not send the customer to one.
HOW_TO_APPEAL_AFTER_HANDOFF = (
    "A person from our team now has this conversation; if you think the assistant's "
    "decision was wrong, tell them or contest it, and they will look at it again."
)


CATEGORY_NAMES = {
    "email": "e-mail address",
    "phone": "phone number",
    "card": "payment card number",
    "iban": "IBAN",
    "bank_account": "bank account number",
    "national_id": "national identity number",
    "ip_address": "IP address",
    "url": "web address",
    "date_of_birth": "date of birth",
    "address": "postal address",
    "postcode": "postcode",
    "person": "name",
    "order": "order number",
    "loyalty_account": "loyalty number",
}


def readable_intent(intent: str) -> str:
    return intent.replace("_", " ")


def sources_sentence(sources: Sequence[Source]) -> str:
    """The summary's sentence naming the passages an answer quotes."""
    cited = "; ".join(f"{s.title} ({s.heading})" if s.heading else s.title for s in sources)
    return f"The answer quotes our help centre: {cited}."
def percent(probability: float) -> str:
    """A probability as a whole percentage that never claims certainty (no 0 % or 100 %)."""
    return f"{min(max(round(probability * 100), 1), 99)}%"


# Words that say nothing about a topic on their own; question words ("where") do, so stay.
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "by", "from", "into",
        "about", "and", "or", "but", "so", "as", "if", "than", "then", "is", "are", "was",
        "were", "be", "been", "being", "am", "i", "me", "my", "mine", "you", "your",
        "yours", "it", "its", "we", "our", "us", "they", "them", "their", "he", "she",
        "his", "her", "this", "that", "these", "those", "do", "does", "did", "have", "has",
        "had", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "there", "here", "just", "very", "too", "also",
    }
)


def _readable_term(term: str) -> bool:
    """A term worth showing a customer: no placeholder token (__address__), and not made of
    function words only ("to the")."""
    words = term.split()
    return "__" not in term and bool(words) and not all(w in _FUNCTION_WORDS for w in words)


def explain(
    *,
    intent: str,
    confidence: float,
    contributions: Sequence[tuple[str, float]],
    sources: Sequence[Source],
    rules: Sequence[RuleHit],
    data_categories: Sequence[str],
    outcome: str,
    max_terms: int = 5,
    answer_confidence: float | None = None,
    answer_basis: str | None = None,
) -> Explanation:
    """Build the Explanation of one Decision: fields first, then the same in plain words.

    `answer_confidence` is the knowledge base's calibrated probability that the passage
    answers the question, `answer_basis` why that passage was chosen.
    """
    top = tuple(Contribution(term=t, weight=round(w, 6)) for t, w in contributions[:max_terms])
    drivers = [t for t, w in contributions if w > 0 and _readable_term(t)][:max_terms]
    parts = [
        f"We read your message as a question about {readable_intent(intent)} "
        f"({percent(confidence)} sure)"
        + (f", mostly because of the words {', '.join(repr(d) for d in drivers)}." if drivers
           else ".")
    ]
    if sources:
        parts.append(sources_sentence(sources))
    if answer_basis:
        parts.append(answer_basis)
    if answer_confidence is not None and (sources or answer_basis):
        parts.append(
            f"How sure we are that this passage answers your question: "
            f"{percent(answer_confidence)}."
        )
    for hit in rules:
        parts.append(hit.reason)
    parts.append(OUTCOME_SENTENCES.get(outcome, ""))
    if data_categories:
        found = ", ".join(CATEGORY_NAMES.get(c, c.replace("_", " ")) for c in data_categories)
        parts.append(
            f"It used the text of your message; the personal details in it ({found}) were "
            "replaced by placeholders before the assistant saw them."
        )
    else:
        parts.append("It used the text of your message; we found no personal details in it.")
    return Explanation(
        intent=intent,
        confidence=round(confidence, 6),
        top_terms=top,
        sources=tuple(sources),
        rules=tuple(rules),
        data_categories=tuple(data_categories),
        summary=" ".join(p for p in parts if p),
        how_to_appeal=HOW_TO_APPEAL_AFTER_HANDOFF if outcome == "handoff" else HOW_TO_APPEAL,
        answer_confidence=(round(answer_confidence, 6) if answer_confidence is not None
                           and sources else None),
    )


OUTCOME_SENTENCES = {
    "reply": "The assistant answered automatically.",
    "review": "A person checks the answer before it is sent.",
    "handoff": "A person from our team will take over.",
}


def without_sources(payload: dict[str, Any]) -> dict[str, Any]:
    """A stored explanation without the passages its answer quoted, for a customer who may
    not see that answer (a draft awaiting review, edited away or rejected)."""
    sources = [Source(s["article_id"], s["title"], s["heading"], s.get("url"), s["quote"])
               for s in payload.get("sources", [])]
    if not sources:
        return payload
    summary = str(payload.get("summary", ""))
    # The sentences about the answer (its sources, why that passage, how sure) run from the
    # sources sentence to the first rule's reason or the outcome: all of them name the draft.
    start = summary.find(" " + sources_sentence(sources))
    if start >= 0:
        rest = summary[start + 1:]
        marks = [str(r.get("reason")) for r in payload.get("rules", []) if r.get("reason")]
        ends = [i for m in (*marks, *OUTCOME_SENTENCES.values()) if (i := rest.find(" " + m)) > 0]
        summary = summary[:start] + (rest[min(ends):] if ends else "")
    return {**payload, "sources": [], "summary": summary}


def explanation_payload(e: Explanation) -> dict[str, Any]:
    """The structured fields as JSON-ready data (stored, sealed and served)."""
    return {
        "intent": e.intent,
        "confidence": e.confidence,
        "top_terms": [{"term": c.term, "weight": c.weight} for c in e.top_terms],
        "sources": [
            {
                "article_id": s.article_id,
                "title": s.title,
                "heading": s.heading,
                "url": s.url,
                "quote": s.quote,
            }
            for s in e.sources
        ],
        "rules": [{"rule_id": r.rule_id, "action": r.action, "reason": r.reason,
                   "reason_code": r.reason_code} for r in e.rules],
        "data_categories": list(e.data_categories),
        "summary": e.summary,
        "how_to_appeal": e.how_to_appeal,
        "answer_confidence": e.answer_confidence,
    }
