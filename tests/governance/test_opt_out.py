"""AI opt-out at any time: from the next message on, no model sees the customer's text."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from trustdesk.pipeline import Analysis, MessagePath
from trustdesk.service import conversations, messages
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.consent import set_ai_opt_out
from trustdesk.store.uow import UnitOfWork

from gov_support import ANSWERABLE, Keys, audit_actions, say, start, verify_ok


def _decisions(services: Services, cid: str) -> int:
    with UnitOfWork(services.db) as uow:
        return len(uow.decisions.in_conversation(cid))


class CountingPath(MessagePath):
    """The real path, counting what the models are shown."""

    def __init__(self, inner: MessagePath) -> None:
        super().__init__(classifier=inner.classifier, policy=inner.policy,
                         responder=inner.responder, detector=inner.detector,
                         signals=inner.signals)
        self.seen: list[str] = []

    def analyse(self, redacted: str, **options: Any) -> Analysis:
        self.seen.append(redacted)
        return super().analyse(redacted, **options)


def test_opt_out_mid_conversation_stops_ai_and_opt_in_restores_it(
    client: TestClient, keys: Keys, services: Services
) -> None:
    counting = CountingPath(services.path)
    services.path = counting
    cid, customer = start(client, keys.widget)
    first = say(client, keys.widget, cid, ANSWERABLE)
    assert first["decision"] is not None and len(counting.seen) == 1

    r = client.post(f"/v1/conversations/{cid}/ai-opt-out", headers=keys.widget)
    assert r.status_code == 200 and r.json()["ai_opt_out"] and r.json()["state"] == "human"
    after = say(client, keys.widget, cid, ANSWERABLE)
    assert after["reply"] is None and after["decision"] is None
    assert len(counting.seen) == 1, "no model saw the message after the opt-out"
    assert _decisions(services, cid) == 1
    # sticky for the customer: a new conversation starts human-only
    r = client.post("/v1/conversations", json={}, headers=keys.widget)
    ledger = client.get(f"/v1/customers/{customer}/consents", headers=keys.widget).json()
    assert ledger["history"][-1]["reason"] == "ai_opt_out"

    r = client.post(f"/v1/conversations/{cid}/ai-opt-in", headers=keys.widget)
    assert r.status_code == 200 and not r.json()["ai_opt_out"] and r.json()["state"] == "ai"
    assert say(client, keys.widget, cid, ANSWERABLE)["decision"] is not None
    assert audit_actions(services).count("customer.ai_opt_out") == 2
    verify_ok(services)


def test_opt_in_does_not_undo_a_handoff_to_a_person(client: TestClient, keys: Keys) -> None:
    cid, _ = start(client, keys.widget)
    client.post(f"/v1/conversations/{cid}/handoff", json={}, headers=keys.widget)
    client.post(f"/v1/conversations/{cid}/ai-opt-out", json={"opt_out": True},
                headers=keys.widget)
    r = client.post(f"/v1/conversations/{cid}/ai-opt-out", json={"opt_out": False},
                    headers=keys.widget)
    assert r.status_code == 200 and r.json()["state"] == "human"


class OptOutDuringAnalysis(CountingPath):
    """Simulates the customer opting out while their message is being analysed."""

    def __init__(self, inner: MessagePath, services: Services, caller: Caller, cid: str):
        super().__init__(inner)
        self.services, self.caller, self.cid = services, caller, cid

    def analyse(self, redacted: str, **options: Any) -> Analysis:
        result = super().analyse(redacted, **options)
        set_ai_opt_out(self.services, self.caller, self.cid, opt_out=True)
        return result


def test_post_message_checks_the_opt_out_at_write_time(
    services: Services, keys: Keys, client: TestClient
) -> None:
    from trustdesk.domain import Role
    from trustdesk.service.keys import create_key

    key = create_key(services.db, Role.WIDGET, "race").caller
    conv = conversations.start_conversation(services, key)
    caller = key.presenting(conv.conversation_token)
    services.path = OptOutDuringAnalysis(services.path, services, caller, conv.id)
    outcome = messages.post_message(services, caller, conv.id, ANSWERABLE)
    assert outcome.reply is None and outcome.decision_id is None
    assert _decisions(services, conv.id) == 0
    verify_ok(services)


def test_other_widgets_cannot_opt_out_someone_else(client: TestClient, keys: Keys) -> None:
    cid, _ = start(client, keys.widget)
    r = client.post(f"/v1/conversations/{cid}/ai-opt-out", headers=keys.other_widget)
    assert r.status_code == 404
    r = client.post(f"/v1/conversations/{cid}/ai-opt-out", json={"opt_out": "maybe"},
                    headers=keys.widget)
    assert r.status_code == 422
