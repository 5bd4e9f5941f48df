"""Generative replies from an OpenAI-compatible LLM, behind the privacy boundary.

The model only ever sees redacted text, answers only from numbered knowledge-base
passages, and its reply is checked for grounding and invented personal data
before it may be sent.
"""

from trustdesk.ai.llm.client import ChatBackend, ChatCompletionsClient
from trustdesk.ai.llm.config import LlmConfig
from trustdesk.ai.llm.errors import (
    LlmConfigError,
    LlmError,
    LlmProtocolError,
    LlmRejected,
    LlmTimeout,
    LlmUnavailable,
    UnredactedInputError,
)
from trustdesk.ai.llm.grounding import (
    DEFAULT_MIN_SUPPORT,
    FALLBACK,
    HANDOFF,
    SEND,
    GroundingVerdict,
    SentenceSupport,
    check_grounding,
    cited_article_ids,
)
from trustdesk.ai.llm.prompt import build_messages
from trustdesk.ai.llm.responder import GeneratedReply, GenerativeResponder
from trustdesk.ai.llm.sources import SourcePassage

__all__ = [
    "DEFAULT_MIN_SUPPORT",
    "FALLBACK",
    "HANDOFF",
    "SEND",
    "ChatBackend",
    "ChatCompletionsClient",
    "GeneratedReply",
    "GenerativeResponder",
    "GroundingVerdict",
    "LlmConfig",
    "LlmConfigError",
    "LlmError",
    "LlmProtocolError",
    "LlmRejected",
    "LlmTimeout",
    "LlmUnavailable",
    "SentenceSupport",
    "SourcePassage",
    "UnredactedInputError",
    "build_messages",
    "check_grounding",
    "cited_article_ids",
]
