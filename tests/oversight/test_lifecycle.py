"""Resolve a conversation, reopen it with a new message, rate it; both backends."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from trustdesk.service.context import Services
from trustdesk.store.tables.oversight import FeedbackRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys, audit_actions

QUESTION = "How long does delivery to the UK take?"


def start(client: TestClient, keys: Keys) -> str:
    return str(client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"])


def say(client: TestClient, keys: Keys, cid: str, text: str = QUESTION) -> dict[str, Any]:
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                    headers=keys.widget)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def test_resolve_then_a_new_message_reopens_and_the_ai_answers(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid = start(client, keys)
    say(client, keys, cid)
    r = client.post(f"/v1/conversations/{cid}/resolve", headers=keys.agent)
    assert r.status_code == 200 and r.json()["state"] == "closed"
    again = client.post(f"/v1/conversations/{cid}/resolve", headers=keys.widget)
    assert again.status_code == 409 and "already resolved" in again.json()["error"]
    out = say(client, keys, cid)
    assert out["conversation_state"] == "ai" and out["decision"]["kind"] == "reply"
    assert audit_actions(services, cid) == ["conversation.resolved", "conversation.reopened"]


def test_a_handed_off_conversation_reopens_to_a_person_when_the_customer_opted_out(
    client: TestClient, keys: Keys
) -> None:
    cid = str(client.post("/v1/conversations", json={"ai_opt_out": True},
                          headers=keys.widget).json()["id"])
    client.post(f"/v1/conversations/{cid}/resolve", headers=keys.widget)
    out = say(client, keys, cid)
    assert out["conversation_state"] == "human" and out["decision"] is None


def test_feedback_per_conversation_and_per_answer(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid = start(client, keys)
    decision = say(client, keys, cid)["decision"]["id"]
    r = client.post(f"/v1/conversations/{cid}/feedback", json={"rating": 5},
                    headers=keys.widget)
    assert r.status_code == 201 and r.json()["decision_id"] is None
    r = client.post(f"/v1/conversations/{cid}/feedback",
                    json={"rating": 2, "decision_id": decision}, headers=keys.widget)
    assert r.status_code == 201 and r.json()["decision_id"] == decision
    for bad in ({"rating": 0}, {"rating": 6}, {"rating": 4.5}, {"rating": "5"}, {},
                {"rating": 3, "comment": "x"}):
        r = client.post(f"/v1/conversations/{cid}/feedback", json=bad, headers=keys.widget)
        assert r.status_code == 422, bad
    other = start(client, keys)
    r = client.post(f"/v1/conversations/{other}/feedback",
                    json={"rating": 3, "decision_id": decision}, headers=keys.widget)
    assert r.status_code == 404 and "decision" in r.json()["error"]
    r = client.post(f"/v1/conversations/{cid}/feedback", json={"rating": 3},
                    headers=keys.other_widget)
    assert r.status_code == 404, "another site's widget cannot rate this conversation"
    with UnitOfWork(services.db) as uow:
        ratings = sorted(f.rating for f in uow.session.scalars(select(FeedbackRow)))
    assert ratings == [2, 5]
    assert audit_actions(services, cid).count("feedback.given") == 2
