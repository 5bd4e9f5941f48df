"""The access log: method, route template, status and time; never the raw path or query.

A path holds whatever a client put in it (`GET /v1/conversations/someone@example.com`), and a
query string holds filter values; either may be personal data. So this log replaces
uvicorn's (which prints both, and the client address): the line names the route's template
(`/v1/conversations/{conversation_id}`), or says that no route matched.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("trustdesk.access")

UNMATCHED = "(no route)"


def route_template(scope: Scope) -> str:
    """The matched route's path template, or UNMATCHED: never the path as sent."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


class AccessLog:
    """One INFO line per HTTP request, written when its response starts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                log.info("%s %s %d %.1fms", scope["method"], route_template(scope),
                         message["status"], (time.perf_counter() - started) * 1000)
            await send(message)

        await self.app(scope, receive, logged)
