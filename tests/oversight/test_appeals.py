"""A customer contests a decision; a person upholds or overturns it; both backends."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from trustdesk.service.context import Services
from trustdesk.service.privacy.subject import erase_subject
from trustdesk.service.privacy.tombstones import ERASURE_TOMBSTONE
from trustdesk.store.tables.oversight import AppealRow
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.report import build_report

from app_support import Keys, audit_actions

QUESTION = "How long does delivery to the UK take?"
EMAIL = "odile.marchetti@example.org"


def _answered(client: TestClient, keys: Keys) -> tuple[str, str]:
    conv = client.post("/v1/conversations", json={}, headers=keys.widget).json()
    out = client.post(f"/v1/conversations/{conv['id']}/messages", json={"text": QUESTION},
                      headers=keys.widget).json()
    assert out["decision"]["kind"] == "reply"
    return str(conv["id"]), str(out["decision"]["id"])


def _transcript(client: TestClient, keys: Keys, cid: str) -> list[dict[str, Any]]:
    body = client.get(f"/v1/conversations/{cid}/messages", headers=keys.agent).json()
    messages: list[dict[str, Any]] = body["messages"]
    return messages


def test_contesting_hands_the_conversation_to_a_person_and_shows_in_the_explanation(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, decision = _answered(client, keys)
    r = client.post(f"/v1/decisions/{decision}/appeal",
                    json={"reason": f"That is wrong, write to me at {EMAIL}"},
                    headers=keys.widget)
    assert r.status_code == 201, r.text
    appeal = r.json()
    assert appeal["status"] == "open" and appeal["opened_by_role"] == "widget"
    assert EMAIL not in r.text and "<EMAIL_" in appeal["reason"]  # redacted before storing
    conv = client.get(f"/v1/conversations/{cid}", headers=keys.widget).json()
    assert conv["state"] == "human" and conv["handoff_code"] == "customer_request"
    assert "received your appeal" in _transcript(client, keys, cid)[-1]["text"]
    # the AI stays silent while a person has the conversation
    again = client.post(f"/v1/conversations/{cid}/messages", json={"text": QUESTION},
                        headers=keys.widget).json()
    assert again["decision"] is None and again["conversation_state"] == "human"
    e = client.get(f"/v1/decisions/{decision}/explanation", headers=keys.widget).json()
    assert e["appeal"]["id"] == appeal["id"] and e["appeal"]["status"] == "open"
    assert e["appeal_url"] == f"/v1/decisions/{decision}/appeal"
    assert "contest it" in e["how_to_appeal"]
    assert audit_actions(services, decision)[-1] == "decision.appealed"
    assert "conversation.handoff" in audit_actions(services, cid)
    with UnitOfWork(services.db) as uow:
        row = uow.session.get(AppealRow, appeal["id"])
        assert row is not None and EMAIL not in (row.reason or "")


def test_a_person_decides_the_appeal_and_the_customer_is_told(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, decision = _answered(client, keys)
    appeal = client.post(f"/v1/decisions/{decision}/appeal", headers=keys.widget).json()
    assert appeal["reason"] is None  # no body: contesting needs no words
    listed = client.get("/v1/appeals", headers=keys.agent).json()
    assert [a["id"] for a in listed] == [appeal["id"]]
    for caller in (keys.widget, keys.other_widget):
        assert client.get("/v1/appeals", headers=caller).status_code == 403
        assert client.post(f"/v1/appeals/{appeal['id']}/decide", json={"outcome": "upheld"},
                           headers=caller).status_code == 403
    r = client.post(f"/v1/appeals/{appeal['id']}/decide",
                    json={"outcome": "overturned", "note": f"refund agreed, mail {EMAIL}"},
                    headers=keys.agent)
    assert r.status_code == 200, r.text
    decided = r.json()
    assert decided["status"] == "overturned" and decided["decided_by_role"] == "agent"
    assert decided["decided_at"] and EMAIL not in r.text and "<EMAIL_" in decided["outcome_note"]
    assert "looked at the decision you contested again and changed it" in _transcript(
        client, keys, cid)[-1]["text"]
    twice = client.post(f"/v1/appeals/{appeal['id']}/decide", json={"outcome": "upheld"},
                        headers=keys.admin)
    assert twice.status_code == 409 and "already decided" in twice.json()["error"]
    customer = client.get(f"/v1/decisions/{decision}/explanation", headers=keys.widget).json()
    staff = client.get(f"/v1/decisions/{decision}/explanation", headers=keys.agent).json()
    assert customer["appeal"]["status"] == staff["appeal"]["status"] == "overturned"
    assert customer["appeal"]["outcome_note"] is None and staff["appeal"]["outcome_note"]
    assert client.get("/v1/appeals", headers=keys.agent).json() == []
    assert [a["id"] for a in client.get("/v1/appeals?status=overturned",
                                        headers=keys.agent).json()] == [appeal["id"]]
    assert audit_actions(services, decision)[-2:] == ["decision.appealed", "appeal.decided"]
    report = build_report(services.db.engine, since=None, until=None, now=datetime.now(UTC))
    assert report["appeals"]["total"] == 1 and report["appeals"]["overturned"] == 1
    assert report["appeals"]["overturn_rate"]["value"] == 1.0


def test_a_decision_is_contested_once_and_only_by_who_can_see_it(
    client: TestClient, keys: Keys
) -> None:
    _, decision = _answered(client, keys)
    assert client.post(f"/v1/decisions/{decision}/appeal", headers=keys.other_widget,
                       json={}).status_code == 404  # another customer's decision
    assert client.post("/v1/decisions/nope/appeal", headers=keys.widget,
                       json={}).status_code == 404
    assert client.post(f"/v1/decisions/{decision}/appeal", headers=keys.widget,
                       json={}).status_code == 201
    twice = client.post(f"/v1/decisions/{decision}/appeal", headers=keys.widget, json={})
    assert twice.status_code == 409 and "already contested" in twice.json()["error"]
    assert client.post("/v1/appeals/nope/decide", json={"outcome": "upheld"},
                       headers=keys.agent).status_code == 404


@pytest.mark.parametrize("body", [{"reason": ""}, {"reason": "x" * 1001}, {"reason": 5},
                                  {"reason": "ok", "extra": 1}])
def test_a_malformed_appeal_is_a_422_naming_the_field(
    client: TestClient, keys: Keys, body: dict[str, Any]
) -> None:
    _, decision = _answered(client, keys)
    r = client.post(f"/v1/decisions/{decision}/appeal", json=body, headers=keys.widget)
    assert r.status_code == 422
    # an unknown field is not named back (it could be anything the caller typed)
    assert "reason" in r.text if "extra" not in body else "not allowed" in r.text


@pytest.mark.parametrize("body", [{"outcome": "open"}, {"outcome": "maybe"}, {},
                                  {"outcome": "upheld", "note": ""}])
def test_a_malformed_verdict_is_a_422(client: TestClient, keys: Keys,
                                      body: dict[str, Any]) -> None:
    _, decision = _answered(client, keys)
    appeal = client.post(f"/v1/decisions/{decision}/appeal", headers=keys.widget).json()
    r = client.post(f"/v1/appeals/{appeal['id']}/decide", json=body, headers=keys.agent)
    assert r.status_code == 422 and ("outcome" in r.text or "note" in r.text)


def test_erasure_tombstones_the_appeal_and_the_export_lists_it(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, decision = _answered(client, keys)
    appeal = client.post(f"/v1/decisions/{decision}/appeal", headers=keys.widget,
                         json={"reason": "the answer ignored my question"}).json()
    customer = client.get(f"/v1/conversations/{cid}", headers=keys.agent).json()["customer_id"]
    with UnitOfWork(services.db, write=True) as uow:
        counts = erase_subject(uow, services, customer, actor="test")
        uow.commit()
    assert counts["appeals"] == 1
    with UnitOfWork(services.db) as uow:
        row = uow.session.get(AppealRow, appeal["id"])
        assert row is not None and row.reason == ERASURE_TOMBSTONE
