"""The AI disclosure: brand and wording from settings, per language, validated, on record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from trustdesk.settings import Settings
from trustdesk.transparency.disclosure import Disclosure, DisclosureError

from app_support import Keys

# What the demo said before the wording left the code: the default must not change it.
DEMO_TEXT = (
    "You are chatting with Lumen & Loom's AI assistant. Its answers are generated "
    "automatically. Ask \"why?\" to see how it decided, or ask for a human at any time."
)


def test_default_disclosure_is_the_demo_text() -> None:
    assert Settings().disclosure.text("en") == DEMO_TEXT
    assert Settings().disclosure.text(None) == DEMO_TEXT


def test_each_agent_language_has_its_own_wording_and_others_fall_back() -> None:
    d = Settings(brand_name="Acme").disclosure
    texts = {lang: d.text(lang) for lang in ("en", "es", "fr", "de")}
    assert len(set(texts.values())) == 4 and all("Acme" in t for t in texts.values())
    assert "IA" in texts["es"] and "IA" in texts["fr"] and "KI" in texts["de"]
    assert d.text("it") == texts["en"] and d.language_of("it") == "en"


def test_a_deployment_words_it_itself() -> None:
    d = Disclosure.configured("Acme", {"en": "Acme's AI helper is answering you.",
                                       "it": "Risponde l'assistente AI di {brand}."}, "it")
    assert d.text("en") == "Acme's AI helper is answering you."
    assert d.text("it") == "Risponde l'assistente AI di Acme."
    assert d.text("pt") == d.text("it")  # the configured default language
    assert d.languages == ("de", "en", "es", "fr", "it")


@pytest.mark.parametrize(
    ("kwargs", "setting", "problem"),
    [
        ({"ai_disclosure": {"en": "Hello from {shop}'s AI"}}, "ai_disclosure",
         "only the placeholder {brand}"),
        ({"ai_disclosure": {"en": "Hello from {brand"}}, "ai_disclosure", "unmatched brace"),
        ({"ai_disclosure": {"english": "AI {brand}"}}, "ai_disclosure", "language codes"),
        ({"ai_disclosure": {"en": "Hello from {brand}"}}, "ai_disclosure",
         "talks to an AI"),
        ({"ai_disclosure": {"en": ""}}, "ai_disclosure", "1-1000 characters"),
        ({"brand_name": "  "}, "brand_name", "TRUSTDESK_BRAND_NAME"),
        ({"brand_name": "Acme\nInc"}, "brand_name", "one line"),
        ({"disclosure_default_language": "it"}, "disclosure_default_language",
         "no disclosure text for 'it'"),
        ({"system_card_url": "card page"}, "system_card_url", "starting with /"),
        ({"worker_healthcheck_timeout_s": 0}, "worker_healthcheck_timeout_s", "greater"),
    ],
)
def test_bad_settings_name_the_setting(kwargs: dict[str, Any], setting: str,
                                       problem: str) -> None:
    with pytest.raises(ValidationError) as info:
        Settings(**kwargs)
    error = info.value.errors()[0]
    assert error["loc"] == (setting,) and problem in error["msg"]


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTDESK_BRAND_NAME", "Acme")
    monkeypatch.setenv("TRUSTDESK_AI_DISCLOSURE", '{"en": "You talk to {brand}\'s AI."}')
    monkeypatch.setenv("TRUSTDESK_WORKER_HEALTHCHECK_TIMEOUT_S", "90")
    s = Settings()
    assert s.disclosure.text("en") == "You talk to Acme's AI."
    assert s.worker_healthcheck_timeout_s == 90


def test_the_cli_names_a_bad_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from trustdesk.cli.main import app

    result = CliRunner().invoke(app, ["transparency", "system-card"], env={
        "TRUSTDESK_DATA_DIR": str(tmp_path), "TRUSTDESK_AI_DISCLOSURE": '{"en": "{shop}"}'})
    assert result.exit_code == 2
    assert "TRUSTDESK_AI_DISCLOSURE" in result.output and "{brand}" in result.output


def test_disclosure_error_is_a_value_error() -> None:
    with pytest.raises(DisclosureError):
        Disclosure.configured("Acme", {"xx1": "AI"})


@pytest.fixture
def acme(settings: Settings) -> Settings:
    return settings.model_copy(update={"brand_name": "Acme Outdoor",
                                       "ai_disclosure": {"en": "Acme's AI answers: {brand}."}})


def test_first_reply_carries_the_configured_disclosure_and_the_transcript_keeps_it(
    acme: Settings,
) -> None:
    from trustdesk.api.app import create_app
    from trustdesk.bootstrap import bootstrap
    from trustdesk.domain import Role
    from trustdesk.service.keys import create_key

    svc = bootstrap(acme)
    try:
        key = {"Authorization": f"Bearer {create_key(svc.db, Role.ADMIN, 'a').secret}"}
        with TestClient(create_app(svc)) as client:
            cid = client.post("/v1/conversations", json={}, headers=key).json()["id"]
            first = client.post(f"/v1/conversations/{cid}/messages", headers=key,
                                json={"text": "How long does delivery to the UK take?"}).json()
            second = client.post(f"/v1/conversations/{cid}/messages", headers=key,
                                 json={"text": "Can I pay with a gift card?"}).json()
            transcript = client.get(f"/v1/conversations/{cid}/messages", headers=key).json()
    finally:
        svc.db.dispose()
    assert first["reply"]["disclosure"] == "Acme's AI answers: Acme Outdoor."
    assert second["reply"]["disclosure"] is None
    senders = [(m["sender"], m["ai_generated"]) for m in transcript["messages"]]
    # customer, the disclosure (a fixed notice, not AI output), the AI's reply, ...
    assert senders[:3] == [("customer", False), ("system", False), ("ai", True)]
    assert transcript["messages"][1]["text"] == "Acme's AI answers: Acme Outdoor."
    assert sum(m["text"] == first["reply"]["disclosure"] for m in transcript["messages"]) == 1


def test_the_demo_disclosure_is_unchanged_over_the_api(client: TestClient, keys: Keys) -> None:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    r = client.post(f"/v1/conversations/{cid}/messages", headers=keys.widget,
                    json={"text": "How long does delivery to the UK take?"}).json()
    assert r["reply"]["disclosure"] == DEMO_TEXT


def test_the_llm_prompt_names_the_configured_brand(settings: Settings) -> None:
    from trustdesk.bootstrap import _generator

    generator = _generator(settings.model_copy(update={
        "brand_name": "Acme Outdoor", "llm_base_url": "http://127.0.0.1:9/v1"}))
    assert generator is not None and generator._shop_name == "Acme Outdoor"
