"""GenerativeResponder end to end against the fake OpenAI server."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from trustdesk.ai.llm import (
    FALLBACK,
    HANDOFF,
    SEND,
    ChatCompletionsClient,
    GenerativeResponder,
    SourcePassage,
    UnredactedInputError,
)

from fake_openai import FakeOpenAI

MakeClient = Callable[..., ChatCompletionsClient]
QUESTION = "Hi, I'm <PERSON_1>. How long do I have to return a lamp from <ORDER_1>?"
EXTRACTIVE = "You can return most items within 30 days of delivery."


@pytest.fixture
def responder(make_client: MakeClient) -> GenerativeResponder:
    return GenerativeResponder(make_client(timeout_s=0.3), shop_name="Lumen & Loom")


def test_grounded_reply_is_sent_with_citations(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(
        reply="Hi <PERSON_1>, you can return most items within 30 days of delivery [1]. "
        "Refunds go to the original payment method [1]."
    )

    reply = responder.respond(QUESTION, passages, fallback=EXTRACTIVE)

    assert reply.action == SEND
    assert reply.text.startswith("Hi <PERSON_1>, you can return")
    assert reply.cited == ("kb-returns",)
    assert reply.fallback_used is False
    assert reply.model == "fake-model"
    assert reply.latency_ms > 0


def test_prompt_numbers_passages_and_fences_the_question(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(reply="NO_ANSWER")
    responder.respond(QUESTION, passages, fallback=None)

    system, user = fake_openai.requests[0].body["messages"]
    assert system["role"] == "system" and "Lumen & Loom" in system["content"]
    assert "ONLY the numbered passages" in system["content"]
    assert re.search(r"^\[1\] Returns and refunds — Returning an item$", user["content"], re.M)
    assert re.search(r"^\[3\] Shipping — Delivery times$", user["content"], re.M)
    assert f"<question>\n{QUESTION}\n</question>" in user["content"]


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("My email is jane.doe@example.com, where is my refund?", ("email",)),
        ("Call me on +44 7700 900123 about the rug.", ("phone",)),
        ("I paid with 4111-1111-1111-1111, refund it.", ("card",)),
        ("jane@example.com / (555) 123-4567", ("email", "phone")),
    ],
)
def test_raw_personal_data_is_refused_before_any_request(
    fake_openai: FakeOpenAI,
    responder: GenerativeResponder,
    passages: list[SourcePassage],
    question: str,
    kinds: tuple[str, ...],
) -> None:
    with pytest.raises(UnredactedInputError, match="redact") as caught:
        responder.respond(question, passages, fallback=EXTRACTIVE)

    assert caught.value.kinds == kinds
    assert fake_openai.requests == []


def test_only_redacted_text_reaches_the_model(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(reply="You can return most items within 30 days of delivery [1].")
    responder.respond(QUESTION, passages, fallback=EXTRACTIVE)

    sent = fake_openai.requests[0].message_text
    assert "<PERSON_1>" in sent and "<ORDER_1>" in sent
    customer_part = sent.split("<question>")[1]
    assert not re.search(r"[\w.]+@[\w.]+\.\w+|\d{9,}", customer_part)


def test_timeout_falls_back_to_the_extractive_answer(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(reply="late", delay_s=2.0)

    reply = responder.respond(QUESTION, passages, fallback=EXTRACTIVE)

    assert reply.action == FALLBACK
    assert reply.verdict.reason == "llm_timeout"
    assert (reply.text, reply.fallback_used, reply.cited) == (EXTRACTIVE, True, ())
    assert 250 < reply.latency_ms < 1500


def test_timeout_without_fallback_hands_off(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(reply="late", delay_s=2.0)

    reply = responder.respond(QUESTION, passages, fallback=None)

    assert (reply.action, reply.text, reply.fallback_used) == (HANDOFF, "", False)


def test_unavailable_backend_falls_back(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(failures=10, failure_status=503)

    reply = responder.respond(QUESTION, passages, fallback=EXTRACTIVE)

    assert (reply.action, reply.verdict.reason) == (FALLBACK, "llm_unavailable")
    assert len(fake_openai.requests) == 3


def test_rejected_backend_falls_back(
    fake_openai: FakeOpenAI, responder: GenerativeResponder, passages: list[SourcePassage]
) -> None:
    fake_openai.script(required_key="needed")

    reply = responder.respond(QUESTION, passages, fallback=EXTRACTIVE)

    assert (reply.action, reply.verdict.reason) == (FALLBACK, "llm_error")


@pytest.mark.parametrize(
    ("answer", "fallback", "action", "reason"),
    [
        ("Returns are free for 90 days and we pick them up [1].", EXTRACTIVE, FALLBACK,
         "unsupported_sentences"),
        ("Returns are free for 90 days and we pick them up [1].", None, HANDOFF,
         "unsupported_sentences"),
        ("Write to jane@example.com to return it within 30 days [1].", EXTRACTIVE, FALLBACK,
         "output_personal_data"),
        ("NO_ANSWER", EXTRACTIVE, HANDOFF, "model_declined"),
        ("", EXTRACTIVE, FALLBACK, "empty_reply"),
    ],
)
def test_ungrounded_or_leaking_reply_is_not_sent(
    fake_openai: FakeOpenAI,
    responder: GenerativeResponder,
    passages: list[SourcePassage],
    answer: str,
    fallback: str | None,
    action: str,
    reason: str,
) -> None:
    fake_openai.script(reply=answer)

    reply = responder.respond(QUESTION, passages, fallback=fallback)

    assert (reply.action, reply.verdict.reason) == (action, reason)
    assert reply.text == (fallback if action == FALLBACK else "")
    assert answer not in reply.text or not answer


def test_no_passages_means_no_request(
    fake_openai: FakeOpenAI, responder: GenerativeResponder
) -> None:
    reply = responder.respond(QUESTION, [], fallback=None)

    assert (reply.action, reply.verdict.reason) == (HANDOFF, "no_passages")
    assert fake_openai.requests == []


def test_responder_accepts_any_chat_backend(passages: list[SourcePassage]) -> None:
    class EchoFirstPassage:
        """A backend that is not HTTP at all: the responder only needs ``complete``."""

        model = "echo"

        def complete(self, messages: Any) -> str:
            return "Loom Rewards members earn 1 point for every dollar spent [2]."

    reply = GenerativeResponder(EchoFirstPassage()).respond(QUESTION, passages, fallback=None)

    assert reply.action == SEND and reply.cited == ("kb-rewards",) and reply.model == "echo"


@pytest.mark.parametrize("value", [0.0, -0.1, 1.5])
def test_min_support_must_be_a_share(make_client: MakeClient, value: float) -> None:
    with pytest.raises(ValueError, match="min_support"):
        GenerativeResponder(make_client(), min_support=value)
