"""Handoff with reason codes, the customer's notice in their language, and hand-back."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from trustdesk.domain import HandoffReason
from trustdesk.service.context import Services
from trustdesk.store.tables import AuditEntryRow, ConversationRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys

QUESTION = "How long does delivery to the UK take?"
EN_HANDOFF = "A member of our team will take over this conversation"
ES_HANDOFF = "Una persona de nuestro equipo se encargará de esta conversación"


def start(client: TestClient, headers: dict[str, str], **body: object) -> str:
    r = client.post("/v1/conversations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def say(client: TestClient, headers: dict[str, str], cid: str, text: str) -> dict[str, Any]:
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text}, headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def transcript(client: TestClient, keys: Keys, cid: str) -> list[dict[str, Any]]:
    r = client.get(f"/v1/conversations/{cid}/messages", headers=keys.agent)
    out: list[dict[str, Any]] = r.json()["messages"]
    return out


def test_a_handoff_with_a_code_is_stored_audited_and_explained_to_the_customer(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid = start(client, keys.widget)
    assert say(client, keys.widget, cid, QUESTION)["conversation_state"] == "ai"
    r = client.post(f"/v1/conversations/{cid}/handoff",
                    json={"reason_code": "repeat_contact",
                          "note": "third time, call +44 20 7946 0958"},
                    headers=keys.agent)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "human" and r.json()["handoff_code"] == "repeat_contact"
    notice = transcript(client, keys, cid)[-1]
    assert notice["sender"] == "system" and notice["text"].startswith(EN_HANDOFF)
    assert "will not answer in the meantime" in notice["text"]
    with UnitOfWork(services.db) as uow:
        conv = uow.session.get(ConversationRow, cid)
        assert conv is not None and "7946" not in (conv.handoff_reason or "")
        assert "<PHONE_1>" in (conv.handoff_reason or "")
        entry = uow.session.scalars(select(AuditEntryRow).where(
            AuditEntryRow.action == "conversation.handoff",
            AuditEntryRow.subject_id == cid)).one()
    assert entry.payload["reason_code"] == "repeat_contact"
    # the AI stays silent until a person hands the conversation back
    assert say(client, keys.widget, cid, QUESTION)["reply"] is None


def test_an_unknown_code_is_a_422_that_lists_the_allowed_ones(
    client: TestClient, keys: Keys
) -> None:
    cid = start(client, keys.widget)
    r = client.post(f"/v1/conversations/{cid}/handoff", json={"reason_code": "bored"},
                    headers=keys.widget)
    assert r.status_code == 422
    error = r.json()["error"]
    assert "reason_code" in error and all(c.value in error for c in HandoffReason)
    assert client.get(f"/v1/conversations/{cid}", headers=keys.widget).json()["state"] == "ai"


def test_a_widget_handoff_without_a_code_is_a_customer_request(
    client: TestClient, keys: Keys
) -> None:
    cid = start(client, keys.widget)
    r = client.post(f"/v1/conversations/{cid}/handoff", headers=keys.widget)
    assert r.json()["handoff_code"] == "customer_request"


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("I want to talk to a real person please", "handoff", "customer_request"),
        ("I want my money back, refund me", "review", "sensitive_topic"),
        ("How long does delivery to the UK take?", "reply", None),
    ],
)
def test_the_decision_and_conversation_carry_the_policy_code(
    client: TestClient, keys: Keys, text: str, kind: str, code: str | None
) -> None:
    cid = start(client, keys.widget)
    out = say(client, keys.widget, cid, text)
    assert out["decision"]["kind"] == kind
    d = client.get(f"/v1/decisions/{out['decision']['id']}", headers=keys.agent).json()
    assert d["reason_code"] == code
    conv = client.get(f"/v1/conversations/{cid}", headers=keys.agent).json()
    assert conv["handoff_code"] == (code if kind == "handoff" else None)
    e = client.get(out["decision"]["explanation_url"], headers=keys.agent).json()
    if code is not None:
        assert code in {r["reason_code"] for r in e["rules"]}


def test_spanish_is_handed_off_told_in_spanish_and_handed_back_in_spanish(
    client: TestClient, keys: Keys
) -> None:
    cid = start(client, keys.widget)
    out = say(client, keys.widget, cid,
              "Hola, quiero saber cuánto tarda el envío de mi pedido a Madrid, por favor")
    assert out["decision"]["kind"] == "handoff"
    assert out["reply"]["text"].startswith(ES_HANDOFF)
    d = client.get(f"/v1/decisions/{out['decision']['id']}", headers=keys.agent).json()
    assert d["reason_code"] == "language"

    assert client.post(f"/v1/conversations/{cid}/hand-back",
                       headers=keys.widget).status_code == 403
    r = client.post(f"/v1/conversations/{cid}/hand-back", headers=keys.agent)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "ai" and r.json()["handoff_code"] is None
    assert transcript(client, keys, cid)[-1]["text"].startswith("Vuelve a hablar")
    again = client.post(f"/v1/conversations/{cid}/hand-back", headers=keys.agent)
    assert again.status_code == 409 and "not with a person" in again.json()["error"]
    # a person-initiated handoff later is told in the customer's language too
    client.post(f"/v1/conversations/{cid}/handoff", headers=keys.widget)
    assert transcript(client, keys, cid)[-1]["text"].startswith(ES_HANDOFF)


def test_hand_back_is_refused_for_a_customer_who_opted_out(
    client: TestClient, keys: Keys
) -> None:
    cid = start(client, keys.widget, ai_opt_out=True)
    r = client.post(f"/v1/conversations/{cid}/hand-back", headers=keys.admin)
    assert r.status_code == 409 and "opted out" in r.json()["error"]


def test_hand_back_lets_the_ai_answer_again_and_is_audited(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid = start(client, keys.widget)
    client.post(f"/v1/conversations/{cid}/handoff", json={"reason_code": "error"},
                headers=keys.agent)
    client.post(f"/v1/conversations/{cid}/hand-back", headers=keys.agent)
    out = say(client, keys.widget, cid, "How long does delivery to the UK take?")
    assert out["decision"]["kind"] == "reply" and out["reply"]["ai_generated"] is True
    with UnitOfWork(services.db) as uow:
        entry = uow.session.scalars(select(AuditEntryRow).where(
            AuditEntryRow.action == "conversation.handed_back")).one()
    assert entry.payload == {"by_role": "agent", "reason_code": "error"}
