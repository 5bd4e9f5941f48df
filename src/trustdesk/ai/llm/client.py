"""HTTP client for OpenAI-compatible chat completions, with timeout and bounded retry."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, NoReturn, Protocol

import httpx
import orjson

import trustdesk
from trustdesk.ai.llm.config import LlmConfig
from trustdesk.ai.llm.errors import (
    LlmProtocolError,
    LlmRejected,
    LlmTimeout,
    LlmUnavailable,
)
from trustdesk.ai.llm.sse import DONE, decode_chunk, iter_event_data

logger = logging.getLogger(__name__)

ChatMessage = dict[str, str]


class ChatBackend(Protocol):
    """What the responder needs from a model: a name and a blocking completion."""

    @property
    def model(self) -> str: ...

    def complete(self, messages: Sequence[ChatMessage]) -> str: ...


class _Retryable(Exception):
    """A failure worth another attempt (connection error, 429, 5xx)."""

    def __init__(self, reason: str, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


class ChatCompletionsClient:
    """Talks to one model behind an OpenAI-compatible ``/chat/completions`` endpoint.

    Connection errors, 429 and 5xx answers are retried up to ``config.max_retries``
    times with jittered exponential backoff (or the server's ``Retry-After``).
    A read timeout is not retried: a customer is waiting, and a model that was too
    slow once will usually be too slow again, so the caller's fallback is better.
    When it gives up it raises :class:`LlmUnavailable` (or :class:`LlmTimeout`).
    """

    def __init__(
        self,
        config: LlmConfig,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._config = config
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=httpx.Timeout(config.timeout_s))
        self._sleep = sleep
        self._jitter = jitter

    @property
    def config(self) -> LlmConfig:
        return self._config

    @property
    def model(self) -> str:
        return self._config.model

    def close(self) -> None:
        """Close the connection pool if this client created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ChatCompletionsClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def complete(self, messages: Sequence[ChatMessage]) -> str:
        """Return the assistant's full reply to ``messages``."""
        payload = self._payload(messages, stream=False)
        attempt = 0
        while True:
            try:
                return self._complete_once(payload)
            except _Retryable as failure:
                self._wait_or_give_up(attempt, failure)
                attempt += 1

    def stream(self, messages: Sequence[ChatMessage]) -> Iterator[str]:
        """Yield the reply piece by piece as the server streams it (SSE).

        Failures before the first piece are retried like :meth:`complete`; after
        text has been yielded they raise, because it cannot be taken back.
        ``timeout_s`` bounds the wait for each piece, not the whole stream.
        """
        payload = self._payload(messages, stream=True)
        attempt = 0
        while True:
            yielded = False
            try:
                for piece in self._stream_once(payload):
                    yielded = True
                    yield piece
                return
            except _Retryable as failure:
                if yielded:
                    raise LlmUnavailable(
                        f"stream from {self._where} broke off: {failure.reason}"
                    ) from None
                self._wait_or_give_up(attempt, failure)
                attempt += 1

    # -- one attempt -------------------------------------------------------------

    def _complete_once(self, payload: bytes) -> str:
        deadline = time.monotonic() + self._config.timeout_s
        body = bytearray()
        with _transport_errors(self._timeout_message()), self._http.stream(
            "POST", self._config.chat_url, content=payload, headers=self._headers(False)
        ) as response:
            self._check_status(response)
            for chunk in response.iter_bytes():
                body += chunk
                # per-read timeouts alone would let a server that dribbles bytes run forever
                if time.monotonic() > deadline:
                    raise LlmTimeout(self._timeout_message())
        return _parse_completion(bytes(body))

    def _stream_once(self, payload: bytes) -> Iterator[str]:
        finished = False
        with _transport_errors(self._timeout_message()), self._http.stream(
            "POST", self._config.chat_url, content=payload, headers=self._headers(True)
        ) as response:
            self._check_status(response)
            for data in iter_event_data(response.iter_lines()):
                if data.strip() == DONE:
                    return
                delta = decode_chunk(data)
                finished = finished or delta.finished
                if delta.content:
                    yield delta.content
        if not finished:
            raise _Retryable("stream ended before [DONE]")

    def _check_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        response.read()
        detail = self._scrub(_error_detail(response))
        if status == 429 or status >= 500:
            raise _Retryable(
                f"HTTP {status} {detail}".strip(), _retry_after(response.headers.get("retry-after"))
            )
        if status in (401, 403):
            hint = "check the API key configured for the LLM backend"
        elif status == 404:
            hint = f"check the base URL (it should end in /v1) and that model {self.model!r} exists"
        else:
            hint = "check the LLM backend settings"
        raise LlmRejected(
            f"LLM backend at {self._where} refused the request (HTTP {status} {detail}); {hint}",
            status_code=status,
        )

    # -- retry policy ------------------------------------------------------------

    def _wait_or_give_up(self, attempt: int, failure: _Retryable) -> None:
        total = self._config.max_retries + 1
        if attempt >= self._config.max_retries:
            self._give_up(f"gave up after {total} attempt(s); last error: {failure.reason}")
        if failure.retry_after_s is not None:
            if failure.retry_after_s > self._config.max_backoff_s:
                self._give_up(
                    f"server asked to retry after {failure.retry_after_s:.0f}s, longer than "
                    f"max_backoff_s={self._config.max_backoff_s:g}; last error: {failure.reason}"
                )
            delay = failure.retry_after_s
        else:
            ceiling = min(self._config.max_backoff_s, self._config.backoff_base_s * 2**attempt)
            # "equal jitter": spreads retries of stateless workers without collapsing to zero
            delay = ceiling / 2 + self._jitter() * ceiling / 2
        logger.warning(
            "LLM %s at %s failed (%s); retry %d of %d in %.2fs",
            self.model,
            self._where,
            failure.reason,
            attempt + 1,
            self._config.max_retries,
            delay,
        )
        self._sleep(delay)

    def _give_up(self, why: str) -> NoReturn:
        message = f"LLM {self.model} at {self._where} is unavailable: {why}"
        logger.error("%s", message)
        raise LlmUnavailable(message)

    # -- helpers -----------------------------------------------------------------

    @property
    def _where(self) -> str:
        return self._config.safe_base_url

    def _timeout_message(self) -> str:
        return (
            f"LLM {self.model} at {self._where} did not answer within "
            f"{self._config.timeout_s:g}s; raise timeout_s or use a faster model"
        )

    def _payload(self, messages: Sequence[ChatMessage], *, stream: bool) -> bytes:
        body: dict[str, Any] = {
            "model": self._config.model,
            "messages": list(messages),
            "temperature": self._config.temperature,
            "stream": stream,
        }
        if self._config.max_tokens is not None:
            body["max_tokens"] = self._config.max_tokens
        return orjson.dumps(body)

    def _headers(self, stream: bool) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json",
            "Accept": "text/event-stream" if stream else "application/json",
            "User-Agent": f"trustdesk/{trustdesk.__version__}",
        }
        key = self._config.secret()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def _scrub(self, text: str) -> str:
        key = self._config.secret()
        return text.replace(key, "***") if key else text


@contextmanager
def _transport_errors(timeout_message: str) -> Iterator[None]:
    """Map httpx transport failures onto the retry / timeout policy."""
    try:
        yield
    except httpx.ConnectTimeout as exc:
        raise _Retryable("connect timeout") from exc
    except httpx.TimeoutException as exc:
        raise LlmTimeout(timeout_message) from exc
    except httpx.TransportError as exc:
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc


def _parse_completion(body: bytes) -> str:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise LlmProtocolError(f"completion is not JSON: {body[:80]!r}") from exc
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise LlmProtocolError(
            "completion lacks choices[0].message.content; is this an OpenAI-compatible server?"
        ) from exc
    if not isinstance(content, str):
        raise LlmProtocolError("completion content is not text (tool calls are not supported)")
    return content


def _error_detail(response: httpx.Response) -> str:
    try:
        data = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return response.text[:200]
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return str(error.get("message", ""))[:200]
    if isinstance(error, str):
        return error[:200]
    return response.text[:200]


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
