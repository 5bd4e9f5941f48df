"""Shared fixtures: a fresh database on SQLite and on a real PostgreSQL, and the demo assets."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trustdesk.settings import Settings

from app_support import Keys, WidgetTokens

PG_URL = os.environ.get(
    "TRUSTDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _pg_admin_dsn() -> str:
    return PG_URL.replace("postgresql+psycopg://", "postgresql://", 1)


def _postgres_reachable() -> str | None:
    """None when reachable, else why not."""
    import psycopg

    try:
        with psycopg.connect(_pg_admin_dsn(), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    problem = _postgres_reachable()
    if problem is None:
        return True
    if IN_CI:
        pytest.fail(f"CI=true but PostgreSQL is not reachable at {PG_URL}: {problem}")
    pytest.skip(
        f"PostgreSQL not reachable ({problem}); start it or set TRUSTDESK_TEST_POSTGRES_URL "
        "to run the PostgreSQL variant of these tests"
    )


def _fresh_postgres_database() -> tuple[str, str]:
    import psycopg

    name = f"td_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_pg_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_URL.rpartition("/")
    return name, f"{base}/{name}"


def _drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(_pg_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database per test, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'trustdesk.db'}"
        return
    request.getfixturevalue("postgres_available")
    name, url = _fresh_postgres_database()
    try:
        yield url
    finally:
        _drop_postgres_database(name)


@pytest.fixture(scope="session")
def demo_assets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo intent model and knowledge base, built once per test session."""
    from trustdesk.bootstrap import prepare_demo

    root = tmp_path_factory.mktemp("demo-assets")
    settings = Settings(data_dir=root, model_dir=root / "models", kb_dir=root / "kb")
    prepare_demo(settings)
    return root / "models", root / "kb"


@pytest.fixture
def settings(tmp_path: Path, database_url: str, demo_assets: tuple[Path, Path]) -> Settings:
    model_dir, kb_dir = demo_assets
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        model_dir=model_dir,
        kb_dir=kb_dir,
    )


@pytest.fixture
def migrated_db(database_url: str) -> Iterator[object]:
    """A migrated, empty database; the engine is disposed afterwards."""
    from trustdesk.store.db import connect
    from trustdesk.store.migrate import upgrade

    db = connect(database_url)
    upgrade(db)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def services(settings: Settings) -> Iterator[Any]:
    """The real object graph (bootstrap) on this test's database."""
    from trustdesk.bootstrap import bootstrap

    svc = bootstrap(settings)
    try:
        yield svc
    finally:
        svc.db.dispose()


@pytest.fixture
def keys(services: Any) -> Keys:
    from trustdesk.domain import Role
    from trustdesk.service.keys import create_key

    def header(role: Role, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_key(services.db, role, name).secret}"}

    from trustdesk.service.identity import rotate_identity_secret

    return Keys(
        widget=header(Role.WIDGET, "site"),
        other_widget=header(Role.WIDGET, "another site"),
        agent=header(Role.AGENT, "agent"),
        admin=header(Role.ADMIN, "admin"),
        identity_secret=rotate_identity_secret(
            services.db, services.vault, grace_s=0, actor="test"
        ).secret,
    )


@pytest.fixture
def client(services: Any) -> Iterator[Any]:
    """The real FastAPI app over Starlette's test transport, presenting each conversation's
    token as a widget does (app_support.WidgetTokens)."""
    from fastapi.testclient import TestClient

    from trustdesk.api.app import create_app

    tokens = WidgetTokens()
    with TestClient(create_app(services)) as c:
        c.event_hooks = {"request": [tokens.on_request], "response": [tokens.on_response]}
        yield c


@pytest.fixture
def raw_client(services: Any) -> Iterator[Any]:
    """The same app without the token bookkeeping: what an attacker's client sends."""
    from fastapi.testclient import TestClient

    from trustdesk.api.app import create_app

    with TestClient(create_app(services)) as c:
        yield c
