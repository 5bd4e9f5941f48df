"""The OpenAPI document, made true: every error a route can answer, in the model it answers.

FastAPI documents a 422 in its own shape (`{"detail": [{"loc", "msg", "type"}]}`) and no other
error. This app answers every error as `ErrorOut` (`{"error", "detail": [{"field",
"problem"}]}`), and which errors a route can give follows from what it depends on, so they
are derived here from each operation rather than copied onto each decorator (where they
would drift): one that takes a key can answer 401 and 403, one with path parameters 404, one
with a body 408, 413, 415 and 422, one with parameters 422, one that reads the database 503.
A route adds what only it can answer with `responses=CONFLICT` (409) or `NOT_FOUND` (404 for
an id in its body).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from trustdesk.api.schemas import ErrorOut

_ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorOut, "description": "The resource is not in a state that allows this."}
}
# Schemas whose `text` is a message, limited to TRUSTDESK_MAX_MESSAGE_CHARS.
_TEXT_SCHEMAS = ("MessageIn", "ReviewVerdictIn", "CompleteIn")
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "An id in the body names nothing visible to this key."}
}
_DESCRIPTIONS = {
    "401": "Missing, malformed, unknown or revoked API key.",
    "403": "The key's role may not do this.",
    "404": "No such resource visible to this key.",
    "408": "The request body did not arrive in time; the connection is closed.",
    "413": "The request body is larger than 64 KiB.",
    "415": "The body is not sent as application/json.",
    "422": "The request is invalid: `detail` names each field and the problem, never the value.",
    "503": "The database is unavailable; nothing was stored. Retry after `Retry-After` seconds.",
}


def _codes(operation: dict[str, Any]) -> list[str]:
    """The errors an operation can answer, from what the document already says of it."""
    params = {p["in"] for p in operation.get("parameters", ())}
    codes: list[str] = []
    if operation.get("security"):
        codes += ["401", "403"]
    if "path" in params:
        codes.append("404")
    if "requestBody" in operation:
        codes += ["408", "413", "415", "422"]
    elif params:
        codes.append("422")
    if "ops" not in operation.get("tags", ()):  # every route but /healthz reads the database
        codes.append("503")
    return codes


def install(app: FastAPI, *, max_text_chars: int) -> None:
    """Replace `app.openapi` with one that documents each operation's errors as ErrorOut, and
    states the message length limit (a setting) in the schemas that take message text."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version,
                           description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        error = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error.pop("$defs", {}))
        schemas["ErrorOut"] = error
        for path in spec["paths"].values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for code in _codes(operation):
                    responses[code] = {
                        "description": _DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": _ERROR_REF}},
                    }
        for fastapi_default in ("HTTPValidationError", "ValidationError"):
            schemas.pop(fastapi_default, None)
        for name in _TEXT_SCHEMAS:
            schemas[name]["properties"]["text"]["maxLength"] = max_text_chars
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
