"""Malformed, oversized, binary and unauthorised requests get a 4xx that says what is wrong."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from e2e_support import Keys


@pytest.fixture
def cid(client: TestClient, keys: Keys) -> str:
    return str(client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"])


def post_raw(client: TestClient, url: str, body: bytes, headers: dict[str, str],
             ctype: str = "application/json") -> tuple[int, str]:
    r = client.post(url, content=body, headers={**headers, "Content-Type": ctype})
    return r.status_code, r.json()["error"]


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b'{"text": ""}', 422, "text"),
        (b'{"text": "   \\n  "}', 422, "must not be empty"),
        (b'{"text": "hi\\u0000there"}', 422, "control character"),
        (b'{"text": "\\ud800"}', 422, "unicode"),
        (b'{"text": "\\u200b\\u200d \\ufeff"}', 422, "no visible character"),
        (b'{"text": "refund to \\u202eme"}', 422, "bidirectional override character (U+202E)"),
        (b'{"text": "isolate \\u2067x"}', 422, "bidirectional override"),
        (b'{"text": "hi\\u0085there"}', 422, "C1 control character (U+0085)"),
        (b'{"text": "caf\xe9"}', 422, "not valid UTF-8 (at byte 13)"),
        (b'{"text": 42}', 422, "text"),
        (b'{"txt": "hello"}', 422, "text"),
        (b'{"text": "hello", "extra": 1}', 422, "field that is not allowed"),
        (b'{"text": "hello"', 422, "the body is not valid JSON (unexpected end of data at "
                                   "character 16)"),
        (b"\xff\xfe\x00garbage", 422, "invalid request"),
        (b"[]", 422, "invalid request"),
        (('{"text": "' + "a" * 5000 + '"}').encode(), 422, "limit is 4000"),
        (('{"text": "' + "a" * 70000 + '"}').encode(), 413, "larger than"),
    ],
)
def test_bad_message_bodies(client: TestClient, keys: Keys, cid: str, body: bytes, status: int,
                            says: str) -> None:
    code, error = post_raw(client, f"/v1/conversations/{cid}/messages", body, keys.widget)
    assert code == status
    assert says.lower() in error.lower()


def test_a_chunked_body_over_the_limit_gets_413(client: TestClient, keys: Keys,
                                                 cid: str) -> None:
    def chunks() -> object:  # no Content-Length: the size is known only while reading
        yield b'{"text": "'
        for _ in range(20):
            yield b"a" * 4096
        yield b'"}'

    r = client.post(f"/v1/conversations/{cid}/messages", content=chunks(),
                    headers={**keys.widget, "Content-Type": "application/json"})
    assert r.status_code == 413 and "larger than 65536 bytes" in r.json()["error"]


def test_json_nested_30000_deep_gets_422(client: TestClient, keys: Keys, cid: str) -> None:
    body = b'{"text": ' + b"[" * 30000 + b"]" * 30000 + b"}"
    code, error = post_raw(client, f"/v1/conversations/{cid}/messages", body, keys.widget)
    assert code == 422 and "nested more than 1024 levels" in error


def test_emoji_and_right_to_left_text_are_accepted(client: TestClient, keys: Keys,
                                                  cid: str) -> None:
    for text in ("thanks \U0001f469\u200d\U0001f4bb", "\u05e9\u05dc\u05d5\u05dd \u200f"):
        r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                        headers=keys.widget)
        assert r.status_code == 200, r.text


def test_non_json_content_type(client: TestClient, keys: Keys, cid: str) -> None:
    code, error = post_raw(client, f"/v1/conversations/{cid}/messages", b"text=hi", keys.widget,
                           ctype="application/x-www-form-urlencoded")
    assert code == 415 and "JSON" in error


def test_unknown_conversation_and_decision(client: TestClient, keys: Keys) -> None:
    r = client.post("/v1/conversations/nope/messages", json={"text": "hi"}, headers=keys.widget)
    assert r.status_code == 404 and "not found" in r.json()["error"]
    assert client.get("/v1/decisions/nope", headers=keys.admin).status_code == 404
    assert client.get("/v1/decisions/nope/explanation", headers=keys.admin).status_code == 404
    assert client.post("/v1/conversations/nope/handoff", headers=keys.agent).status_code == 404
    r = client.post("/v1/reviews/nope", json={"verdict": "approve"}, headers=keys.agent)
    assert r.status_code == 404


def test_a_widget_sees_only_its_own_conversations(client: TestClient, keys: Keys,
                                                   cid: str) -> None:
    out = client.post(f"/v1/conversations/{cid}/messages", json={"text": "track my order"},
                      headers=keys.widget).json()
    for url in (f"/v1/conversations/{cid}", f"/v1/conversations/{cid}/messages",
                f"/v1/decisions/{out['decision']['id']}"):
        assert client.get(url, headers=keys.other_widget).status_code == 404
        assert client.get(url, headers=keys.agent).status_code == 200
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": "hi"},
                    headers=keys.other_widget)
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("headers", "status", "says"),
    [
        ({}, 401, "missing API key"),
        ({"Authorization": "Bearer td_widget_not-a-real-key"}, 401, "unknown"),
        ({"Authorization": "Basic abc"}, 401, "Bearer"),
        ({"X-API-Key": "wrong"}, 401, "unknown"),
    ],
)
def test_missing_or_bad_keys(client: TestClient, headers: dict[str, str], status: int,
                             says: str) -> None:
    r = client.post("/v1/conversations", json={}, headers=headers)
    assert r.status_code == status and says in r.json()["error"]


def test_wrong_role(client: TestClient, keys: Keys, cid: str) -> None:
    r = client.get("/v1/audit/verify", headers=keys.agent)
    assert r.status_code == 403 and "admin" in r.json()["error"]
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": "hi"}, headers=keys.agent)
    assert r.status_code == 403
    assert client.get("/v1/audit/verify", headers=keys.admin).json()["ok"] is True


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"channel": "pigeon"}, "channel"),
        ({"customer_ref": "jane.doe@example.com"}, "customer_ref"),
        ({"customer_ref": "has spaces"}, "customer_ref"),
        ({"ai_opt_out": "maybe"}, "ai_opt_out"),
    ],
)
def test_bad_conversation_bodies(client: TestClient, keys: Keys, body: dict[str, object],
                                 says: str) -> None:
    r = client.post("/v1/conversations", json=body, headers=keys.widget)
    assert r.status_code == 422 and says in r.json()["error"]
