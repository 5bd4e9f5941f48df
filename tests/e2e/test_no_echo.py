"""Errors and logs name the field and the problem, never a value that may be personal data.

Every request below carries PII-looking values where a careless error path would copy them:
in the path, the query, unknown field names, field values; the answers and every log line
written while handling them (the access log included) must hold none of them.
"""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from e2e_support import Keys

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

EMAIL = "zebulon.quartermaine@protonmail.ch"
NAME = "Ottoline Brackenridge"
PHONE = "+44 7700 900123"
VALUES = (EMAIL, NAME, PHONE, "zebulon", "Brackenridge", "7700")

# (method, path, json body, key role); each must answer a 4xx without echoing a value.
CASES = [
    ("GET", f"/v1/conversations/{EMAIL}", None, "admin"),
    ("GET", f"/v1/conversations/{EMAIL}/messages", None, "widget"),
    ("POST", f"/v1/conversations/{EMAIL}/messages", {"text": "hi"}, "widget"),
    ("POST", f"/v1/conversations/{EMAIL}/handoff", None, "agent"),
    ("GET", f"/v1/decisions/{EMAIL}", None, "admin"),
    ("GET", f"/v1/decisions/{EMAIL}/explanation", None, "admin"),
    ("POST", f"/v1/reviews/{EMAIL}", {"verdict": "approve"}, "agent"),
    ("GET", f"/v1/customers/{EMAIL}/consents", None, "admin"),
    ("POST", f"/v1/customers/{EMAIL}/consents", {"purpose": "analytics", "granted": True},
     "admin"),
    ("GET", f"/v1/privacy/requests/{EMAIL}", None, "admin"),
    ("POST", f"/v1/privacy/requests/{EMAIL}/complete", None, "admin"),
    ("POST", "/v1/privacy/requests", {"customer_id": EMAIL, "kind": "access"}, "admin"),
    ("POST", "/v1/privacy/requests",
     {"customer_id": "c1", "kind": "objection", "purposes": [EMAIL]}, "admin"),
    ("GET", f"/v1/privacy/access-log?customer_id={EMAIL}&limit={PHONE}", None, "admin"),
    ("GET", f"/v1/reviews?status={EMAIL}", None, "agent"),
    ("GET", f"/v1/privacy/requests?status={NAME}", None, "admin"),
    ("POST", "/v1/conversations", {EMAIL: True}, "widget"),
    ("POST", "/v1/conversations", {"channel": EMAIL}, "widget"),
    ("POST", "/v1/conversations", {"ai_opt_out": EMAIL}, "widget"),
    ("POST", "/v1/conversations", {"customer_ref": EMAIL}, "widget"),
    ("POST", "/v1/conversations", {"customer_ref": NAME * 10}, "widget"),
    ("POST", "/v1/customers/x/consents",
     {"purpose": "analytics", "granted": True, "notice_version": PHONE}, "admin"),
    ("POST", f"/v1/nowhere/{EMAIL}", {"text": NAME}, "admin"),
]


@pytest.mark.parametrize(("method", "path", "body", "role"), CASES,
                         ids=[f"{c[0]} {c[1][:40]}" for c in CASES])
def test_errors_and_logs_do_not_echo_values(
    client: TestClient, keys: Keys, caplog: pytest.LogCaptureFixture,
    method: str, path: str, body: object, role: str,
) -> None:
    with caplog.at_level(logging.DEBUG):
        r = client.request(method, path, json=body, headers=getattr(keys, role))
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    error = r.json()
    assert set(error) <= {"error", "detail"} and error["error"]
    for value in VALUES:
        assert value.lower() not in r.text.lower(), r.text
        for record in caplog.records:
            if record.name.startswith(("httpx", "httpcore")):
                continue  # the test's own client logs the URL it requested
            assert value.lower() not in record.getMessage().lower(), record.getMessage()


def test_422_names_the_field_and_the_problem(client: TestClient, keys: Keys) -> None:
    r = client.post("/v1/conversations", json={"ai_opt_out": "yes", EMAIL: 1},
                    headers=keys.widget)
    assert r.status_code == 422
    detail = r.json()["detail"]
    fields = {d["field"]: d["problem"] for d in detail}
    assert "ai_opt_out" in fields and "boolean" in fields["ai_opt_out"]
    assert "" in fields and "not allowed" in fields[""]  # the unknown field, unnamed


def test_422_names_a_field_the_api_defines_elsewhere(client: TestClient, keys: Keys) -> None:
    # "language" is a field of other schemas, so it cannot be the client's own text
    r = client.post("/v1/conversations", json={"language": "en", EMAIL: 1},
                    headers=keys.widget)
    assert r.status_code == 422
    fields = [d["field"] for d in r.json()["detail"]]
    assert sorted(fields) == ["", "language"]
    assert r.json()["error"].startswith("invalid request: ")
    assert EMAIL.lower() not in r.text.lower()


def test_the_access_log_names_route_templates(client: TestClient, keys: Keys,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="trustdesk.access"):
        client.get(f"/v1/conversations/{EMAIL}", headers=keys.admin)
        client.get("/v1/privacy/access-log?customer_id=z.q@protonmail.ch", headers=keys.admin)
    lines = [r.getMessage() for r in caplog.records if r.name == "trustdesk.access"]
    assert lines[0].startswith("GET /v1/conversations/{conversation_id} 404 ")
    assert lines[1].startswith("GET /v1/privacy/access-log 200 ")


@pytest.mark.parametrize("value", ["yes", "true", 1, "1", "on", None])
def test_booleans_are_strict(client: TestClient, keys: Keys, value: object) -> None:
    r = client.post("/v1/conversations", json={"ai_opt_out": value}, headers=keys.widget)
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "ai_opt_out"
