"""`trustdesk llm ...`: check an LLM backend and try the grounding check by hand."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Annotated

import typer

from trustdesk.ai.llm.client import ChatCompletionsClient
from trustdesk.ai.llm.config import LlmConfig
from trustdesk.ai.llm.errors import LlmConfigError, LlmError
from trustdesk.ai.llm.grounding import DEFAULT_MIN_SUPPORT, check_grounding
from trustdesk.ai.llm.sources import SourcePassage

app = typer.Typer(
    help="Generative (LLM) backend: connectivity check and grounding check.",
    no_args_is_help=True,
)

_PROBE = [{"role": "user", "content": "Reply with the single word OK."}]


@app.command()
def check(
    base_url: Annotated[
        str,
        typer.Option(
            help="OpenAI-compatible base URL including /v1, e.g. http://localhost:11434/v1.",
            envvar="TRUSTDESK_LLM_BASE_URL",
        ),
    ],
    model: Annotated[
        str, typer.Option(help="Model name served there.", envvar="TRUSTDESK_LLM_MODEL")
    ],
    api_key: Annotated[
        str | None,
        typer.Option(
            help="API key sent as a Bearer token (never printed).",
            envvar="TRUSTDESK_LLM_API_KEY",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the answer.")] = 10.0,
    retries: Annotated[int, typer.Option(help="Retries on connection errors, 429, 5xx.")] = 2,
) -> None:
    """Send a one-word probe to the backend and report latency, or why it failed."""
    try:
        config = LlmConfig(
            base_url=base_url, model=model, api_key=api_key, timeout_s=timeout, max_retries=retries
        )
    except LlmConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None

    started = time.perf_counter()
    try:
        with ChatCompletionsClient(config) as client:
            answer = client.complete(_PROBE)
    except LlmError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    elapsed_ms = (time.perf_counter() - started) * 1000
    typer.echo(f"ok: {config.model} at {config.safe_base_url} answered in {elapsed_ms:.0f} ms")
    typer.echo(f"reply: {answer.strip()[:80]}")


@app.command()
def ground(
    reply: Annotated[str, typer.Option(help="The generated reply to check.")],
    passages: Annotated[
        Path,
        typer.Option(
            help="JSON file: a list of {article_id, title, heading, text, url} objects.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    input_text: Annotated[
        str, typer.Option("--input", help="The redacted question the model was given.")
    ] = "",
    min_support: Annotated[
        float, typer.Option(help="Support score each sentence needs (0-1).", min=0.0, max=1.0)
    ] = DEFAULT_MIN_SUPPORT,
) -> None:
    """Print the grounding verdict for a reply as JSON (for tuning the threshold)."""
    try:
        loaded = json.loads(passages.read_text(encoding="utf-8"))
        sources = [_passage(item) for item in loaded]
    except (ValueError, TypeError, KeyError) as exc:
        typer.echo(
            f"error: {passages} is not a JSON list of passages "
            f"with article_id, title, heading, text ({exc})",
            err=True,
        )
        raise typer.Exit(2) from None
    verdict = check_grounding(reply, sources, input_text=input_text, min_support=min_support)
    typer.echo(json.dumps(dataclasses.asdict(verdict), indent=2, ensure_ascii=False))


def _passage(item: object) -> SourcePassage:
    if not isinstance(item, dict):
        raise TypeError("each passage must be a JSON object")
    return SourcePassage(
        article_id=str(item["article_id"]),
        title=str(item["title"]),
        heading=str(item.get("heading", "")),
        text=str(item["text"]),
        url=item.get("url"),
    )
