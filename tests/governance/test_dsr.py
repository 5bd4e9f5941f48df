"""Data-subject requests: export, erasure, rectification, objection, deadlines, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.cli.governance import app as governance_app
from trustdesk.domain import Role
from trustdesk.privacy.vault import KeyShredded
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.privacy import dsr as privacy_dsr
from trustdesk.settings import Settings
from trustdesk.store.tables import Base, MessageRow
from trustdesk.store.uow import UnitOfWork

from gov_support import ANSWERABLE, WITH_EMAIL, Keys, audit_actions, say, start, verify_ok


def _request(client: TestClient, keys: Keys, customer: str, kind: str,
             **extra: Any) -> dict[str, Any]:
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": kind, **extra},
                    headers=keys.admin)
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def _complete(client: TestClient, keys: Keys, request_id: str,
              body: dict[str, Any] | None = None) -> dict[str, Any]:
    r = client.post(f"/v1/privacy/requests/{request_id}/complete", json=body,
                    headers=keys.admin)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def test_export_contains_everything_with_originals_decrypted(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, customer = start(client, keys.widget, ref="cust-77", token=keys.sign("cust-77"))
    say(client, keys.widget, cid, WITH_EMAIL)
    say(client, keys.widget, cid, ANSWERABLE)
    client.post(f"/v1/customers/{customer}/consents",
                json={"purpose": "analytics", "granted": True}, headers=keys.widget)
    request = _request(client, keys, customer, "access")
    assert request["status"] == "received" and not request["overdue"]
    done = _complete(client, keys, request["id"])
    assert done["request"]["status"] == "completed"
    export = done["export"]
    assert export["customer"]["external_ref"] == "cust-77"
    (conv,) = export["conversations"]
    originals = [m["original_text"] for m in conv["messages"] if m["sender"] == "customer"]
    assert originals == [WITH_EMAIL, ANSWERABLE]
    assert {"entity": "EMAIL", "value": "dana.whitfield@example.com",
            "placeholder": "<EMAIL_1>"} in conv["pseudonyms"]
    assert conv["decisions"] and all(d["explanation"] for d in conv["decisions"])
    assert [c["purpose"] for c in export["consents"]] == ["analytics"]
    purposes = {(e["purpose"], e["category"]) for e in export["access_log"]}
    assert ("support", "pseudonym_table") in purposes
    assert ("data_subject_request", "original_message") in purposes
    assert [r["kind"] for r in export["requests"]] == ["access"]
    assert "dana.whitfield" not in str(done["request"]["outcome"])
    assert {"dsr.received", "dsr.completed"} <= set(audit_actions(services))


def _all_text(services: Services) -> str:
    dumped = []
    with services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            dumped.extend(repr(tuple(row)) for row in conn.execute(table.select()))
    return "\n".join(dumped)


def test_after_erasure_nothing_can_be_decrypted_or_found(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, customer = start(client, keys.widget, ref="cust-erase", token=keys.sign("cust-erase"))
    say(client, keys.widget, cid, WITH_EMAIL)
    reply = say(client, keys.widget, cid, ANSWERABLE)
    decision = reply["decision"]["id"]
    with UnitOfWork(services.db) as uow:
        blobs = [m.original for m in uow.messages.in_conversation(cid) if m.original]
        message_ids = [m.id for m in uow.messages.in_conversation(cid) if m.original]
    request = _request(client, keys, customer, "erasure")
    done = _complete(client, keys, request["id"])
    assert done["request"]["outcome"]["data_key_shredded"] == 1

    # the data key is gone: the old ciphertexts cannot be opened, even from a backup
    services.vault.forget(customer)
    with UnitOfWork(services.db) as uow:
        for blob, mid in zip(blobs, message_ids, strict=True):
            with pytest.raises(KeyShredded):
                services.vault.decrypt(uow, customer, blob, mid.encode())
    # every API that could show the customer now says not found (or conflict, for a request)
    for method, url, headers in [
        ("GET", f"/v1/conversations/{cid}", keys.widget),
        ("GET", f"/v1/conversations/{cid}", keys.admin),
        ("GET", f"/v1/conversations/{cid}/messages", keys.agent),
        ("POST", f"/v1/conversations/{cid}/messages", keys.widget),
        ("POST", f"/v1/conversations/{cid}/handoff", keys.widget),
        ("POST", f"/v1/conversations/{cid}/ai-opt-out", keys.widget),
        ("GET", f"/v1/conversations/{cid}/originals?purpose=support", keys.admin),
        ("GET", f"/v1/decisions/{decision}", keys.admin),
        ("GET", f"/v1/decisions/{decision}/explanation", keys.widget),
        ("GET", f"/v1/customers/{customer}/consents", keys.admin),
        ("POST", f"/v1/customers/{customer}/consents", keys.admin),
    ]:
        body = {"text": "hello"} if url.endswith("/messages") else (
            {"purpose": "analytics", "granted": True} if url.endswith("/consents") else None)
        r = client.request(method, url, headers=headers, json=body)
        assert r.status_code == 404, (method, url, r.status_code, r.text)
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": "access"},
                    headers=keys.admin)
    assert r.status_code == 404
    reviews = client.get("/v1/reviews", params={"status": "open"}, headers=keys.agent).text
    assert "refund" not in reviews.lower()
    # nothing of what they wrote is left anywhere in the database, and the log verifies
    dumped = _all_text(services)
    for needle in ("dana", "LL-123456", "delivery to the UK", "cust-erase"):
        assert needle not in dumped
    # a new conversation with the old ref does not link back to the erased customer
    r = client.post("/v1/conversations", json={"customer_ref": "cust-erase",
                                               "customer_token": keys.sign("cust-erase")},
                    headers=keys.widget)
    assert r.status_code == 201 and r.json()["customer_id"] != customer
    verify_ok(services)
    assert "dsr.erasure" in audit_actions(services)


def test_rectification_replaces_an_original_and_is_audited(
    client: TestClient, keys: Keys, services: Services
) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    with UnitOfWork(services.db) as uow:
        message = uow.session.scalars(select(MessageRow).where(
            MessageRow.conversation_id == cid, MessageRow.sender == "customer")).one()
    fixed = "My email is dana.w@example.org, where is my order LL-654321?"
    request = _request(client, keys, customer, "rectification")
    done = _complete(client, keys, request["id"], {"message_id": message.id, "text": fixed,
                                                   "customer_ref": "cust-fixed"})
    assert done["request"]["outcome"]["fields"] == ["customer_ref", "original_message"]
    export = _complete(client, keys, _request(client, keys, customer, "access")["id"])["export"]
    assert export["customer"]["external_ref"] == "cust-fixed"
    (original,) = [m for m in export["conversations"][0]["messages"] if m["id"] == message.id]
    assert original["original_text"] == fixed and "dana.w@" not in original["redacted_text"]
    assert "dsr.rectified" in audit_actions(services)
    verify_ok(services)


def test_a_rectification_says_what_it_needs_and_stays_open(
    client: TestClient, keys: Keys
) -> None:
    _, customer = start(client, keys.widget)
    request = _request(client, keys, customer, "rectification")
    url = f"/v1/privacy/requests/{request['id']}/complete"
    # nothing to rectify: the stored request's kind refuses it (the body alone is valid)
    r = client.post(url, headers=keys.admin)
    assert r.status_code == 409 and "message_id and text, or customer_ref" in r.json()["error"]
    # a message without its corrected text is a bad body
    r = client.post(url, json={"message_id": "m1"}, headers=keys.admin)
    assert r.status_code == 422 and "both message_id and text" in r.json()["error"]
    r = client.get(f"/v1/privacy/requests/{request['id']}", headers=keys.admin)
    assert r.json()["status"] in ("received", "in_progress")  # open: nothing was done
    done = _complete(client, keys, request["id"], {"customer_ref": "cust-renamed"})
    assert done["request"]["outcome"]["fields"] == ["customer_ref"]


def test_objection_withdraws_the_purposes_at_once(client: TestClient, keys: Keys) -> None:
    cid, customer = start(client, keys.widget)
    request = _request(client, keys, customer, "objection",
                       purposes=["ai_assistance", "fairness_audit"])
    done = _complete(client, keys, request["id"])
    assert done["request"]["outcome"]["purposes_stopped"] == ["ai_assistance", "fairness_audit"]
    ledger = client.get(f"/v1/customers/{customer}/consents", headers=keys.admin).json()
    assert [(h["purpose"], h["reason"], h["channel"]) for h in ledger["history"]] == [
        ("ai_assistance", "objection", "dsr"), ("fairness_audit", "objection", "dsr")]
    assert say(client, keys.widget, cid, ANSWERABLE)["decision"] is None


def test_deadlines_and_overdue_listing(services: Services, keys: Keys,
                                       client: TestClient) -> None:
    admin = Caller("adm", Role.ADMIN, "a")
    _, customer = start(client, keys.widget)
    old = privacy_dsr.create_request(services, admin, customer_id=customer, kind="access",
                                     now=datetime.now(UTC) - timedelta(days=31))
    new = privacy_dsr.create_request(services, admin, customer_id=customer, kind="erasure")
    assert new.due_at - new.received_at == timedelta(days=30)
    assert old.overdue and not new.overdue

    def ids(status: str) -> list[str]:
        r = client.get("/v1/privacy/requests", params={"status": status}, headers=keys.admin)
        assert r.status_code == 200, r.text
        return [x["id"] for x in r.json()["requests"]]

    assert ids("overdue") == [old.id]
    assert ids("open") == [old.id, new.id]  # by due date
    _complete(client, keys, old.id)
    assert ids("overdue") == [] and ids("completed") == [old.id]
    r = client.get(f"/v1/privacy/requests/{old.id}", headers=keys.admin)
    assert r.json()["status"] == "completed" and not r.json()["overdue"]
    r = client.post(f"/v1/privacy/requests/{new.id}/reject",
                    json={"reason": "identity_not_verified"}, headers=keys.admin)
    assert r.status_code == 200 and r.json()["status"] == "rejected"
    assert ids("rejected") == [new.id] and ids("open") == []


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "fragment"),
    [
        ("POST", "/v1/privacy/requests", {"kind": "access"}, 422, "customer_id"),
        ("POST", "/v1/privacy/requests", {"customer_id": "{c}", "kind": "forget"}, 422, "kind"),
        ("POST", "/v1/privacy/requests", {"customer_id": "{c}", "kind": "objection"}, 422,
         "must name the purposes"),
        ("POST", "/v1/privacy/requests",
         {"customer_id": "{c}", "kind": "access", "purposes": ["analytics"]}, 422,
         "only for objection"),
        ("POST", "/v1/privacy/requests", {"customer_id": "nobody", "kind": "access"}, 404,
         "not found"),
        ("GET", "/v1/privacy/requests?status=late", None, 422, "status: Input should be"),
        ("GET", "/v1/privacy/requests/nope", None, 404, "not found"),
        ("POST", "/v1/privacy/requests/nope/complete", None, 404, "not found"),
        ("POST", "/v1/privacy/requests/{r}/complete", {"text": "x"}, 409,
         "only a rectification"),
        ("POST", "/v1/privacy/requests/{r}/reject", {"reason": "bored"}, 422, "reason"),
    ],
)
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_bad_requests(client: TestClient, keys: Keys, method: str, path: str,
                      body: dict[str, Any] | None, status: int, fragment: str) -> None:
    _, customer = start(client, keys.widget)
    rid = _request(client, keys, customer, "access")["id"]
    path = path.replace("{c}", customer).replace("{r}", rid)
    if body is not None:
        body = {k: (v.replace("{c}", customer) if isinstance(v, str) else v)
                for k, v in body.items()}
    r = client.request(method, path, json=body, headers=keys.admin)
    assert r.status_code == status, r.text
    assert fragment in r.text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_roles_and_double_completion(client: TestClient, keys: Keys) -> None:
    _, customer = start(client, keys.widget)
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": "access"},
                    headers=keys.widget)
    assert r.status_code == 201  # a widget files for its own customer
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": "access"},
                    headers=keys.other_widget)
    assert r.status_code == 404
    rid = _request(client, keys, customer, "access")["id"]
    for headers in (keys.widget, keys.agent):
        assert client.get("/v1/privacy/requests", headers=headers).status_code == 403
        assert client.post(f"/v1/privacy/requests/{rid}/complete",
                           headers=headers).status_code == 403
    _complete(client, keys, rid)
    r = client.post(f"/v1/privacy/requests/{rid}/complete", headers=keys.admin)
    assert r.status_code == 409 and "already completed" in r.json()["error"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_dsr_commands(client: TestClient, keys: Keys, services: Services,
                      settings: Settings) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    env = {
        "TRUSTDESK_DATA_DIR": str(settings.data_dir),
        "TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
        "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
        "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir),
    }
    runner = CliRunner()
    result = runner.invoke(governance_app, ["dsr", "export", customer], env=env)
    assert result.exit_code == 0, result.output
    assert WITH_EMAIL in result.stdout
    result = runner.invoke(governance_app, ["dsr", "erase", customer], env=env)
    assert result.exit_code == 2 and "--yes" in result.stderr
    result = runner.invoke(governance_app, ["dsr", "erase", customer, "--yes"], env=env)
    assert result.exit_code == 0 and '"completed"' in result.stdout
    result = runner.invoke(governance_app, ["dsr", "export", customer], env=env)
    assert result.exit_code == 1 and "not found" in result.stderr
    result = runner.invoke(governance_app, ["dsr", "list", "--status", "completed"], env=env)
    assert result.exit_code == 0 and result.stdout.count('"kind"') == 2
    result = runner.invoke(governance_app, ["dsr", "list", "--status", "late"], env=env)
    assert result.exit_code == 2 and "--status must be one of" in result.stderr
    result = runner.invoke(governance_app, ["dsr", "export", "nobody"], env=env)
    assert result.exit_code == 1 and "not found" in result.stderr
    verify_ok(services)
