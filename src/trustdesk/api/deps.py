"""Typed dependencies: the services container and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from trustdesk.api.inline import InlineQueue
from trustdesk.domain import Role
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller


# Dependencies are `async def` so that they run on the event loop: a sync dependency costs a
# hop to the thread pool per request, and waits there for the GIL under load (see routers).
async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_inline(request: Request) -> InlineQueue:
    queue: InlineQueue = request.app.state.inline
    return queue


InlineDep = Annotated[InlineQueue, Depends(get_inline)]


# Declared as security schemes, so the OpenAPI document says how to authenticate; either one
# will do. Neither raises by itself: get_caller gives the one error message for all cases.
_bearer = HTTPBearer(auto_error=False, scheme_name="BearerKey",
                     description="`Authorization: Bearer <api key>`")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="ApiKeyHeader",
                        description="`X-API-Key: <api key>`, the same keys as BearerKey")


async def get_caller(
    request: Request,
    services: ServicesDep,
    _bearer_credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    x_api_key: Annotated[str | None, Security(_api_key)],
    x_conversation_token: Annotated[str | None, Header(
        max_length=128,
        description="The conversation_token returned when a widget key started the "
        "conversation; widget keys send it on every call about that conversation.",
    )] = None,
) -> Caller:
    secret = x_api_key
    authorization = request.headers.get("authorization")
    if secret is None and authorization is not None:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "Authorization header must be 'Bearer <api key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        secret = value.strip()
    if not secret:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    caller = services.keys.resolve(secret)  # a cache hit, or one indexed lookup
    if caller is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "unknown or revoked API key",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return caller if x_conversation_token is None else caller.presenting(x_conversation_token)


CallerDep = Annotated[Caller, Depends(get_caller)]


def require(*roles: Role) -> object:
    """A dependency that admits only the given roles."""

    async def check(caller: CallerDep) -> Caller:
        if caller.role not in roles:
            allowed = ", ".join(r.value for r in roles)
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"this needs a key with role {allowed}; yours is {caller.role.value}",
            )
        return caller

    return Depends(check)


StaffDep = Annotated[Caller, require(Role.AGENT, Role.ADMIN)]
AdminDep = Annotated[Caller, require(Role.ADMIN)]
