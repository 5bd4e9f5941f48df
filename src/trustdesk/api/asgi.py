"""ASGI entry point for uvicorn workers: `uvicorn --factory trustdesk.api.asgi:create`."""

from __future__ import annotations

import gc

from fastapi import FastAPI

from trustdesk.api.app import create_app
from trustdesk.bootstrap import bootstrap


def create() -> FastAPI:
    # `trustdesk serve` migrated the schema before starting workers.
    services = bootstrap(upgrade=False)
    app = create_app(services, background_jobs=True,
                     body_timeout_s=services.settings.body_timeout_s)
    # The models and the knowledge base are millions of long-lived objects (vocabularies,
    # n-gram tables); freezing them keeps every full garbage collection from walking them,
    # which otherwise shows up as tens-of-milliseconds pauses in the tail latency.
    gc.collect()
    gc.freeze()
    return app
