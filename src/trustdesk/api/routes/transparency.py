"""The model and system cards over HTTP: what the AI is, for anyone holding a key."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from trustdesk.api.deps import CallerDep, ServicesDep
from trustdesk.domain.errors import NotFound
from trustdesk.service.transparency import running_deployment


class CardOut(BaseModel):
    """A model or system card; `card` says which (the CLI prints the same document)."""

    model_config = {"extra": "allow"}
    card: Literal["model", "system"]

router = APIRouter(prefix="/v1/transparency", tags=["transparency"])


@router.get("/system-card", summary="The deployment's system card (the running configuration)",
            responses={401: {"description": "missing or unknown API key"}})
async def system_card(services: ServicesDep, _caller: CallerDep) -> CardOut:
    from trustdesk.transparency.system_card import system_card as build

    return CardOut.model_validate(build(running_deployment(services)))


@router.get("/model-card", summary="The intent model's card (default: the running version)",
            responses={401: {"description": "missing or unknown API key"},
                       404: {"description": "no such model version in the registry"}})
def model_card(  # sync: loading and verifying the model's files is blocking work
    services: ServicesDep, _caller: CallerDep,
    version: Annotated[str | None, Query(
        min_length=6, max_length=64, pattern="^[0-9a-f]+$",
        description="a version hash or a unique prefix of at least 6 characters")] = None,
) -> CardOut:
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.transparency.model_card import UnknownVersion
    from trustdesk.transparency.model_card import model_card as build

    registry = ModelRegistry(services.settings.resolved_model_dir)
    try:
        card = build(registry, version or services.path.classifier.version,
                     languages=services.settings.model_languages)
    except UnknownVersion:  # a damaged model is a server fault (500, logged), not a 404
        raise NotFound("model version not found in the registry; see "
                       "`trustdesk model list`") from None
    return CardOut.model_validate(card)
