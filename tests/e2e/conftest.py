"""Fixtures for tests that drive the real application over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from trustdesk.api.app import create_app
from trustdesk.bootstrap import bootstrap
from trustdesk.domain import Role
from trustdesk.service.context import Services
from trustdesk.service.keys import create_key
from trustdesk.settings import Settings

from e2e_support import Keys


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    svc = bootstrap(settings)
    try:
        yield svc
    finally:
        svc.db.dispose()


@pytest.fixture
def keys(services: Services) -> Keys:
    def header(role: Role, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_key(services.db, role, name).secret}"}

    return Keys(
        widget=header(Role.WIDGET, "site"),
        other_widget=header(Role.WIDGET, "another site"),
        agent=header(Role.AGENT, "agent"),
        admin=header(Role.ADMIN, "admin"),
    )


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services)) as c:
        yield c
