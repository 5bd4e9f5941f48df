"""A real HTTP server on loopback that speaks the OpenAI chat-completions protocol.

Tests script it (reply text, delay, failures before success, required API key)
and read back every request it received, so they can assert what crossed the
wire, e.g. that no raw personal data ever reached the model.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson

Reply = str | Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> dict[str, Any]:
        loaded = orjson.loads(self.raw)
        assert isinstance(loaded, dict)
        return loaded

    @property
    def message_text(self) -> str:
        """All message contents joined, for "did X reach the model?" assertions."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


@dataclass
class Script:
    """How the server answers; ``failures`` error responses come before the reply."""

    reply: Reply = "OK"
    failures: int = 0
    failure_status: int = 500
    retry_after: str | None = None
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0
    chunks: list[str] | None = None
    break_stream_after: int | None = None
    raw_body: bytes | None = None
    required_key: str | None = None
    echo_auth_in_errors: bool = False
    served_failures: int = field(default=0, repr=False)


class FakeOpenAI:
    """Start with ``with FakeOpenAI() as fake:``; point clients at ``fake.base_url``."""

    model = "fake-model"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script = Script()
        self._requests: list[RecordedRequest] = []
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def script(self, **settings: Any) -> None:
        """Replace the script, e.g. ``fake.script(reply="Hi", failures=2)``."""
        with self._lock:
            self._script = Script(**settings)

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping on a scripted delay
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- used by the handler -----------------------------------------------------

    def _record(self, request: RecordedRequest) -> Script:
        with self._lock:
            self._requests.append(request)
            return self._script

    def _take_failure(self, script: Script) -> bool:
        with self._lock:
            if script.served_failures < script.failures:
                script.served_failures += 1
                return True
            return False

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in separate writes

        def handle(self) -> None:
            # a client that gave up (timeout, broken stream) is not a server error
            with contextlib.suppress(ConnectionError):
                super().handle()

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._json(200, {"object": "list", "data": [{"id": fake.model}]})
            else:
                self._error(404, "not found", "invalid_request_error")

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = RecordedRequest("POST", self.path, dict(self.headers.items()), raw)
            script = fake._record(request)
            self._answer(script, request)

        def _answer(self, script: Script, request: RecordedRequest) -> None:
            if self.path != "/v1/chat/completions":
                return self._error(404, f"unknown path {self.path}", "invalid_request_error")
            expected = f"Bearer {script.required_key}"
            if script.required_key is not None and self.headers.get("Authorization") != expected:
                message = "Incorrect API key provided"
                if script.echo_auth_in_errors:
                    message += f": {self.headers.get('Authorization', '')}"
                return self._error(401, message, "invalid_api_key")
            if fake._take_failure(script):
                extra = {"Retry-After": script.retry_after} if script.retry_after else {}
                kind = "rate_limit_exceeded" if script.failure_status == 429 else "server_error"
                return self._error(script.failure_status, "scripted failure", kind, extra)
            fake._pause(script.delay_s)
            if script.raw_body is not None:
                return self._send(200, "application/json", script.raw_body)
            body = request.body
            reply = script.reply(body) if callable(script.reply) else script.reply
            model = str(body.get("model", fake.model))
            if body.get("stream"):
                return self._stream(script, model, reply)
            if script.chunk_delay_s > 0:
                return self._dribble(script, orjson.dumps(_completion(model, reply)))
            return self._json(200, _completion(model, reply))

        def _dribble(self, script: Script, data: bytes) -> None:
            """Send a JSON body in ten slow chunks: each read is quick, the whole is not."""
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            step = max(1, len(data) // 10)
            for start in range(0, len(data), step):
                fake._pause(script.chunk_delay_s)
                self._write_chunk(data[start : start + step])
            self._write_chunk(b"")

        def _stream(self, script: Script, model: str, reply: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pieces = script.chunks if script.chunks is not None else _words(reply)
            self._event(_chunk(model, {"role": "assistant", "content": ""}, None))
            for sent, piece in enumerate(pieces):
                if script.break_stream_after is not None and sent >= script.break_stream_after:
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)  # abrupt end, no terminating chunk
                    return
                fake._pause(script.chunk_delay_s)
                self._event(_chunk(model, {"content": piece}, None))
            self._event(_chunk(model, {}, "stop"))
            self._write_chunk(b"data: [DONE]\n\n")
            self._write_chunk(b"")

        def _event(self, payload: dict[str, Any]) -> None:
            self._write_chunk(b"data: " + orjson.dumps(payload) + b"\n\n")

        def _write_chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _error(
            self, status: int, message: str, kind: str, headers: dict[str, str] | None = None
        ) -> None:
            error = {"error": {"message": message, "type": kind, "param": None, "code": kind}}
            self._json(status, error, headers)

        def _json(
            self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
        ) -> None:
            self._send(status, "application/json", orjson.dumps(payload), headers)

        def _send(
            self, status: int, ctype: str, data: bytes, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": len(text.split()), "total_tokens": 1},
    }


def _chunk(model: str, delta: dict[str, str], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }


def _words(text: str) -> list[str]:
    """Split like a tokenizer would, keeping spaces so the pieces join back exactly."""
    pieces: list[str] = []
    for index, word in enumerate(text.split(" ")):
        pieces.append(word if index == 0 else " " + word)
    return [p for p in pieces if p]
