"""`trustdesk keys`: create API keys, make a master key, rotate it without losing data."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.privacy.vault import Vault, load_master_key
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.uow import UnitOfWork

from e2e_support import Keys

runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir)}


def test_keys_create_prints_a_working_key(settings: Settings, client: TestClient,
                                          services: Services) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "agent", "--name", "alice"],
                           env=_env(settings))
    assert result.exit_code == 0, result.output
    issued = json.loads(result.stdout)
    assert issued["role"] == "agent" and issued["key"].startswith("td_agent_")
    r = client.get("/v1/reviews", headers={"Authorization": f"Bearer {issued['key']}"})
    assert r.status_code == 200
    with UnitOfWork(services.db) as uow:  # audited, with the prefix and never the secret
        (entry,) = uow.audit.about(issued["id"])
    assert entry.action == "api_key.created" and entry.actor.startswith("cli:")
    assert issued["key"] not in repr(entry.payload) and entry.payload["role"] == "agent"


def test_keys_create_rejects_unknown_roles(settings: Settings) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "root"], env=_env(settings))
    assert result.exit_code == 2 and "root" in result.output


def test_rotation_rewraps_every_data_key_and_can_resume(
    settings: Settings, services: Services, client: TestClient, keys: Keys, tmp_path: Path
) -> None:
    messages = []
    for i in range(3):
        cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
        r = client.post(f"/v1/conversations/{cid}/messages",
                        json={"text": f"mail me at user{i}@example.com"}, headers=keys.widget)
        messages.append(r.json()["message_id"])
    new_key = tmp_path / "new.key"
    assert runner.invoke(app, ["keys", "master", "--out", str(new_key)]).exit_code == 0
    again = runner.invoke(app, ["keys", "master", "--out", str(new_key)])
    assert again.exit_code == 2 and "refusing" in again.output

    old = services.vault.kek
    new = load_master_key(env_value=None, key_file=new_key, allow_generate=False)
    with UnitOfWork(services.db, write=True) as uow:  # an earlier run stopped after one key
        assert Vault(new).rewrap(uow, old, batch=1) == 1
        uow.commit()
    result = runner.invoke(app, ["keys", "rotate", "--new-key-file", str(new_key),
                                 "--batch", "1"], env=_env(settings))
    assert result.exit_code == 0, result.output
    assert "done: 2 data keys" in result.stdout

    fresh = Vault(new)  # only the new key: every message still opens
    with UnitOfWork(services.db) as uow:
        for mid in messages:
            row = uow.messages.get(mid)
            assert row is not None and row.original is not None
            conv = uow.conversations.get(row.conversation_id)
            assert conv is not None
            assert b"@example.com" in fresh.decrypt(uow, conv.customer_id, row.original,
                                                    mid.encode())
        assert [e.action for e in uow.audit.about(new.kek_id)] == ["keys.rotated"]


def test_list_and_revoke(settings: Settings, services: Services, client: TestClient) -> None:
    created = json.loads(runner.invoke(app, ["keys", "create", "--role", "widget", "--name",
                                             "shop"], env=_env(settings)).stdout)
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert client.post("/v1/conversations", json={}, headers=headers).status_code == 201

    listed = runner.invoke(app, ["keys", "list"], env=_env(settings))
    assert listed.exit_code == 0 and created["key"] not in listed.stdout  # never the secret
    mine = next(k for k in json.loads(listed.stdout) if k["id"] == created["id"])
    assert mine["role"] == "widget" and mine["revoked_at"] is None
    assert created["key"].startswith(mine["prefix"])

    result = runner.invoke(app, ["keys", "revoke", created["id"]], env=_env(settings))
    assert result.exit_code == 0 and "revoked" in result.stdout
    again = runner.invoke(app, ["keys", "revoke", created["id"]], env=_env(settings))
    assert again.exit_code == 0 and "already revoked" in again.stdout
    unknown = runner.invoke(app, ["keys", "revoke", "nope"], env=_env(settings))
    assert unknown.exit_code == 1 and "no API key with id nope" in unknown.output

    services.keys.forget_all()  # as when the 30-second cache entry expires
    r = client.post("/v1/conversations", json={}, headers=headers)
    assert r.status_code == 401 and "revoked" in r.json()["error"]
    with UnitOfWork(services.db) as uow:
        assert [e.action for e in uow.audit.about(created["id"])] == ["api_key.created",
                                                                   "api_key.revoked"]
