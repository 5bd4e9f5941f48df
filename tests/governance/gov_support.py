"""Helpers shared by the governance tests (a uniquely named module, not a package)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from trustdesk.accountability import audit
from trustdesk.service.context import Services
from trustdesk.store.tables import ConversationRow, DecisionRow, MessageRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys as Keys  # re-exported for the tests

# Messages the demo model answers automatically (and one with personal data).
ANSWERABLE = "How long does delivery to the UK take?"
WITH_EMAIL = "My email is dana.whitfield@example.com, where is my order LL-123456?"


def start(client: TestClient, headers: dict[str, str], ref: str | None = None,
          token: str | None = None) -> tuple[str, str]:
    """Open a conversation (for `ref` with its signed `token`); returns (conversation id,
    customer id)."""
    body: dict[str, Any] = {} if ref is None else {"customer_ref": ref}
    if token is not None:
        body["customer_token"] = token
    r = client.post("/v1/conversations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["id"], r.json()["customer_id"]


def say(client: TestClient, headers: dict[str, str], cid: str, text: str) -> dict[str, Any]:
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text}, headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def backdate(services: Services, conversation_id: str, when: datetime) -> None:
    """Make a conversation's rows look as if they were written at `when`."""
    with UnitOfWork(services.db, write=True) as uow:
        s = uow.session
        s.execute(update(MessageRow).where(MessageRow.conversation_id == conversation_id)
                  .values(created_at=when))
        s.execute(update(DecisionRow).where(DecisionRow.conversation_id == conversation_id)
                  .values(created_at=when))
        s.execute(update(ConversationRow).where(ConversationRow.id == conversation_id)
                  .values(created_at=when, updated_at=when))
        uow.commit()


def verify_ok(services: Services) -> audit.Verification:
    with UnitOfWork(services.db) as uow:
        result = audit.verify(uow)
    assert result.ok, result.problems
    return result


def audit_actions(services: Services) -> list[str]:
    with UnitOfWork(services.db) as uow:
        return [e.action for e in uow.audit.iter_entries()]
