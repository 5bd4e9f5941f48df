"""SSE decoding of streamed chat-completion chunks."""

from __future__ import annotations

import pytest

from trustdesk.ai.llm import LlmProtocolError, LlmUnavailable
from trustdesk.ai.llm.sse import StreamDelta, decode_chunk, iter_event_data


def test_events_are_split_on_blank_lines_and_comments_skipped() -> None:
    lines = [": keep-alive", "", "data: {\"a\": 1}", "", "event: x", "data: one", "data: two", "",
             "data: [DONE]"]
    assert list(iter_event_data(lines)) == ['{"a": 1}', "one\ntwo", "[DONE]"]


def test_data_without_space_after_colon_is_accepted() -> None:
    assert list(iter_event_data(["data:[DONE]", ""])) == ["[DONE]"]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ('{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}',
         StreamDelta("Hi", False)),
        ('{"choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}',
         StreamDelta("", False)),
        ('{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}', StreamDelta("", True)),
        ('{"choices":[{"index":0,"delta":{"content":null},"finish_reason":"length"}]}',
         StreamDelta("", True)),
        ('{"choices":[],"usage":{"total_tokens":3}}', StreamDelta("", False)),
    ],
)
def test_decode_chunk(payload: str, expected: StreamDelta) -> None:
    assert decode_chunk(payload) == expected


@pytest.mark.parametrize("payload", ["not json", "[1]", '{"id": "x"}', '{"choices": [3]}'])
def test_malformed_chunks_are_protocol_errors(payload: str) -> None:
    with pytest.raises(LlmProtocolError):
        decode_chunk(payload)


def test_error_event_means_the_backend_failed() -> None:
    with pytest.raises(LlmUnavailable, match="overloaded"):
        decode_chunk('{"error": {"message": "model overloaded", "type": "server_error"}}')
