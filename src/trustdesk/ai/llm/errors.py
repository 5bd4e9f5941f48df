"""Typed errors raised by the LLM backend and the generative responder."""

from __future__ import annotations


class LlmError(Exception):
    """Base class: the generative backend could not produce a usable answer."""


class LlmConfigError(LlmError, ValueError):
    """The LLM settings are invalid (bad URL, negative timeout, ...)."""


class LlmUnavailable(LlmError):
    """The backend could not be reached or kept failing; the caller should fall back."""


class LlmTimeout(LlmUnavailable):
    """The backend did not answer within the configured timeout."""


class LlmRejected(LlmError):
    """The backend refused the request (401, 403, 404, 400): a configuration problem."""

    def __init__(self, message: str, *, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class LlmProtocolError(LlmError):
    """The backend answered, but not in the OpenAI chat-completions format."""


class UnredactedInputError(LlmError, ValueError):
    """Text bound for the model still contains personal data; redact it first."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        listed = ", ".join(kinds)
        super().__init__(
            f"refusing to send text to the model: it still contains {listed}. "
            "Run it through the privacy guard (redaction) before calling the responder."
        )
        self.kinds = kinds
