"""Per-connection read deadlines for uvicorn: a slow client cannot hold a connection forever.

uvicorn bounds only the idle time between two requests (`timeout_keep_alive`). A client that
connects and sends nothing, trickles its request headers, or declares `Content-Length: 100`
and sends 13 bytes keeps its connection, and a file descriptor and a place under
`limit_concurrency`, for as long as it likes (slow loris). This protocol adds two timers:

- **headers**: from the connection's first moment, or from the first byte of a following
  request, until its headers are complete; on expiry it answers 408 and closes;
- **body** (a backstop): from the end of the headers until the end of the body. The app's
  BodyGuard (`api/body.py`) reads the body of every JSON route under its own, shorter
  deadline and answers 408 itself; this timer closes a connection whose body nobody reads
  (a GET with a body, trickled).

The keep-alive idle timeout between requests is uvicorn's own and unchanged.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("trustdesk.api.connection")

# Added to the body timeout so that the app's own 408 (with its error body) comes first.
BACKSTOP_GRACE_S = 1.0


def timeout_response(seconds: float) -> bytes:
    body = orjson.dumps(
        {"error": f"request headers not received within {seconds:g} s; the connection is closed"}
    )
    return (
        b"HTTP/1.1 408 Request Timeout\r\n"
        b"content-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n"
        b"connection: close\r\n\r\n" + body
    )


class DeadlineHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with header and body read deadlines (see module doc)."""

    def __init__(
        self, *args: Any, header_timeout: float = 10.0, body_timeout: float = 15.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout
        self.body_backstop = body_timeout + BACKSTOP_GRACE_S
        self._read_timer: asyncio.TimerHandle | None = None
        self._between_requests = True

    def _arm(self, seconds: float, expire: Any) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
        self._read_timer = self.loop.call_later(seconds, expire)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._between_requests = False  # the first request's headers are due now
        self._arm(self.header_timeout, self._headers_expired)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._between_requests:
            # The first byte of the next request: its headers are due within the bound (the
            # keep-alive timer, which uvicorn cancels on any data, governed until now).
            self._between_requests = False
            self._arm(self.header_timeout, self._headers_expired)
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._arm(self.body_backstop, self._body_expired)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        self._between_requests = True
        super().on_message_complete()

    def _headers_expired(self) -> None:
        self._read_timer = None
        if self.transport.is_closing():
            return
        log.info("closed a connection whose request headers took over %g s",
                 self.header_timeout)
        # Answer only if no earlier (pipelined) response is still being written.
        if self.cycle is None or self.cycle.response_complete:
            self.transport.write(timeout_response(self.header_timeout))
        self.transport.close()

    def _body_expired(self) -> None:
        self._read_timer = None
        if not self.transport.is_closing():
            log.info("closed a connection whose request body took over %g s",
                     self.body_backstop)
            self.transport.close()


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging set-up plus TrustDesk's own loggers (the access log among them)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["trustdesk"] = {
        "handlers": ["default"], "level": level.upper(), "propagate": False,
    }
    return config
