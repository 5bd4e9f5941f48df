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

from trustdesk import __version__
from trustdesk.api import openapi, routes
from trustdesk.api.access_log import AccessLog
from trustdesk.api.body import BodyGuard
from trustdesk.api.docs import mount_docs
from trustdesk.api.inline import InlineQueue
from trustdesk.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceError
from trustdesk.service.context import Services

log = logging.getLogger("trustdesk.api")

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


_WHERE = ("body", "query", "path", "header", "cookie")


def _field(error: dict[str, Any], known: frozenset[str] = frozenset()) -> str:
    """The dotted field path of a validation error. The name of an unknown field is the
    client's own text (it may be an e-mail address), so it is left out unless it is a name
    the API itself uses somewhere (`known`): a field sent to the wrong route."""
    loc = list(error.get("loc", ()))
    if error.get("type") == "extra_forbidden" and loc and loc[-1] not in known:
        loc = loc[:-1]
    return ".".join(str(p) for p in loc if p not in _WHERE)


def _problem(error: dict[str, Any]) -> str:
    kind = error.get("type")
    if kind == "json_invalid":
        return f"the body is not valid JSON (at character {error['loc'][-1]})"
    if kind == "extra_forbidden":
        return "has a field that is not allowed here (see the schema for the allowed ones)"
    # pydantic's messages state the rule ("String should have at most 128 characters"),
    # not the input; the input itself (`error["input"]`) is never sent back.
    return str(error.get("msg", "is invalid"))


def _describe(errors: list[Any], known: frozenset[str] = frozenset(),
              ) -> tuple[str, list[dict[str, Any]]]:
    """One readable sentence plus the field-level details, without echoing the input."""
    detail = [{"field": _field(e, known), "problem": _problem(e)} for e in errors]
    first = detail[0] if detail else {"field": "", "problem": "invalid request"}
    where = f"{first['field']}: " if first["field"] else ""
    return f"invalid request: {where}{first['problem']}", detail


def _schema_field_names(spec: dict[str, Any]) -> frozenset[str]:
    """Every property name of every schema in the OpenAPI document."""
    names: set[str] = set()
    for schema in spec.get("components", {}).get("schemas", {}).values():
        names.update(schema.get("properties", {}))
    return frozenset(names)


def create_app(services: Services, *, background_jobs: bool = False,
               body_timeout_s: float = 15.0) -> FastAPI:
    """The API over `services`; `background_jobs` (what `serve` runs) adds the retention
    scheduler and SQLite's background WAL checkpoints for the app's lifetime;
    `body_timeout_s` bounds the time to receive a request body (408 after it)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stops: list[Callable[[], None]] = []
        if background_jobs:
            from trustdesk.service.privacy.retention import start_retention_scheduler

            stops.append(services.db.checkpoint_in_background())
            stops.append(
                start_retention_scheduler(services, services.settings.retention_interval_s)
            )
            from trustdesk.service.fairness.monitor import start_fairness_monitor

            stops.append(start_fairness_monitor(
                services, services.settings.fairness_monitor_interval_s))
            from trustdesk.service.oversight.queue import start_escalation_scheduler

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
        docs_url=None,  # served from local assets by mount_docs: no CDN
        redoc_url=None,
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

    field_names: list[frozenset[str]] = []  # filled on the first 422, once

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        if not field_names:
            field_names.append(_schema_field_names(app.openapi()))
        message, detail = _describe(list(exc.errors()), field_names[0])
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

    app.add_middleware(BodyGuard, timeout_s=body_timeout_s)
    app.add_middleware(AccessLog)  # added last: outermost, so it sees every answer
    for router in routes.ROUTERS:
        app.include_router(router)
    mount_docs(app)
    openapi.install(app, max_text_chars=services.settings.max_message_chars)
    return app
