"""Generative replies behind the privacy boundary: redacted text in, grounded text out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trustdesk.ai.llm.client import ChatBackend
from trustdesk.ai.llm.errors import LlmError, LlmTimeout, LlmUnavailable, UnredactedInputError
from trustdesk.ai.llm.grounding import (
    DEFAULT_MIN_SUPPORT,
    FALLBACK,
    HANDOFF,
    SEND,
    GroundingVerdict,
    check_grounding,
    cited_article_ids,
)
from trustdesk.ai.llm.prompt import build_messages, is_no_answer
from trustdesk.ai.llm.screening import find_personal_data
from trustdesk.ai.llm.sources import SourcePassage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GeneratedReply:
    """What the responder decided to say, and why.

    ``verdict.action`` is ``send`` (``text`` is the model's grounded answer),
    ``fallback_extractive`` (``text`` is the caller's fallback) or ``handoff``
    (``text`` is empty; route the conversation to a human).
    """

    text: str
    cited: tuple[str, ...]
    verdict: GroundingVerdict
    model: str
    latency_ms: float
    fallback_used: bool

    @property
    def action(self) -> str:
        return self.verdict.action


class GenerativeResponder:
    """Asks an LLM for an answer grounded in knowledge-base passages, then checks it.

    The responder only ever sees redacted text: a question that still holds an
    e-mail address, phone number or card-like number is refused before any
    request leaves the process.
    """

    def __init__(
        self,
        client: ChatBackend,
        *,
        min_support: float = DEFAULT_MIN_SUPPORT,
        shop_name: str = "our shop",
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if not 0.0 < min_support <= 1.0:
            raise ValueError(f"min_support must be in (0, 1], got {min_support}")
        self._client = client
        self._min_support = min_support
        self._shop_name = shop_name
        self._clock = clock

    def respond(
        self, question: str, passages: Sequence[SourcePassage], *, fallback: str | None
    ) -> GeneratedReply:
        """Answer the redacted ``question`` from ``passages``, or fall back / hand off."""
        leaked = find_personal_data(question)
        if leaked:
            raise UnredactedInputError(tuple(dict.fromkeys(hit.kind for hit in leaked)))
        if not passages:
            return self._downgrade(fallback, "no_passages", 0.0)

        messages = build_messages(question, passages, shop_name=self._shop_name)
        started = self._clock()
        try:
            answer = self._client.complete(messages)
        except LlmError as exc:
            latency = (self._clock() - started) * 1000
            logger.warning("generative reply unavailable, using %s: %s",
                           "fallback" if fallback is not None else "handoff", exc)
            return self._downgrade(fallback, _failure_reason(exc), latency)
        latency = (self._clock() - started) * 1000

        if is_no_answer(answer):
            verdict = GroundingVerdict(HANDOFF, (), (), (), "model_declined", self._min_support)
            return self._reply("", (), verdict, latency, fallback_used=False)
        verdict = check_grounding(
            answer,
            passages,
            input_text=question,
            min_support=self._min_support,
            fallback_available=fallback is not None,
        )
        if verdict.action == SEND:
            return self._reply(
                answer.strip(), cited_article_ids(answer, passages), verdict, latency, False
            )
        logger.info("generated reply downgraded to %s (%s)", verdict.action, verdict.reason)
        if verdict.action == FALLBACK and fallback is not None:
            return self._reply(fallback, (), verdict, latency, fallback_used=True)
        return self._reply("", (), verdict, latency, fallback_used=False)

    def _downgrade(self, fallback: str | None, reason: str, latency: float) -> GeneratedReply:
        action = FALLBACK if fallback is not None else HANDOFF
        verdict = GroundingVerdict(action, (), (), (), reason, self._min_support)
        return self._reply(fallback or "", (), verdict, latency, fallback is not None)

    def _reply(
        self,
        text: str,
        cited: tuple[str, ...],
        verdict: GroundingVerdict,
        latency: float,
        fallback_used: bool,
    ) -> GeneratedReply:
        return GeneratedReply(
            text, cited, verdict, self._client.model, round(latency, 3), fallback_used
        )


def _failure_reason(exc: LlmError) -> str:
    if isinstance(exc, LlmTimeout):
        return "llm_timeout"
    if isinstance(exc, LlmUnavailable):
        return "llm_unavailable"
    return "llm_error"
