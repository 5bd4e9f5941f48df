"""Seal 2 covers a decision's reason_code; decisions sealed before it (seal 1) still verify."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from trustdesk.accountability import audit
from trustdesk.service.context import Services
from trustdesk.store.tables import AuditEntryRow, DecisionRow
from trustdesk.store.uow import UnitOfWork

from app_support import Keys


def _held(client: TestClient, keys: Keys) -> str:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    r = client.post(f"/v1/conversations/{cid}/messages", headers=keys.widget,
                    json={"text": "I want my money back, refund me"}).json()
    assert r["decision"]["kind"] == "review"
    return str(r["decision"]["id"])


def _verify(services: Services) -> audit.Verification:
    with UnitOfWork(services.db) as uow:
        return audit.verify(uow)


def test_new_seals_say_they_cover_the_reason_code(client: TestClient, keys: Keys,
                                                  services: Services) -> None:
    decision_id = _held(client, keys)
    with services.db.engine.connect() as conn:
        payload = conn.execute(select(AuditEntryRow.payload).where(
            AuditEntryRow.subject_id == decision_id)).scalar_one()
    assert payload["seal"] == audit.SEAL_VERSION == 2


def test_an_edited_reason_code_breaks_the_seal(client: TestClient, keys: Keys,
                                               services: Services) -> None:
    decision_id = _held(client, keys)
    assert _verify(services).ok
    with services.db.engine.begin() as conn:
        conn.execute(update(DecisionRow).where(DecisionRow.id == decision_id)
                     .values(reason_code="customer_request"))
    result = _verify(services)
    assert not result.ok
    assert f"decision {decision_id} was altered after it was sealed" in result.problems[0]


def test_a_decision_sealed_before_seal_2_still_verifies(client: TestClient, keys: Keys,
                                                        services: Services) -> None:
    decision_id = _held(client, keys)
    with UnitOfWork(services.db, write=True) as uow:  # what the code before seal 2 wrote
        decision = uow.decisions.get(decision_id)
        explanation = uow.decisions.explanation(decision_id)
        assert decision is not None and explanation is not None
        audit.append(uow, actor="old-code", action="decision.created", subject_type="decision",
                     subject_id=decision_id, payload={
                         "decision_digest": audit.decision_digest(decision, explanation, seal=1),
                         "kind": decision.kind, "oversight": decision.oversight,
                         "conversation_id": decision.conversation_id})
        uow.commit()
    assert _verify(services).ok
    # a seal-1 record does not cover its reason_code (the limit of old records) ...
    with services.db.engine.begin() as conn:
        conn.execute(update(DecisionRow).where(DecisionRow.id == decision_id)
                     .values(reason_code="policy"))
    assert _verify(services).ok
    # ... but everything else it covered is still covered
    with services.db.engine.begin() as conn:
        conn.execute(update(DecisionRow).where(DecisionRow.id == decision_id)
                     .values(intent="thanks"))
    assert not _verify(services).ok


def test_the_digests_differ_only_by_the_reason_code(client: TestClient, keys: Keys,
                                                    services: Services) -> None:
    decision_id = _held(client, keys)
    with UnitOfWork(services.db) as uow:
        decision = uow.decisions.get(decision_id)
        explanation = uow.decisions.explanation(decision_id)
        assert decision is not None and decision.reason_code == "sensitive_topic"
        v1 = audit.decision_digest(decision, explanation, seal=1)
        v2 = audit.decision_digest(decision, explanation)
        decision.reason_code = None
        assert audit.decision_digest(decision, explanation, seal=1) == v1
        assert audit.decision_digest(decision, explanation) != v2
