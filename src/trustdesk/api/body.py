"""Read and check a request body before any route sees it (a pure ASGI middleware).

FastAPI turns every failure to read a body into a 400 "There was an error parsing the
body": a chunked body over the limit, bytes that are not UTF-8, JSON nested 30,000 deep
(`RecursionError`). Here the body is read once, under a deadline and a size cap, and parsed
with orjson (which stops at 1,024 levels), so each of those gets its own status and a
message that says what is wrong; the route then receives the same bytes. Messages never
quote the body: it may hold personal data.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("trustdesk.api.body")

MAX_BODY_BYTES = 64 * 1024
_WITH_BODY = frozenset(("POST", "PUT", "PATCH"))


def error_response(code: int, message: str, *, close: bool = False,
                   detail: list[dict[str, str]] | None = None) -> tuple[Message, Message]:
    """The two ASGI messages of a JSON error in the app's error model."""
    content: dict[str, Any] = {"error": message}
    if detail is not None:
        content["detail"] = detail
    body = orjson.dumps(content)
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode())]
    if close:  # the rest of the request was not read: the connection cannot be reused
        headers.append((b"connection", b"close"))
    return (
        {"type": "http.response.start", "status": code, "headers": headers},
        {"type": "http.response.body", "body": body, "more_body": False},
    )


def body_problem(body: bytes) -> str | None:
    """Why `body` is not acceptable JSON, in words that quote none of it; None if it is."""
    try:
        orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as bad:
            return f"the body is not valid UTF-8 (at byte {bad.start})"
        if "depth" in exc.msg or "recursion" in exc.msg:
            return "the body's JSON is nested more than 1024 levels deep"
        if "surrogate" in exc.msg:
            return ("the body is not valid JSON: a \\u escape at character "
                    f"{exc.pos} is an unpaired UTF-16 surrogate, which is not Unicode text")
        return f"the body is not valid JSON ({exc.msg} at character {exc.pos})"
    return None


class BodyGuard:
    """Refuse oversized, slow, non-JSON, non-UTF-8 or malformed bodies before any parsing."""

    def __init__(self, app: ASGIApp, *, timeout_s: float = 15.0,
                 max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(send, 413, f"request body is larger than {self.max_bytes} bytes",
                               close=True)
            return
        chunked = b"chunked" in headers.get(b"transfer-encoding", b"").lower()
        ctype = headers.get(b"content-type", b"")
        if (chunked or length not in (None, b"0")) and not ctype.startswith(b"application/json"):
            await self._refuse(
                send, 415, "send the body as JSON with 'Content-Type: application/json'",
                close=True,
            )
            return
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.timeout_s):
                while True:
                    message = await receive()
                    if message["type"] != "http.request":
                        return  # the client went away: nobody to answer
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_bytes:  # chunked bodies carry no length up front
                        await self._refuse(
                            send, 413, f"request body is larger than {self.max_bytes} bytes",
                            close=True,
                        )
                        return
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            log.info("answered 408: a request body took over %g s", self.timeout_s)
            await self._refuse(
                send, 408, f"the request body was not received within {self.timeout_s:g} s",
                close=True,
            )
            return
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if body:
            problem = body_problem(body)
            if problem is not None:
                await self._refuse(send, 422, f"invalid request: {problem}",
                                   detail=[{"field": "", "problem": problem}])
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for a disconnect, as uvicorn does

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(send: Send, code: int, message: str, *, close: bool = False,
                      detail: list[dict[str, str]] | None = None) -> None:
        start, body = error_response(code, message, close=close, detail=detail)
        await send(start)
        await send(body)
