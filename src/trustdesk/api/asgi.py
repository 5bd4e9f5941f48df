"""ASGI entry point for uvicorn workers: `uvicorn --factory trustdesk.api.asgi:create`."""

from __future__ import annotations

from fastapi import FastAPI

from trustdesk.api.app import create_app
from trustdesk.bootstrap import bootstrap


def create() -> FastAPI:
    # `trustdesk serve` migrated the schema before starting workers.
    return create_app(bootstrap(upgrade=False), retention_scheduler=True)
