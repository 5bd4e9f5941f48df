"""Every free-text field a person or a client writes goes through the privacy guard before
it is stored (invariant 1): redacted (the original encrypted), or refused when the field
must never hold personal data. One row per field; after each write no table holds the value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.tables import Base, MessageRow
from trustdesk.store.uow import UnitOfWork

from e2e_support import Keys

# Personal data the guard recognises; each must be in no column of any table afterwards.
PII = "I am Maria Lopez, mail maria.lopez@example.com or call +44 7911 123456"
RAW = ("Maria Lopez", "maria.lopez@example.com", "7911 123456")
HELD = "I was charged twice, I dispute this payment"


def _conversation(client: TestClient, keys: Keys) -> str:
    r = client.post("/v1/conversations", json={}, headers=keys.widget)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _task(client: TestClient, keys: Keys) -> str:
    cid = _conversation(client, keys)
    out = client.post(f"/v1/conversations/{cid}/messages", json={"text": HELD},
                      headers=keys.widget).json()
    return str(next(t for t in client.get("/v1/reviews", headers=keys.agent).json()
                    if t["decision_id"] == out["decision"]["id"])["id"])


def _request(client: TestClient, keys: Keys, kind: str) -> tuple[str, str]:
    cid = _conversation(client, keys)
    client.post(f"/v1/conversations/{cid}/messages", json={"text": "hello there"},
                headers=keys.widget)
    customer = client.get(f"/v1/conversations/{cid}", headers=keys.widget).json()["customer_id"]
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": kind},
                    headers=keys.widget)
    assert r.status_code == 201, r.text
    return cid, str(r.json()["id"])


Write = Callable[[TestClient, Keys, Services], httpx.Response]


def _message(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    return c.post(f"/v1/conversations/{_conversation(c, k)}/messages", json={"text": PII},
                  headers=k.widget)


def _agent_reply(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    return c.post(f"/v1/conversations/{_conversation(c, k)}/agent-replies",
                  json={"text": PII}, headers=k.agent)


def _handoff(role: str) -> Write:
    def write(c: TestClient, k: Keys, s: Services) -> httpx.Response:
        return c.post(f"/v1/conversations/{_conversation(c, k)}/handoff",
                      json={"reason": f"customer {PII}"}, headers=getattr(k, role))
    return write


def _review(verdict: str) -> Write:
    def write(c: TestClient, k: Keys, s: Services) -> httpx.Response:
        return c.post(f"/v1/reviews/{_task(c, k)}", json={"verdict": verdict, "text": PII},
                      headers=k.agent)
    return write


def _rectified_text(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    cid, rid = _request(c, k, "rectification")
    with UnitOfWork(s.db) as uow:
        mid = uow.session.scalars(select(MessageRow.id).where(
            MessageRow.conversation_id == cid, MessageRow.sender == "customer")).one()
    return c.post(f"/v1/privacy/requests/{rid}/complete", json={"message_id": mid, "text": PII},
                  headers=k.admin)


def _rectified_ref(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    _, rid = _request(c, k, "rectification")
    return c.post(f"/v1/privacy/requests/{rid}/complete",
                  json={"customer_ref": "maria.lopez@example.com"}, headers=k.admin)


def _dsr_rejection(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    _, rid = _request(c, k, "access")
    return c.post(f"/v1/privacy/requests/{rid}/reject", json={"reason": PII}, headers=k.admin)


def _start(body: dict[str, Any]) -> Write:
    def write(c: TestClient, k: Keys, s: Services) -> httpx.Response:
        return c.post("/v1/conversations", json=body, headers=k.admin)
    return write


def _consent(field: str) -> Write:
    def write(c: TestClient, k: Keys, s: Services) -> httpx.Response:
        cid = _conversation(c, k)
        customer = c.get(f"/v1/conversations/{cid}", headers=k.widget).json()["customer_id"]
        return c.post(f"/v1/customers/{customer}/consents",
                      json={"purpose": "analytics", "granted": False, field: PII[:32]},
                      headers=k.widget)
    return write


def _signed_ref(c: TestClient, k: Keys, s: Services) -> httpx.Response:
    return c.post("/v1/conversations", json={"customer_token": k.sign("Maria.Lopez")},
                  headers=k.widget)


FIELDS: list[tuple[str, Write, int]] = [
    # field, how a person or client writes it, the answer: stored redacted, or refused
    ("customer message text", _message, 200),
    ("agent reply text", _agent_reply, 201),
    ("handoff reason (widget)", _handoff("widget"), 200),
    ("handoff reason (agent)", _handoff("agent"), 200),
    ("review edit text", _review("edit"), 200),
    ("review approval note", _review("approve"), 422),
    ("review rejection note", _review("reject"), 422),
    ("rectified message text", _rectified_text, 200),
    ("rectified customer_ref", _rectified_ref, 422),
    ("data-subject request rejection reason", _dsr_rejection, 422),
    ("customer_ref", _start({"customer_ref": "maria.lopez@example.com"}), 422),
    ("customer_ref with a name", _start({"customer_ref": "Maria.Lopez"}), 422),
    ("customer_token subject", _signed_ref, 422),
    ("consent withdrawal reason", _consent("reason"), 422),
    ("consent notice_version", _consent("notice_version"), 409),
]


def _dump(services: Services) -> str:
    with services.db.engine.connect() as conn:
        return "\n".join(repr(tuple(row)) for table in Base.metadata.sorted_tables
                         for row in conn.execute(table.select()))


@pytest.mark.parametrize(("field", "write", "status"), FIELDS, ids=[f[0] for f in FIELDS])
def test_free_text_is_redacted_or_refused(
    client: TestClient, keys: Keys, services: Services, field: str, write: Write, status: int
) -> None:
    r = write(client, keys, services)
    assert r.status_code == status, (field, r.text)
    if status >= 400:
        assert not any(raw in r.text for raw in RAW), f"the {field} error echoes the value"
    dumped = _dump(services)
    for raw in RAW:
        assert raw not in dumped, f"{field}: {raw!r} is stored in clear"
    if status < 400:  # and it was stored, as placeholders
        assert "<EMAIL_1>" in dumped and "<PERSON_1>" in dumped, field


def test_api_key_names_hold_no_personal_data(settings: Settings, services: Services) -> None:
    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir)}
    result = CliRunner().invoke(app, ["keys", "create", "--role", "agent", "--name",
                                      "laptop of maria.lopez@example.com"], env=env)
    assert result.exit_code == 2 and "personal data" in result.output
    assert "maria.lopez@example.com" not in _dump(services)
    ok = CliRunner().invoke(app, ["keys", "create", "--role", "agent", "--name", "support desk"],
                            env=env)
    assert ok.exit_code == 0, ok.output
