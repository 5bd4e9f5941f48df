"""The message path with a generative backend: a real OpenAI-protocol server on loopback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from trustdesk.api.app import create_app
from trustdesk.bootstrap import bootstrap
from trustdesk.domain import Role
from trustdesk.service.keys import create_key
from trustdesk.settings import Settings

sys.path.insert(0, str(Path(__file__).parents[1] / "llm"))
from fake_openai import FakeOpenAI

UK = "Standard delivery within the UK takes 2 to 4 business days and costs £4.95."


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def llm_client(settings: Settings, fake: FakeOpenAI) -> Iterator[tuple[TestClient, dict[str, str]]]:
    configured = settings.model_copy(
        update={"llm_base_url": fake.base_url, "llm_model": "fake-model", "llm_timeout_s": 1.0}
    )
    services = bootstrap(configured)
    key = create_key(services.db, Role.WIDGET, "w").secret
    try:
        with TestClient(create_app(services)) as client:
            yield client, {"Authorization": f"Bearer {key}"}
    finally:
        services.db.dispose()


def ask(client: TestClient, headers: dict[str, str], text: str) -> dict[str, object]:
    conv = client.post("/v1/conversations", json={}, headers=headers).json()
    cid, token = conv["id"], conv["conversation_token"]
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                    headers={**headers, "X-Conversation-Token": token})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def test_grounded_generated_reply_is_sent_and_model_sees_no_personal_data(
    llm_client: tuple[TestClient, dict[str, str]], fake: FakeOpenAI
) -> None:
    client, headers = llm_client
    fake.script(reply=f"Good question! {UK} [1]")
    out = ask(client, headers,
              "I'm priya.raman@example.com, how long does delivery to the UK take?")
    reply = out["reply"]
    assert isinstance(reply, dict)
    assert reply["text"].startswith("Good question!") and reply["ai_generated"]
    assert fake.requests, "the model was asked"
    seen = "\n".join(r.message_text for r in fake.requests)
    assert "priya.raman@example.com" not in seen and "<EMAIL_1>" in seen


def test_unsupported_generated_sentence_falls_back_to_the_quote(
    llm_client: tuple[TestClient, dict[str, str]], fake: FakeOpenAI
) -> None:
    client, headers = llm_client
    fake.script(reply="Delivery to the UK is free and arrives by drone within one hour. [1]")
    out = ask(client, headers, "How long does delivery to the UK take?")
    reply = out["reply"]
    assert isinstance(reply, dict)
    assert "drone" not in reply["text"]
    assert reply["sources"] and reply["sources"][0]["quote"] in reply["text"]


def test_backend_timeout_falls_back_to_the_quote(
    llm_client: tuple[TestClient, dict[str, str]], fake: FakeOpenAI
) -> None:
    client, headers = llm_client
    fake.script(reply=UK, delay_s=3.0)
    out = ask(client, headers, "How long does delivery to the UK take?")
    reply = out["reply"]
    assert isinstance(reply, dict) and "2 to 4 business days" in reply["text"]
