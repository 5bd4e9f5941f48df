"""Connection settings for an OpenAI-compatible chat-completions endpoint."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from pydantic import SecretStr

from trustdesk.ai.llm.errors import LlmConfigError


@dataclass(frozen=True)
class LlmConfig:
    """Where the model lives and how patiently to talk to it.

    ``base_url`` follows the OpenAI SDK convention and includes the API prefix,
    e.g. ``http://localhost:11434/v1`` for Ollama or ``http://vllm:8000/v1``.
    ``timeout_s`` bounds each attempt; ``max_retries`` counts retries after the
    first attempt. The API key is excluded from ``repr`` so it cannot leak into logs.
    """

    base_url: str
    model: str
    api_key: str | SecretStr | None = field(default=None, repr=False)
    timeout_s: float = 10.0
    max_retries: int = 2
    temperature: float = 0.0
    max_tokens: int | None = 512
    backoff_base_s: float = 0.5
    max_backoff_s: float = 8.0

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        try:
            parts.port  # noqa: B018 - raises ValueError on a malformed port
        except ValueError:
            raise LlmConfigError(
                f"LLM base URL {self.safe_base_url!r} has an invalid port; use e.g. host:8000"
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LlmConfigError(
                f"LLM base URL {self.safe_base_url!r} is not an http(s) URL; "
                "use e.g. http://localhost:11434/v1"
            )
        if not self.model.strip():
            raise LlmConfigError("LLM model name is empty; set it, e.g. 'llama3.1:8b'")
        if self.timeout_s <= 0:
            raise LlmConfigError(f"LLM timeout must be positive, got {self.timeout_s}")
        if self.max_retries < 0:
            raise LlmConfigError(f"LLM max_retries must be 0 or more, got {self.max_retries}")
        if not 0.0 <= self.temperature <= 2.0:
            raise LlmConfigError(f"LLM temperature must be in [0, 2], got {self.temperature}")
        if self.max_tokens is not None and self.max_tokens < 1:
            raise LlmConfigError(f"LLM max_tokens must be at least 1, got {self.max_tokens}")
        if self.backoff_base_s < 0 or self.max_backoff_s < self.backoff_base_s:
            raise LlmConfigError("LLM backoff must satisfy 0 <= backoff_base_s <= max_backoff_s")

    @property
    def chat_url(self) -> str:
        """Absolute URL of the chat-completions endpoint."""
        return self.base_url.rstrip("/") + "/chat/completions"

    @property
    def safe_base_url(self) -> str:
        """The base URL without any user:password part, fit for logs and errors."""
        parts = urlsplit(self.base_url)
        netloc = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))

    def secret(self) -> str | None:
        """The API key in clear, for the Authorization header only."""
        if isinstance(self.api_key, SecretStr):
            return self.api_key.get_secret_value() or None
        return self.api_key or None
