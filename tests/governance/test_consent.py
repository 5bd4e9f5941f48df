"""Notice and consent ledger: defaults, grant/withdraw in one call, effect at once, scoping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from trustdesk.privacy.consent import ConsentError, ConsentPolicy, LawfulBasis, Purpose
from trustdesk.privacy.notice import NoticeError, load_notice, parse_notice
from trustdesk.service.context import Services

from gov_support import ANSWERABLE, Keys, audit_actions, say, start, verify_ok


@dataclass
class Rec:
    purpose: str
    granted: bool
    lawful_basis: str
    created_at: datetime
    reason: str | None = None


T = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("purpose", "latest", "allowed"),
    [
        (Purpose.SUPPORT, None, True),  # contract
        (Purpose.AI_ASSISTANCE, None, True),  # legitimate interest, with opt-out
        (Purpose.FAIRNESS_AUDIT, None, True),
        (Purpose.MODEL_TRAINING, None, False),  # needs consent
        (Purpose.ANALYTICS, None, False),
        (Purpose.QUALITY_IMPROVEMENT, None, False),
        (Purpose.ANALYTICS, Rec("analytics", True, "consent", T), True),
        (Purpose.ANALYTICS, Rec("analytics", False, "consent", T), False),
        (Purpose.SUPPORT, Rec("support", False, "contract", T, "restriction"), False),
        (Purpose.AI_ASSISTANCE, Rec("ai_assistance", False, "legitimate_interest", T,
                                    "ai_opt_out"), False),
    ],
)
def test_policy_table(purpose: Purpose, latest: Rec | None, allowed: bool) -> None:
    assert ConsentPolicy.default().permission(purpose, latest).allowed is allowed


def test_deployer_can_make_ai_assistance_opt_in() -> None:
    policy = ConsentPolicy.default(ai_assistance="consent")
    assert not policy.permission(Purpose.AI_ASSISTANCE, None).allowed
    with pytest.raises(ConsentError, match="lawful basis for ai_assistance"):
        ConsentPolicy.default(ai_assistance="because")
    with pytest.raises(ConsentError, match="explicit consent"):
        policy.check_grant(Purpose.MODEL_TRAINING, LawfulBasis.LEGITIMATE_INTEREST)


def test_notice_version_from_front_matter_or_hash() -> None:
    bundled = load_notice()
    assert bundled.version == "2026-01" and "You are talking to an AI" in bundled.text
    plain = parse_notice("# Notice\nWe use your data.\n")
    assert plain.version.startswith("sha256:")
    assert parse_notice("# Notice\nWe use your data!\n").version != plain.version
    with pytest.raises(NoticeError, match="no text"):
        parse_notice("---\nversion: 1\n---\n   \n")
    with pytest.raises(NoticeError, match="must be 1-32"):
        parse_notice("---\nversion: has spaces\n---\ntext\n")


def test_notice_is_served(client: TestClient) -> None:
    r = client.get("/v1/privacy/notice")
    assert r.status_code == 200
    assert r.json()["version"] == "2026-01" and "Lumen & Loom" in r.json()["text"]


def test_defaults_grant_and_withdraw_with_history(
    client: TestClient, keys: Keys, services: Services
) -> None:
    _, customer = start(client, keys.widget)
    url = f"/v1/customers/{customer}/consents"
    state = {p["purpose"]: p for p in client.get(url, headers=keys.widget).json()["current"]}
    assert state["support"]["allowed"] and state["support"]["lawful_basis"] == "contract"
    assert not state["model_training"]["allowed"]

    r = client.post(url, json={"purpose": "model_training", "granted": True,
                               "notice_version": "2026-01", "channel": "web"},
                    headers=keys.widget)
    assert r.status_code == 201, r.text
    assert r.json()["lawful_basis"] == "consent" and r.json()["notice_version"] == "2026-01"
    r = client.post(url, json={"purpose": "model_training", "granted": False},
                    headers=keys.widget)
    assert r.status_code == 201 and r.json()["reason"] == "withdrawn"
    body = client.get(url, headers=keys.agent).json()
    assert [h["granted"] for h in body["history"]] == [True, False]  # append-only
    state = {p["purpose"]: p for p in body["current"]}
    assert not state["model_training"]["allowed"]
    assert audit_actions(services).count("consent.withdrawn") == 1
    verify_ok(services)


def test_withdrawn_support_stops_processing_at_once(
    client: TestClient, keys: Keys
) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, "Where is my parcel?")
    r = client.post(f"/v1/customers/{customer}/consents",
                    json={"purpose": "support", "granted": False, "reason": "restriction"},
                    headers=keys.widget)
    assert r.status_code == 201
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": "Hello again"},
                    headers=keys.widget)
    assert r.status_code == 403 and "restriction" in r.json()["error"]
    refused = client.get("/v1/privacy/access-log",
                         params={"customer_id": customer, "granted": "false"},
                         headers=keys.admin).json()["entries"]
    assert [(e["purpose"], e["category"]) for e in refused] == [("support", "pseudonym_table")]
    client.post(f"/v1/customers/{customer}/consents",
                json={"purpose": "support", "granted": True, "lawful_basis": "contract"},
                headers=keys.widget)
    assert client.post(f"/v1/conversations/{cid}/messages", json={"text": "Hello again"},
                       headers=keys.widget).status_code == 200


def test_withdrawn_ai_assistance_stops_ai_replies(client: TestClient, keys: Keys) -> None:
    cid, customer = start(client, keys.widget)
    assert say(client, keys.widget, cid, ANSWERABLE)["decision"] is not None
    client.post(f"/v1/customers/{customer}/consents",
                json={"purpose": "ai_assistance", "granted": False}, headers=keys.widget)
    out = say(client, keys.widget, cid, ANSWERABLE)
    assert out["decision"] is None and out["reply"] is None
    assert out["conversation_state"] == "human"
    assert client.get(f"/v1/conversations/{cid}", headers=keys.widget).json()["ai_opt_out"]


def test_widget_acts_only_for_its_own_customers(client: TestClient, keys: Keys) -> None:
    _, customer = start(client, keys.widget)
    url = f"/v1/customers/{customer}/consents"
    assert client.get(url, headers=keys.other_widget).status_code == 404
    r = client.post(url, json={"purpose": "analytics", "granted": True},
                    headers=keys.other_widget)
    assert r.status_code == 404
    assert client.get(url, headers=keys.agent).status_code == 200
    assert client.get("/v1/customers/nobody/consents", headers=keys.admin).status_code == 404


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"purpose": "marketing", "granted": True}, "purpose"),
        ({"purpose": "analytics"}, "granted"),
        ({"purpose": "analytics", "granted": True, "lawful_basis": "legitimate_interest"},
         "explicit consent"),
        ({"purpose": "analytics", "granted": True, "notice_version": "2020-01"},
         "not the current notice"),
        ({"purpose": "analytics", "granted": True, "reason": "objection"}, "only for withdrawals"),
        ({"purpose": "analytics", "granted": False, "channel": "pigeon"}, "channel"),
        ({"purpose": "analytics", "granted": True, "extra": 1}, "not allowed"),
    ],
)
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_bad_consent_input(client: TestClient, keys: Keys, body: dict[str, object],
                           fragment: str) -> None:
    _, customer = start(client, keys.widget)
    r = client.post(f"/v1/customers/{customer}/consents", json=body, headers=keys.widget)
    assert r.status_code == (409 if "notice" in fragment or "explicit" in fragment else 422)
    assert fragment in r.text
