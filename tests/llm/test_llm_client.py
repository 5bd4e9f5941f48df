"""ChatCompletionsClient against a real HTTP server speaking the OpenAI protocol."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pydantic import SecretStr

from trustdesk.ai.llm import (
    ChatCompletionsClient,
    LlmConfig,
    LlmConfigError,
    LlmProtocolError,
    LlmRejected,
    LlmTimeout,
    LlmUnavailable,
)
from trustdesk.ai.llm.client import _retry_after

from fake_openai import FakeOpenAI
from sleep_log import SleepLog

MakeClient = Callable[..., ChatCompletionsClient]
HELLO = [{"role": "user", "content": "Where is my order <ORDER_1>?"}]


def test_complete_returns_reply_and_sends_openai_request(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    fake_openai.script(reply="It ships within 2 business days [1].")
    client = make_client(temperature=0.2, max_tokens=64)

    assert client.complete(HELLO) == "It ships within 2 business days [1]."

    (request,) = fake_openai.requests
    assert request.path == "/v1/chat/completions"
    assert request.body == {
        "model": "fake-model",
        "messages": HELLO,
        "temperature": 0.2,
        "stream": False,
        "max_tokens": 64,
    }
    assert "Authorization" not in request.headers


def test_stream_yields_pieces_that_join_to_the_reply(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    fake_openai.script(reply="Refunds take 5 to 10 business days.")

    pieces = list(make_client().stream(HELLO))

    assert len(pieces) > 1
    assert "".join(pieces) == "Refunds take 5 to 10 business days."
    (request,) = fake_openai.requests
    assert request.body["stream"] is True
    assert request.headers["Accept"] == "text/event-stream"


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_retries_then_succeeds(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog, status: int
) -> None:
    fake_openai.script(reply="OK", failures=2, failure_status=status)

    assert make_client(max_retries=2).complete(HELLO) == "OK"

    assert len(fake_openai.requests) == 3
    # equal jitter with jitter()=0.5: 3/4 of base * 2**attempt
    assert sleeps.waits == [pytest.approx(0.375), pytest.approx(0.75)]


def test_stream_retries_before_the_first_piece(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    fake_openai.script(reply="Hello there", failures=1, failure_status=503)

    assert "".join(make_client().stream(HELLO)) == "Hello there"
    assert len(fake_openai.requests) == 2


def test_retry_exhausted_raises_unavailable(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog
) -> None:
    fake_openai.script(failures=10, failure_status=500)

    with pytest.raises(LlmUnavailable, match=r"gave up after 3 attempt\(s\).*HTTP 500"):
        make_client(max_retries=2).complete(HELLO)

    assert len(fake_openai.requests) == 3
    assert len(sleeps.waits) == 2


def test_backoff_grows_and_is_capped(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog
) -> None:
    fake_openai.script(failures=10)

    with pytest.raises(LlmUnavailable):
        make_client(max_retries=5, backoff_base_s=1.0, max_backoff_s=4.0).complete(HELLO)

    assert sleeps.waits == [0.75, 1.5, 3.0, 3.0, 3.0]


def test_retry_after_is_honoured(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog
) -> None:
    fake_openai.script(reply="OK", failures=1, failure_status=429, retry_after="3")

    assert make_client().complete(HELLO) == "OK"
    assert sleeps.waits == [3.0]


def test_retry_after_beyond_max_backoff_gives_up_at_once(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog
) -> None:
    fake_openai.script(failures=1, failure_status=429, retry_after="120")

    with pytest.raises(LlmUnavailable, match="retry after 120s"):
        make_client(max_backoff_s=8.0).complete(HELLO)

    assert len(fake_openai.requests) == 1
    assert sleeps.waits == []


def test_connection_refused_is_retried_then_unavailable(sleeps: SleepLog) -> None:
    with socket.socket() as sock:  # reserve a loopback port, then free it: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = LlmConfig(f"http://127.0.0.1:{port}/v1", "m", max_retries=1, timeout_s=1.0)

    with (
        ChatCompletionsClient(config, sleep=sleeps) as client,
        pytest.raises(LlmUnavailable, match="ConnectError"),
    ):
        client.complete(HELLO)
    assert len(sleeps.waits) == 1


def test_timeout_raises_without_retrying(
    fake_openai: FakeOpenAI, make_client: MakeClient, sleeps: SleepLog
) -> None:
    fake_openai.script(reply="too late", delay_s=2.0)

    with pytest.raises(LlmTimeout, match=r"within 0.2s"):
        make_client(timeout_s=0.2).complete(HELLO)

    assert len(fake_openai.requests) == 1
    assert sleeps.waits == []


def test_complete_has_an_overall_deadline_even_if_bytes_keep_coming(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    # ten chunks 0.1 s apart: no single read exceeds 0.3 s, the whole answer does
    fake_openai.script(reply="slowly", chunk_delay_s=0.1)

    with pytest.raises(LlmTimeout):
        make_client(timeout_s=0.3).complete(HELLO)

    fake_openai.script(reply="slowly", chunk_delay_s=0.01)
    assert make_client(timeout_s=0.3).complete(HELLO) == "slowly"


def test_stream_times_out_when_pieces_stall(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    fake_openai.script(reply="one two three", chunk_delay_s=2.0)

    with pytest.raises(LlmTimeout):
        list(make_client(timeout_s=0.2).stream(HELLO))


def test_stream_broken_after_first_piece_is_not_retried(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    fake_openai.script(reply="one two three", break_stream_after=1)
    received: list[str] = []

    with pytest.raises(LlmUnavailable, match="broke off"):
        for piece in make_client().stream(HELLO):
            received.append(piece)

    assert received == ["one"]
    assert len(fake_openai.requests) == 1


@pytest.mark.parametrize(
    ("status", "hint"), [(401, "API key"), (403, "API key"), (404, "base URL"), (400, "settings")]
)
def test_client_errors_are_rejected_without_retry(
    fake_openai: FakeOpenAI, make_client: MakeClient, status: int, hint: str
) -> None:
    fake_openai.script(failures=1, failure_status=status)

    with pytest.raises(LlmRejected, match=hint) as caught:
        make_client().complete(HELLO)

    assert caught.value.status_code == status
    assert len(fake_openai.requests) == 1


@pytest.mark.parametrize(
    "body", [b"not json", b'{"choices": []}', b'{"choices": [{"message": {"content": null}}]}']
)
def test_malformed_completion_is_a_protocol_error(
    fake_openai: FakeOpenAI, make_client: MakeClient, body: bytes
) -> None:
    fake_openai.script(raw_body=body)

    with pytest.raises(LlmProtocolError):
        make_client().complete(HELLO)


@pytest.mark.parametrize("key", ["sk-test-SECRET-123", SecretStr("sk-test-SECRET-123")])
def test_api_key_is_a_bearer_header_and_never_logged(
    fake_openai: FakeOpenAI,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
    key: str | SecretStr,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    fake_openai.script(reply="OK", required_key="sk-test-SECRET-123")
    client = make_client(api_key=key)

    assert client.complete(HELLO) == "OK"
    assert fake_openai.requests[0].headers["Authorization"] == "Bearer sk-test-SECRET-123"

    fake_openai.script(failures=5, required_key="sk-test-SECRET-123")
    with pytest.raises(LlmUnavailable) as unavailable:
        client.complete(HELLO)
    wrong = make_client(api_key="sk-test-WRONG-456")
    with pytest.raises(LlmRejected) as rejected:
        wrong.complete(HELLO)
    logging.getLogger("test").exception("logged failure", exc_info=unavailable.value)

    assert caplog.records, "expected retry and error logs"
    for secret in ("SECRET-123", "WRONG-456"):
        assert secret not in caplog.text
        assert secret not in str(unavailable.value)
        assert secret not in str(rejected.value)
        assert secret not in repr(client.config)


def test_error_body_echoing_the_key_is_scrubbed(
    fake_openai: FakeOpenAI, make_client: MakeClient
) -> None:
    # some servers echo the credentials they got; the client must not pass them on
    fake_openai.script(required_key="other", echo_auth_in_errors=True)
    with pytest.raises(LlmRejected, match=r"Incorrect API key provided: Bearer \*\*\*") as caught:
        make_client(api_key="sk-echo-me").complete(HELLO)
    assert "sk-echo-me" not in str(caught.value)


@pytest.mark.parametrize(
    "overrides",
    [
        {"base_url": "localhost:11434"},
        {"base_url": "ftp://host/v1"},
        {"model": " "},
        {"timeout_s": 0},
        {"max_retries": -1},
        {"temperature": 3.0},
        {"max_tokens": 0},
        {"backoff_base_s": 5.0, "max_backoff_s": 1.0},
        {"base_url": "http://user:pw-secret@host:99999999/v1"},
    ],
)
def test_invalid_config_is_refused(overrides: dict[str, object]) -> None:
    settings: dict[str, object] = {"base_url": "http://localhost:11434/v1", "model": "m"}
    settings.update(overrides)
    with pytest.raises(LlmConfigError) as caught:
        LlmConfig(**settings)  # type: ignore[arg-type]
    assert "pw-secret" not in str(caught.value)


def test_credentials_in_base_url_are_hidden() -> None:
    config = LlmConfig("https://user:pw-secret@llm.example:8443/v1", "m")
    assert config.safe_base_url == "https://llm.example:8443/v1"
    assert config.chat_url == "https://user:pw-secret@llm.example:8443/v1/chat/completions"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("7", 7.0),
        ("0.5", 0.5),
        ("-3", 0.0),
        ("soon", None),
        ("http-date+30", 30.0),
        ("http-date-30", 0.0),
    ],
)
def test_retry_after_header_parsing(header: str | None, expected: float | None) -> None:
    if header is not None and header.startswith("http-date"):
        when = datetime.now(UTC) + timedelta(seconds=int(header.removeprefix("http-date")))
        header = format_datetime(when, usegmt=True)
    parsed = _retry_after(header)
    if expected is None:
        assert parsed is None
    else:
        assert parsed == pytest.approx(expected, abs=2.0)
