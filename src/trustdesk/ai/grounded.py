"""The respond stage: an extractive answer from the knowledge base, optionally rewritten by an
LLM that sees only redacted text and retrieved passages, and only sent if it stays grounded."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from trustdesk.ai.kb import Answer, KnowledgeBase
from trustdesk.ai.kb.intents import IntentGuess
from trustdesk.ai.llm import GenerativeResponder, LlmError, SourcePassage
from trustdesk.ai.llm.grounding import HANDOFF, SEND
from trustdesk.domain import Source

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GroundedResponder:
    """Extractive first; with a generator configured, a checked generated reply on top."""

    kb: KnowledgeBase
    generator: GenerativeResponder | None = None
    passages: int = 3

    @property
    def version(self) -> str:
        return self.kb.version

    def answer(self, query: str, *, intent: IntentGuess | None = None) -> Answer:
        extractive = self.kb.answer(query, intent=intent)
        if extractive.abstained or self.generator is None:
            return extractive
        found = self.kb.search(query, k=self.passages)
        sources = [
            SourcePassage(
                article_id=p.article_id, title=p.title, heading=p.heading, text=p.text, url=p.url
            )
            for p in found
        ]
        try:
            reply = self.generator.respond(query, sources, fallback=extractive.text)
        except LlmError as exc:  # e.g. unredacted input refused: never send it anywhere
            log.warning("generative backend refused or failed (%s); using the extractive answer",
                        type(exc).__name__)
            return extractive
        if reply.action == HANDOFF:
            return Answer(
                text="",
                citations=(),
                confidence=extractive.confidence,
                abstained=True,
                reason="The generated answer could not be checked against our help centre.",
                kb_version=extractive.kb_version,
            )
        if reply.action != SEND or reply.fallback_used:
            return extractive
        by_id = {p.article_id: p for p in found}
        citations = tuple(
            Source(
                article_id=a,
                title=by_id[a].title,
                heading=by_id[a].heading,
                url=by_id[a].url,
                quote=by_id[a].text,
            )
            for a in reply.cited
            if a in by_id
        ) or extractive.citations
        return Answer(
            text=reply.text,
            citations=citations,
            confidence=extractive.confidence,
            abstained=False,
            reason=None,
            kb_version=extractive.kb_version,
            verification=extractive.verification,
            basis=extractive.basis,
            calibrated=extractive.calibrated,
        )
