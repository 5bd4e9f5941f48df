"""Benchmark: cost of the grounding check and of the responder, next to a bare LLM call.

Run: .venv/bin/python tests/llm/bench_llm.py
Baseline in the same run: one bare ChatCompletionsClient.complete() round trip to a
loopback OpenAI-protocol server (the cheapest possible model call). The grounding
check should cost a small fraction of that; a real model takes 0.3-5 s.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from trustdesk.ai.llm import (
    ChatCompletionsClient,
    GenerativeResponder,
    LlmConfig,
    SourcePassage,
    check_grounding,
)

from fake_openai import FakeOpenAI

PASSAGES = [
    SourcePassage(
        f"kb-{n}",
        title,
        heading,
        " ".join([text] * 3),  # ~3x a short help-centre paragraph
        None,
    )
    for n, (title, heading, text) in enumerate(
        [
            ("Returns and refunds", "Returning an item",
             "You can return most items within 30 days of delivery. Refunds go to the "
             "original payment method within 5 to 10 business days. Gift cards cannot be "
             "refunded."),
            ("Shipping", "Delivery times",
             "Orders ship from our warehouse within 2 business days. Standard delivery to "
             "the UK and EU takes 3 to 7 business days."),
            ("Loom Rewards", "Earning points",
             "Members earn 1 point for every dollar spent. Points expire after 12 months "
             "without account activity."),
            ("Gift cards", "Using a gift card",
             "Gift cards never expire and can be used on any product in the shop."),
            ("Accounts", "Changing your address",
             "You can change your delivery address in your account until the order ships."),
        ],
        start=1,
    )
]
REPLY = (
    "Thanks for reaching out! You can return most items within 30 days of delivery [1]. "
    "Refunds go to the original payment method within 5 to 10 business days [1]. "
    "Orders ship within 2 business days [2]. Gift cards never expire [4]. "
    "I hope this helps."
)
QUESTION = "Hi, I'm <PERSON_1>. Can I return the lamp from <ORDER_1> and get a refund?"


def timed(label: str, fn: Callable[[], object], repeat: int) -> float:
    for _ in range(min(20, repeat)):
        fn()  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    median = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"{label:<48} median {median:8.3f} ms   p95 {p95:8.3f} ms   (n={repeat})")
    return median


def main() -> None:
    verdict = check_grounding(REPLY, PASSAGES, input_text=QUESTION)
    assert verdict.action == "send", verdict
    with FakeOpenAI() as fake:
        fake.script(reply=REPLY)
        client = ChatCompletionsClient(LlmConfig(fake.base_url, "bench"))
        responder = GenerativeResponder(client)
        messages = [{"role": "user", "content": QUESTION}]
        baseline = timed("baseline: bare complete() over loopback HTTP", lambda: client.complete(
            messages), 300)
        grounding = timed(
            "check_grounding (5 sentences, 5 passages)",
            lambda: check_grounding(REPLY, PASSAGES, input_text=QUESTION),
            1000,
        )
        respond = timed(
            "GenerativeResponder.respond (HTTP + check)",
            lambda: responder.respond(QUESTION, PASSAGES, fallback="x"),
            300,
        )
        client.close()
    print(f"grounding check / bare loopback call: {grounding / baseline:.2f}x")
    print(f"responder overhead over bare call:    {respond - baseline:+.3f} ms")


if __name__ == "__main__":
    main()
