"""The kill switch over HTTP and the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.accountability import audit
from trustdesk.cli.main import app as cli_app
from trustdesk.oversight.killswitch import PauseCache
from trustdesk.service.context import Services
from trustdesk.service.oversight.killswitch import load_active
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys, WidgetTokens

QUESTION = "How long does delivery to the UK take?"


def start(client: TestClient, headers: dict[str, str], **body: object) -> str:
    r = client.post("/v1/conversations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def say(client: TestClient, headers: dict[str, str], text: str = QUESTION,
        cid: str | None = None, **conv: object) -> dict[str, Any]:
    cid = cid or start(client, headers, **conv)
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text}, headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def pause(client: TestClient, keys: Keys, **body: object) -> dict[str, Any]:
    r = client.post("/v1/ai/pause", json={"reason": "incident 42", **body}, headers=keys.admin)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def rules_of(client: TestClient, keys: Keys, out: dict[str, Any]) -> list[str]:
    e = client.get(out["decision"]["explanation_url"], headers=keys.admin).json()
    return [r["rule_id"] for r in e["rules"]]


def test_a_global_pause_hands_off_until_resumed(client: TestClient, keys: Keys) -> None:
    assert say(client, keys.widget)["decision"]["kind"] == "reply"
    change = pause(client, keys, scope="global")
    assert change["changed"] is True and change["pause"]["mode"] == "handoff"
    status = client.get("/v1/ai/status", headers=keys.agent).json()
    assert status["paused"] is True and [p["scope"] for p in status["active"]] == ["global"]

    out = say(client, keys.widget)
    assert out["decision"]["kind"] == "handoff" and out["conversation_state"] == "human"
    assert out["reply"]["ai_generated"] is True and not out["reply"]["sources"]
    assert "ai-paused" in rules_of(client, keys, out), "the pause is a rule in the explanation"

    r = client.post("/v1/ai/resume", json={"scope": "global", "reason": "fixed"},
                    headers=keys.admin)
    assert r.status_code == 200, r.text
    assert r.json()["pause"]["resumed_at"] is not None
    status = client.get("/v1/ai/status", headers=keys.admin).json()
    assert status["paused"] is False and not status["active"]
    assert status["recently_resumed"][0]["resume_reason"] == "fixed"
    assert say(client, keys.widget)["decision"]["kind"] == "reply"


def test_draft_only_sends_every_reply_to_review(client: TestClient, keys: Keys) -> None:
    first = pause(client, keys, scope="global", mode="draft_only")
    out = say(client, keys.widget)
    assert out["decision"]["kind"] == "review" and out["decision"]["oversight"] == "awaiting_review"
    assert out["conversation_state"] == "ai" and not out["reply"]["sources"]
    queue = client.get("/v1/reviews", headers=keys.agent).json()
    task = next(t for t in queue if t["decision_id"] == out["decision"]["id"])
    assert task["draft"], "the AI still drafts for the agent"
    assert "ai-paused" in rules_of(client, keys, out)
    # pausing again in the other mode changes the mode instead of adding a second pause
    again = pause(client, keys, scope="global", mode="handoff")
    assert again["changed"] is True and again["pause"]["id"] == first["pause"]["id"]
    assert [p["mode"] for p in client.get("/v1/ai/status", headers=keys.admin).json()["active"]] \
        == ["handoff"]
    same = pause(client, keys, scope="global", mode="handoff")
    assert same["changed"] is False


def test_intent_and_channel_scopes_pause_only_their_messages(
    client: TestClient, keys: Keys
) -> None:
    intent = client.get(f"/v1/decisions/{say(client, keys.widget)['decision']['id']}",
                        headers=keys.admin).json()["intent"]
    pause(client, keys, scope="intent", value=intent)
    assert say(client, keys.widget)["decision"]["kind"] == "handoff"
    other = say(client, keys.widget, "Do you sell gift cards?")
    assert "ai-paused" not in rules_of(client, keys, other)

    pause(client, keys, scope="channel", value="email")
    emailed = say(client, keys.widget, "Do you sell gift cards?", channel="email")
    assert emailed["decision"]["kind"] == "handoff"
    assert "ai-paused" in rules_of(client, keys, emailed)


def test_pause_and_resume_are_audited_with_who_and_a_redacted_why(
    client: TestClient, keys: Keys, services: Services
) -> None:
    pause(client, keys, scope="global", reason="Maria Lopez (maria@example.com) got bad answers")
    client.post("/v1/ai/resume", json={"scope": "global", "reason": "rolled back"},
                headers=keys.admin)
    with UnitOfWork(services.db) as uow:
        entries = uow.session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.subject_type == "ai_pause")
            .order_by(AuditEntryRow.seq)
        ).all()
        assert audit.verify(uow).ok
    assert [e.action for e in entries] == ["ai.paused", "ai.resumed"]
    assert all(e.actor.startswith("key:") and e.payload["by_role"] == "admin" for e in entries)
    why = entries[0].payload["reason"]
    assert "maria@example.com" not in why and "<EMAIL_1>" in why
    assert entries[1].payload["reason"] == "rolled back"
    status = client.get("/v1/ai/status", headers=keys.admin).json()
    assert "maria" not in json.dumps(status).lower()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scope": "global", "value": "x"}, "value"),
        ({"scope": "intent"}, "value"),
        ({"scope": "intent", "value": "Not An Intent"}, "value"),
        ({"scope": "channel", "value": "fax"}, "value"),
        ({"scope": "global", "reason": "   "}, "reason"),
        ({"scope": "everything"}, "scope"),
        ({"scope": "global", "mode": "silent"}, "mode"),
    ],
)
def test_bad_pauses_are_422_naming_the_field(
    client: TestClient, keys: Keys, body: dict[str, object], field: str
) -> None:
    r = client.post("/v1/ai/pause", json={"reason": "why", **body}, headers=keys.admin)
    assert r.status_code == 422, r.text
    assert field in r.json()["error"]
    assert not client.get("/v1/ai/status", headers=keys.admin).json()["active"]


def test_only_admins_pause_and_resuming_nothing_is_a_conflict(
    client: TestClient, keys: Keys
) -> None:
    for who in (keys.agent, keys.widget):
        r = client.post("/v1/ai/pause", json={"scope": "global", "reason": "x"}, headers=who)
        assert r.status_code == 403
    assert client.get("/v1/ai/status", headers=keys.widget).status_code == 403
    r = client.post("/v1/ai/resume", json={"scope": "channel", "value": "chat", "reason": "x"},
                    headers=keys.admin)
    assert r.status_code == 409 and "channel chat" in r.json()["error"]


@pytest.fixture
def second_worker(settings: Settings) -> Iterator[tuple[Services, list[float]]]:
    """Another worker process's object graph on the same database, with a clock we move."""
    from trustdesk.bootstrap import bootstrap

    svc = bootstrap(settings)
    now = [1000.0]
    svc.pauses = PauseCache(lambda: load_active(svc.db), ttl_s=1.0, clock=lambda: now[0])
    try:
        yield svc, now
    finally:
        svc.db.dispose()


def test_another_worker_obeys_a_pause_once_its_cache_expires(
    client: TestClient, keys: Keys, second_worker: tuple[Services, list[float]]
) -> None:
    from trustdesk.api.app import create_app

    svc_b, now = second_worker
    tokens = WidgetTokens()
    with TestClient(create_app(svc_b)) as worker_b:
        worker_b.event_hooks = {"request": [tokens.on_request], "response": [tokens.on_response]}
        assert say(worker_b, keys.widget)["decision"]["kind"] == "reply"  # caches "no pauses"
        pause(client, keys, scope="global")  # through worker A
        assert say(client, keys.widget)["decision"]["kind"] == "handoff", "A obeys at once"
        assert say(worker_b, keys.widget)["decision"]["kind"] == "reply", "B's view is cached"
        now[0] += 1.0  # the TTL passes on B
        assert say(worker_b, keys.widget)["decision"]["kind"] == "handoff"


runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir),
            "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir)}


def test_the_cli_pauses_resumes_and_shows_the_status(
    settings: Settings, client: TestClient, keys: Keys, services: Services
) -> None:
    env = _env(settings)
    r = runner.invoke(cli_app, ["ai", "pause", "--scope", "channel", "--value", "chat",
                                "--mode", "draft_only", "--reason", "new model"], env=env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["pause"]["mode"] == "draft_only"
    services.pauses.invalidate()
    assert say(client, keys.widget)["decision"]["kind"] == "review"
    r = runner.invoke(cli_app, ["ai", "status"], env=env)
    assert r.exit_code == 0 and json.loads(r.stdout)["active"][0]["value"] == "chat"
    bad = runner.invoke(cli_app, ["ai", "pause", "--scope", "intent", "--value", "nope",
                                  "--reason", "x"], env=env)
    assert bad.exit_code == 1 and "no such intent" in bad.output
    r = runner.invoke(cli_app, ["ai", "resume", "--scope", "channel", "--value", "chat",
                                "--reason", "done"], env=env)
    assert r.exit_code == 0, r.output
    again = runner.invoke(cli_app, ["ai", "resume", "--scope", "channel", "--value", "chat",
                                    "--reason", "done"], env=env)
    assert again.exit_code == 1 and "not paused" in again.output
    with UnitOfWork(services.db) as uow:
        actors = [e.actor for e in uow.audit.latest_since(None, 10)
                  if e.subject_type == "ai_pause"]
    assert actors and all(a.startswith("cli:") for a in actors)


def test_an_intent_the_model_does_not_know_is_a_409(client: TestClient, keys: Keys) -> None:
    r = client.post("/v1/ai/pause", json={"reason": "why", "scope": "intent",
                                          "value": "no_such_intent"}, headers=keys.admin)
    assert r.status_code == 409, r.text
    assert "value" in r.json()["error"]
