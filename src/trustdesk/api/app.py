"""The FastAPI application: thin routes over the services, clear errors for bad input."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from trustdesk import __version__
from trustdesk.api.routers import audit, conversations, decisions, privacy, reviews
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
        {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"), "problem": e["msg"]}
        for e in errors
    ]
    first = detail[0] if detail else {"field": "", "problem": "invalid request"}
    where = f"{first['field']}: " if first["field"] else ""
    return f"invalid request: {where}{first['problem']}", detail


def create_app(services: Services, *, retention_scheduler: bool = False) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stop: Callable[[], None] | None = None
        if retention_scheduler:
            from trustdesk.service.privacy_retention import start_retention_scheduler

            stop = start_retention_scheduler(services, services.settings.retention_interval_s)
        try:
            yield
        finally:
            if stop is not None:
                stop()

    app = FastAPI(
        lifespan=lifespan,
        title="TrustDesk",
        version=__version__,
        description="Governed AI customer support: every AI reply has a Decision, an "
        "Explanation and a sealed audit entry; a human is always one call away.",
    )
    app.state.services = services

    @app.middleware("http")
    async def limit_body(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
                return _error(
                    status.HTTP_413_CONTENT_TOO_LARGE,
                    f"request body is larger than {MAX_BODY_BYTES} bytes",
                )
            ctype = request.headers.get("content-type", "")
            if length not in (None, "0") and not ctype.startswith("application/json"):
                return _error(
                    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                    "send the body as JSON with 'Content-Type: application/json'",
                )
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return _error(
                    status.HTTP_413_CONTENT_TOO_LARGE,
                    f"request body is larger than {MAX_BODY_BYTES} bytes",
                )
        return await call_next(request)

    @app.exception_handler(ServiceError)
    async def service_error(_: Request, exc: ServiceError) -> JSONResponse:
        code = next((c for t, c in _STATUS.items() if isinstance(exc, t)), 400)
        return _error(code, str(exc))

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

    for router in (
        conversations.router,
        decisions.router,
        reviews.router,
        privacy.router,
        audit.router,
    ):
        app.include_router(router)
    return app
