"""Fixtures for the LLM tests: a live fake OpenAI server and Lumen & Loom passages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from trustdesk.ai.llm import ChatCompletionsClient, LlmConfig, SourcePassage

from fake_openai import FakeOpenAI
from sleep_log import SleepLog


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def sleeps() -> SleepLog:
    return SleepLog()


@pytest.fixture
def make_client(
    fake_openai: FakeOpenAI, sleeps: SleepLog
) -> Iterator[Callable[..., ChatCompletionsClient]]:
    """Build clients against the fake server; ``LlmConfig`` fields may be overridden."""
    clients: list[ChatCompletionsClient] = []

    def build(**overrides: Any) -> ChatCompletionsClient:
        settings: dict[str, Any] = {
            "base_url": fake_openai.base_url,
            "model": "fake-model",
            "timeout_s": 2.0,
            "max_retries": 2,
        }
        settings.update(overrides)
        client = ChatCompletionsClient(LlmConfig(**settings), sleep=sleeps, jitter=lambda: 0.5)
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def passages() -> list[SourcePassage]:
    return [
        SourcePassage(
            article_id="kb-returns",
            title="Returns and refunds",
            heading="Returning an item",
            text=(
                "You can return most items within 30 days of delivery. "
                "Refunds go to the original payment method within 5 to 10 business days. "
                "Gift cards cannot be refunded."
            ),
            url="https://help.lumenandloom.example/returns",
        ),
        SourcePassage(
            article_id="kb-rewards",
            title="Loom Rewards",
            heading="Earning points",
            text=(
                "Loom Rewards members earn 1 point for every dollar spent. "
                "Points expire after 12 months without account activity. "
                "Questions about points: write to rewards@lumenandloom.example."
            ),
            url=None,
        ),
        SourcePassage(
            article_id="kb-shipping",
            title="Shipping",
            heading="Delivery times",
            text=(
                "Orders ship from our warehouse within 2 business days. "
                "Standard delivery to the UK and EU takes 3 to 7 business days."
            ),
            url="https://help.lumenandloom.example/shipping",
        ),
    ]
