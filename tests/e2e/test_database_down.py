"""When PostgreSQL goes away mid-flight, clients get a 503 that says nothing was stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from trustdesk.service.context import Services

from e2e_support import Keys


def test_lost_database_gives_503_not_a_traceback(
    client: TestClient, keys: Keys, services: Services
) -> None:
    if services.db.is_sqlite:
        pytest.skip("SQLite cannot go away underneath a running process")
    import psycopg

    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    url = make_url(str(services.db.engine.url))
    services.db.engine.dispose()
    admin = url.set(database="test").render_as_string(hide_password=False)
    with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{url.database}" WITH (FORCE)')
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": "where is my order"},
                    headers=keys.widget)
    assert r.status_code == 503
    assert "nothing was stored" in r.json()["error"] and r.headers["Retry-After"] == "5"
