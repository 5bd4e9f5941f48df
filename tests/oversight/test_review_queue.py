"""The review queue a team works: priority, SLA, claims, escalation, filters; both backends."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.accountability import audit
from trustdesk.cli.main import app as cli_app
from trustdesk.domain import HandoffReason
from trustdesk.oversight.queue import Priority, PriorityRules, parse_slas
from trustdesk.service.context import Services
from trustdesk.service.oversight.queue import escalate_overdue
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys

REFUND = "I want my money back, refund me"
ROUTINE = "How long does delivery to the UK take?"


@pytest.mark.parametrize(
    ("urgency", "sentiment", "intent", "code", "expected"),
    [
        (0.0, 0.0, "bereavement_vulnerable", None, Priority.URGENT),
        (0.8, 0.0, "refund", HandoffReason.POLICY, Priority.URGENT),
        (0.0, 0.0, "refund", HandoffReason.SENSITIVE_TOPIC, Priority.HIGH),
        (0.0, -0.7, "order_status", HandoffReason.LOW_CONFIDENCE, Priority.HIGH),
        (0.5, 0.0, "order_status", HandoffReason.LOW_CONFIDENCE, Priority.HIGH),
        (0.0, 0.0, "order_status", HandoffReason.LOW_CONFIDENCE, Priority.NORMAL),
        (0.0, 0.0, "order_status", HandoffReason.AI_PAUSED, Priority.LOW),
        (0.9, 0.0, "order_status", HandoffReason.AI_PAUSED, Priority.URGENT),
    ],
)
def test_priority_from_vulnerability_urgency_policy_and_mood(
    urgency: float, sentiment: float, intent: str, code: HandoffReason | None,
    expected: Priority,
) -> None:
    assert PriorityRules().priority(urgency=urgency, sentiment=sentiment, intent=intent,
                                    code=code) is expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"urgent": 15, "high": 60, "normal": 240}, "missing low"),
        ({"urgent": 15, "high": 60, "normal": 240, "low": 0}, "at least a minute"),
        ({"urgent": 120, "high": 60, "normal": 240, "low": 999}, "longer SLA"),
        ({"urgent": 1, "high": 2, "normal": 3, "low": 4, "soon": 1}, "keys are"),
    ],
)
def test_bad_slas_are_refused(raw: dict[str, int], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_slas(raw)


def held(client: TestClient, keys: Keys, text: str = REFUND) -> dict[str, Any]:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                    headers=keys.widget)
    out: dict[str, Any] = r.json()
    assert out["decision"]["kind"] == "review", out
    queue = client.get("/v1/reviews", headers=keys.agent).json()
    task: dict[str, Any] = next(t for t in queue if t["decision_id"] == out["decision"]["id"])
    return task


def test_a_task_has_priority_due_time_language_and_intent(
    client: TestClient, keys: Keys
) -> None:
    task = held(client, keys)
    assert task["priority"] == "high" and task["intent"] == "refund"
    created = datetime.fromisoformat(task["created_at"].replace("Z", "+00:00"))
    due = datetime.fromisoformat(task["due_at"].replace("Z", "+00:00"))
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    assert due - created == timedelta(minutes=60), "the high-priority SLA of the settings"
    assert task["overdue"] is False and task["claimed_by"] is None


def test_the_queue_sorts_by_priority_and_filters(client: TestClient, keys: Keys) -> None:
    client.post("/v1/ai/pause", json={"scope": "global", "mode": "draft_only", "reason": "t"},
                headers=keys.admin)
    low = held(client, keys, ROUTINE)
    high = held(client, keys, REFUND)
    assert low["priority"] == "low"
    ids = [t["id"] for t in client.get("/v1/reviews", headers=keys.agent).json()]
    assert ids.index(high["id"]) < ids.index(low["id"])
    only = client.get("/v1/reviews?priority=low", headers=keys.agent).json()
    assert [t["id"] for t in only] == [low["id"]]
    by_intent = client.get("/v1/reviews?intent=refund", headers=keys.agent).json()
    assert [t["id"] for t in by_intent] == [high["id"]]
    assert client.get("/v1/reviews?language=fr", headers=keys.agent).json() == []
    for bad in ("priority=soon", "language=French", "intent=Not%20one", "claimed=maybe"):
        r = client.get(f"/v1/reviews?{bad}", headers=keys.agent)
        assert r.status_code == 422 and bad.split("=")[0] in r.json()["error"]


def test_claim_release_and_only_the_claimer_decides(
    client: TestClient, keys: Keys, services: Services
) -> None:
    from trustdesk.domain import Role
    from trustdesk.service.keys import create_key

    colleague = {"Authorization": f"Bearer {create_key(services.db, Role.AGENT, 'b').secret}"}
    task = held(client, keys)
    r = client.post(f"/v1/reviews/{task['id']}/claim", headers=keys.agent)
    assert r.status_code == 200 and r.json()["claimed_by"]
    assert client.post(f"/v1/reviews/{task['id']}/claim", headers=keys.agent).status_code == 200
    taken = client.post(f"/v1/reviews/{task['id']}/claim", headers=colleague)
    assert taken.status_code == 409 and "claimed by another" in taken.json()["error"]
    verdict = client.post(f"/v1/reviews/{task['id']}", json={"verdict": "approve"},
                          headers=colleague)
    assert verdict.status_code == 409
    assert client.post(f"/v1/reviews/{task['id']}/release",
                       headers=colleague).status_code == 403
    mine = client.get("/v1/reviews?claimed=true", headers=keys.agent).json()
    assert [t["id"] for t in mine] == [task["id"]]
    assert client.post(f"/v1/reviews/{task['id']}/release", headers=keys.agent).json()[
        "claimed_by"] is None
    done = client.post(f"/v1/reviews/{task['id']}", json={"verdict": "approve"},
                       headers=colleague)
    assert done.status_code == 200 and done.json()["reviewed_by"]
    assert client.post(f"/v1/reviews/{task['id']}/claim", headers=keys.agent).status_code == 409
    assert client.post("/v1/reviews/nope/claim", headers=keys.agent).status_code == 404
    assert client.post(f"/v1/reviews/{task['id']}/claim", headers=keys.widget).status_code == 403
    with UnitOfWork(services.db) as uow:
        actions = [e.action for e in uow.session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.subject_id == task["id"])
            .order_by(AuditEntryRow.seq))]
    assert actions == ["review.claimed", "review.released"]


def test_an_overdue_task_is_escalated_once_audited_and_raised_to_the_top(
    client: TestClient, keys: Keys, services: Services
) -> None:
    client.post("/v1/ai/pause", json={"scope": "global", "mode": "draft_only", "reason": "t"},
                headers=keys.admin)
    low = held(client, keys, ROUTINE)
    high = held(client, keys, REFUND)
    later = datetime.now(UTC) + timedelta(minutes=61)  # past the high SLA, not the low one
    assert escalate_overdue(services.db, now=later) == 1
    assert escalate_overdue(services.db, now=later) == 0, "escalated once"
    queue = client.get("/v1/reviews", headers=keys.agent).json()
    assert queue[0]["id"] == high["id"] and queue[0]["escalated_at"]
    much_later = datetime.now(UTC) + timedelta(days=2)
    assert escalate_overdue(services.db, now=much_later) == 1
    queue = client.get("/v1/reviews", headers=keys.agent).json()
    # both escalated now: priority orders them again
    assert [t["id"] for t in queue[:2]] == [high["id"], low["id"]]
    with UnitOfWork(services.db) as uow:
        entries = uow.session.scalars(select(AuditEntryRow).where(
            AuditEntryRow.action == "review.escalated")).all()
        assert audit.verify(uow).ok
    assert {e.subject_id for e in entries} == {high["id"], low["id"]}
    assert all(e.actor == "service:review-escalation" for e in entries)


def test_a_rejected_draft_tells_the_customer_a_person_will_reply(
    client: TestClient, keys: Keys
) -> None:
    task = held(client, keys)
    r = client.post(f"/v1/reviews/{task['id']}", json={"verdict": "reject"}, headers=keys.agent)
    assert r.status_code == 200
    transcript = client.get(f"/v1/conversations/{task['conversation_id']}/messages",
                            headers=keys.widget).json()["messages"]
    assert transcript[-1]["sender"] == "system"
    assert "will reply to you personally" in transcript[-1]["text"]
    assert task["draft"] not in json.dumps(transcript)
    conv = client.get(f"/v1/conversations/{task['conversation_id']}",
                      headers=keys.agent).json()
    assert conv["state"] == "human" and conv["handoff_code"] == "sensitive_topic"


def test_the_cli_escalates(settings: Settings, client: TestClient, keys: Keys) -> None:
    held(client, keys)
    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir)}
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    r = CliRunner().invoke(cli_app, ["reviews", "escalate", "--now", later], env=env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == {"escalated": 1}
    bad = CliRunner().invoke(cli_app, ["reviews", "escalate", "--now", "tomorrow"], env=env)
    assert bad.exit_code == 2 and "--now" in bad.output
