"""The FastAPI application: thin routes over the services, clear errors for bad input."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trustdesk import __version__
from trustdesk.api.inline import InlineQueue
from trustdesk.api.routers import ai_controls as ai_controls_router
from trustdesk.api.routers import audit, conversations, decisions, privacy, reviews
from trustdesk.api.routers import handoffs as handoffs_router
from trustdesk.api.routers import lifecycle as lifecycle_router
from trustdesk.api.routers import oversight as oversight_router
from trustdesk.service.context import Services
from trustdesk.service.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceError

log = logging.getLogger("trustdesk.api")

MAX_BODY_BYTES = 64 * 1024
_STATUS = {
    NotFound: status.HTTP_404_NOT_FOUND,
    Forbidden: status.HTTP_403_FORBIDDEN,
    Conflict: status.HTTP_409_CONFLICT,
    InvalidInput: status.HTTP_422_UNPROCESSABLE_CONTENT,
}


def _error(code: int, message: str, detail: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(status_code=code, content=jsonable_encoder(body))


def _describe(errors: list[Any]) -> tuple[str, list[dict[str, Any]]]:
    """One readable sentence plus the field-level details, without echoing the input."""
    detail = [
        {"field": "", "problem": f"the body is not valid JSON (at character {e['loc'][-1]})"}
        if e.get("type") == "json_invalid"
        else {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
              "problem": e["msg"]}
        for e in errors
    ]
    first = detail[0] if detail else {"field": "", "problem": "invalid request"}
    where = f"{first['field']}: " if first["field"] else ""
    return f"invalid request: {where}{first['problem']}", detail


class BodyLimit:
    """Refuse oversized and non-JSON bodies before any parsing (a pure ASGI middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await self._refuse(413, f"request body is larger than {MAX_BODY_BYTES} bytes", send)
            return
        ctype = headers.get(b"content-type", b"")
        if length not in (None, b"0") and not ctype.startswith(b"application/json"):
            await self._refuse(
                415, "send the body as JSON with 'Content-Type: application/json'", send
            )
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:  # chunked bodies carry no length up front
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(413, f"request body is larger than {MAX_BODY_BYTES} bytes", send)

    @staticmethod
    async def _refuse(code: int, message: str, send: Send) -> None:
        await _error(code, message)({"type": "http"}, _no_body, send)


class _TooLarge(Exception):
    pass


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def create_app(services: Services, *, background_jobs: bool = False) -> FastAPI:
    """The API over `services`; `background_jobs` (what `serve` runs) adds the retention
    scheduler and SQLite's background WAL checkpoints for the app's lifetime."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stops: list[Callable[[], None]] = []
        if background_jobs:
            from trustdesk.service.privacy_retention import start_retention_scheduler

            stops.append(services.db.checkpoint_in_background())
            stops.append(
                start_retention_scheduler(services, services.settings.retention_interval_s)
            )
            from trustdesk.service.review_queue import start_escalation_scheduler

            stops.append(start_escalation_scheduler(
                services, services.settings.review_escalation_interval_s))
        try:
            yield
        finally:
            for stop in reversed(stops):
                stop()

    app = FastAPI(
        lifespan=lifespan,
        title="TrustDesk",
        version=__version__,
        description="Governed AI customer support: every AI reply has a Decision, an "
        "Explanation and a sealed audit entry; a human is always one call away.",
    )
    app.state.services = services
    app.state.inline = InlineQueue()

    @app.exception_handler(ServiceError)
    async def service_error(_: Request, exc: ServiceError) -> JSONResponse:
        code = next((c for t, c in _STATUS.items() if isinstance(exc, t)), 400)
        return _error(code, str(exc))

    @app.exception_handler(OperationalError)
    async def database_down(_: Request, exc: OperationalError) -> JSONResponse:
        # The transaction did not commit, so nothing was acknowledged: the client may retry.
        log.error("database unavailable: %s", type(exc.orig).__name__)
        response = _error(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "the database is unavailable; nothing was stored, retry shortly",
        )
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Stored text is redacted and originals are ciphertext, so a traceback holds no
        # personal data in clear; the response says only what the client needs to know.
        log.exception("unexpected error: %s", type(exc).__name__)
        return _error(
            status.HTTP_500_INTERNAL_SERVER_ERROR,
            "internal error; it was logged on the server (check before retrying a write)",
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, detail = _describe(list(exc.errors()))
        return _error(status.HTTP_422_UNPROCESSABLE_CONTENT, message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.get("/healthz", tags=["ops"], summary="Liveness and readiness")
    def healthz() -> dict[str, str]:
        return {
            "status": "ok",
            "model_version": services.path.classifier.version,
            "kb_version": services.path.responder.version,
            "policy_version": services.path.policy.version,
        }

    app.add_middleware(BodyLimit)
    for router in (
        conversations.router,
        decisions.router,
        reviews.router,
        privacy.router,
        audit.router,
        ai_controls_router.router,
        handoffs_router.router,
        lifecycle_router.router,
        oversight_router.router,
    ):
        app.include_router(router)
    return app
