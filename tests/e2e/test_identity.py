"""Invariant 9: the widget key is public. Only a reference the deployer signed links a
conversation to an existing customer, and a conversation id alone is no credential."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.service.context import Services
from trustdesk.service.identity import check_claim, identifier_hash
from trustdesk.settings import Settings
from trustdesk.store.tables import Base
from trustdesk.store.uow import UnitOfWork

from app_support import sign_ref
from e2e_support import Keys

SECRET = "tdid_" + "k" * 43
OTHER = "tdid_" + "o" * 43
KEYS = (SECRET.encode(),)


def _claim(token: str | None = None, ref: str | None = None, digest: str | None = None,
           keys: tuple[bytes, ...] = KEYS) -> Any:
    return check_claim(keys, customer_ref=ref, customer_token=token, identifier_hash_hex=digest,
                       max_lifetime_s=3600)


def _unsigned(claims: dict[str, Any], secret: str = SECRET, algorithm: str = "HS256",
              headers: dict[str, Any] | None = None) -> str:
    return jwt.encode(claims, secret, algorithm=algorithm, headers=headers)


def _none_alg(claims: dict[str, Any]) -> str:
    import base64

    def part(d: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def _good(now: int) -> dict[str, Any]:
    return {"sub": "cust-1", "iat": now, "exp": now + 300}


# Tokens are made when each test runs (from its own clock), not when the module is imported.
BAD_TOKENS: list[tuple[str, Callable[[int], str], str]] = [
    ("expired", lambda t: _unsigned({"sub": "cust-1", "iat": t - 900, "exp": t - 600}),
     "expired"),
    ("no exp", lambda t: _unsigned({"sub": "cust-1", "iat": t}), "lacks the 'exp'"),
    ("no iat", lambda t: _unsigned({"sub": "cust-1", "exp": t + 300}), "lacks the 'iat'"),
    ("no sub", lambda t: _unsigned({"iat": t, "exp": t + 300}), "lacks the 'sub'"),
    ("too long", lambda t: _unsigned({"sub": "cust-1", "iat": t, "exp": t + 7200}),
     "lives longer"),
    ("future iat", lambda t: _unsigned({"sub": "cust-1", "iat": t + 600, "exp": t + 900}),
     "in the future"),
    ("HS512", lambda t: _unsigned(_good(t), secret=SECRET * 2, algorithm="HS512"),
     "must be signed with HS256"),
    ("alg none", lambda t: _none_alg(_good(t)), "must be signed with HS256"),
    ("other secret", lambda t: _unsigned(_good(t), secret=OTHER), "signature does not match"),
    ("tampered", lambda t: _unsigned(_good(t))[:-3] + "AAA", "signature does not match"),
    ("garbage", lambda t: "not.a.jwt", "not a valid JWT"),
    ("empty", lambda t: "", "not a valid JWT"),
]


@pytest.mark.parametrize(("make", "problem"), [(m, p) for _, m, p in BAD_TOKENS],
                         ids=[i for i, _, _ in BAD_TOKENS])
def test_bad_customer_tokens_are_refused(make: Callable[[int], str], problem: str) -> None:
    claim = _claim(make(int(time.time())))
    assert not claim.verified and problem in (claim.problem or "")


def test_good_tokens_and_hashes_verify() -> None:
    good = _good(int(time.time()))
    claim = _claim(_unsigned(good))
    assert claim.verified and claim.ref == "cust-1"
    assert _claim(_unsigned(good), ref="cust-1").verified
    assert not _claim(_unsigned(good), ref="cust-2").verified  # the sub is what counts
    # the previous secret, during its grace period
    assert _claim(_unsigned(good, secret=OTHER), keys=(SECRET.encode(), OTHER.encode())).verified
    digest = identifier_hash(SECRET, "cust-1")
    assert _claim(ref="cust-1", digest=digest).verified
    assert _claim(ref="cust-1", digest=digest.upper()).verified
    assert not _claim(ref="cust-2", digest=digest).verified
    assert not _claim(ref="cust-1", digest=identifier_hash(OTHER, "cust-1")).verified
    assert not _claim(_unsigned(good), keys=()).verified  # no secret: nothing verifies
    unsigned = _claim(ref="cust-1")
    assert not unsigned.verified and unsigned.problem == "it is not signed"


def _start(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = client.post("/v1/conversations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out


def _as(headers: dict[str, str], conv: dict[str, Any] | str | None) -> dict[str, str]:
    token = conv if isinstance(conv, str) or conv is None else conv["conversation_token"]
    return headers if token is None else {**headers, "X-Conversation-Token": token}


def test_an_unsigned_reference_cannot_take_over_a_customer(
    raw_client: TestClient, keys: Keys
) -> None:
    client = raw_client
    victim = _start(client, keys.widget, customer_ref="cust-victim",
                    customer_token=keys.sign("cust-victim"))
    assert victim["identity_verified"] is True and victim["conversation_token"]
    customer = victim["customer_id"]
    r = client.post(f"/v1/customers/{customer}/consents",
                    json={"purpose": "analytics", "granted": True}, headers=_as(keys.widget,
                                                                                victim))
    assert r.status_code == 201, r.text
    # the same verified customer comes back and is recognised
    again = _start(client, keys.widget, customer_token=keys.sign("cust-victim"))
    assert again["customer_id"] == customer
    # someone holding the public widget key claims the ref: unsigned, badly signed, or
    # signed with a secret of their own
    for body in ({"customer_ref": "cust-victim"},
                 {"customer_ref": "cust-victim", "customer_token": "x.y.z"},
                 {"customer_token": sign_ref(OTHER, "cust-victim")},
                 {"customer_ref": "cust-victim",
                  "identifier_hash": identifier_hash(OTHER, "cust-victim")}):
        attacker = _start(client, keys.widget, **body)
        assert attacker["customer_id"] != customer and attacker["identity_verified"] is False
        mine = _as(keys.widget, attacker)
        for method, url, payload in (
            ("GET", f"/v1/customers/{customer}/consents", None),
            ("POST", f"/v1/customers/{customer}/consents",
             {"purpose": "analytics", "granted": False}),
            ("POST", "/v1/privacy/requests", {"customer_id": customer, "kind": "erasure"}),
            ("GET", f"/v1/conversations/{victim['id']}", None),
            ("POST", f"/v1/conversations/{victim['id']}/ai-opt-out", None),
        ):
            r = client.request(method, url, json=payload, headers=mine)
            assert r.status_code == 404, (body, method, url, r.text)
        # their own anonymous record is theirs
        r = client.get(f"/v1/customers/{attacker['customer_id']}/consents", headers=mine)
        assert r.status_code == 200
    history = client.get(f"/v1/customers/{customer}/consents", headers=keys.admin).json()
    assert [h["granted"] for h in history["history"]] == [True]


def test_requiring_verification_refuses_unsigned_references(
    raw_client: TestClient, keys: Keys, services: Services
) -> None:
    services.settings.require_identity_verification = True
    r = raw_client.post("/v1/conversations", json={"customer_ref": "cust-9"}, headers=keys.widget)
    assert r.status_code == 403 and "signed reference" in r.json()["error"]
    assert "cust-9" not in r.text
    r = raw_client.post("/v1/conversations", json={"customer_token": sign_ref(
        keys.identity_secret, "cust-9", lifetime_s=99_999)}, headers=keys.widget)
    assert r.status_code == 403 and "lives longer" in r.json()["error"]
    assert _start(raw_client, keys.widget, customer_token=keys.sign("cust-9"))["identity_verified"]
    # no claim at all is an anonymous visitor, still welcome
    assert _start(raw_client, keys.widget)["identity_verified"] is False
    # the deployer's back end (an admin key) vouches for its own references
    assert _start(raw_client, keys.admin, customer_ref="cust-9")["identity_verified"]


def test_keys_and_input_rules_of_starting(raw_client: TestClient, keys: Keys) -> None:
    r = raw_client.post("/v1/conversations", json={}, headers=keys.agent)
    assert r.status_code == 403 and "agent keys cannot start" in r.json()["error"]
    admin = _start(raw_client, keys.admin, customer_ref="cust-5")
    assert admin["conversation_token"] is None and admin["identity_verified"] is True
    widget = _start(raw_client, keys.widget, customer_ref="cust-5",
                    identifier_hash=identifier_hash(keys.identity_secret, "cust-5"))
    assert widget["customer_id"] == admin["customer_id"] and widget["identity_verified"]
    for body, problem in (
        ({"identifier_hash": "ab" * 32}, "needs the customer_ref"),
        ({"customer_ref": "c", "identifier_hash": "ab" * 32, "customer_token": "x"}, "not both"),
        ({"customer_ref": "c", "identifier_hash": "xyz"}, "identifier_hash"),
        ({"customer_token": keys.sign("jane.doe@example.com")}, "opaque id"),
    ):
        r = raw_client.post("/v1/conversations", json=body, headers=keys.widget)
        assert r.status_code == 422 and problem in r.json()["error"], (body, r.text)
    # the token is shown once, never again
    got = raw_client.get(f"/v1/conversations/{widget['id']}", headers=_as(keys.widget, widget))
    assert got.status_code == 200 and "conversation_token" not in got.json()


def test_every_widget_route_needs_the_conversation_token(
    raw_client: TestClient, keys: Keys, services: Services
) -> None:
    client = raw_client
    conv = _start(client, keys.widget)
    other = _start(client, keys.widget)
    cid, customer = conv["id"], conv["customer_id"]
    out = client.post(f"/v1/conversations/{cid}/messages",
                      json={"text": "How long do refunds take to reach my card?"},
                      headers=_as(keys.widget, conv))
    assert out.status_code == 200, out.text
    did = out.json()["decision"]["id"]
    routes: list[tuple[str, str, dict[str, Any] | None]] = [
        ("GET", f"/v1/conversations/{cid}", None),
        ("GET", f"/v1/conversations/{cid}/messages", None),
        ("POST", f"/v1/conversations/{cid}/messages", {"text": "and to Spain?"}),
        ("GET", f"/v1/decisions/{did}", None),
        ("GET", f"/v1/decisions/{did}/explanation", None),
        ("GET", f"/v1/customers/{customer}/consents", None),
        ("POST", f"/v1/customers/{customer}/consents", {"purpose": "analytics",
                                                        "granted": True}),
        ("POST", "/v1/privacy/requests", {"customer_id": customer, "kind": "access"}),
        ("POST", f"/v1/conversations/{cid}/ai-opt-out", None),
        ("POST", f"/v1/conversations/{cid}/ai-opt-in", None),
        ("POST", f"/v1/conversations/{cid}/handoff", {}),
    ]
    for method, url, body in routes:
        answers = [
            client.request(method, url, json=body, headers=_as(keys.widget, token))
            for token in (None, "tdc_wrong", other["conversation_token"],
                          conv["conversation_token"][:-1])
        ]
        assert [a.status_code for a in answers] == [404] * 4, (method, url)
        # the same answer, whatever was wrong: nothing tells which conversations exist
        assert len({a.text for a in answers}) == 1, (method, url)
        right = client.request(method, url, json=body, headers=_as(keys.widget, conv))
        assert right.status_code in (200, 201), (method, url, right.text)
        # another widget key with the right token is still not the owner
        stolen = client.request(method, url, json=body,
                                headers=_as(keys.other_widget, conv))
        assert stolen.status_code == 404, (method, url)
        # staff need no token
        if method == "GET":
            assert client.get(url, headers=keys.agent).status_code == 200, url
    with UnitOfWork(services.db) as uow:  # only a digest of the token is stored
        dump = json.dumps([
            [str(v) for v in row]
            for name in Base.metadata.tables
            for row in uow.connection.execute(text(f"SELECT * FROM {name}")).all()
        ])
    assert conv["conversation_token"] not in dump and keys.identity_secret not in dump


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir)}


def test_identity_secret_cli_creates_rotates_with_grace_and_audits(
    settings: Settings, services: Services, raw_client: TestClient, keys: Keys
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["keys", "identity-secret"], env=_env(settings))
    assert first.exit_code == 0, first.output
    issued = json.loads(first.stdout)
    assert issued["secret"].startswith("tdid_") and issued["replaces"]  # the fixture's secret
    services.identity.forget()  # as when the 30-second cache expires

    def linked(secret: str) -> bool:
        conv = _start(raw_client, keys.widget, customer_token=sign_ref(secret, "cust-r"))
        return bool(conv["identity_verified"])

    assert linked(issued["secret"]) and linked(keys.identity_secret)  # old one in its grace
    second = runner.invoke(app, ["keys", "identity-secret", "--grace-seconds", "0"],
                           env=_env(settings))
    assert second.exit_code == 0, second.output
    rotated = json.loads(second.stdout)
    assert rotated["replaces"] == [issued["id"]]
    services.identity.forget()
    assert linked(rotated["secret"])
    assert not linked(issued["secret"]) and not linked(keys.identity_secret)
    with UnitOfWork(services.db) as uow:
        actions = [e.action for e in uow.audit.iter_entries()
                   if e.subject_type == "identity_secret"]
        payloads = json.dumps([e.payload for e in uow.audit.iter_entries()])
        stored = [bytes(r[0]) for r in uow.connection.execute(
            text("SELECT wrapped_secret FROM identity_secrets")).all()]
    assert actions == ["identity_secret.created", "identity_secret.rotated",
                       "identity_secret.rotated"]
    for secret in (issued["secret"], rotated["secret"]):
        assert secret not in payloads and all(secret.encode() not in b for b in stored)
    assert len(stored) == 1  # the expired ones are deleted, not kept


def test_a_secret_rotated_elsewhere_is_picked_up_without_waiting_for_the_cache(
    services: Services, keys: Keys
) -> None:
    from trustdesk.service.identity import IdentityVerifier, rotate_identity_secret

    verifier = IdentityVerifier(services.db, services.vault, min_refresh_s=0.0)
    assert verifier.check(customer_ref=None, customer_token=keys.sign("c-1"),
                          identifier_hash_hex=None).verified  # the keys are now cached
    new = rotate_identity_secret(services.db, services.vault, grace_s=0, actor="test").secret
    claim = verifier.check(customer_ref=None, customer_token=sign_ref(new, "c-1"),
                           identifier_hash_hex=None)
    assert claim.verified and claim.ref == "c-1"
    # and the old secret, ended with no grace, no longer verifies once reloaded
    old = verifier.check(customer_ref=None, customer_token=keys.sign("c-1"),
                         identifier_hash_hex=None)
    assert not old.verified
