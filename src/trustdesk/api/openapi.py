"""The OpenAPI document, made true: every error a route can answer, in the model it answers.

FastAPI documents a 422 in its own shape (`{"detail": [{"loc", "msg", "type"}]}`) and no other
error. This app answers every error as `ErrorOut` (`{"error", "detail": [{"field",
"problem"}]}`), and which errors a route can give follows from what it depends on, so they
are derived here from each route rather than copied onto each decorator (where they would
drift): a route that takes a key can answer 401 and 403, one with path parameters 404, one
with a body 408, 413, 415 and 422, one that reads the database 503. A route adds what only
it can answer (409) with `responses=CONFLICT`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from trustdesk.api.schemas import ErrorOut

_ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorOut, "description": "The resource is not in a state that allows this."}
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


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dep in dependant.dependencies:
        if dep.call is not None:
            yield dep.call
        yield from _calls(dep)


def _codes(route: APIRoute, needs_key: Callable[..., Any],
           reads_db: Callable[..., Any]) -> list[str]:
    calls = set(_calls(route.dependant))
    codes: list[str] = []
    if needs_key in calls:
        codes += ["401", "403"]
    if route.dependant.path_params:
        codes.append("404")
    if route.body_field is not None:
        codes += ["408", "413", "415", "422"]
    elif route.dependant.query_params or route.dependant.path_params:
        codes.append("422")
    if reads_db in calls:
        codes.append("503")
    return codes


def install(app: FastAPI, *, needs_key: Callable[..., Any],
            reads_db: Callable[..., Any]) -> None:
    """Replace `app.openapi` with one that documents each route's errors as ErrorOut."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version,
                           description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
                       .pop("$defs", {}))
        schemas["ErrorOut"] = {
            k: v for k, v in
            ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}").items()
            if k != "$defs"
        }
        for route in app.routes:
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            for method in route.methods or ():
                operation = spec["paths"][route.path_format].get(method.lower())
                if operation is None:
                    continue
                responses = operation.setdefault("responses", {})
                for code in _codes(route, needs_key, reads_db):
                    responses[code] = {
                        "description": _DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": _ERROR_REF}},
                    }
        for fastapi_default in ("HTTPValidationError", "ValidationError"):
            schemas.pop(fastapi_default, None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
