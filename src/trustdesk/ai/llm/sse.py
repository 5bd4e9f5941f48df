"""Server-Sent Events decoding for OpenAI-style streamed chat completions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import orjson

from trustdesk.ai.llm.errors import LlmProtocolError, LlmUnavailable

DONE = "[DONE]"


@dataclass(frozen=True)
class StreamDelta:
    """One decoded chunk: new text (maybe empty) and whether the model said it finished."""

    content: str
    finished: bool


def iter_event_data(lines: Iterable[str]) -> Iterator[str]:
    """Yield the data payload of each SSE event (multi-line data joined by newlines)."""
    data: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue  # comment / keep-alive
        name, _, value = line.partition(":")
        if name == "data":
            data.append(value[1:] if value.startswith(" ") else value)
        # "event", "id" and "retry" fields carry nothing the chat protocol needs
    if data:
        yield "\n".join(data)


def decode_chunk(payload: str) -> StreamDelta:
    """Decode one ``chat.completion.chunk`` JSON payload."""
    try:
        chunk = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise LlmProtocolError(f"streamed chunk is not JSON: {payload[:80]!r}") from exc
    if not isinstance(chunk, dict):
        raise LlmProtocolError("streamed chunk is not a JSON object")
    if "error" in chunk:
        # vLLM and hosted APIs report mid-stream failures this way
        raise LlmUnavailable(f"backend failed mid-stream: {_error_message(chunk)}")
    choices = chunk.get("choices")
    if not isinstance(choices, list):
        raise LlmProtocolError("streamed chunk has no 'choices' list")
    if not choices:
        return StreamDelta("", False)  # usage-only chunk
    choice = choices[0]
    if not isinstance(choice, dict):
        raise LlmProtocolError("streamed choice is not a JSON object")
    delta = choice.get("delta") or {}
    content = delta.get("content") if isinstance(delta, dict) else None
    return StreamDelta(
        content if isinstance(content, str) else "",
        choice.get("finish_reason") is not None,
    )


def _error_message(body: dict[str, object]) -> str:
    error = body.get("error")
    if isinstance(error, dict):
        return str(error.get("message", "unknown error"))[:200]
    return str(error)[:200]
